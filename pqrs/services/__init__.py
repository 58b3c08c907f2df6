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
from .consolidada import responder_consolidada
from .correccion import aportar_documento, corregir, devolver_para_corregir
from .radicacion import radicar
from .recursos import confirmar_decision, interponer_reposicion, reponer
from .reserva import insistir, remitir_insistencia
from .silencio import declarar_silencio_positivo
from .tramite import (
    ampliar_plazo_ciudadano,
    aportar_informacion,
    asignar,
    continuar_de_oficio,
    declarar_desistimiento,
    desistir,
    fecha_maxima_prorroga,
    prorrogar,
    solicitar_informacion,
    trasladar,
)

__all__ = [
    "MedioNotificacion",
    "agregar_nota_interna",
    "ampliar_plazo_ciudadano",
    "aportar_documento",
    "aportar_informacion",
    "archivar",
    "asignar",
    "calificar",
    "confirmar_decision",
    "continuar_de_oficio",
    "corregir",
    "declarar_desistimiento",
    "declarar_silencio_positivo",
    "desistir",
    "devolver_para_corregir",
    "fecha_maxima_prorroga",
    "insistir",
    "interponer_reposicion",
    "prorrogar",
    "radicar",
    "rechazar",
    "registrar_notificacion",
    "remitir_insistencia",
    "reponer",
    "responder",
    "responder_consolidada",
    "solicitar_informacion",
    "trasladar",
]
