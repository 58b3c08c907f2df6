"""Importing a registry from CSV: a dry run that reports every bad row, and an import that is whole or
nothing (Ley 2166 de 2021; the registry the secretaría kept in spreadsheets).

`revisar` runs the whole import inside a transaction it rolls back, and returns the report: each refusal
with its row (as a spreadsheet numbers it: the header is row 1), its column and a Spanish message.
`importar` runs it for real and keeps it only when the report is clean; a file with one bad row imports
nothing. Each organization created or whose state the file changes gets its `CambioEstado`, with the
import as the act behind it.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from civic.expedientes.servicios import error_de_restriccion, servicio
from civic.importacion import Informe, ejecutar, mensaje_generico
from organizaciones.importacion import COLUMNAS, OBLIGATORIAS, OrganizacionResource
from organizaciones.models import CambioEstado, EstadoOrganizacion, Organizacion


def acto_de_importacion(fecha: date) -> str:
    return _("Importación del registro %(fecha)s") % {"fecha": fecha.isoformat()}


def revisar(*, contenido: bytes, actor, hoy: date) -> Informe:
    """The dry run: everything `importar` would do, rolled back; the report says what it would be."""
    with transaction.atomic():
        informe = _ejecutar(contenido, actor=actor, hoy=hoy, de_verdad=False)
        transaction.set_rollback(True)
    return informe


@servicio
def importar(*, contenido: bytes, actor, hoy: date) -> Informe:
    """The import itself; with any error nothing stays (the report says why)."""
    informe = _ejecutar(contenido, actor=actor, hoy=hoy, de_verdad=True)
    if not informe.limpio:
        transaction.set_rollback(True)
    informe.importado = informe.limpio
    return informe


def _ejecutar(contenido: bytes, *, actor, hoy: date, de_verdad: bool) -> Informe:
    return ejecutar(
        contenido,
        recurso=lambda: OrganizacionResource(actor=actor, hoy=hoy),
        columnas=COLUMNAS,
        obligatorias=OBLIGATORIAS,
        de_verdad=de_verdad,
        mensaje_de_excepcion=_mensaje_de_excepcion,
    )


def _mensaje_de_excepcion(error: Exception) -> str:
    if isinstance(error, IntegrityError):
        propio = error_de_restriccion(error, Organizacion) or error_de_restriccion(error, CambioEstado)
        if propio is not None:
            return propio.messages[0]
    return mensaje_generico(error)


def registrar_estado_importado(
    organizacion: Organizacion,
    *,
    estado_anterior: str,
    hasta_anterior: date | None,
    actor,
    fecha: date,
) -> CambioEstado | None:
    """The import as the act behind the state: on a created organization, and on one whose state (or
    suspension date) the file changes. Runs inside `importar`'s transaction (the resource's hook)."""
    if estado_anterior == organizacion.estado and hasta_anterior == organizacion.suspendida_hasta:
        return None
    return CambioEstado.objects.create(
        organizacion=organizacion,
        estado_anterior=estado_anterior,
        estado_nuevo=organizacion.estado,
        hasta=organizacion.suspendida_hasta if organizacion.estado == EstadoOrganizacion.SUSPENDIDA else None,
        acto=acto_de_importacion(fecha),
        fecha=fecha,
        actor=actor,
    )
