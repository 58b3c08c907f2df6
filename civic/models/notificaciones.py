from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notificacion(models.Model):
    """One e-mail in the outbox, written in the caller's transaction and delivered by a Celery task.

    The row is the source of truth: a lost enqueue (broker down) is picked up by the periodic sweep,
    and the row's state makes delivery at-most-once.
    """

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        ENVIADA = "enviada", _("Enviada")
        FALLIDA = "fallida", _("Fallida")

    destinatario = models.EmailField(_("destinatario"))
    plantilla = models.CharField(
        _("plantilla"), max_length=150, help_text=_("Ruta base de la plantilla, p. ej. pqrs/emails/acuse.")
    )
    contexto = models.JSONField(_("contexto"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    # Secrets the message must carry once (a tracking code): rendered like `contexto`, erased once sent.
    contexto_reservado = models.JSONField(
        _("contexto reservado"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    estado = models.CharField(_("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE)
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    ultimo_error = models.TextField(_("último error"), blank=True)
    proximo_intento = models.DateTimeField(_("próximo intento"), default=timezone.now)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    enviada_en = models.DateTimeField(_("enviada en"), null=True, blank=True)
    # What the message is about (a request, a council commitment…), so each admin page can list its mail.
    objeto_tipo = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    objeto_id = models.PositiveBigIntegerField(null=True, blank=True)
    objeto = GenericForeignKey("objeto_tipo", "objeto_id")

    class Meta:
        verbose_name = _("notificación")
        verbose_name_plural = _("notificaciones")
        ordering = ["-creada"]
        indexes = [
            models.Index(
                fields=["proximo_intento"],
                condition=Q(estado="pendiente"),
                name="notificacion_pendientes_idx",
            ),
            models.Index(fields=["objeto_tipo", "objeto_id"], name="notificacion_objeto_idx"),
            models.Index(fields=["estado", "-creada"], name="notificacion_estado_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(estado="enviada", enviada_en__isnull=False) | ~Q(estado="enviada"),
                name="notificacion_enviada_tiene_fecha",
            ),
        ]

    def __str__(self):
        return f"{self.plantilla} → {self.destinatario} ({self.get_estado_display()})"
