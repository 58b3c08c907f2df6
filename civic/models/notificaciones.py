from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notificacion(models.Model):
    """One e-mail in the outbox, written in the caller's transaction and delivered by a Celery task.

    The row is the source of truth: a lost enqueue (broker down) is picked up by the periodic sweep.
    Delivery is at-least-once with a stable Message-ID: a worker claims the row (`enviando`, with
    `reclamada_en`) in one short transaction, talks to the mail server outside any transaction, and marks
    the outcome in another. A row left `enviando` past NOTIFICACIONES_ENVIANDO_TIMEOUT (the process died in
    between) goes back to the queue, so a duplicate is possible only when the process dies between the
    server's accept and the mark's commit, and it carries the same Message-ID as the first copy.
    """

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        ENVIANDO = "enviando", _("Enviando")
        ENVIADA = "enviada", _("Enviada")
        FALLIDA = "fallida", _("Fallida")

    destinatario = models.EmailField(_("destinatario"))
    plantilla = models.CharField(
        _("plantilla"), max_length=150, help_text=_("Ruta base de la plantilla, p. ej. <app>/emails/acuse.")
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
    # When a worker claimed the row to send it; the sweep re-queues a claim older than the timeout.
    reclamada_en = models.DateTimeField(_("reclamada en"), null=True, blank=True)
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
            models.Index(
                fields=["reclamada_en"],
                condition=Q(estado="enviando"),
                name="notificacion_enviando_idx",
            ),
            models.Index(fields=["objeto_tipo", "objeto_id"], name="notificacion_objeto_idx"),
            models.Index(fields=["estado", "-creada"], name="notificacion_estado_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(estado="enviada", enviada_en__isnull=False) | ~Q(estado="enviada"),
                name="notificacion_enviada_tiene_fecha",
            ),
            # A claim without its time would never be recovered by the sweep.
            models.CheckConstraint(
                condition=Q(estado="enviando", reclamada_en__isnull=False) | ~Q(estado="enviando"),
                name="notificacion_enviando_tiene_fecha",
            ),
        ]

    def __str__(self):
        return f"{self.plantilla} → {self.destinatario} ({self.get_estado_display()})"
