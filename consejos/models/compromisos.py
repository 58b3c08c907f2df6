"""What was promised in a session: by whom, by when, and how it went (a public timeline)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import AdjuntoBase, EventoBase

from ..workflow import MAQUINA_COMPROMISO, EstadoCompromiso
from .instancias import Integrante
from .sesiones import Sesion


class Compromiso(models.Model):
    maquina = MAQUINA_COMPROMISO

    sesion = models.ForeignKey(
        Sesion, on_delete=models.PROTECT, related_name="compromisos", verbose_name=_("sesión donde se hizo")
    )
    descripcion = models.TextField(_("qué se comprometió"))
    # Who answers for it: one of a dependencia, a registered organization or a member of the instancia.
    dependencia = models.ForeignKey(
        "civic.Dependencia",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
        verbose_name=_("dependencia responsable"),
    )
    organizacion = models.ForeignKey(
        "organizaciones.Organizacion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
        verbose_name=_("organización responsable"),
    )
    integrante = models.ForeignKey(
        Integrante,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
        verbose_name=_("integrante responsable"),
    )
    fecha_vencimiento = models.DateField(_("fecha límite"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoCompromiso.choices, default=EstadoCompromiso.PENDIENTE
    )
    # The comuna it was promised to (the session's, else the instancia's): the board's filter.
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
        verbose_name=_("comuna"),
    )
    revisado_en = models.ManyToManyField(
        Sesion, blank=True, related_name="compromisos_revisados", verbose_name=_("sesiones donde se revisó")
    )
    creado = models.DateTimeField(_("registrado en"), auto_now_add=True)

    class Meta:
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        ordering = ["fecha_vencimiento", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(dependencia__isnull=False, organizacion__isnull=True, integrante__isnull=True)
                    | Q(dependencia__isnull=True, organizacion__isnull=False, integrante__isnull=True)
                    | Q(dependencia__isnull=True, organizacion__isnull=True, integrante__isnull=False)
                ),
                name="consejos_compromiso_un_responsable",
                violation_error_message=_(
                    "Indique un solo responsable: una dependencia, una organización o un integrante."
                ),
            )
        ]
        indexes = [
            models.Index(
                fields=["comuna", "estado", "fecha_vencimiento"], name="consejos_compromiso_comuna_idx"
            ),
            models.Index(fields=["estado", "fecha_vencimiento"], name="consejos_compromiso_cola_idx"),
        ]

    def __str__(self):
        return self.descripcion[:80]

    @property
    def responsable(self):
        return self.dependencia or self.organizacion or self.integrante


class EventoCompromiso(EventoBase):
    """A change of state or a dated follow-up: the commitment's public timeline."""

    compromiso = models.ForeignKey(Compromiso, on_delete=models.CASCADE, related_name="eventos")
    # The app has two event tables: each its own reverse name from the user (the base's is per app).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos_compromisos",
        verbose_name=_("actor"),
    )

    class Meta(EventoBase.Meta):
        verbose_name = _("seguimiento del compromiso")
        verbose_name_plural = _("seguimiento de compromisos")


class Evidencia(AdjuntoBase):
    compromiso = models.ForeignKey(Compromiso, on_delete=models.CASCADE, related_name="evidencias")
    evento = models.ForeignKey(
        EventoCompromiso, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidencias"
    )

    class Meta(AdjuntoBase.Meta):
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
