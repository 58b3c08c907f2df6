"""Radicados for rows written in bulk, outside the filing services: synthetic data for the benchmarks.

The counters of the series are read once, advanced in memory while the rows are prepared, and written
back at the end, never below what the table already holds; each row gets a real radicado and the hash
of a random consultation code, as `radicados.radicar_en` would give it.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from civic.models import Consecutivo

from . import radicados
from .registro import Expediente


class NumeracionEnBloque:
    def __init__(self, series: Iterable[str], *, usados: Iterable[tuple[str, int, int]] = ()):
        """`usados`: (serie, año, mayor consecutivo) already in the app's tables, if any."""
        series = list(series)
        self._ultimos = {
            (serie, anio): ultimo
            for serie, anio, ultimo in Consecutivo.objects.filter(serie__in=series).values_list(
                "serie", "anio", "ultimo"
            )
        }
        for serie, anio, ultimo in usados:
            self._ultimos[(serie, anio)] = max(ultimo or 0, self._ultimos.get((serie, anio), 0))

    def siguiente(self, serie: str, anio: int) -> int:
        self._ultimos[(serie, anio)] = consecutivo = self._ultimos.get((serie, anio), 0) + 1
        return consecutivo

    def radicado(self, expediente: Expediente, efectiva: date, *, codigo: str | None = None) -> dict:
        """The numbering fields of one more row of `expediente` filed on `efectiva` (with `codigo` as its
        consultation code when a seeded generator wants the same data every run)."""
        serie, anio = expediente.serie, efectiva.year
        consecutivo = self.siguiente(serie, anio)
        radicado = radicados.formatear_radicado(expediente.prefijo_radicado, anio, consecutivo)
        return {
            "radicado": radicado,
            "serie": serie,
            "anio": anio,
            "consecutivo": consecutivo,
            "codigo_consulta_hash": radicados.hash_codigo(
                serie, radicado, codigo or radicados.generar_codigo()
            ),
        }

    @transaction.atomic
    def guardar(self) -> None:
        """Leave every counter at least at the last number given, so later filings continue after it."""
        for (serie, anio), ultimo in self._ultimos.items():
            Consecutivo.objects.bulk_create(
                [Consecutivo(serie=serie, anio=anio, ultimo=0)], ignore_conflicts=True
            )
            contador = Consecutivo.objects.select_for_update().get(serie=serie, anio=anio)
            contador.ultimo = max(contador.ultimo, ultimo)
            contador.save(update_fields=["ultimo"])
