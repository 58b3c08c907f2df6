"""The rendición staff's work queue: citizens' questions by the traffic light of their 15 business days
(Ley 1757/2015 art. 56) and improvement actions by theirs (`civic.plazos.cola`). A fixed number of
queries, whatever the rows."""

from dataclasses import dataclass
from datetime import date

from civic.plazos.cola import Grupo, agrupar
from rendicion.models import AccionMejora, Pregunta
from rendicion.workflow import MAQUINA_ACCION, MAQUINA_PREGUNTA

ORDEN = ("fecha_vencimiento", "pk")
ORDEN_SIN_TERMINO = ("-fecha_vencimiento", "-pk")


@dataclass(frozen=True)
class Cola:
    preguntas: list[Grupo]
    acciones: list[Grupo]

    @property
    def preguntas_total(self) -> int:
        return sum(grupo.total for grupo in self.preguntas)

    @property
    def acciones_total(self) -> int:
        return sum(grupo.total for grupo in self.acciones)


def cola_de_trabajo(*, hoy: date, maximo: int) -> Cola:
    preguntas = Pregunta.objects.filter(estado__in=sorted(MAQUINA_PREGUNTA.en_curso)).select_related(
        "audiencia"
    )
    acciones = AccionMejora.objects.filter(estado__in=sorted(MAQUINA_ACCION.en_curso)).select_related(
        "audiencia", "dependencia"
    )
    return Cola(
        preguntas=agrupar(
            preguntas, hoy=hoy, orden=ORDEN, orden_sin_termino=ORDEN_SIN_TERMINO, maximo=maximo
        ),
        acciones=agrupar(
            acciones,
            hoy=hoy,
            orden=ORDEN,
            orden_sin_termino=ORDEN_SIN_TERMINO,
            maximo=maximo,
            campo="fecha_vencimiento",
        ),
    )
