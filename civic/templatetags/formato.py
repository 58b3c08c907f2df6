"""Template side of `civic.formato`: `{% load formato %}`.

Plain dates and hours need no filter of their own: `{{ fecha|date }}` (DATE_FORMAT) and
`{{ momento|date:"DATETIME_FORMAT" }}` come from the portal's format file. These filters cover what Django
has no named format for, so no template writes a format string of its own.
"""

from datetime import date, datetime

from django import template

from civic import formato

register = template.Library()


def _como_fecha(valor: date | str | None) -> date | None:
    # Event data keeps dates as ISO text (JSON); a date is a date however it was stored.
    if isinstance(valor, str):
        try:
            return date.fromisoformat(valor)
        except ValueError:
            return None
    if isinstance(valor, datetime):
        return valor.date()
    return valor


@register.filter(expects_localtime=True)
def fecha_larga(valor: date | str | None) -> str:
    """'miércoles 15 de abril de 2026' (a datetime is taken in Bogotá time)."""
    return formato.fecha_larga(_como_fecha(valor))


@register.filter(expects_localtime=True)
def fecha(valor: date | str | None) -> str:
    """'15 de abril de 2026', also for the ISO dates that event data stores."""
    return formato.fecha(_como_fecha(valor))
