from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import AdjuntoBase, EventoBase
from pqrs.workflow import Estado


class TipoEvento(models.TextChoices):
    RADICADA = "radicada", _("Solicitud radicada")
    ASIGNADA = "asignada", _("Asignada a una dependencia")
    REASIGNADA = "reasignada", _("Reasignada")
    REQUERIMIENTO_INFORMACION = "requerimiento_informacion", _("Se solicitó información al peticionario")
    INFORMACION_RECIBIDA = "informacion_recibida", _("Información recibida del peticionario")
    PLAZO_CIUDADANO_PRORROGADO = "plazo_ciudadano_prorrogado", _("Plazo del peticionario ampliado")
    DESISTIMIENTO = "desistimiento", _("Desistimiento declarado")
    DESISTIMIENTO_EXPRESO = "desistimiento_expreso", _("El peticionario desistió de la solicitud")
    CONTINUADA_DE_OFICIO = "continuada_de_oficio", _("La Alcaldía continúa el trámite de oficio")
    PRORROGA = "prorroga", _("Término prorrogado")
    TRASLADADA = "trasladada", _("Trasladada por competencia")
    RESPONDIDA = "respondida", _("Respondida")
    NOTIFICADA = "notificada", _("Notificación registrada")
    RECHAZADA = "rechazada", _("Rechazada")
    ARCHIVADA = "archivada", _("Archivada")
    NOTA_INTERNA = "nota_interna", _("Nota interna")
    CALIFICADA = "calificada", _("Atención calificada")
    CERRADA = "cerrada", _("Cerrada")
    DEVUELTA_PARA_CORREGIR = "devuelta_para_corregir", _("Devuelta al peticionario para corregir")
    CORREGIDA = "corregida", _("El peticionario corrigió la solicitud")
    DOCUMENTO_APORTADO = "documento_aportado", _("El peticionario aportó un documento")
    SILENCIO_POSITIVO = "silencio_positivo", _("Solicitud aceptada por silencio administrativo")
    INSISTENCIA = "insistencia", _("El peticionario insistió en su solicitud")
    INSISTENCIA_REMITIDA = "insistencia_remitida", _("Insistencia remitida al juez")
    REPOSICION_INTERPUESTA = "reposicion_interpuesta", _("Recurso de reposición interpuesto")
    REPOSICION_DECIDIDA = "reposicion_decidida", _("Recurso de reposición decidido")
    CODIGO_RENOVADO = "codigo_renovado", _("Código de consulta renovado")


class Evento(EventoBase):
    """One entry of a request's timeline and audit trail; built by `pqrs.eventos`, one constructor a type."""

    solicitud = models.ForeignKey(
        "pqrs.Solicitud",
        on_delete=models.CASCADE,
        db_index=False,  # covered by pqrs_evento_solicitud_idx
        related_name="eventos",
        verbose_name=_("solicitud"),
    )
    tipo = models.CharField(_("tipo"), max_length=30, choices=TipoEvento.choices)
    estado_anterior = models.CharField(
        _("estado anterior"), max_length=20, choices=Estado.choices, blank=True
    )
    estado_nuevo = models.CharField(_("estado nuevo"), max_length=20, choices=Estado.choices)

    class Meta(EventoBase.Meta):
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        indexes = [
            models.Index(fields=["solicitud", "momento"], name="pqrs_evento_solicitud_idx"),
            models.Index(fields=["tipo", "momento"], name="pqrs_evento_tipo_idx"),
        ]

    def __str__(self):
        return f"{self.solicitud_id} · {self.get_tipo_display()}"


class Adjunto(AdjuntoBase):
    solicitud = models.ForeignKey(
        "pqrs.Solicitud", on_delete=models.CASCADE, related_name="adjuntos", verbose_name=_("solicitud")
    )
    evento = models.ForeignKey(
        Evento,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjuntos",
        verbose_name=_("evento"),
    )

    class Meta(AdjuntoBase.Meta):
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")


class Calificacion(models.Model):
    """The petitioner's one-time satisfaction survey after an answer."""

    solicitud = models.OneToOneField(
        "pqrs.Solicitud", on_delete=models.CASCADE, related_name="calificacion", verbose_name=_("solicitud")
    )
    puntaje = models.PositiveSmallIntegerField(
        _("calificación"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comentario = models.TextField(_("comentario"), max_length=2000, blank=True)
    momento = models.DateTimeField(_("momento"), default=timezone.now)

    class Meta:
        verbose_name = _("calificación")
        verbose_name_plural = _("calificaciones")
        constraints = [
            models.CheckConstraint(
                condition=Q(puntaje__gte=1, puntaje__lte=5), name="pqrs_calificacion_1_a_5"
            ),
        ]

    def __str__(self):
        return f"{self.solicitud_id}: {self.puntaje}"
