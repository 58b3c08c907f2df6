"""CSV files for spreadsheet programs, written a line at a time: every export of the portal uses it.

Cells are made safe against formula injection (OWASP "CSV injection": a cell starting with =, +, -, @,
a tab or a carriage return is a formula for Excel or LibreOffice) and the first line starts with a
byte-order mark, so spreadsheet programs read the accents as UTF-8.
"""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

_INICIO_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class _Eco:
    """A file-like object whose write returns the line, so csv.writer can feed a generator."""

    def write(self, valor: str) -> str:
        return valor


def celda(valor, *, si_no: tuple[str, str] | None = None) -> str:
    """One value as the text of a cell: dates in ISO (moments in Bogotá time), booleans as Sí/No."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        si, no = si_no or (_("Sí"), _("No"))
        return si if valor else no
    if isinstance(valor, datetime):
        return timezone.localtime(valor).strftime("%Y-%m-%d %H:%M")
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, int):
        return str(valor)  # a negative number is a number, not a formula
    texto = str(valor)
    return "'" + texto if texto.startswith(_INICIO_FORMULA) else texto


def texto_de_celda(valor) -> str:
    """What a person meant by a cell of a file the portal exported and they edited: the apostrophe that
    `celda` put before a formula-like text is not part of the value."""
    texto = "" if valor is None else str(valor).strip()
    if texto.startswith("'") and texto[1:].startswith(_INICIO_FORMULA):
        texto = texto[1:]
    return texto


class Escritor:
    """`linea(celdas)` is one CSV line; `encabezado(nombres)` the first one, with the byte-order mark."""

    def __init__(self) -> None:
        self._csv = csv.writer(_Eco())

    def encabezado(self, nombres: Iterable[str]) -> str:
        return "\ufeff" + self._csv.writerow([celda(n) for n in nombres])

    def linea(self, celdas: Iterable[str]) -> str:
        return self._csv.writerow(list(celdas))


def lineas(encabezados: Iterable[str], filas: Iterable[Iterable]) -> Iterator[str]:
    """A whole CSV from headers and rows of raw values."""
    escritor = Escritor()
    yield escritor.encabezado(encabezados)
    for fila in filas:
        yield escritor.linea(celda(valor) for valor in fila)
