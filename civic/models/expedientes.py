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
