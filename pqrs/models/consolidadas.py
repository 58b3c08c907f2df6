from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RespuestaConsolidada(models.Model):
    """One answer to more than ten petitions with the same object (Ley 1755/2015 art. 22).

    Each request keeps its radicado, its own answer event and its own notification; this row is what
    ties them together and what the office publishes once.
    """

    objeto = models.CharField(_("objeto común"), max_length=200)
    texto = models.TextField(_("respuesta"))
    momento = models.DateTimeField(_("momento"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="respuestas_consolidadas",
        verbose_name=_("respondida por"),
    )

    class Meta:
        verbose_name = _("respuesta consolidada")
        verbose_name_plural = _("respuestas consolidadas")
        ordering = ["-momento"]

    def __str__(self):
        return self.objeto
