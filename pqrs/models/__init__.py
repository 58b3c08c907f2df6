from civic.expedientes.modelos import CanalRespuesta, TipoDocumento, TipoPersona

from .catalogos import CondicionPoblacional, Modalidad
from .eventos import Adjunto, Calificacion, Evento, TipoEvento
from .solicitud import CANALES_VERBALES, Canal, SentidoRespuesta, Solicitud

__all__ = [
    "CANALES_VERBALES",
    "Adjunto",
    "Calificacion",
    "Canal",
    "CanalRespuesta",
    "CondicionPoblacional",
    "Evento",
    "Modalidad",
    "SentidoRespuesta",
    "Solicitud",
    "TipoDocumento",
    "TipoEvento",
    "TipoPersona",
]
