"""Audiencias públicas and dialogue (Ley 1757/2015 arts. 52-56): topics proposed, questions moderated and
answered in writing within 15 business days, an evaluation, and improvement actions."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import EventoBase, Peticionario, Radicable, RadicacionUnica

from ..workflow import MAQUINA_ACCION, MAQUINA_PREGUNTA, EstadoAccion, EstadoPregunta


class Audiencia(models.Model):
    titulo = models.CharField(_("título"), max_length=250)
    fecha = models.DateTimeField(_("fecha y hora"))
    lugar = models.CharField(_("lugar"), max_length=250)
    transmision = models.URLField(_("enlace de la transmisión"), blank=True)
    convocatoria = models.TextField(_("convocatoria"), blank=True)
    informes = models.ManyToManyField(
        "rendicion.Informe",
        blank=True,
        related_name="audiencias",
        verbose_name=_("informes que se presentan"),
    )
    recibe_preguntas_hasta = models.DateTimeField(_("recibe preguntas hasta"), null=True, blank=True)
    memorias = models.TextField(_("memorias"), blank=True, help_text=_("Texto en Markdown."))

    class Meta:
        verbose_name = _("audiencia pública")
        verbose_name_plural = _("audiencias públicas")
        ordering = ["-fecha"]

    def __str__(self):
        return self.titulo


class PropuestaTema(models.Model):
    """A topic a citizen proposes before the event (published after moderation)."""

    audiencia = models.ForeignKey(Audiencia, on_delete=models.CASCADE, related_name="propuestas")
    texto = models.TextField(_("tema propuesto"))
    creada = models.DateTimeField(_("recibida"), auto_now_add=True)
    publicada = models.BooleanField(_("publicada"), default=False)

    class Meta:
        verbose_name = _("tema propuesto")
        verbose_name_plural = _("temas propuestos")
        ordering = ["audiencia", "creada"]

    def __str__(self):
        return self.texto[:80]


class Pregunta(Radicable, Peticionario, RadicacionUnica):
    """A citizen's question: an expediente of the kernel (radicado, code, tracking, term, reminders)."""

    maquina = MAQUINA_PREGUNTA

    audiencia = models.ForeignKey(
        Audiencia, on_delete=models.PROTECT, related_name="preguntas", verbose_name=_("audiencia")
    )
    texto = models.TextField(_("pregunta"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoPregunta.choices, default=EstadoPregunta.RECIBIDA
    )
    fecha_vencimiento = models.DateField(_("responder a más tardar"))
    fusionada_en = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fusionadas",
        verbose_name=_("unida a"),
    )
    motivo_rechazo = models.TextField(_("motivo para no publicarla"), blank=True)
    respuesta = models.TextField(_("respuesta"), blank=True)
    respondida_en = models.DateTimeField(_("respondida en"), null=True, blank=True)
    responsable = models.ForeignKey(
        "civic.Usuario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="preguntas",
        verbose_name=_("responsable"),
    )

    class Meta:
        verbose_name = _("pregunta ciudadana")
        verbose_name_plural = _("preguntas ciudadanas")
        ordering = ["-radicada_en"]
        permissions = [("ver_datos_personales", _("Puede ver quién hizo una pregunta y cómo contactarlo"))]
        constraints = [
            *Radicable.Meta.constraints,
            *Peticionario.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(estado=EstadoPregunta.RESPONDIDA) | ~Q(respuesta=""),
                name="rendicion_pregunta_respondida_con_texto",
                violation_error_message=_("Una pregunta respondida necesita el texto de la respuesta."),
            ),
        ]
        indexes = [
            models.Index(fields=["estado", "fecha_vencimiento"], name="rendicion_pregunta_cola_idx"),
            models.Index(fields=["audiencia", "estado"], name="rendicion_pregunta_aud_idx"),
        ]


class EventoPregunta(EventoBase):
    pregunta = models.ForeignKey(Pregunta, on_delete=models.CASCADE, related_name="eventos")

    class Meta(EventoBase.Meta):
        verbose_name = _("evento de la pregunta")
        verbose_name_plural = _("eventos de las preguntas")


class Evaluacion(models.Model):
    """The three-question evaluation survey after the event (anonymous)."""

    class Escala(models.IntegerChoices):
        MUY_MALA = 1, _("Muy mala")
        MALA = 2, _("Mala")
        REGULAR = 3, _("Regular")
        BUENA = 4, _("Buena")
        MUY_BUENA = 5, _("Muy buena")

    audiencia = models.ForeignKey(Audiencia, on_delete=models.CASCADE, related_name="evaluaciones")
    informacion_clara = models.PositiveSmallIntegerField(
        _("¿La información presentada fue clara?"), choices=Escala.choices
    )
    preguntas_atendidas = models.PositiveSmallIntegerField(
        _("¿Se atendieron las preguntas de la ciudadanía?"), choices=Escala.choices
    )
    organizacion = models.PositiveSmallIntegerField(
        _("¿Cómo califica la organización del evento?"), choices=Escala.choices
    )
    comentario = models.TextField(_("comentario"), blank=True)
    creada = models.DateTimeField(_("recibida"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluación")
        verbose_name_plural = _("evaluaciones")

    def __str__(self):
        return f"{self.audiencia} · {self.pk}"


class AccionMejora(models.Model):
    maquina = MAQUINA_ACCION

    audiencia = models.ForeignKey(
        Audiencia, on_delete=models.PROTECT, related_name="acciones", verbose_name=_("audiencia")
    )
    descripcion = models.TextField(_("acción de mejora"))
    dependencia = models.ForeignKey(
        "civic.Dependencia",
        on_delete=models.PROTECT,
        related_name="acciones_mejora",
        verbose_name=_("responsable"),
    )
    fecha_vencimiento = models.DateField(_("fecha límite"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoAccion.choices, default=EstadoAccion.PENDIENTE
    )

    class Meta:
        verbose_name = _("acción de mejora")
        verbose_name_plural = _("acciones de mejora")
        ordering = ["fecha_vencimiento", "id"]
        indexes = [models.Index(fields=["estado", "fecha_vencimiento"], name="rendicion_accion_cola_idx")]

    def __str__(self):
        return self.descripcion[:80]


class EventoAccion(EventoBase):
    accion = models.ForeignKey(AccionMejora, on_delete=models.CASCADE, related_name="eventos")
    actor = models.ForeignKey(
        "civic.Usuario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos_acciones_mejora",
        verbose_name=_("actor"),
    )

    class Meta(EventoBase.Meta):
        verbose_name = _("seguimiento de la acción")
        verbose_name_plural = _("seguimiento de acciones")
