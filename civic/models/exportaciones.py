import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def ruta_privada(exportacion: "Exportacion", nombre: str) -> str:
    # A random name in the private media (never served by URL): only the owner's download view reads it.
    return f"exportaciones/{exportacion.creada:%Y/%m}/{uuid.uuid4().hex}.csv"


class Exportacion(models.Model):
    """A list exported to a file by the worker (`civic.exportaciones`), for an export that may outlive a
    request: who asked, what (the app's declared export and the list's query string), how far it went,
    the file once done and until when it is kept."""

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("En cola")
        EN_CURSO = "en_curso", _("En curso")
        LISTA = "lista", _("Lista para descargar")
        FALLIDA = "fallida", _("No se pudo terminar")

    propietario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="exportaciones",
        verbose_name=_("quién la pidió"),
    )
    clave = models.CharField(_("exportación declarada"), max_length=60)
    titulo = models.CharField(_("título"), max_length=200)
    # The list's filters and search as the person saw them (a query string); rebuilt by the app in the job.
    parametros = models.TextField(_("filtros"), blank=True)
    # Decided when asked and checked again on download: the file has the personal columns
    # (Ley 1581/2012 art. 4 lit. g), so only an owner who still holds that permission reads it.
    datos_personales = models.BooleanField(_("con datos personales"), default=False)
    estado = models.CharField(_("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE)
    total = models.PositiveIntegerField(_("filas por exportar"), null=True, blank=True)
    procesadas = models.PositiveIntegerField(_("filas exportadas"), default=0)
    archivo = models.FileField(_("archivo"), upload_to=ruta_privada, blank=True)
    nombre_archivo = models.CharField(_("nombre del archivo"), max_length=120)
    error = models.TextField(_("error"), blank=True)
    creada = models.DateTimeField(_("pedida en"), auto_now_add=True)
    # Moved by every batch of rows: a job whose worker died stops moving it (see `interrumpida`).
    actualizada = models.DateTimeField(_("último avance"), auto_now=True)
    terminada = models.DateTimeField(_("terminada en"), null=True, blank=True)
    expira = models.DateTimeField(_("disponible hasta"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("exportación")
        verbose_name_plural = _("exportaciones")
        ordering = ["-creada"]
        indexes = [models.Index(fields=["propietario", "-creada"], name="civic_exportacion_propia_idx")]

    def __str__(self):
        return f"{self.titulo} ({self.creada:%Y-%m-%d %H:%M})"
