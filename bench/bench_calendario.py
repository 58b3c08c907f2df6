"""Benchmark of the business-day calendar: 100,000 due dates over varied start dates and terms.

Run from the repository root:  DEBUG=true .venv/bin/python bench/bench_calendario.py
It sets Django up on a throwaway in-memory SQLite database, so it never touches real data.
"""

import os
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from civic import calendario  # noqa: E402
from civic.services.calendario import declarar_dia_no_habil  # noqa: E402

N = 100_000
TERMINOS = (1, 3, 5, 10, 15, 30, 60)  # PQRS terms and their prórrogas (Ley 1755 de 2015 art. 14)


def medir(nombre, funcion, casos):
    inicio = time.perf_counter()
    for caso in casos:
        funcion(*caso)
    segundos = time.perf_counter() - inicio
    print(f"{nombre:<28} {N:>7,} llamadas  {segundos * 1000:8.1f} ms  ({segundos / N * 1e6:.2f} µs c/u)")


def main():
    call_command("migrate", "civic", verbosity=0)
    declarar_dia_no_habil(fecha=date(2026, 4, 8), motivo="Día cívico", actor=None)
    declarar_dia_no_habil(fecha=date(2027, 12, 24), motivo="Nochebuena", actor=None)

    azar = random.Random(2026)
    desde, hasta = date(2020, 1, 1).toordinal(), date(2030, 12, 31).toordinal()
    fechas = [date.fromordinal(azar.randint(desde, hasta)) for _ in range(N)]
    plazos = [(fecha, azar.choice(TERMINOS)) for fecha in fechas]
    pares = [(fecha, date.fromordinal(azar.randint(desde, hasta))) for fecha in fechas]

    calendario.invalidar()
    inicio = time.perf_counter()
    calendario.sumar_dias_habiles(date(2026, 7, 1), 15)
    print(f"primera llamada (1 consulta + tabla de 4 años)  {(time.perf_counter() - inicio) * 1000:.1f} ms")
    # The first pass also widens the table to 2020-2031; the second measures the steady state.
    medir("sumar_dias_habiles (frío)", calendario.sumar_dias_habiles, plazos)
    medir("sumar_dias_habiles", calendario.sumar_dias_habiles, plazos)
    medir("dias_habiles_entre", calendario.dias_habiles_entre, pares)
    medir("es_dia_habil", calendario.es_dia_habil, [(fecha,) for fecha in fechas])


if __name__ == "__main__":
    main()
