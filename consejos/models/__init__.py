from .actas import Acta, EventoActa, VersionActa
from .compromisos import Compromiso, EventoCompromiso, Evidencia
from .instancias import (
    ROLES_CON_VOTO,
    GrupoPoblacional,
    Instancia,
    Integrante,
    RolIntegrante,
    Sector,
    Tema,
    TipoInstancia,
)
from .sesiones import (
    Anexo,
    Asistencia,
    Decision,
    EstadoAsistencia,
    EstadoSesion,
    Invitado,
    PuntoAgenda,
    Sesion,
    TipoSesion,
)
from .suscripciones import Suscripcion

__all__ = [
    "ROLES_CON_VOTO",
    "Acta",
    "Anexo",
    "Asistencia",
    "Compromiso",
    "Decision",
    "EstadoAsistencia",
    "EstadoSesion",
    "EventoActa",
    "EventoCompromiso",
    "Evidencia",
    "GrupoPoblacional",
    "Instancia",
    "Integrante",
    "Invitado",
    "PuntoAgenda",
    "RolIntegrante",
    "Sector",
    "Sesion",
    "Suscripcion",
    "Tema",
    "TipoInstancia",
    "TipoSesion",
    "VersionActa",
]
