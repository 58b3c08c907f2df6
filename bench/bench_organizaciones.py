"""The public directory of organizations and an organization's page over 20,000 organizations and 100,000
dignatarios, on PostgreSQL.

Run from the repository root:

    DEBUG=true .venv/bin/python bench/bench_organizaciones.py [N] [--dignatarios D] [--explicar]

It uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/civic_bench_org),
creates it if missing, migrates it, loads Cali's territory and fills it up to N organizations (default
20,000, with D = 100,000 active dignatarios) with `generar_organizaciones_sinteticas`, then runs VACUUM
ANALYZE. Each page goes through the Django test Client (anonymous, DEBUG off: middleware, session, form,
queries and template all count): 3 warm-up runs, one counted for its queries, then the timed runs.
`--explicar` prints EXPLAIN ANALYZE of the directory's page and count for each search.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civic_bench_org")

import bench_pqrs
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from civic.models import Comuna
from organizaciones.management.commands.generar_organizaciones_sinteticas import RARA
from organizaciones.models import Dignatario, Organizacion
from organizaciones.selectors import publico
from organizaciones.views.publico import POR_PAGINA


def preparar(n: int, dignatarios: int) -> None:
    call_command("migrate", verbosity=0)
    if not Comuna.objects.exists():
        call_command("cargar_territorio", "cali", verbosity=0)
    actuales = Organizacion.objects.count()
    if actuales < n:
        print(f"Generando {n - actuales:,} organizaciones (hay {actuales:,})…", flush=True)
        inicio = time.perf_counter()
        faltan = max(0, dignatarios - Dignatario.objects.vigentes().count())
        with open(os.devnull, "w") as nada:
            call_command(
                "generar_organizaciones_sinteticas", n - actuales, "--dignatarios", faltan, stdout=nada
            )
        print(f"Generadas en {time.perf_counter() - inicio:.0f} s", flush=True)
    with connection.cursor() as cursor:
        for tabla in (
            "organizaciones_organizacion",
            "organizaciones_dignatario",
            "organizaciones_cambioestado",
        ):
            cursor.execute(f"VACUUM ANALYZE {tabla}")


def explicar(nombre: str, filtros: dict, pagina: int = 1) -> None:
    consulta = publico.directorio(**filtros)
    desde = (pagina - 1) * POR_PAGINA
    print(f"\n-- EXPLAIN ANALYZE, {nombre}: página {pagina}")
    print(consulta[desde : desde + POR_PAGINA].explain(analyze=True, costs=False))
    print(f"-- EXPLAIN ANALYZE, {nombre}: conteo del paginador")
    sql, parametros = consulta.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM ({sql}) subconsulta", parametros)
        print("\n".join(fila[0] for fila in cursor.fetchall()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=20_000)
    parser.add_argument("--dignatarios", type=int, default=100_000)
    parser.add_argument("--repeticiones", type=int, default=50)
    parser.add_argument("--explicar", action="store_true")
    args = parser.parse_args()

    preparar(args.n, args.dignatarios)
    setup_test_environment()  # 'testserver' allowed, DEBUG off, as in production
    total = Organizacion.objects.count()
    vigentes = Dignatario.objects.vigentes().count()
    publicas = Organizacion.objects.publicas().count()

    client = Client()
    url = reverse("organizaciones:inicio")
    comuna = Comuna.objects.annotate(n=Count("organizaciones")).order_by("-n").first()
    con_junta = (
        Organizacion.objects.publicas()
        .annotate(n=Count("dignatarios", filter=Q(dignatarios__vigente=True)))
        .filter(n=8)
        .order_by("pk")
        .first()
    )
    profunda = max(1, publicas // POR_PAGINA - 5)
    busquedas = [
        ("sin filtro", {}, {}),
        (f"nombre raro («{RARA.lower()}»)", {"nombre": RARA.lower()}, {"nombre": RARA.lower()}),
        ("nombre común («comunal»)", {"nombre": "comunal"}, {"nombre": "comunal"}),
        ("nombre medio («jardín»)", {"nombre": "jardín"}, {"nombre": "jardín"}),
        (
            "tipo JAC + comuna + activa",
            {"tipo": "jac", "comuna": comuna.pk, "estado": "activa"},
            {"tipo": "jac", "comuna": comuna, "estado": "activa"},
        ),
        ("página 2", {"pagina": "2"}, {}),
        (f"página {profunda} (profunda)", {"pagina": str(profunda)}, {}),
    ]

    def pagina(ruta, parametros=None):
        def pedir():
            respuesta = client.get(ruta, parametros or {})
            assert respuesta.status_code == 200, (ruta, parametros, respuesta.status_code)

        return pedir

    casos = [(f"directorio, {nombre}", pagina(url, params)) for nombre, params, _f in busquedas]
    casos.append(
        (
            "ficha de una organización (8 dignatarios)",
            pagina(reverse("organizaciones:organizacion", args=[con_junta.pk])),
        )
    )

    print(
        f"\n{total:,} organizaciones ({publicas:,} públicas), {vigentes:,} dignatarios vigentes en "
        f"PostgreSQL; {args.repeticiones} repeticiones por caso\n"
    )
    print(f"| {'caso':<48} | {'p50 ms':>7} | {'p95 ms':>7} | {'consultas':>9} |")
    print(f"|{'-' * 50}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for nombre, funcion in casos:
        p50, p95, consultas = bench_pqrs.medir(funcion, args.repeticiones)
        print(f"| {nombre:<48} | {p50:7.1f} | {p95:7.1f} | {consultas:9d} |", flush=True)

    if args.explicar:
        for nombre, params, filtros in busquedas:
            explicar(nombre, filtros, int(params.get("pagina", 1)))


if __name__ == "__main__":
    main()
