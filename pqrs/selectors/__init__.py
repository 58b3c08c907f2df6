"""Every non-trivial read of PQRS data, returning ready querysets or plain figures."""

from .consultas import (
    Semaforo,
    adjuntos_publicos,
    detalle_para_funcionario,
    eventos,
    eventos_publicos,
    por_vencer,
    respuestas_publicadas,
    semaforo,
    solicitud_para_peticionario,
    solicitudes_para_funcionario,
    umbral_amarillo,
    ve_todas,
    vencidas,
)
from .reportes import conteo_por, en_periodo, indicadores, informe_acceso_informacion, por_mes

__all__ = [
    "Semaforo",
    "adjuntos_publicos",
    "conteo_por",
    "detalle_para_funcionario",
    "en_periodo",
    "eventos",
    "eventos_publicos",
    "indicadores",
    "informe_acceso_informacion",
    "por_mes",
    "por_vencer",
    "respuestas_publicadas",
    "semaforo",
    "solicitud_para_peticionario",
    "solicitudes_para_funcionario",
    "umbral_amarillo",
    "ve_todas",
    "vencidas",
]
