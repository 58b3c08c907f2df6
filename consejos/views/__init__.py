"""Public pages of the consejos for comuna leaders, no login: the portal (`publico`), the calendar and
Atom feeds (`feeds`) and e-mail subscriptions (`suscripciones`)."""

from .feeds import FeedActas, calendario_ayuda, calendario_comuna, calendario_instancia
from .publico import (
    acta,
    acta_anexo,
    acta_escaneo,
    acta_pdf,
    acta_version,
    buscar,
    compromiso,
    compromisos_comuna,
    comuna,
    evidencia,
    inicio,
    instancia,
)
from .suscripciones import baja, confirmar, suscribir, suscripcion_enviada

__all__ = [
    "FeedActas",
    "acta",
    "acta_anexo",
    "acta_escaneo",
    "acta_pdf",
    "acta_version",
    "baja",
    "buscar",
    "calendario_ayuda",
    "calendario_comuna",
    "calendario_instancia",
    "compromiso",
    "compromisos_comuna",
    "comuna",
    "confirmar",
    "evidencia",
    "inicio",
    "instancia",
    "suscribir",
    "suscripcion_enviada",
]
