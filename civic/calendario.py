"""Business-day calendar: weekends, Colombian national holidays and the days the municipality declares.

Terms in days are business days, Monday to Friday minus holidays (Ley 4 de 1913 art. 62). National
holidays (Ley 51 de 1983, Ley 2578 de 2026) come from the pinned `holidays` package; declared days from
`civic.models.DiaNoHabil`.

Speed: each process keeps a sorted list of business-day ordinals over a span of whole years, built
lazily and widened when a date outside it is asked for, so a due date is one `bisect` (O(log n)) and no
query. The declared days are read once per load (one query).

Freshness across processes (gunicorn workers, Celery): edits go through `civic.services.calendario`,
which on commit calls `notificar_cambio()`: it writes a new version token to Django's cache (Redis in
production) and drops this process's table. Every process compares its token with the cache at most
every REVISION_SEGUNDOS (a monotonic-clock check per call) and reloads when it differs, so another
process sees an edit within that many seconds. If the cache is unreachable, other processes keep their
table until it answers again. Tests reset a process with `invalidar()`.
"""

import threading
import time
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays
from django.core.cache import cache as cache_compartido
from django.utils import timezone
from django.utils.translation import gettext

from civic.models import DiaNoHabil

ZONA_HORARIA = ZoneInfo("America/Bogota")
CLAVE_VERSION = "civic:calendario:version"
REVISION_SEGUNDOS = 30.0
# A year has ~250 business days; sizing a widening with a lower bound never falls short for long.
_HABILES_POR_ANIO_MINIMO = 240


@cache
def festivos_nacionales(anio: int) -> Mapping[date, str]:
    """National holidays of a year with their Spanish names (Ley 51 de 1983, Ley 2578 de 2026)."""
    return MappingProxyType(dict(holidays.country_holidays("CO", years=anio, language="es")))


@dataclass(frozen=True)
class DiaOmitido:
    fecha: date
    motivo: str


@dataclass(frozen=True)
class ExplicacionPlazo:
    """How a due date was computed, for staff and citizens: which days counted and which were skipped."""

    inicio: date
    dias: int
    vencimiento: date
    contados: tuple[date, ...]
    omitidos: tuple[DiaOmitido, ...]


@dataclass(frozen=True)
class _Tabla:
    desde: int  # first year covered
    hasta: int  # last year covered, inclusive
    ordinales: list[int]  # business days of those whole years, ascending
    declarados: Mapping[date, str]

    def cubre(self, primero: int, ultimo: int) -> bool:
        return self.desde <= primero and ultimo <= self.hasta


def _ordinales_habiles(desde: int, hasta: int, declarados: Mapping[date, str]) -> list[int]:
    no_habiles = {dia.toordinal() for anio in range(desde, hasta + 1) for dia in festivos_nacionales(anio)}
    no_habiles.update(dia.toordinal() for dia in declarados)
    primero, ultimo = date(desde, 1, 1).toordinal(), date(hasta, 12, 31).toordinal()
    # Ordinal 1 (1 Jan of year 1) is a Monday, so (ordinal - 1) % 7 is the weekday, Monday = 0.
    return [o for o in range(primero, ultimo + 1) if (o - 1) % 7 < 5 and o not in no_habiles]


def _motivo_no_habil(fecha: date, declarados: Mapping[date, str]) -> str | None:
    """Why a day does not count, or None when it is a business day. A holiday's name wins over its weekday."""
    motivo = festivos_nacionales(fecha.year).get(fecha) or declarados.get(fecha)
    if motivo:
        return motivo
    if fecha.weekday() == 5:
        return gettext("sábado")
    if fecha.weekday() == 6:
        return gettext("domingo")
    return None


