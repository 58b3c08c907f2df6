"""Every write to PQRS rows. Each service is atomic, locks the request and appends one event."""

from .cierre import (
    MedioNotificacion,
    agregar_nota_interna,
    archivar,
    calificar,
    rechazar,
    registrar_notificacion,
    responder,
)
from .radicacion import radicar
from .tramite import (
    ampliar_plazo_ciudadano,
    aportar_informacion,
    asignar,
    continuar_de_oficio,
    declarar_desistimiento,
    desistir,
    prorrogar,
    solicitar_informacion,
    trasladar,
)

__all__ = [
    "MedioNotificacion",
    "agregar_nota_interna",
    "ampliar_plazo_ciudadano",
    "aportar_informacion",
    "archivar",
    "asignar",
    "calificar",
    "continuar_de_oficio",
    "declarar_desistimiento",
    "desistir",
    "prorrogar",
    "radicar",
    "rechazar",
    "registrar_notificacion",
    "responder",
    "solicitar_informacion",
    "trasladar",
]
