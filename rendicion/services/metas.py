"""Bulk updates of the plan from CSV: a dry run that reports every bad row, and an import that is whole or
nothing. The goals file (`importacion.MetaResource`) and the milestones file (`importacion.AvanceResource`)
share the kernel's run (`civic.importacion.ejecutar`); a file with one bad row imports nothing.
"""

from django.db import IntegrityError, transaction

from civic.expedientes.servicios import error_de_restriccion, servicio
from civic.importacion import Informe, ejecutar, mensaje_generico
from rendicion.importacion import (
    COLUMNAS,
    COLUMNAS_AVANCES,
    OBLIGATORIAS,
    OBLIGATORIAS_AVANCES,
    AvanceResource,
    MetaResource,
)
from rendicion.models import MetaPlan

METAS = "metas"
AVANCES = "avances"

_ARCHIVOS = {
    METAS: (MetaResource, COLUMNAS, OBLIGATORIAS),
    AVANCES: (AvanceResource, COLUMNAS_AVANCES, OBLIGATORIAS_AVANCES),
}


def revisar(*, contenido: bytes, tipo: str = METAS) -> Informe:
    """The dry run: everything `importar` would do, rolled back; the report says what it would be."""
    with transaction.atomic():
        informe = _ejecutar(contenido, tipo=tipo, de_verdad=False)
        transaction.set_rollback(True)
    return informe


@servicio
def importar(*, contenido: bytes, tipo: str = METAS) -> Informe:
    """The import itself; with any error nothing stays (the report says why)."""
    informe = _ejecutar(contenido, tipo=tipo, de_verdad=True)
    if not informe.limpio:
        transaction.set_rollback(True)
    informe.importado = informe.limpio
    return informe


def _ejecutar(contenido: bytes, *, tipo: str, de_verdad: bool) -> Informe:
    recurso, columnas, obligatorias = _ARCHIVOS[tipo]
    return ejecutar(
        contenido,
        recurso=recurso,
        columnas=columnas,
        obligatorias=obligatorias,
        de_verdad=de_verdad,
        mensaje_de_excepcion=_mensaje_de_excepcion,
    )


def _mensaje_de_excepcion(error: Exception) -> str:
    if isinstance(error, IntegrityError):
        propio = error_de_restriccion(error, MetaPlan)
        if propio is not None:
            return propio.messages[0]
    return mensaje_generico(error)
