"""Abstract models every filed thing is built from: its radicado, its petitioner, its events, its files.

Each app declares a concrete model on these bases (a PQRS `Solicitud`, an organization's `Tramite`, a
citizen's `Pregunta`), with a real foreign key from its own event and attachment tables. Constraint and
index names are built from `%(app_label)s_%(class)s`, so two apps never collide.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Radicable(models.Model):
    """A filed thing: `<prefijo>-<año>-<consecutivo>`, a consultation code (its HMAC), when it arrived.

    Written by `civic.expedientes.radicados.radicar_en`; nothing else sets these fields.
    """

    radicado = models.CharField(_("radicado"), max_length=30, unique=True)
    serie = models.CharField(_("serie"), max_length=30, editable=False)
    anio = models.PositiveSmallIntegerField(_("año"))
    consecutivo = models.PositiveIntegerField(_("consecutivo"))
    codigo_consulta_hash = models.CharField(_("código de consulta (hash)"), max_length=64, editable=False)
    radicada_en = models.DateTimeField(_("recibida en"))
    # CPACA art. 56: what arrives on a non-business day counts as received on the next business day.
    fecha_radicacion_efectiva = models.DateField(_("fecha de radicación"))

    class Meta:
        abstract = True
        constraints = [
            # Also the index behind filters by year (leading columns) and the radicado search.
            models.UniqueConstraint(
                fields=["serie", "anio", "consecutivo"], name="%(app_label)s_%(class)s_consecutivo_unico"
            ),
            models.CheckConstraint(
                condition=Q(consecutivo__gt=0),
                name="%(app_label)s_%(class)s_consecutivo_positivo",
                violation_error_message=_("El consecutivo debe ser mayor que cero."),
            ),
        ]

    def __str__(self):
        return self.radicado


class RadicacionUnica(models.Model):
    """The web form's one-time token (`civic.expedientes.acuse`): a double click or a re-sent form finds
    the filing it already made instead of taking a second radicado. Null for filings staff record."""

    token_radicacion = models.UUIDField(
        _("token de radicación"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        abstract = True


class TipoPersona(models.TextChoices):
    NATURAL = "natural", _("Persona natural")
    JURIDICA = "juridica", _("Persona jurídica")


class TipoDocumento(models.TextChoices):
    CC = "CC", _("Cédula de ciudadanía")
    CE = "CE", _("Cédula de extranjería")
    TI = "TI", _("Tarjeta de identidad")
    PA = "PA", _("Pasaporte")
    PPT = "PPT", _("Permiso por protección temporal")
    NIT = "NIT", _("NIT")


class CanalRespuesta(models.TextChoices):
    CORREO = "correo_electronico", _("Correo electrónico")
    DIRECCION = "direccion_postal", _("Dirección postal")


# Fields of the petitioner's identity, dropped from an anonymous filing (Ley 962/2005 art. 81).
CAMPOS_IDENTIDAD = ("tipo_documento", "numero_documento", "nombres", "apellidos", "razon_social")
# Everything personal about the petitioner: shown, searched, filtered and exported only with permission.
CAMPOS_PERSONALES = (*CAMPOS_IDENTIDAD, "correo", "telefono", "direccion")


class Peticionario(models.Model):
    """The person or organization filing (Ley 1755/2015 art. 16), or nobody (anonymous), and how to
    answer them, with the proof of their data-processing authorization (Ley 1581/2012 art. 9)."""

    anonima = models.BooleanField(_("anónima"), default=False)
    tipo_persona = models.CharField(
        _("tipo de persona"), max_length=10, choices=TipoPersona.choices, default=TipoPersona.NATURAL
    )
    tipo_documento = models.CharField(
        _("tipo de documento"), max_length=5, choices=TipoDocumento.choices, blank=True
    )
    numero_documento = models.CharField(_("número de documento"), max_length=20, blank=True)
    nombres = models.CharField(_("nombres"), max_length=120, blank=True)
    apellidos = models.CharField(_("apellidos"), max_length=120, blank=True)
    razon_social = models.CharField(_("razón social"), max_length=200, blank=True)
    correo = models.EmailField(_("correo electrónico"), blank=True)
    telefono = models.CharField(_("teléfono"), max_length=30, blank=True)
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    canal_respuesta = models.CharField(
        _("medio de respuesta"),
        max_length=20,
        choices=CanalRespuesta.choices,
        blank=True,
        help_text=_("Vacío solo en una solicitud anónima sin datos de contacto (se publica la respuesta)."),
    )
    # Ley 1581/2012 art. 9: the entity must be able to prove the authorization later.
    autorizacion_datos_version = models.CharField(
        _("versión del aviso de privacidad"), max_length=30, blank=True
    )
    autorizacion_datos_en = models.DateTimeField(
        _("autorización de datos otorgada en"), null=True, blank=True
    )

    class Meta:
        abstract = True
        constraints = [
            # Ley 1755/2015 art. 16: a named petition identifies the petitioner.
            models.CheckConstraint(
                condition=Q(anonima=True)
                | (
                    ~Q(tipo_documento="")
                    & ~Q(numero_documento="")
                    & (
                        Q(tipo_persona=TipoPersona.NATURAL, nombres__gt="")
                        | Q(tipo_persona=TipoPersona.JURIDICA, razon_social__gt="")
                    )
                ),
                name="%(app_label)s_%(class)s_anonima_o_identificada",
                violation_error_message=_(
                    "Una solicitud con nombre debe indicar el tipo y número de documento "
                    "y el nombre o la razón social."
                ),
            ),
            # Ley 1581/2012 art. 9: personal data only with a provable authorization.
            models.CheckConstraint(
                condition=Q(anonima=True, correo="", telefono="", direccion="")
                | (~Q(autorizacion_datos_version="") & Q(autorizacion_datos_en__isnull=False)),
                name="%(app_label)s_%(class)s_datos_con_autorizacion",
                violation_error_message=_(
                    "Para registrar datos personales se requiere la autorización de tratamiento de datos."
                ),
            ),
            models.CheckConstraint(
                condition=Q(canal_respuesta="", anonima=True)
                | Q(canal_respuesta=CanalRespuesta.CORREO, correo__gt="")
                | Q(canal_respuesta=CanalRespuesta.DIRECCION, direccion__gt=""),
                name="%(app_label)s_%(class)s_medio_respuesta_con_dato",
                violation_error_message=_(
                    "El medio de respuesta elegido necesita el correo o la dirección correspondiente."
                ),
            ),
        ]

    @property
    def nombre_peticionario(self) -> str:
        if self.anonima:
            return str(_("Anónimo"))
        if self.tipo_persona == TipoPersona.JURIDICA:
            return self.razon_social
        return f"{self.nombres} {self.apellidos}".strip()


class EventoQuerySet(models.QuerySet):
    def publicos(self):
        """What the petitioner and the public may see: never an internal note."""
        return self.filter(publico=True, interno=False)


class EventoBase(models.Model):
    """One entry of an expediente's timeline and audit trail, written by `transicionar` or
    `registrar_evento` in the transaction of the change it records.

    Each app has its concrete table with a real foreign key to its expediente and its own `tipo`
    choices; one constructor per event type (the app's `eventos.py`) gives each event's `datos` one shape.
    """

    tipo = models.CharField(_("tipo"), max_length=40)
    estado_anterior = models.CharField(_("estado anterior"), max_length=30, blank=True)
    estado_nuevo = models.CharField(_("estado nuevo"), max_length=30)
    # Null when the petitioner or the system acts.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos_%(app_label)s",
        verbose_name=_("actor"),
    )
    momento = models.DateTimeField(_("momento"), default=timezone.now)
    nota = models.TextField(_("nota"), blank=True)
    publico = models.BooleanField(_("visible para el peticionario"), default=False)
    # A staff-only note: never public (the CHECK below), whatever a caller passes.
    interno = models.BooleanField(_("nota interna"), default=False)
    datos = models.JSONField(_("datos"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = EventoQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["momento", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(interno=True, publico=True), name="%(app_label)s_%(class)s_interno_no_publico"
            ),
        ]


def ruta_adjunto(instancia, nombre_original: str) -> str:
    # An unguessable name without the citizen's extension or name: files are private and never executed.
    return f"{instancia._meta.app_label}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def validar_tamano_adjunto(archivo) -> None:
    limite = settings.ADJUNTO_MAX_BYTES
    if archivo.size > limite:
        raise ValidationError(
            gettext("El archivo supera el tamaño máximo de %(mb)s MB.") % {"mb": limite // (1024 * 1024)},
            code="adjunto_muy_grande",
        )


class OrigenAdjunto(models.TextChoices):
    CIUDADANO = "ciudadano", _("Peticionario")
    FUNCIONARIO = "funcionario", _("Funcionario")


class AdjuntoBase(models.Model):
    """A file of an expediente, content-checked on upload (`civic.expedientes.archivos`) and served only
    through views that check access (`civic.expedientes.archivos.respuesta_archivo`)."""

    Origen = OrigenAdjunto

    archivo = models.FileField(_("archivo"), upload_to=ruta_adjunto, validators=[validar_tamano_adjunto])
    nombre_original = models.CharField(_("nombre original"), max_length=255)
    tipo_contenido = models.CharField(_("tipo de contenido"), max_length=100, blank=True)
    tamano = models.PositiveBigIntegerField(_("tamaño en bytes"))
    origen = models.CharField(_("origen"), max_length=12, choices=OrigenAdjunto.choices)
    publico = models.BooleanField(_("visible para el peticionario"), default=False)
    creado = models.DateTimeField(_("creado"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["creado", "id"]

    def __str__(self):
        return self.nombre_original
