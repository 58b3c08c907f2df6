"""Free-text search of the PQRS admin over N requests, and a long CSV export run as a job, on PostgreSQL.

Run from the repository root, after `bench_pqrs.py` has filled the database (same BENCH_DATABASE_URL):

    DEBUG=true .venv/bin/python bench/bench_busqueda.py [--repeticiones 50] [--explicar] [--exportar]

Each search goes through the Django test Client logged in as Coordinación PQRS (who may search names too),
as `bench_pqrs.py` measures the list; two words are planted first (see PLANTADAS). `--explicar` prints
EXPLAIN ANALYZE of the list's page and of its bounded count for a rare, a common word and a surname;
`--exportar` exports 150,000+ requests through the export job (in this process, as the worker would) and
prints its time, rows and size.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pqrs
from django.db import connection, transaction
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from civic.models import Exportacion
from civic.services import exportaciones
from pqrs.admin.exportacion import filas
from pqrs.models import Solicitud
from pqrs.paginacion import COSTE_OPERADOR_BUSQUEDA, TOPE_BUSQUEDA

# The synthetic subjects repeat a few dozen phrases (every word in 1 % of the rows or more): two words are
# planted, one in 25 requests and one in 1,000 (0.1 %), spread over the table.
PLANTADAS = {
    "Relleno del humedal Charco Azul en la comuna 17": 25,
    "Limpieza de la quebrada que baja por el barrio": 1000,
}

BUSQUEDAS = [
    ("palabra rara (25 solicitudes)", "charco"),
    ("palabra que no aparece", "acueducto"),
    ("palabra escasa (0,1 %)", "quebrada"),
    ("palabra poco común (1,5 %)", "personería"),
    ("palabra común en el asunto (11 %)", "público"),
    ("apellido común (6,5 %)", "rentería"),
    ("dos palabras", "alumbrado público"),
    ("palabra de dos letras (sin trigramas)", "de"),
]


def plantar_palabras() -> None:
    """Give planted subjects to requests spread over the table (idempotent)."""
    total = Solicitud.objects.count()
    for desfase, (asunto, cuantas) in enumerate(PLANTADAS.items()):
        if Solicitud.objects.filter(asunto=asunto).count() == cuantas:
            continue
        paso = max(1, total // cuantas)
        ids = Solicitud.objects.order_by("pk").values_list("pk", flat=True)[desfase::paso][:cuantas]
        Solicitud.objects.filter(pk__in=list(ids)).update(asunto=asunto)


def explicar(usuario, termino: str) -> None:
    consulta = filas(usuario, f"q={termino}")
    # The page (50 rows, in the list's order) and the paginator's count of a search (pqrs.paginacion).
    acotado = consulta.order_by().values("pk")[: TOPE_BUSQUEDA + 1]
    for nombre, parte in (("página", consulta[:50]), ("conteo acotado", acotado)):
        print(f"\n-- EXPLAIN ANALYZE, «{termino}», {nombre}")
        if nombre == "conteo acotado":
            # As the paginator counts a search: from the indexes (pqrs.paginacion).
            sql, parametros = parte.query.sql_with_params()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL cpu_operator_cost = {COSTE_OPERADOR_BUSQUEDA}")
                explicada = f"EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM ({sql}) subconsulta"
                cursor.execute(explicada, parametros)
                print("\n".join(fila[0] for fila in cursor.fetchall()))
        else:
            print(parte.explain(analyze=True, costs=False))


def exportar_grande(usuario) -> None:
    parametros = "anio=2025&canal__exact=web"
    esperadas = filas(usuario, parametros).count()
    exportacion = Exportacion.objects.create(
        propietario=usuario,
        clave="pqrs.solicitudes",
        titulo="Solicitudes PQRS",
        parametros=parametros,
        datos_personales=True,
        nombre_archivo="solicitudes-pqrs-bench.csv",
    )
    inicio = time.perf_counter()
    exportaciones.ejecutar(exportacion.pk)
    segundos = time.perf_counter() - inicio
    exportacion.refresh_from_db()
    tamano = exportacion.archivo.size
    lineas = sum(1 for _ in exportacion.archivo.open("rb")) - 1
    print(
        f"\nExportación como trabajo ({parametros}): {exportacion.estado}, {exportacion.procesadas:,} filas "
        f"escritas de {esperadas:,} (archivo: {lineas:,} líneas de datos), {tamano / 1e6:.1f} MB, "
        f"{segundos:.1f} s"
    )
    exportacion.archivo.delete(save=False)
    exportacion.delete()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeticiones", type=int, default=50)
    parser.add_argument("--explicar", action="store_true")
    parser.add_argument("--exportar", action="store_true")
    args = parser.parse_args()

    plantar_palabras()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE pqrs_solicitud")
        cursor.execute(
            "SELECT indexname FROM pg_indexes "
            "WHERE tablename = 'pqrs_solicitud' AND indexdef LIKE '%%gin_trgm_ops%%'"
        )
        indices = [fila[0] for fila in cursor.fetchall()]
    setup_test_environment()  # 'testserver' allowed, DEBUG off, as in production
    usuario = bench_pqrs.coordinador()
    client = Client()
    client.force_login(usuario)
    lista = reverse("admin:pqrs_solicitud_changelist")

    total = Solicitud.objects.count()
    print(f"\n{total:,} solicitudes; índices de trigramas: {', '.join(indices) or 'ninguno'}")
    print(f"{args.repeticiones} repeticiones por caso\n")
    print(f"| {'búsqueda':<40} | {'término':<18} | {'p50 ms':>7} | {'p95 ms':>7} | {'consultas':>9} |")
    print(f"|{'-' * 42}|{'-' * 20}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for nombre, termino in BUSQUEDAS:
        p50, p95, consultas = bench_pqrs.medir(bench_pqrs_pagina(client, lista, termino), args.repeticiones)
        print(f"| {nombre:<40} | {termino:<18} | {p50:7.1f} | {p95:7.1f} | {consultas:9d} |", flush=True)

    if args.explicar:
        for termino in ("charco", "público", "rentería"):
            explicar(usuario, termino)
    if args.exportar:
        exportar_grande(usuario)


def bench_pqrs_pagina(client, url, termino):
    def pedir():
        respuesta = client.get(url, {"q": termino})
        assert respuesta.status_code == 200, (termino, respuesta.status_code)

    return pedir


if __name__ == "__main__":
    main()
