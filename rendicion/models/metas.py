"""Plan de desarrollo goals: baseline, four-year target, weighted children, dated public milestones."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EstadoMeta(models.Model):
    """A status that carries a default progress (e.g. «sin iniciar» 0 %, «cumplida» 100 %)."""

    nombre = models.CharField(_("nombre"), max_length=80, unique=True)
    avance_por_defecto = models.DecimalField(_("avance por defecto (%)"), max_digits=5, decimal_places=2)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("estado de meta")
        verbose_name_plural = _("estados de meta")
        ordering = ["orden", "nombre"]

    def __str__(self):
        return self.nombre


class MetaPlan(models.Model):
    codigo = models.CharField(_("código"), max_length=30, unique=True)
    nombre = models.CharField(_("nombre"), max_length=300)
    padre = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hijas",
        verbose_name=_("meta superior"),
    )
    peso = models.DecimalField(
        _("peso en la meta superior"),
        max_digits=6,
        decimal_places=2,
        default=1,
        help_text=_("El avance de la meta superior es el promedio de sus hijas ponderado por este peso."),
    )
    linea_base = models.DecimalField(_("línea base"), max_digits=14, decimal_places=2, default=0)
    meta_cuatrienio = models.DecimalField(_("meta del cuatrienio"), max_digits=14, decimal_places=2)
    unidad = models.CharField(_("unidad"), max_length=60)
    dependencia = models.ForeignKey(
        "civic.Dependencia",
        on_delete=models.PROTECT,
        related_name="metas",
        verbose_name=_("dependencia responsable"),
    )
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metas",
        verbose_name=_("comuna"),
    )
    estado = models.ForeignKey(
        EstadoMeta,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metas",
        verbose_name=_("estado"),
    )
    # The commitments of consejos that serve it (read through consejos' selectors for display).
    compromisos = models.ManyToManyField(
        "consejos.Compromiso", blank=True, related_name="metas", verbose_name=_("compromisos relacionados")
    )

    class Meta:
        verbose_name = _("meta del plan de desarrollo")
        verbose_name_plural = _("metas del plan de desarrollo")
        ordering = ["codigo"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(peso__gt=0),
                name="rendicion_meta_peso_positivo",
                violation_error_message=_("El peso debe ser mayor que cero."),
            )
        ]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class Avance(models.Model):
    """A dated milestone: the value reached, its evidence, public from `publicar_desde`."""

    meta = models.ForeignKey(
        MetaPlan, on_delete=models.CASCADE, related_name="avances", verbose_name=_("meta")
    )
    fecha = models.DateField(_("fecha"))
    valor = models.DecimalField(_("valor alcanzado"), max_digits=14, decimal_places=2)
    descripcion = models.TextField(_("descripción"), blank=True)
    evidencia = models.URLField(_("evidencia (enlace)"), blank=True)
    publicar_desde = models.DateField(_("se publica desde"))

    class Meta:
        verbose_name = _("avance")
        verbose_name_plural = _("avances")
        ordering = ["meta", "fecha", "id"]
        indexes = [
            models.Index(fields=["meta", "publicar_desde", "fecha"], name="rendicion_avance_publico_idx")
        ]

    def __str__(self):
        return f"{self.meta.codigo} · {self.fecha}"
