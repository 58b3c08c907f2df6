"""How the portal writes dates, hours, numbers and file sizes for people, the same way on every page,
letter and e-mail (es-CO).

The formats themselves live in `civic/formatos/es_CO/formats.py` (DATE_FORMAT, DATETIME_FORMAT, the
thousands separator) and the words in `locale/es_CO` (lower-case months, "a. m."/"p. m."); Python code
and templates (the `formato` template library) go through the helpers below, so nothing writes its own.
"""

from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone, translation

# The way an official letter writes a date: "miércoles 15 de abril de 2026".
FECHA_LARGA = r"l j \d\e F \d\e Y"


def fecha_larga(fecha: date | None) -> str:
    """'miércoles 15 de abril de 2026'."""
    if fecha is None:
        return ""
    return _fecha_larga(fecha, settings.LANGUAGE_CODE)


# A reminder sweep writes the same few dates thousands of times; a date's words never change.
@lru_cache(maxsize=4096)
def _fecha_larga(fecha: date, idioma: str) -> str:
    with translation.override(idioma):
        return formats.date_format(fecha, FECHA_LARGA)


def fecha(valor: date | None) -> str:
    """'15 de abril de 2026' (DATE_FORMAT)."""
    if valor is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.date_format(valor, "DATE_FORMAT")


def fecha_hora(momento: datetime | None) -> str:
    """'15 de abril de 2026, 3:05 p. m.' in Bogotá time (DATETIME_FORMAT)."""
    if momento is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.date_format(timezone.localtime(momento), "DATETIME_FORMAT")


def numero(valor: int) -> str:
    """'1.234': for people only; ids, years and radicados are written with str()."""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.number_format(valor, force_grouping=True)


def tamano_legible(n: int) -> str:
    """'11,0 MB', '2,0 KB': written the Colombian way, with an ordinary space for plain-text messages."""
    with translation.override(settings.LANGUAGE_CODE):
        return filesizeformat(n).replace("\xa0", " ")
