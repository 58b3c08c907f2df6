"""Public pages of the organizations registry: the directory and verification (`publico`), and filing
and following procedures (`tramites`)."""

from .publico import certificado_pdf, directorio, organizacion, verificar, verificar_formulario
from .tramites import corregir, radicado, radicar, tramites

__all__ = [
    "certificado_pdf",
    "corregir",
    "directorio",
    "organizacion",
    "radicado",
    "radicar",
    "tramites",
    "verificar",
    "verificar_formulario",
]
