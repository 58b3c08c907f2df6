"""The procedures (trámites) organizations file and the acts that decide them.

A `Tramite` is an expediente of the kernel: radicado, code, tracking, events and files come from
`civic.expedientes`; its states and transitions are `organizaciones.workflow`. Each type has its own
radicado series (declared in `organizaciones.declaraciones`), its term and its checklist (`TipoTramite`,
data the office edits).
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import AdjuntoBase, EventoBase, Peticionario, Radicable, RadicacionUnica
from civic.plazos.suspension import TerminoSuspendible

from ..workflow import MAQUINA, Estado
from .registro import Organizacion


class ClaseTramite(models.TextChoices):
    RECONOCIMIENTO = "reconocimiento", _("Reconocimiento de personería jurídica")
    REFORMA_ESTATUTOS = "reforma_estatutos", _("Reforma de estatutos")
    INSCRIPCION_DIGNATARIOS = "inscripcion_dignatarios", _("Inscripción de dignatarios")
    ELECCION_FUERA_TERMINO = "eleccion_fuera_termino", _("Elección fuera de término")
    REGISTRO_LIBROS = "registro_libros", _("Registro de libros")
    CERTIFICADO = "certificado", _("Certificado de existencia y representación legal")
    SUSPENSION = "suspension", _("Suspensión de la personería jurídica")
    CANCELACION = "cancelacion", _("Cancelación de la personería jurídica")
    IMPUGNACION = "impugnacion", _("Impugnación de elección de dignatarios")


# Opened by the secretaría itself (IVC sanctions): no organization files them on the portal.
DE_OFICIO = frozenset({ClaseTramite.SUSPENSION, ClaseTramite.CANCELACION})


class TipoTramite(models.Model):
    """What the office configures per type: its term and whether the portal offers it."""

    clase = models.CharField(_("trámite"), max_length=30, choices=ClaseTramite.choices, unique=True)
    plazo_dias = models.PositiveSmallIntegerField(
        _("término en días hábiles"), default=15, help_text=_("Término para decidir, en días hábiles.")
    )
    en_linea = models.BooleanField(_("se radica en el portal"), default=True)
    descripcion = models.TextField(_("descripción para el ciudadano"), blank=True)

    class Meta:
        verbose_name = _("tipo de trámite")
        verbose_name_plural = _("tipos de trámite")
        ordering = ["clase"]

    def __str__(self):
        return self.get_clase_display()


class DocumentoRequerido(models.Model):
    """One line of a type's checklist (DOMAIN.md §3), editable by the office."""

    tipo = models.ForeignKey(
        TipoTramite, on_delete=models.CASCADE, related_name="documentos", verbose_name=_("tipo de trámite")
    )
    nombre = models.CharField(_("documento"), max_length=200)
    ayuda = models.CharField(_("ayuda"), max_length=300, blank=True)
    obligatorio = models.BooleanField(_("obligatorio"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("documento requerido")
        verbose_name_plural = _("documentos requeridos")
        ordering = ["tipo", "orden", "id"]

    def __str__(self):
        return self.nombre


class Canal(models.TextChoices):
    PORTAL = "portal", _("Portal")
    VENTANILLA = "ventanilla", _("Ventanilla (papel)")
    OFICIO = "oficio", _("De oficio")


class Tramite(Radicable, Peticionario, TerminoSuspendible, RadicacionUnica):
    maquina = MAQUINA

    clase = models.CharField(_("trámite"), max_length=30, choices=ClaseTramite.choices)
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.PROTECT, related_name="tramites", verbose_name=_("organización")
    )
    canal = models.CharField(_("canal"), max_length=12, choices=Canal.choices, default=Canal.PORTAL)
    descripcion = models.TextField(_("descripción"), blank=True)
    estado = models.CharField(_("estado"), max_length=20, choices=Estado.choices, default=Estado.RADICADO)
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tramites_organizaciones",
        verbose_name=_("responsable"),
    )
    plazo_dias = models.PositiveSmallIntegerField(_("término en días hábiles"))
    fecha_limite_correccion = models.DateField(
        _("plazo de la organización para corregir"), null=True, blank=True
    )
    # What the type needs beyond the common fields (a suspension's end, an election's new date…).
    datos = models.JSONField(_("datos del trámite"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    resolucion_impugnada = models.ForeignKey(
        "organizaciones.Resolucion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="impugnaciones",
        verbose_name=_("resolución impugnada"),
    )
    radicado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tramites_organizaciones_radicados",
        verbose_name=_("radicado por"),
    )

    class Meta:
        verbose_name = _("trámite de organización")
        verbose_name_plural = _("trámites de organizaciones")
        ordering = ["-radicada_en", "-id"]
        constraints = [
            *Radicable.Meta.constraints,
            *Peticionario.Meta.constraints,
            models.CheckConstraint(
                condition=Q(estado=Estado.REQUERIMIENTO, fecha_vencimiento__isnull=True)
                | ~Q(estado=Estado.REQUERIMIENTO),
                name="organizaciones_tramite_suspendido_sin_vencimiento",
            ),
        ]
        indexes = [
            models.Index(fields=["estado", "fecha_vencimiento"], name="org_tramite_cola_idx"),
            models.Index(fields=["fecha_limite_correccion"], name="org_tramite_correccion_idx"),
        ]

    @property
    def nombre_peticionario(self) -> str:
        if self.canal == Canal.OFICIO:
            return gettext("De oficio")
        return super().nombre_peticionario


class Evento(EventoBase):
    tramite = models.ForeignKey(Tramite, on_delete=models.CASCADE, related_name="eventos")

    class Meta(EventoBase.Meta):
        verbose_name = _("evento del trámite")
        verbose_name_plural = _("eventos del trámite")


class Adjunto(AdjuntoBase):
    tramite = models.ForeignKey(Tramite, on_delete=models.CASCADE, related_name="adjuntos")
    evento = models.ForeignKey(
        Evento, on_delete=models.SET_NULL, null=True, blank=True, related_name="adjuntos"
    )
    requisito = models.ForeignKey(
        DocumentoRequerido,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("documento de la lista"),
    )

    class Meta(AdjuntoBase.Meta):
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")


class Sentido(models.TextChoices):
    APRUEBA = "aprueba", _("Aprueba")
    NIEGA = "niega", _("Niega")


class Resolucion(models.Model):
    """An administrative act of the IVC authority, numbered in its own yearly series, with its PDF."""

    numero = models.PositiveIntegerField(_("número"))
    anio = models.PositiveSmallIntegerField(_("año"))
    fecha = models.DateField(_("fecha"))
    clase = models.CharField(_("asunto"), max_length=30, choices=ClaseTramite.choices)
    sentido = models.CharField(_("sentido"), max_length=10, choices=Sentido.choices)
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.PROTECT, related_name="resoluciones", verbose_name=_("organización")
    )
    tramite = models.OneToOneField(
        Tramite, on_delete=models.PROTECT, related_name="resolucion", verbose_name=_("trámite")
    )
    considerandos = models.TextField(_("considerandos"))
    firmante = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("firmó")
    )
    pdf = models.FileField(_("PDF"), upload_to="organizaciones/resoluciones/%Y")

    class Meta:
        verbose_name = _("resolución")
        verbose_name_plural = _("resoluciones")
        ordering = ["-anio", "-numero"]
        constraints = [
            models.UniqueConstraint(fields=["anio", "numero"], name="organizaciones_resolucion_numero_unico")
        ]

    def __str__(self):
        return gettext("Resolución %(numero)s de %(anio)s") % {
            "numero": f"{self.numero:04d}",
            "anio": self.anio,
        }


