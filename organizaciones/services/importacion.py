"""Importing a registry from CSV: a dry run that reports every bad row, and an import that is whole or
nothing (Ley 2166 de 2021; the registry the secretaría kept in spreadsheets).

`revisar` runs the whole import inside a transaction it rolls back, and returns the report: each refusal
with its row (as a spreadsheet numbers it: the header is row 1), its column and a Spanish message.
`importar` runs it for real and keeps it only when the report is clean; a file with one bad row imports
nothing. Each organization created or whose state the file changes gets its `CambioEstado`, with the
import as the act behind it.
"""

from dataclasses import dataclass, field
from datetime import date

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from civic.expedientes.servicios import error_de_restriccion, servicio
from organizaciones.importacion import COLUMNAS, OBLIGATORIAS, OrganizacionResource
from organizaciones.models import CambioEstado, EstadoOrganizacion, Organizacion

MAXIMO_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Error:
    fila: int | None  # None: the file as a whole (its columns, its encoding)
    columna: str
    mensaje: str


@dataclass
class Informe:
    filas: int = 0
    nuevas: int = 0
    actualizadas: int = 0
    errores: list[Error] = field(default_factory=list)
    importado: bool = False

    @property
    def limpio(self) -> bool:
        return not self.errores


def acto_de_importacion(fecha: date) -> str:
    return _("Importación del registro %(fecha)s") % {"fecha": fecha.isoformat()}


def leer(contenido: bytes) -> tablib.Dataset:
    """The CSV as a dataset; a file that is not one raises ValidationError in Spanish."""
    if len(contenido) > MAXIMO_BYTES:
        raise ValidationError(_("El archivo supera los 5 MB: divídalo en varios."), code="grande")
    try:
        texto = contenido.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            texto = contenido.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError(
                _("No se pudo leer el archivo: guárdelo como CSV UTF-8."), code="codificacion"
            ) from None
    separador = ";" if texto.split("\n", 1)[0].count(";") > texto.split("\n", 1)[0].count(",") else ","
    try:
        datos = tablib.Dataset().load(texto, format="csv", delimiter=separador)
    except Exception:
        raise ValidationError(_("El archivo no es un CSV válido."), code="csv") from None
    if not datos.headers:
        raise ValidationError(_("El archivo está vacío: la primera fila debe tener los encabezados."))
    datos.headers = [(h or "").strip().lstrip("\ufeff").lower() for h in datos.headers]
    return datos


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
    informe = Informe()
    try:
        datos = leer(contenido)
    except ValidationError as error:
        informe.errores.append(Error(None, "", error.messages[0]))
        return informe
    informe.filas = len(datos)
    desconocidas = [h for h in datos.headers if h not in COLUMNAS]
    for columna in desconocidas:
        informe.errores.append(
            Error(None, columna, _("Columna desconocida: use los encabezados del archivo exportado."))
        )
    for columna in OBLIGATORIAS:
        if columna not in datos.headers:
            informe.errores.append(Error(None, columna, _("Falta esta columna obligatoria.")))
    if not informe.filas:
        informe.errores.append(Error(None, "", _("El archivo no tiene filas de datos.")))
    if informe.errores:
        return informe
    recurso = OrganizacionResource(actor=actor, hoy=hoy)
    resultado = recurso.import_data(
        datos,
        dry_run=not de_verdad,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    for general in resultado.base_errors:
        informe.errores.append(Error(None, "", _mensaje_de_excepcion(general.error)))
    for fila in resultado.invalid_rows:
        for columna, mensajes in fila.error_dict.items():
            for mensaje in mensajes:
                informe.errores.append(
                    Error(fila.number + 1, "" if columna == NON_FIELD_ERRORS else columna, str(mensaje))
                )
    for numero, errores in resultado.row_errors():
        for de_fila in errores:
            informe.errores.append(Error(numero + 1, "", _mensaje_de_excepcion(de_fila.error)))
    informe.errores.sort(
        key=lambda e: (e.fila or 0, COLUMNAS.index(e.columna) if e.columna in COLUMNAS else -1)
    )
    totales = resultado.totals
    informe.nuevas = totales.get("new", 0)
    informe.actualizadas = totales.get("update", 0)
    return informe


def _mensaje_de_excepcion(error: Exception) -> str:
    if isinstance(error, IntegrityError):
        propio = error_de_restriccion(error, Organizacion) or error_de_restriccion(error, CambioEstado)
        if propio is not None:
            return propio.messages[0]
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return _("Error inesperado al guardar la fila; revise sus valores o avise a soporte.")


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
