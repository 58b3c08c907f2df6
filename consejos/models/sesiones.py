"""A session of an instancia: when and where, its agenda, who came, what was decided."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .instancias import GrupoPoblacional, Instancia, Integrante, Sector, Tema


class TipoSesion(models.TextChoices):
    ORDINARIA = "ordinaria", _("Ordinaria")
    EXTRAORDINARIA = "extraordinaria", _("Extraordinaria")


class EstadoSesion(models.TextChoices):
    PROGRAMADA = "programada", _("Programada")
    REALIZADA = "realizada", _("Realizada")
    CANCELADA = "cancelada", _("Cancelada")


class Sesion(models.Model):
    instancia = models.ForeignKey(
        Instancia, on_delete=models.PROTECT, related_name="sesiones", verbose_name=_("instancia")
    )
    # Consecutive per instancia and year, given by `services.sesiones.programar` (civic's counters).
    anio = models.PositiveSmallIntegerField(_("año"), editable=False)
    numero = models.PositiveIntegerField(_("número"), editable=False)
    tipo = models.CharField(
        _("tipo"), max_length=15, choices=TipoSesion.choices, default=TipoSesion.ORDINARIA
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoSesion.choices, default=EstadoSesion.PROGRAMADA
    )
    inicio = models.DateTimeField(_("fecha y hora"))
    fin = models.DateTimeField(_("hora de cierre"), null=True, blank=True)
    lugar = models.CharField(_("lugar"), max_length=200)
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sesiones",
        verbose_name=_("comuna donde se realizó"),
    )
    convocada_en = models.DateField(_("convocada el"), null=True, blank=True)
    # Open events (a Gobierno en las comunas day): how many came, and which organizations were there.
    asistentes_comunidad = models.PositiveIntegerField(_("asistentes de la comunidad"), default=0)
    organizaciones_presentes = models.ManyToManyField(
        "organizaciones.Organizacion",
        blank=True,
        related_name="sesiones_asistidas",
        verbose_name=_("organizaciones presentes"),
    )
    temas = models.ManyToManyField(Tema, blank=True, related_name="sesiones", verbose_name=_("temas"))
    grupos = models.ManyToManyField(
        GrupoPoblacional, blank=True, related_name="sesiones", verbose_name=_("grupos poblacionales")
    )
    proxima_sesion = models.CharField(_("próxima sesión"), max_length=200, blank=True)
    motivo_cancelacion = models.CharField(_("motivo de la cancelación"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sesión")
        verbose_name_plural = _("sesiones")
        ordering = ["-inicio"]
        constraints = [
            models.UniqueConstraint(
                fields=["instancia", "anio", "numero"], name="consejos_sesion_numero_unico"
            ),
            models.CheckConstraint(
                condition=Q(fin__isnull=True) | Q(fin__gte=models.F("inicio")),
                name="consejos_sesion_horario",
                violation_error_message=_("La hora de cierre debe ser posterior a la de inicio."),
            ),
        ]
        indexes = [
            models.Index(fields=["comuna", "-inicio"], name="consejos_sesion_comuna_idx"),
            models.Index(fields=["instancia", "-inicio"], name="consejos_sesion_instancia_idx"),
            models.Index(fields=["estado", "inicio"], name="consejos_sesion_proximas_idx"),
        ]

    def __str__(self):
        return gettext("Sesión %(numero)s de %(anio)s – %(instancia)s") % {
            "numero": self.numero,
            "anio": self.anio,
            "instancia": self.instancia,
        }


class PuntoAgenda(models.Model):
    sesion = models.ForeignKey(
        Sesion, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("sesión")
    )
    orden = models.PositiveSmallIntegerField(_("orden"))
    titulo = models.CharField(_("punto"), max_length=300)
    desarrollo = models.TextField(_("desarrollo"), blank=True)

    class Meta:
        verbose_name = _("punto del orden del día")
        verbose_name_plural = _("orden del día")
        ordering = ["sesion", "orden"]
        constraints = [models.UniqueConstraint(fields=["sesion", "orden"], name="consejos_punto_orden_unico")]

    def __str__(self):
        return f"{self.orden}. {self.titulo}"


class EstadoAsistencia(models.TextChoices):
    PRESENTE = "presente", _("Presente")
    AUSENTE = "ausente", _("Ausente")
    EXCUSADO = "excusado", _("Excusado")


class Asistencia(models.Model):
    sesion = models.ForeignKey(
        Sesion, on_delete=models.CASCADE, related_name="asistencias", verbose_name=_("sesión")
    )
    integrante = models.ForeignKey(
        Integrante, on_delete=models.PROTECT, related_name="asistencias", verbose_name=_("integrante")
    )
    estado = models.CharField(_("asistencia"), max_length=10, choices=EstadoAsistencia.choices)

    class Meta:
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencia de integrantes")
        ordering = ["sesion", "integrante__rol", "integrante__nombre"]
        constraints = [
            models.UniqueConstraint(fields=["sesion", "integrante"], name="consejos_asistencia_unica")
        ]

    def __str__(self):
        return f"{self.integrante} – {self.get_estado_display()}"


class Invitado(models.Model):
    """A guest of a session. Officials and representatives are public in the acta; a private citizen at
    an open event only with their consent (otherwise the acta counts them)."""

    sesion = models.ForeignKey(
        Sesion, on_delete=models.CASCADE, related_name="invitados", verbose_name=_("sesión")
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    cargo = models.CharField(_("cargo"), max_length=200, blank=True)
    entidad = models.CharField(_("entidad u organización"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    # Ley 1581/2012: a private person's name is published only with their authorization.
    publicar_nombre = models.BooleanField(
        _("su nombre puede publicarse"),
        default=True,
        help_text=_("Desmarque para un ciudadano que no autorizó publicar su nombre: el acta lo cuenta."),
    )

    class Meta:
        verbose_name = _("invitado")
        verbose_name_plural = _("invitados")
        ordering = ["sesion", "nombre"]

    def __str__(self):
        return self.nombre


class Decision(models.Model):
    sesion = models.ForeignKey(
        Sesion, on_delete=models.CASCADE, related_name="decisiones", verbose_name=_("sesión")
    )
    punto = models.ForeignKey(
        PuntoAgenda,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisiones",
        verbose_name=_("punto"),
    )
    texto = models.TextField(_("decisión"))
    votos_favor = models.PositiveSmallIntegerField(_("votos a favor"), null=True, blank=True)
    votos_contra = models.PositiveSmallIntegerField(_("votos en contra"), null=True, blank=True)
    abstenciones = models.PositiveSmallIntegerField(_("abstenciones"), null=True, blank=True)

    class Meta:
        verbose_name = _("decisión")
        verbose_name_plural = _("decisiones")
        ordering = ["sesion", "id"]

    def __str__(self):
        return self.texto[:80]


def ruta_anexo(instancia, nombre: str) -> str:
    # An unguessable name without the uploader's: files are served only through the acta's pages.
    return f"consejos/anexos/{uuid.uuid4().hex}"


class Anexo(models.Model):
    sesion = models.ForeignKey(
        Sesion, on_delete=models.CASCADE, related_name="anexos", verbose_name=_("sesión")
    )
    titulo = models.CharField(_("título"), max_length=200)
    archivo = models.FileField(_("archivo"), upload_to=ruta_anexo)
    publico = models.BooleanField(_("se publica con el acta"), default=True)

    class Meta:
        verbose_name = _("anexo")
        verbose_name_plural = _("anexos")
        ordering = ["sesion", "id"]

    def __str__(self):
        return self.titulo
