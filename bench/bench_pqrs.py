"""Benchmark of the PQRS staff admin and the public tracking lookup over N requests on PostgreSQL.

Run from the repository root (N defaults to 1,000,000; filling takes minutes the first time):

    DEBUG=true .venv/bin/python bench/bench_pqrs.py [N] [--repeticiones 50]

It uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/civic_bench),
creates it if missing, migrates it, loads Cali's territory and fills it up to N requests with
`generar_pqrs_sinteticas`. Every admin page goes through the Django test Client logged in as a
Coordinación PQRS user, so middleware, session, permissions, queries and templates all count.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
URL_BD = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civic_bench")
os.environ["DATABASE_URL"] = URL_BD
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")


def crear_base_si_falta(url: str) -> None:
    import psycopg

    partes = urlsplit(url)
    nombre = partes.path.lstrip("/")
    servidor = partes._replace(path="/postgres").geturl()
    with psycopg.connect(servidor, autocommit=True) as conexion:
        existe = conexion.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nombre]).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{nombre}"')
            print(f"Base de datos {nombre} creada.")


crear_base_si_falta(URL_BD)

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from civic.expedientes import radicados  # noqa: E402
from civic.models import Comuna, Dependencia, Usuario  # noqa: E402
from pqrs import selectors, services  # noqa: E402
from pqrs.models import Canal, Modalidad, Solicitud  # noqa: E402
from pqrs.roles import COORDINACION_PQRS  # noqa: E402
from pqrs.workflow import Estado  # noqa: E402


def preparar(n: int) -> None:
    call_command("migrate", verbosity=0)
    if not Comuna.objects.exists():
        call_command("cargar_territorio", "cali", verbosity=0)
    actuales = Solicitud.objects.count()
    if actuales < n:
        print(f"Generando {n - actuales:,} solicitudes (hay {actuales:,})…", flush=True)
        inicio = time.perf_counter()
        call_command("generar_pqrs_sinteticas", n - actuales, "--lote", "10000", "--semilla", "2026")
        print(f"Generadas en {time.perf_counter() - inicio:.0f} s", flush=True)
    with connection.cursor() as cursor:
        # Fresh statistics and visibility map, as autovacuum would leave them on a live server.
        cursor.execute("VACUUM ANALYZE pqrs_solicitud")
        cursor.execute("VACUUM ANALYZE pqrs_evento")


def coordinador() -> Usuario:
    usuario, _ = Usuario.objects.get_or_create(
        username="bench-coordinacion", defaults={"is_staff": True, "first_name": "Coordinación"}
    )
    usuario.groups.add(Group.objects.get(name=COORDINACION_PQRS))
    return usuario


def medir(funcion, repeticiones: int) -> tuple[float, float, int]:
    for _ in range(3):  # warm-up: connection, calendar, template cache
        funcion()
    # The request_started signal empties the query log; start from an empty one so the slice is right.
    reset_queries()
    with CaptureQueriesContext(connection) as consultas:
        funcion()
    tiempos = []
    for _ in range(repeticiones):
        inicio = time.perf_counter()
        funcion()
        tiempos.append((time.perf_counter() - inicio) * 1000)
    tiempos.sort()
    p95 = tiempos[min(len(tiempos) - 1, round(0.95 * (len(tiempos) - 1)))]
    return statistics.median(tiempos), p95, len(consultas)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--repeticiones", type=int, default=50)
    args = parser.parse_args()

    preparar(args.n)
    setup_test_environment()  # 'testserver' allowed, DEBUG off, as in production
    total = Solicitud.objects.count()

    client = Client()
    client.force_login(coordinador())
    lista = reverse("admin:pqrs_solicitud_changelist")

    muestra = Solicitud.objects.filter(estado=Estado.CERRADA).order_by("-radicada_en")[1000]
    con_documento = Solicitud.objects.exclude(numero_documento="").order_by("-radicada_en")[5000]
    dependencia = Dependencia.objects.order_by("pk").first()
    comuna = Comuna.objects.order_by("pk").first()
    felicitacion = Modalidad.objects.get(codigo="felicitacion")
    anio_mas_antiguo = Solicitud.objects.order_by("anio").values_list("anio", flat=True).first()

    def pagina(url, parametros=None):
        def pedir():
            respuesta = client.get(url, parametros or {})
            assert respuesta.status_code == 200, (url, parametros, respuesta.status_code)

        return pedir

    casos = [
        ("lista sin filtro", pagina(lista)),
        ("lista, página 2", pagina(lista, {"p": "2"})),
        ("lista, orden por vencimiento", pagina(lista, {"o": "6"})),
        ("filtro estado = en trámite", pagina(lista, {"estado__exact": "asignada"})),
        ("filtro estado = desistida (3 %)", pagina(lista, {"estado__exact": "desistida"})),
        ("filtro semáforo rojo", pagina(lista, {"semaforo": "rojo"})),
        ("filtro semáforo amarillo", pagina(lista, {"semaforo": "amarillo"})),
        ("filtro semáforo verde", pagina(lista, {"semaforo": "verde"})),
        ("filtro semáforo gris", pagina(lista, {"semaforo": "gris"})),
        ("filtro tipo = felicitación (2 %)", pagina(lista, {"modalidad__id__exact": felicitacion.pk})),
        ("filtro dependencia", pagina(lista, {"dependencia__id__exact": dependencia.pk})),
        ("filtro canal = carta (5 %)", pagina(lista, {"canal__exact": Canal.CORREO_POSTAL})),
        ("filtro comuna", pagina(lista, {"comuna__id__exact": comuna.pk})),
        (f"filtro año = {anio_mas_antiguo}", pagina(lista, {"anio": str(anio_mas_antiguo)})),
        ("búsqueda por radicado", pagina(lista, {"q": muestra.radicado})),
        ("búsqueda por documento", pagina(lista, {"q": con_documento.numero_documento})),
        ("exportar CSV, filtro comuna + dependencia", _exportar(client, comuna, dependencia)),
        ("página de la solicitud", pagina(reverse("admin:pqrs_solicitud_change", args=[muestra.pk]))),
        # The work-queue home: every open request of the office counted by light, 15 of each listed.
        ("inicio: cola de toda la oficina", pagina(reverse("admin:index"))),
    ]

    # The public tracking lookup: a real code from a request filed through the service.
    publica, codigo = services.radicar(
        modalidad=Modalidad.objects.get(codigo="peticion-interes-general"),
        canal=Canal.WEB,
        asunto="Solicitud del benchmark",
        descripcion="Fila para medir la consulta pública.",
        anonima=True,
    )

    def consulta_publica():
        hallada = radicados.verificar(publica.radicado, codigo)
        assert hallada is not None
        _expediente, solicitud = hallada
        list(selectors.eventos_publicos(solicitud))
        list(selectors.adjuntos_publicos(solicitud))

    casos.append(("consulta pública (código + línea de tiempo)", consulta_publica))

    print(f"\n{total:,} solicitudes en PostgreSQL; {args.repeticiones} repeticiones por caso\n")
    print(f"| {'caso':<45} | {'p50 ms':>7} | {'p95 ms':>7} | {'consultas':>9} |")
    print(f"|{'-' * 47}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for nombre, funcion in casos:
        p50, p95, consultas = medir(funcion, args.repeticiones)
        print(f"| {nombre:<45} | {p50:7.1f} | {p95:7.1f} | {consultas:9d} |", flush=True)


def _exportar(client, comuna, dependencia):
    url = reverse("admin:pqrs_solicitud_exportar")

    def pedir():
        respuesta = client.get(
            url, {"comuna__id__exact": comuna.pk, "dependencia__id__exact": dependencia.pk}
        )
        # Under EXPORTACION_SINCRONA_MAX_FILAS rows: built whole in the request (a longer list is a job).
        assert respuesta.status_code == 200, respuesta.status_code
        assert int(respuesta["Content-Length"]) == len(respuesta.content)

    return pedir


if __name__ == "__main__":
    main()
