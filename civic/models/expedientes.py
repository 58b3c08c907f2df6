from django.db import models
from django.utils.translation import gettext_lazy as _


class Consecutivo(models.Model):
    """The last radicado number used in a series and year; its row is locked while something is filed.

    A series is usually one app's (PQRS, organizaciones…); the archive office may map several apps to one
    entity-wide series (AGN Acuerdo 060 de 2001) with the RADICADO_SERIES setting.
    """

    serie = models.CharField(_("serie"), max_length=30)
    anio = models.PositiveSmallIntegerField(_("año"))
    ultimo = models.PositiveIntegerField(_("último consecutivo"), default=0)

    class Meta:
        verbose_name = _("consecutivo de radicación")
        verbose_name_plural = _("consecutivos de radicación")
        ordering = ["serie", "-anio"]
        constraints = [
            models.UniqueConstraint(fields=["serie", "anio"], name="consecutivo_serie_anio_unico"),
        ]

    def __str__(self):
        return f"{self.serie} {self.anio}: {self.ultimo}"


class Anonimizacion(models.Model):
    """The record that an expediente's personal data were erased at the end of its retention period
    (Ley 1581/2012 art. 4 lit. g and art. 11; the entity's TRD), written by civic.expedientes.retencion.

    Kept in the kernel, by content type and id, so no app needs a field for it; its unique key makes the
    erasure idempotent (a second run skips what is recorded here).
    """

    objeto_tipo = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, verbose_name=_("tipo de expediente")
    )
    objeto_id = models.PositiveBigIntegerField(_("id del expediente"))
    radicado = models.CharField(_("radicado"), max_length=30)
    momento = models.DateTimeField(_("anonimizado en"))
    # The moment the retention period counted from, as it was found (the last event, by default).
    cerrado_en = models.DateTimeField(_("cerrado en"))
    adjuntos_borrados = models.PositiveIntegerField(_("archivos borrados"), default=0)

    class Meta:
        verbose_name = _("anonimización por retención")
        verbose_name_plural = _("anonimizaciones por retención")
        ordering = ["-momento"]
        constraints = [
            models.UniqueConstraint(fields=["objeto_tipo", "objeto_id"], name="anonimizacion_objeto_unica"),
        ]

    def __str__(self):
        return self.radicado