class Certificado(models.Model):
    """A certificate of existence and legal representation: what it certified is frozen in `datos`."""

    codigo = models.CharField(_("código de verificación"), max_length=20, unique=True)
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.PROTECT, related_name="certificados", verbose_name=_("organización")
    )
    tramite = models.ForeignKey(
        Tramite,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificados",
        verbose_name=_("trámite"),
    )
    emitido_en = models.DateTimeField(_("expedido en"))
    emitido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("expidió")
    )
    # The snapshot the verification page shows: never an ID number (DOMAIN.md §3).
    datos = models.JSONField(_("lo certificado"), encoder=DjangoJSONEncoder)
    pdf = models.FileField(_("PDF"), upload_to="organizaciones/certificados/%Y")
    revocado_en = models.DateTimeField(_("revocado en"), null=True, blank=True)
    motivo_revocacion = models.TextField(_("motivo de la revocatoria"), blank=True)

    class Meta:
        verbose_name = _("certificado")
        verbose_name_plural = _("certificados")
        ordering = ["-emitido_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revocado_en__isnull=True) | ~Q(motivo_revocacion=""),
                name="organizaciones_revocatoria_motivada",
                violation_error_message=_("La revocatoria debe explicar su motivo."),
            )
        ]

    def __str__(self):
        return self.codigo
