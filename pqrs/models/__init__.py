from civic.expedientes.modelos import CanalRespuesta, TipoDocumento, TipoPersona

from .catalogos import CondicionPoblacional, Entidad, MateriaReservada, Modalidad
from .consolidadas import RespuestaConsolidada
from .eventos import Adjunto, Calificacion, Evento, TipoEvento
from .solicitud import CANALES_VERBALES, NEGACIONES, Canal, SentidoRespuesta, Solicitud

__all__ = [
    "CANALES_VERBALES",
    "NEGACIONES",
    "Adjunto",
    "Calificacion",
    "Canal",
    "CanalRespuesta",
    "CondicionPoblacional",
    "Entidad",
    "Evento",
    "MateriaReservada",
    "Modalidad",
    "RespuestaConsolidada",
    "SentidoRespuesta",
    "Solicitud",
    "TipoDocumento",
    "TipoEvento",
    "TipoPersona",
]
