"""Audiencias públicas around the event (Ley 1757/2015 arts. 52-56): topics citizens propose before it,
their moderation, the three-question evaluation after it, and the improvement actions it leaves."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.maquina import transicionar
from civic.expedientes.servicios import servicio
from rendicion.models import AccionMejora, Audiencia, Evaluacion, EventoAccion, PropuestaTema
from rendicion.workflow import AccionDeMejora

TEMA_MAX = 1000
COMENTARIO_MAX = 2000
NOTA_MAX = 2000


def recibe_temas(audiencia: Audiencia, ahora: datetime) -> bool:
    """Topics are proposed before the event (art. 55: the agenda is built with the citizens)."""
    return ahora < audiencia.fecha


def recibe_preguntas(audiencia: Audiencia, ahora: datetime) -> bool:
    """Questions come before and during the event, until `recibe_preguntas_hasta` if it is set."""
    return audiencia.recibe_preguntas_hasta is None or ahora <= audiencia.recibe_preguntas_hasta


def recibe_evaluaciones(audiencia: Audiencia, ahora: datetime) -> bool:
    """The survey opens when the event starts."""
    return ahora >= audiencia.fecha


@servicio
def proponer_tema(*, audiencia: Audiencia, texto: str, ahora: datetime | None = None) -> PropuestaTema:
    """A citizen's topic, unpublished until staff moderate it."""
    ahora = ahora or timezone.now()
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({"texto": _("Escriba el tema que propone.")}, code="requerido")
    if len(texto) > TEMA_MAX:
        raise ValidationError({"texto": _("El tema admite hasta %(n)s caracteres.") % {"n": TEMA_MAX}})
    if not recibe_temas(audiencia, ahora):
        raise ValidationError(
            _("La audiencia ya se realizó: no recibe más temas. Puede presentar una PQRS en el portal."),
            code="cerrada",
        )
    return PropuestaTema.objects.create(audiencia=audiencia, texto=texto)


@servicio
def moderar_temas(*, propuestas: Iterable[PropuestaTema], publicada: bool, actor) -> int:
    """Publish (or withdraw) topics; returns how many changed."""
    ids = [p.pk for p in propuestas]
    return PropuestaTema.objects.filter(pk__in=ids).exclude(publicada=publicada).update(publicada=publicada)


@servicio
def evaluar(
    *,
    audiencia: Audiencia,
    informacion_clara: int,
    preguntas_atendidas: int,
    organizacion: int,
    comentario: str = "",
    ahora: datetime | None = None,
) -> Evaluacion:
    """One anonymous answer to the three-question survey (art. 56: the event is evaluated)."""
    ahora = ahora or timezone.now()
    if not recibe_evaluaciones(audiencia, ahora):
        raise ValidationError(_("La encuesta se abre cuando empieza la audiencia."), code="antes_de_tiempo")
    evaluacion = Evaluacion(
        audiencia=audiencia,
        informacion_clara=informacion_clara,
        preguntas_atendidas=preguntas_atendidas,
        organizacion=organizacion,
        comentario=(comentario or "").strip()[:COMENTARIO_MAX],
    )
    evaluacion.full_clean(exclude=["audiencia"])
    evaluacion.save()
    return evaluacion


def _cambiar(accion: AccionMejora, que: AccionDeMejora, nota: str, actor) -> AccionMejora:
    transicionar(
        accion,
        que,
        evento=EventoAccion(accion=accion, tipo=str(que), publico=True, nota=(nota or "").strip()[:NOTA_MAX]),
        actor=actor,
    )
    return accion


@servicio
def iniciar(*, accion: AccionMejora, nota: str = "", actor) -> AccionMejora:
    return _cambiar(accion, AccionDeMejora.INICIAR, nota, actor)


@servicio
def cumplir(*, accion: AccionMejora, nota: str = "", actor) -> AccionMejora:
    return _cambiar(accion, AccionDeMejora.CUMPLIR, nota, actor)


@servicio
def cancelar(*, accion: AccionMejora, nota: str, actor) -> AccionMejora:
    """Cancelling says why: the public sees the action dropped, not vanished."""
    if not (nota or "").strip():
        raise ValidationError({"nota": _("Explique por qué se cancela la acción de mejora.")})
    return _cambiar(accion, AccionDeMejora.CANCELAR, nota, actor)
