from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DiaNoHabil(models.Model):
    """A non-working day the municipality declares by decree, on top of national holidays.

    Read by civic.calendario through a per-process cache; edits go through
    civic.services.calendario so that every process refreshes it.
    """

    fecha = models.DateField(_("fecha"), unique=True)
    motivo = models.CharField(_("motivo"), max_length=200)
    acto_administrativo = models.CharField(
        _("acto administrativo"),
        max_length=200,
        blank=True,
        help_text=_("Decreto o resolución que lo declara."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("día no hábil declarado")
        verbose_name_plural = _("días no hábiles declarados")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d} – {self.motivo}"
