"""An informe de gestión over a year with 1,000,000 PQRS, on PostgreSQL: the saved PQRS report (Ley 1474
art. 76) computed by database aggregation — its queries are per indicator, never per request.

Run from the repository root:

    DEBUG=true .venv/bin/python bench/bench_rendicion.py [N] [--explicar]

It uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/civic_bench_rendicion),
creates it if missing, migrates it, loads Cali's territory and fills it up to N requests (default 1,000,000)
filed over the last year with `generar_pqrs_sinteticas N --anios 1`, then runs VACUUM ANALYZE. It creates
a draft informe from the PQRS template for the last 365 days (all dependencias, then one), and times:
computing every figure (`rendicion.selectors.informes.cifras`, live on a draft), publishing it (the same
computation, frozen), and the published page through the test Client (frozen figures only). Each is
counted for queries; the count is compared with the template's number of indicators, and with the same
informe over 1/10 of the period (fewer rows, same queries). `--explicar` prints EXPLAIN ANALYZE of each
indicator's query.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civic_bench_rendicion")

import bench_pqrs  # noqa: F401  (database chosen and created, django.setup())
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from django.urls import reverse
from django.utils import timezone

from civic.models import Comuna, Dependencia, Usuario
from pqrs.models import Solicitud
from rendicion.models import Informe
from rendicion.plantillas import PQRS
from rendicion.selectors.informes import cifras, informe_completo
from rendicion.services import informes
from rendicion.services.plantillas import crear_desde_plantilla


def preparar(n: int) -> None:
    call_command("migrate", verbosity=0)
    if not Comuna.objects.exists():
        call_command("cargar_territorio", "cali", verbosity=0)
    actuales = Solicitud.objects.count()
    if actuales < n:
        print(f"Generando {n - actuales:,} solicitudes (hay {actuales:,})…", flush=True)
        inicio = time.perf_counter()
        with open(os.devnull, "w") as nada:
            call_command("generar_pqrs_sinteticas", n - actuales, "--anios", 1, "--lote", 10000, stdout=nada)
        print(f"Generadas en {time.perf_counter() - inicio:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE pqrs_solicitud")


def _medir(funcion, veces: int = 3) -> tuple[float, int, list[tuple[str, tuple]]]:
    """Median milliseconds over `veces` runs, and the queries of the first run (an execute wrapper:
    the test Client's request_started signal empties connection.queries)."""
    sqls: list[tuple[str, tuple]] = []

    def anotar(ejecutar, sql, params, many, contexto):
        sqls.append((sql, tuple(params or ())))
        return ejecutar(sql, params, many, contexto)

    with connection.execute_wrapper(anotar):
        funcion()
    tiempos = []
    for _ in range(veces):
        inicio = time.perf_counter()
        funcion()
        tiempos.append((time.perf_counter() - inicio) * 1000)
    return statistics.median(tiempos), len(sqls), sqls


def main() -> None:
    argumentos = argparse.ArgumentParser()
    argumentos.add_argument("n", nargs="?", type=int, default=1_000_000)
    argumentos.add_argument("--explicar", action="store_true")
    opciones = argumentos.parse_args()
    preparar(opciones.n)
    setup_test_environment()
    Informe.objects.filter(plantilla=PQRS.clave).delete()

    hoy = timezone.localdate()
    desde = hoy - timedelta(days=365)
    en_el_anio = Solicitud.objects.filter(radicada_en__date__range=(desde, hoy)).count()
    indicadores = sum(len(s.indicadores) for s in PQRS.secciones)
    actor = Usuario.objects.filter(is_superuser=True).first() or Usuario.objects.create(
        username="bench-rendicion", is_superuser=True, is_staff=True
    )
    print(f"PostgreSQL {connection.pg_version}; {Solicitud.objects.count():,} PQRS, {en_el_anio:,} en el año")
    print(f"Plantilla {PQRS.clave}: {len(PQRS.secciones)} secciones, {indicadores} indicadores\n")

    dependencia = Dependencia.objects.order_by("sigla").first()
    filas = []
    for nombre, d, dias in (
        ("todas las dependencias, 365 días", None, 365),
        (f"dependencia {dependencia.sigla}, 365 días", dependencia, 365),
        ("todas las dependencias, 36 días", None, 36),
    ):
        informe = crear_desde_plantilla(
            clave=PQRS.clave, desde=hoy - timedelta(days=dias), hasta=hoy, actor=actor, dependencia=d
        )
        completo = informe_completo(informe.pk)
        ms, n, sqls = _medir(lambda completo=completo: cifras(completo))
        filas.append((f"cifras en vivo ({nombre})", ms, n))
        if opciones.explicar and d is None and dias == 365:
            with connection.cursor() as cursor:
                for sql, parametros in sqls:
                    if "pqrs_solicitud" in sql:
                        cursor.execute("EXPLAIN ANALYZE " + sql, parametros)
                        print(sql[:160], "…")
                        print("\n".join(r[0] for r in cursor.fetchall()), "\n")
        if d is None and dias == 365:
            inicio = time.perf_counter()
            with CaptureQueriesContext(connection) as consultas:
                informes.publicar(informe=informe, actor=actor)
            filas.append(
                ("publicar (calcula y congela)", (time.perf_counter() - inicio) * 1000, len(consultas))
            )
            cliente = Client()
            url = reverse("rendicion:informe", args=[informe.pk])
            assert cliente.get(url).status_code == 200
            ms, n, _sqls = _medir(lambda cliente=cliente, url=url: cliente.get(url))
            filas.append(("página pública del informe publicado", ms, n))
            url_csv = reverse("rendicion:informe_csv", args=[informe.pk])
            ms, n, _sqls = _medir(
                lambda cliente=cliente, url=url_csv: b"".join(cliente.get(url).streaming_content)
            )
            filas.append(("CSV de los indicadores", ms, n))

    ancho = max(len(f[0]) for f in filas)
    print(f"{'paso':<{ancho}} | {'mediana':>10} | consultas")
    for nombre, ms, n in filas:
        print(f"{nombre:<{ancho}} | {ms:>7.0f} ms | {n}")


if __name__ == "__main__":
    main()
