"""The portal's forms of the organizations registry: filing a procedure (one form per type, built from
its checklist, with its list of dignatarios), answering a requirement, and the public directory's search
and certificate verification."""

from .dignatarios import (
    FILAS_DIGNATARIOS,
    FILAS_MAS,
    FILAS_MAX,
    DignatarioForm,
    DignatariosFormSet,
    dignatarios_limpios,
    filas_de,
)
from .publico import BuscarForm, VerificarForm
from .radicar import RadicarTramiteForm, es_valido
from .seguimiento import CorregirForm

__all__ = [
    "FILAS_DIGNATARIOS",
    "FILAS_MAS",
    "FILAS_MAX",
    "BuscarForm",
    "CorregirForm",
    "DignatarioForm",
    "DignatariosFormSet",
    "RadicarTramiteForm",
    "VerificarForm",
    "dignatarios_limpios",
    "es_valido",
    "filas_de",
]
