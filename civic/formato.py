"""How the portal writes dates for people, the same way on every page, letter and e-mail (es-CO)."""

from datetime import date
from functools import lru_cache

from django.conf import settings
from django.utils import formats, translation


def fecha_larga(fecha: date | None) -> str:
    """'miércoles 15 de abril de 2026', the way an official letter writes a date."""
    if fecha is None:
        return ""
    return _fecha_larga(fecha, settings.LANGUAGE_CODE)


# A reminder sweep writes the same few dates thousands of times; a date's words never change.
@lru_cache(maxsize=4096)
def _fecha_larga(fecha: date, idioma: str) -> str:
    with translation.override(idioma):
        # Spanish writes weekdays and months in lower case; the locale's names are capitalised.
        return formats.date_format(fecha, r"l j \d\e F \d\e Y").lower()
