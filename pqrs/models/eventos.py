import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pqrs.workflow import Estado


class TipoEvento(models.TextChoices):
    RADICADA = "radicada", _("Solicitud radicada")
    ASIGNADA = "asignada", _("Asignada a una dependencia")
    REASIGNADA = "reasignada", _("Reasignada")
    REQUERIMIENTO_INFORMACION = "requerimiento_informacion", _("Se solicitó información al peticionario")
    INFORMACION_RECIBIDA = "informacion_recibida", _("Información recibida del peticionario")
    PLAZO_CIUDADANO_PRORROGADO = "plazo_ciudadano_prorrogado", _("Plazo del peticionario ampliado")
    DESISTIMIENTO = "desistimiento", _("Desistimiento declarado")
    PRORROGA = "prorroga", _("Término prorrogado")
    TRASLADADA = "trasladada", _("Trasladada por competencia")
    RESPONDIDA = "respondida", _("Respondida")
    NOTIFICADA = "notificada", _("Notificación registrada")
    RECHAZADA = "rechazada", _("Rechazada")
    ARCHIVADA = "archivada", _("Archivada")
    NOTA_INTERNA = "nota_interna", _("Nota interna")
    CALIFICADA = "calificada", _("Atención calificada")
    CERRADA = "cerrada", _("Cerrada")


class EventoQuerySet(models.QuerySet):
    def publicos(self):
        """What the petitioner and the public may see: never an internal note."""
        return self.filter(publico=True).exclude(tipo=TipoEvento.NOTA_INTERNA)


class Evento(models.Model):
    """One entry of a request's timeline and audit trail, written by the service that made the change."""

    solicitud = models.ForeignKey(
        "pqrs.Solicitud",
        on_delete=models.CASCADE,
        db_index=False,  # covered by pqrs_evento_solicitud_idx
        related_name="eventos",
        verbose_name=_("solicitud"),
    )
    tipo = models.CharField(_("tipo"), max_length=30, choices=TipoEvento.choices)
    estado_anterior = models.CharField(
        _("estado anterior"), max_length=20, choices=Estado.choices, blank=True
    )
    estado_nuevo = models.CharField(_("estado nuevo"), max_length=20, choices=Estado.choices)
    # Null when the petitioner or the system acts.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos_pqrs",
        verbose_name=_("actor"),
    )
    momento = models.DateTimeField(_("momento"), default=timezone.now)
    nota = models.TextField(_("nota"), blank=True)
    publico = models.BooleanField(_("visible para el peticionario"), default=False)
    datos = models.JSONField(_("datos"), default=dict, blank=True)

    objects = EventoQuerySet.as_manager()

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        ordering = ["momento", "id"]
        indexes = [
            models.Index(fields=["solicitud", "momento"], name="pqrs_evento_solicitud_idx"),
            models.Index(fields=["tipo", "momento"], name="pqrs_evento_tipo_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tipo=TipoEvento.NOTA_INTERNA) | Q(publico=False),
                name="pqrs_nota_interna_no_publica",
            ),
        ]

    def __str__(self):
        return f"{self.solicitud_id} · {self.get_tipo_display()}"


def ruta_adjunto(instancia, nombre_original: str) -> str:
    # An unguessable name without the citizen's extension or name: files are private and never executed.
    return f"pqrs/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def validar_tamano_adjunto(archivo) -> None:
    limite = settings.PQRS_ADJUNTO_MAX_BYTES
    if archivo.size > limite:
        raise ValidationError(
            gettext("El archivo supera el tamaño máximo de %(mb)s MB.") % {"mb": limite // (1024 * 1024)},
            code="adjunto_muy_grande",
        )


class Adjunto(models.Model):
    class Origen(models.TextChoices):
        CIUDADANO = "ciudadano", _("Peticionario")
        FUNCIONARIO = "funcionario", _("Funcionario")

    solicitud = models.ForeignKey(
        "pqrs.Solicitud", on_delete=models.CASCADE, related_name="adjuntos", verbose_name=_("solicitud")
    )
    evento = models.ForeignKey(
        Evento,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjuntos",
        verbose_name=_("evento"),
    )
    archivo = models.FileField(_("archivo"), upload_to=ruta_adjunto, validators=[validar_tamano_adjunto])
    nombre_original = models.CharField(_("nombre original"), max_length=255)
    tipo_contenido = models.CharField(_("tipo de contenido"), max_length=100, blank=True)
    tamano = models.PositiveBigIntegerField(_("tamaño en bytes"))
    origen = models.CharField(_("origen"), max_length=12, choices=Origen.choices)
    publico = models.BooleanField(_("visible para el peticionario"), default=False)
    creado = models.DateTimeField(_("creado"), default=timezone.now)

    class Meta:
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")
        ordering = ["creado", "id"]

    def __str__(self):
        return self.nombre_original


class Calificacion(models.Model):
    """The petitioner's one-time satisfaction survey after an answer."""

    solicitud = models.OneToOneField(
        "pqrs.Solicitud", on_delete=models.CASCADE, related_name="calificacion", verbose_name=_("solicitud")
    )
    puntaje = models.PositiveSmallIntegerField(
        _("calificación"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comentario = models.TextField(_("comentario"), max_length=2000, blank=True)
    momento = models.DateTimeField(_("momento"), default=timezone.now)

    class Meta:
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")
        constraints = [
            models.CheckConstraint(
                condition=Q(puntaje__gte=1, puntaje__lte=5), name="pqrs_calificacion_1_a_5"
            ),
        ]

    def __str__(self):
        return f"{self.solicitud_id}: {self.puntaje}"
