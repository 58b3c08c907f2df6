"""The public search of actas (/consejos/buscar/) over 10,000 published actas, on PostgreSQL.

Run from the repository root:

    DEBUG=true .venv/bin/python bench/bench_consejos.py [N] [--repeticiones 50] [--explicar]
        [--random-page-cost 1.1]

It uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/civic_bench_consejos), creates it if missing, migrates it, loads
Cali's territory and fills it up to N published actas (default 10,000) with `generar_actas_sinteticas`,
then runs VACUUM ANALYZE. Each search goes through the Django test Client (anonymous, DEBUG off:
middleware, form, queries, snippets and template all count): 3 warm-up runs, one counted for its queries,
then the timed runs. `--explicar` prints EXPLAIN ANALYZE of each search's page and of the paginator's
count, and checks that the plan reads the GIN index `consejos_acta_busqueda_idx`.
`--random-page-cost` sets that planner cost on the benchmark's database (1.1 is the usual value for SSD;
without the option it is reset to PostgreSQL's default, 4).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civic_bench_consejos")

import bench_pqrs
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from civic.models import Comuna
from consejos.management.commands.generar_actas_sinteticas import RARA
from consejos.models import VersionActa
from consejos.selectors import publico
from consejos.views.publico import POR_PAGINA

INDICE = "consejos_acta_busqueda_idx"
BUSQUEDAS = [
    ("palabra común («transporte»)", "transporte"),
    (f"palabra rara («{RARA}», 20 actas)", RARA),
    ('frase («"ruta alimentadora"»)', '"ruta alimentadora"'),
    ("sin tilde, en todas («sesion»)", "sesion"),
    ("sin tilde, media («vacunacion»)", "vacunacion"),
    ("dos palabras («humedal arboles»)", "humedal arboles"),
    ("palabra que no aparece («acueducto veredal»)", "acueducto veredal"),
]


def preparar(n: int) -> None:
    call_command("migrate", verbosity=0)
    if not Comuna.objects.exists():
        call_command("cargar_territorio", "cali", verbosity=0)
    actuales = VersionActa.objects.vigentes().count()
    if actuales < n:
        print(f"Generando {n - actuales:,} actas (hay {actuales:,})…", flush=True)
        inicio = time.perf_counter()
        with open(os.devnull, "w") as nada:
            call_command("generar_actas_sinteticas", n - actuales, "--lote", "2000", stdout=nada)
        print(f"Generadas en {time.perf_counter() - inicio:.0f} s", flush=True)
    with connection.cursor() as cursor:
        for tabla in ("consejos_versionacta", "consejos_acta", "consejos_sesion"):
            cursor.execute(f"VACUUM ANALYZE {tabla}")


def explicar(nombre: str, texto: str) -> bool:
    consulta = publico.buscar_actas(texto)
    print(f"\n-- EXPLAIN ANALYZE, {nombre}: página 1 ({POR_PAGINA} filas, con rango y fragmento)")
    plan_pagina = consulta[:POR_PAGINA].explain(analyze=True, costs=False)
    print(plan_pagina)
    print(f"-- EXPLAIN ANALYZE, {nombre}: conteo del paginador")
    sql, parametros = consulta.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM ({sql}) subconsulta", parametros)
        plan_conteo = "\n".join(fila[0] for fila in cursor.fetchall())
    print(plan_conteo)
    return INDICE in plan_pagina and INDICE in plan_conteo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeticiones", type=int, default=50)
    parser.add_argument("--explicar", action="store_true")
    parser.add_argument("--random-page-cost", type=float, default=None)
    args = parser.parse_args()

    preparar(args.n)
    with connection.cursor() as cursor:
        # The benchmark's own database: every later connection (one per request) starts with the setting.
        nombre = connection.settings_dict["NAME"]
        if args.random_page_cost is None:
            cursor.execute(f'ALTER DATABASE "{nombre}" RESET random_page_cost')
        else:
            cursor.execute(f'ALTER DATABASE "{nombre}" SET random_page_cost = {args.random_page_cost:f}')
    connection.close()
    setup_test_environment()  # 'testserver' allowed, DEBUG off, as in production
    total = VersionActa.objects.vigentes().count()
    client = Client()
    url = reverse("consejos:buscar")

    def buscar(parametros):
        def pedir():
            respuesta = client.get(url, parametros)
            assert respuesta.status_code == 200, (parametros, respuesta.status_code)

        return pedir

    comuna = Comuna.objects.get(tipo=Comuna.Tipo.COMUNA, numero=5)
    casos = [(nombre, buscar({"q": texto}), {"texto": texto}) for nombre, texto in BUSQUEDAS]
    casos += [
        ("palabra común, página 10", buscar({"q": "transporte", "pagina": "10"}), {"texto": "transporte"}),
        (
            "palabra común + comuna 5",
            buscar({"q": "transporte", "comuna": comuna.pk}),
            {"texto": "transporte", "comuna": comuna},
        ),
    ]

    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        coste = cursor.fetchone()[0]
    print(
        f"\n{total:,} actas publicadas en PostgreSQL (random_page_cost = {coste}); "
        f"{args.repeticiones} repeticiones por caso\n"
    )
    print(f"| {'caso':<46} | {'resultados':>10} | {'p50 ms':>7} | {'p95 ms':>7} | {'consultas':>9} |")
    print(f"|{'-' * 48}|{'-' * 12}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for nombre, funcion, filtros in casos:
        hallados = publico.buscar_actas(**filtros).count()
        p50, p95, consultas = bench_pqrs.medir(funcion, args.repeticiones)
        print(f"| {nombre:<46} | {hallados:>10,} | {p50:7.1f} | {p95:7.1f} | {consultas:9d} |", flush=True)

    if args.explicar:
        sin_indice = [nombre for nombre, texto in BUSQUEDAS if not explicar(nombre, texto)]
        respuesta = "sí" if not sin_indice else "no: " + ", ".join(sin_indice)
        print(f"\nÍndice GIN {INDICE} en todos los planes: {respuesta}")


if __name__ == "__main__":
    main()
