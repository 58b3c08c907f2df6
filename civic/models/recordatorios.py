from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Recordatorio(models.Model):
    """One reminder about an object (a request, a commitment, a question), recorded before it is sent.

    The unique (object, tipo, clave) is what makes reminders exactly-once: the row and its outbox messages are
    written in one transaction, so a second sweep, a second beat or a retried task that reaches the same
    reminder finds the row and sends nothing, while a sweep killed before commit leaves nothing behind and
    the next sweep sends it. `clave` names the occurrence (e.g. "3:2026-04-15" — three business days before
    that due date), so a new due date after a prórroga gets reminders of its own.
    """

    objeto_tipo = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    objeto_id = models.PositiveBigIntegerField()
    objeto = GenericForeignKey("objeto_tipo", "objeto_id")
    tipo = models.CharField(_("tipo"), max_length=50)
    clave = models.CharField(_("clave"), max_length=100)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    destinatarios = models.PositiveSmallIntegerField(_("destinatarios"), default=0)
    # The sweep page's insert that wrote the row: read back to tell its new rows from a concurrent sweep's.
    lote = models.UUIDField(_("lote"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("recordatorio")
        verbose_name_plural = _("recordatorios")
        ordering = ["-creado"]
        constraints = [
            models.UniqueConstraint(
                fields=["objeto_tipo", "objeto_id", "tipo", "clave"], name="recordatorio_unico"
            ),
        ]

    def __str__(self):
        return f"{self.tipo} {self.clave}"
