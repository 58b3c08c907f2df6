"""Informes de gestión: sections of narrative and indicators that count themselves from the other apps'
registered sources (civic.indicadores), frozen when published."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import EventoBase

from ..workflow import MAQUINA_INFORME, EstadoInforme


class Informe(models.Model):
    maquina = MAQUINA_INFORME

    titulo = models.CharField(_("título"), max_length=250)
    dependencias = models.ManyToManyField(
        "civic.Dependencia", blank=True, related_name="informes", verbose_name=_("dependencias")
    )
    desde = models.DateField(_("periodo desde"))
    hasta = models.DateField(_("periodo hasta"))
    fecha = models.DateField(_("fecha del informe"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoInforme.choices, default=EstadoInforme.BORRADOR
    )
    # A correction is a new informe that points at the one it replaces; both stay readable.
    anterior = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correccion",
        verbose_name=_("versión anterior"),
    )
    version = models.PositiveSmallIntegerField(_("versión"), default=1)
    motivo_correccion = models.TextField(_("motivo de la corrección"), blank=True)
    publicado_en = models.DateTimeField(_("publicado en"), null=True, blank=True)
    # The saved template it was made from (the Ley 1474 PQRS report, the Ley 1712 report…), if any.
    plantilla = models.CharField(_("plantilla"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("informe de gestión")
        verbose_name_plural = _("informes de gestión")
        ordering = ["-fecha", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hasta__gte=models.F("desde")),
                name="rendicion_informe_periodo",
                violation_error_message=_("El periodo termina antes de empezar."),
            )
        ]
        indexes = [models.Index(fields=["estado", "-fecha"], name="rendicion_informe_publico_idx")]

    def __str__(self):
        return self.titulo if self.version == 1 else f"{self.titulo} (v{self.version})"


class EventoInforme(EventoBase):
    informe = models.ForeignKey(Informe, on_delete=models.CASCADE, related_name="eventos")
    # The app has several event tables: each its own reverse name from the user.
    actor = models.ForeignKey(
        "civic.Usuario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos_informes",
        verbose_name=_("actor"),
    )

    class Meta(EventoBase.Meta):
        verbose_name = _("evento del informe")
        verbose_name_plural = _("eventos del informe")


class Seccion(models.Model):
    informe = models.ForeignKey(
        Informe, on_delete=models.CASCADE, related_name="secciones", verbose_name=_("informe")
    )
    orden = models.PositiveSmallIntegerField(_("orden"))
    titulo = models.CharField(_("título"), max_length=250)
    # Markdown (markdown-it-py), rendered and sanitized (nh3) when shown.
    narrativa = models.TextField(_("narrativa"), blank=True, help_text=_("Texto en Markdown."))

    class Meta:
        verbose_name = _("sección")
        verbose_name_plural = _("secciones")
        ordering = ["informe", "orden"]
        constraints = [
            models.UniqueConstraint(fields=["informe", "orden"], name="rendicion_seccion_orden_unico")
        ]

    def __str__(self):
        return self.titulo


class TipoGrafico(models.TextChoices):
    NINGUNO = "", _("Sin gráfico")
    BARRAS = "barras", _("Barras")


class Indicador(models.Model):
    """A figure of a section: computed from a registered source (`fuente`) or typed (meta and logro)."""

    seccion = models.ForeignKey(
        Seccion, on_delete=models.CASCADE, related_name="indicadores", verbose_name=_("sección")
    )
    orden = models.PositiveSmallIntegerField(_("orden"))
    nombre = models.CharField(_("nombre"), max_length=250)
    fuente = models.CharField(
        _("fuente de datos"),
        max_length=80,
        blank=True,
        help_text=_("Vacío: la cifra se digita (meta y logro)."),
    )
    parametros = models.JSONField(_("parámetros de la fuente"), default=dict, blank=True)
    meta = models.DecimalField(_("meta"), max_digits=14, decimal_places=2, null=True, blank=True)
    logro = models.DecimalField(
        _("logro"), max_digits=14, decimal_places=2, null=True, blank=True, help_text=_("Solo si se digita.")
    )
    unidad = models.CharField(_("unidad"), max_length=60, blank=True)
    evidencia = models.TextField(_("evidencia"), blank=True)
    grafico = models.CharField(_("gráfico"), max_length=10, choices=TipoGrafico.choices, blank=True)
    # civic.indicadores.Resultado.como_dict(), frozen at publication; null while the informe is a draft.
    resultado = models.JSONField(_("cifras publicadas"), null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        ordering = ["seccion", "orden"]
        constraints = [
            models.UniqueConstraint(fields=["seccion", "orden"], name="rendicion_indicador_orden_unico")
        ]

    def __str__(self):
        return self.nombre
