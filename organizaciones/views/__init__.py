"""Public pages of the organizations registry: the directory and verification (`publico`), and filing
and following procedures (`tramites`)."""

from .publico import certificado_pdf, directorio, organizacion, verificar, verificar_formulario
from .tramites import corregir, documento, radicado, radicar, resolucion_pdf, tramites

__all__ = [
    "certificado_pdf",
    "corregir",
    "directorio",
    "documento",
    "organizacion",
    "radicado",
    "radicar",
    "resolucion_pdf",
    "tramites",
    "verificar",
    "verificar_formulario",
]
