"""The periods of the juntas (Ley 2166/2021 art. 36): elections every four years, each grade in its month.

JACs elected on 26 April 2026 for 1 Jul 2026 – 30 Jun 2030; asociaciones start on 1 September and
federaciones on 1 November of the same years. Ediles of a JAL serve with the territorial authorities
(Ley 136/1994): 1 January 2024 – 31 December 2027, then every four years.
"""

from datetime import date

from .models import TipoOrganizacion

_INICIO_COMUNAL = {  # (month, day) the period starts, by type
    TipoOrganizacion.JAC: (7, 1),
    TipoOrganizacion.JVC: (7, 1),
    TipoOrganizacion.ASOCOMUNAL: (9, 1),
    TipoOrganizacion.FEDERACION: (11, 1),
}
_ANIO_BASE_COMUNAL = 2026
_ANIO_BASE_JAL = 2024


def periodo(tipo: str, hoy: date) -> tuple[date, date] | None:
    """The period running on `hoy` for an organization of `tipo`, or None when the law sets none."""
    if tipo in _INICIO_COMUNAL:
        mes, dia = _INICIO_COMUNAL[tipo]
        anio = _ANIO_BASE_COMUNAL + 4 * ((hoy.year - _ANIO_BASE_COMUNAL) // 4)
        if hoy < date(anio, mes, dia):
            anio -= 4
        return date(anio, mes, dia), _dia_antes(date(anio + 4, mes, dia))
    if tipo == TipoOrganizacion.JAL:
        anio = _ANIO_BASE_JAL + 4 * ((hoy.year - _ANIO_BASE_JAL) // 4)
        return date(anio, 1, 1), date(anio + 3, 12, 31)
    return None


def inicio_del_periodo(tipo: str, hoy: date) -> date:
    """The start of the running period of a type the law gives periods to (the communal ones)."""
    actual = periodo(tipo, hoy)
    if actual is None:
        raise ValueError(f"la ley no fija periodos para {tipo}")
    return actual[0]


def _dia_antes(fecha: date) -> date:
    return date.fromordinal(fecha.toordinal() - 1)