class Calendario:
    """One process's calendar. The module exposes the methods of a shared instance as functions."""

    def __init__(self, *, revision_segundos: float = REVISION_SEGUNDOS) -> None:
        self._revision_segundos = revision_segundos
        self._cerrojo = threading.Lock()
        self._tabla: _Tabla | None = None
        self._version: str | None = None
        self._proxima_revision = 0.0

    def invalidar(self) -> None:
        """Drop this process's table; the next call reloads the declared days (one query)."""
        self._tabla = None

    def notificar_cambio(self) -> None:
        """Tell every process that the declared days changed (called on commit by the services)."""
        cache_compartido.set(CLAVE_VERSION, uuid.uuid4().hex, timeout=None)
        self.invalidar()

    def es_dia_habil(self, fecha: date) -> bool:
        ordinales = self._cubriendo(fecha.year, fecha.year).ordinales
        i = bisect_left(ordinales, fecha.toordinal())
        return i < len(ordinales) and ordinales[i] == fecha.toordinal()

    def sumar_dias_habiles(self, inicio: date, dias: int) -> date:
        """The date `dias` business days after `inicio`; `inicio` itself never counts.

        The term starts the day after the authority receives the petition (Ley 4 de 1913 art. 62;
        CPACA). `dias=0` adds nothing and returns `inicio` as given, business day or not.
        """
        if dias < 0:
            raise ValueError(f"dias must be >= 0, got {dias}")
        if dias == 0:
            return inicio
        ultimo = inicio.year + 1
        while True:
            tabla = self._cubriendo(inicio.year, ultimo)
            i = bisect_right(tabla.ordinales, inicio.toordinal()) + dias - 1
            if i < len(tabla.ordinales):
                return date.fromordinal(tabla.ordinales[i])
            ultimo = tabla.hasta + 1 + (i - len(tabla.ordinales)) // _HABILES_POR_ANIO_MINIMO

    def fecha_radicacion_efectiva(self, momento: datetime) -> date:
        """The day a filing counts as received, in Bogotá time.

        CPACA arts. 54 and 56: whatever arrives before midnight is received that day; what arrives on a
        non-business day is received on the next business day.
        """
        if timezone.is_naive(momento):
            raise ValueError("momento must be an aware datetime")
        local = momento.astimezone(ZONA_HORARIA).date()
        return local if self.es_dia_habil(local) else self.sumar_dias_habiles(local, 1)

    def dias_habiles_entre(self, a: date, b: date) -> int:
        """Business days in (a, b]; negative (the days in (b, a]) when b < a.

        With a = today and b = the due date: 0 means due today, -n overdue by n business days.
        """
        ordinales = self._cubriendo(min(a.year, b.year), max(a.year, b.year)).ordinales
        return bisect_right(ordinales, b.toordinal()) - bisect_right(ordinales, a.toordinal())

    def explicar_plazo(self, inicio: date, dias: int) -> ExplicacionPlazo:
        vencimiento = self.sumar_dias_habiles(inicio, dias)
        declarados = self._cubriendo(inicio.year, vencimiento.year).declarados
        contados: list[date] = []
        omitidos: list[DiaOmitido] = []
        for n in range(1, (vencimiento - inicio).days + 1):
            fecha = inicio + timedelta(days=n)
            motivo = _motivo_no_habil(fecha, declarados)
            if motivo is None:
                contados.append(fecha)
            else:
                omitidos.append(DiaOmitido(fecha=fecha, motivo=motivo))
        return ExplicacionPlazo(
            inicio=inicio,
            dias=dias,
            vencimiento=vencimiento,
            contados=tuple(contados),
            omitidos=tuple(omitidos),
        )

    def _cubriendo(self, primero: int, ultimo: int) -> _Tabla:
        """The current table, reloaded if another process changed the declared days, covering the years."""
        ahora = time.monotonic()
        if ahora >= self._proxima_revision:
            self._proxima_revision = ahora + self._revision_segundos
            if cache_compartido.get(CLAVE_VERSION) != self._version:
                self._tabla = None
        tabla = self._tabla
        if tabla is not None and tabla.cubre(primero, ultimo):
            return tabla
        with self._cerrojo:
            tabla = self._tabla
            if tabla is not None and tabla.cubre(primero, ultimo):
                return tabla  # another thread got here first
            declarados: Mapping[date, str]
            if tabla is None:
                # Version first, rows second: an edit committed in between costs one extra reload at the
                # next check, never a missed one.
                self._version = cache_compartido.get(CLAVE_VERSION)
                self._proxima_revision = time.monotonic() + self._revision_segundos  # just in sync
                declarados = MappingProxyType(dict(DiaNoHabil.objects.values_list("fecha", "motivo")))
                desde, hasta = primero - 1, ultimo + 1
            else:
                declarados = tabla.declarados
                desde, hasta = min(tabla.desde, primero), max(tabla.hasta, ultimo)
            tabla = _Tabla(desde, hasta, _ordinales_habiles(desde, hasta, declarados), declarados)
            self._tabla = tabla
            return tabla


_calendario = Calendario()

es_dia_habil = _calendario.es_dia_habil
sumar_dias_habiles = _calendario.sumar_dias_habiles
fecha_radicacion_efectiva = _calendario.fecha_radicacion_efectiva
dias_habiles_entre = _calendario.dias_habiles_entre
explicar_plazo = _calendario.explicar_plazo
invalidar = _calendario.invalidar
notificar_cambio = _calendario.notificar_cambio


def habil_o_siguiente(fecha: date) -> date:
    """`fecha` if it is a business day, else the next one: a term that ends on a non-business day runs
    to the next business day (Ley 4 de 1913 art. 62), and what arrives on one is received the next."""
    return fecha if es_dia_habil(fecha) else sumar_dias_habiles(fecha, 1)
