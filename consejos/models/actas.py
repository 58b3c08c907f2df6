"""The acta of a session: numbered per instancia and year, approved, published and frozen.

What the public reads is a `VersionActa`: the HTML and PDF rendered from the session's data at the
moment of publication, with its search vector. A correction publishes a new version; the earlier ones
stay readable with their dates.
"""

import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import EventoBase
from civic.indices import IndiceBusqueda

from ..workflow import MAQUINA_ACTA, EstadoActa
from .sesiones import Sesion


def ruta_escaneo(instancia, nombre: str) -> str:
    # An unguessable name without the uploader's: the signed scan is served only through the acta's page.
    return f"consejos/actas/escaneos/{uuid.uuid4().hex}"


class Acta(models.Model):
    maquina = MAQUINA_ACTA

    sesion = models.OneToOneField(
        Sesion, on_delete=models.PROTECT, related_name="acta", verbose_name=_("sesión")
    )
    anio = models.PositiveSmallIntegerField(_("año"), editable=False)
    numero = models.PositiveIntegerField(_("número"), editable=False)
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoActa.choices, default=EstadoActa.BORRADOR
    )
    # The version being prepared or, once published, the last one published.
    version = models.PositiveSmallIntegerField(_("versión"), default=1)
    # The day the session was held, copied here so the unpublished-acta reminders sweep an index.
    fecha_sesion = models.DateField(_("fecha de la sesión"))
    # Why the published acta is being corrected; the next published version carries it.
    motivo_correccion = models.TextField(_("motivo de la corrección en curso"), blank=True)
    escaneo_firmado = models.FileField(_("acta firmada (escaneada)"), upload_to=ruta_escaneo, blank=True)

    class Meta:
        verbose_name = _("acta")
        verbose_name_plural = _("actas")
        ordering = ["-fecha_sesion"]
        constraints = [
            models.UniqueConstraint(fields=["sesion"], name="consejos_acta_sesion_unica"),
        ]
        indexes = [models.Index(fields=["estado", "fecha_sesion"], name="consejos_acta_pendiente_idx")]

    def __str__(self):
        return gettext("Acta %(numero)s de %(anio)s – %(instancia)s") % {
            "numero": f"{self.numero:03d}",
            "anio": self.anio,
            "instancia": self.sesion.instancia if self.sesion_id else "",
        }


class EventoActa(EventoBase):
    acta = models.ForeignKey(Acta, on_delete=models.CASCADE, related_name="eventos")

    class Meta(EventoBase.Meta):
        verbose_name = _("evento del acta")
        verbose_name_plural = _("eventos del acta")


class VersionActaQuerySet(models.QuerySet):
    def vigentes(self):
        """The last published version of each acta: what the portal shows and searches."""
        return self.filter(vigente=True)


def ruta_pdf(instancia, nombre: str) -> str:
    return f"consejos/actas/{uuid.uuid4().hex}.pdf"


class VersionActa(models.Model):
    """A published acta, frozen: never updated (only `vigente` moves to the next correction)."""

    acta = models.ForeignKey(Acta, on_delete=models.PROTECT, related_name="versiones", verbose_name=_("acta"))
    numero = models.PositiveSmallIntegerField(_("versión"))
    publicada_en = models.DateTimeField(_("publicada en"))
    motivo = models.TextField(_("motivo de la corrección"), blank=True)
    titulo = models.CharField(_("título"), max_length=300)
    html = models.TextField(_("contenido"))
    texto = models.TextField(_("texto para la búsqueda"))
    pdf = models.FileField(_("PDF"), upload_to=ruta_pdf)
    vigente = models.BooleanField(_("es la versión vigente"), default=True)
    # PostgreSQL full-text search (civic.busqueda), written at publication; null on SQLite.
    vector = SearchVectorField(null=True, editable=False)
    # Copied from the session for the portal's filters without joins.
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comuna"),
    )
    instancia = models.ForeignKey(
        "consejos.Instancia", on_delete=models.PROTECT, related_name="+", verbose_name=_("instancia")
    )
    fecha_sesion = models.DateField(_("fecha de la sesión"))

    objects = VersionActaQuerySet.as_manager()

    class Meta:
        verbose_name = _("versión publicada del acta")
        verbose_name_plural = _("versiones publicadas de actas")
        ordering = ["-fecha_sesion", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["acta", "numero"], name="consejos_version_unica"),
            models.UniqueConstraint(
                fields=["acta"], condition=models.Q(vigente=True), name="consejos_una_version_vigente"
            ),
        ]
        indexes = [
            IndiceBusqueda("vector", name="consejos_acta_busqueda_idx"),
            models.Index(fields=["vigente", "comuna", "-fecha_sesion"], name="consejos_version_comuna_idx"),
            models.Index(fields=["vigente", "instancia", "-fecha_sesion"], name="consejos_version_inst_idx"),
            models.Index(fields=["vigente", "-publicada_en"], name="consejos_version_recientes_idx"),
        ]

    def __str__(self):
        return f"{self.titulo} (v{self.numero})"
