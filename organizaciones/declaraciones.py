"""What the kernel needs to know about the organizations' procedures, declared.

Each type of procedure is an expediente with its own radicado series and prefix (RADICADO_SERIES and
RADICADO_PREFIJOS may fold them into the entity's single series); all share the model, the states and
the tracking page.
"""

from civic.expedientes.registro import Expediente, Retencion

from .models.tramites import ClaseTramite
from .workflow import FINALES

PREFIJOS = {
    ClaseTramite.RECONOCIMIENTO: "PJ",
    ClaseTramite.REFORMA_ESTATUTOS: "EST",
    ClaseTramite.INSCRIPCION_DIGNATARIOS: "DIG",
    ClaseTramite.ELECCION_FUERA_TERMINO: "EFT",
    ClaseTramite.REGISTRO_LIBROS: "LIB",
    ClaseTramite.CERTIFICADO: "CER",
    ClaseTramite.SUSPENSION: "SUS",
    ClaseTramite.CANCELACION: "CAN",
    ClaseTramite.IMPUGNACION: "IMP",
}


def clave(clase: str) -> str:
    """The expediente key (and default series) of a type: `org-reconocimiento`…"""
    return f"org-{clase}"


# Ley 1581/2012 art. 4 lit. g: a finished procedure keeps its numbers and acts, not who filed it.
RETENCION = Retencion(
    estados_cerrados=FINALES,
    eventos_del_peticionario=frozenset({"corregido"}),
    adjuntos="adjuntos",
    textos=("descripcion",),
)

EXPEDIENTES = {
    clase: Expediente(
        clave=clave(clase),
        modelo="organizaciones.Tramite",
        prefijo=prefijo,
        nombre=str(ClaseTramite(clase).label),
        plantilla_seguimiento="organizaciones/seguimiento.html",
        retencion=RETENCION,
    )
    for clase, prefijo in PREFIJOS.items()
}
