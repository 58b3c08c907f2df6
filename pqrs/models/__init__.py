from .catalogos import CondicionPoblacional, Consecutivo, Modalidad
from .eventos import Adjunto, Calificacion, Evento, TipoEvento
from .solicitud import Canal, CanalRespuesta, SentidoRespuesta, Solicitud, TipoDocumento, TipoPersona

__all__ = [
    "Adjunto",
    "Calificacion",
    "Canal",
    "CanalRespuesta",
    "CondicionPoblacional",
    "Consecutivo",
    "Evento",
    "Modalidad",
    "SentidoRespuesta",
    "Solicitud",
    "TipoDocumento",
    "TipoEvento",
    "TipoPersona",
]
