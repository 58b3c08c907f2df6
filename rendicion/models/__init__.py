from .audiencias import (
    AccionMejora,
    Audiencia,
    Evaluacion,
    EventoAccion,
    EventoPregunta,
    Pregunta,
    PropuestaTema,
)
from .informes import EventoInforme, Indicador, Informe, Seccion, TipoGrafico
from .metas import Avance, EstadoMeta, MetaPlan

__all__ = [
    "AccionMejora",
    "Audiencia",
    "Avance",
    "EstadoMeta",
    "Evaluacion",
    "EventoAccion",
    "EventoInforme",
    "EventoPregunta",
    "Indicador",
    "Informe",
    "MetaPlan",
    "Pregunta",
    "PropuestaTema",
    "Seccion",
    "TipoGrafico",
]
