from django.db import models
from django.utils.translation import gettext_lazy as _


class ContadorLimite(models.Model):
    """A rate-limit window kept in the database while the cache (Redis) is unreachable.

    `civic.expedientes.limites` counts in the cache; only when the cache raises or (django-redis with
    IGNORE_EXCEPTIONS) answers nothing does it count here, so an outage never means "no limit".
    """

    clave = models.CharField(_("clave"), max_length=200, unique=True)
    cuenta = models.PositiveIntegerField(_("cuenta"), default=0)
    vence = models.DateTimeField(_("vence"), db_index=True)

    class Meta:
        verbose_name = _("contador de límite")
        verbose_name_plural = _("contadores de límite")

    def __str__(self):
        return f"{self.clave}: {self.cuenta}"
