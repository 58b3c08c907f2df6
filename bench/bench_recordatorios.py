"""Benchmark of the reminder sweep over PQRS: its cost follows the requests that are due, not the open total.

Run from the repository root (PostgreSQL required; the database is created and migrated if missing):

    DEBUG=true .venv/bin/python bench/bench_recordatorios.py [--total 1000000 100000] [--vencen 10000]
        [--lote 200] [--perfil]

For each total it empties the PQRS tables of its own database (civic_bench_recordatorios, or
BENCH_DATABASE_URL), loads that many open requests with COPY, of which `--vencen` are due for a reminder
on Tue 14 Apr 2026 (half due within 3 business days, half overdue), then times one sweep of every declared
rule (`civic.plazos.recordatorios.barrer_todo`) and a second, idempotent one, counting their queries, and
prints the EXPLAIN ANALYZE of the selection pages. The outbox's delivery tasks are published to an
in-memory broker with no worker (Celery is not eager here): the figures are the sweep's own work
(locking, recording, outbox rows, publishing), not SMTP; the time spent publishing after commit is also
printed on its own. `--perfil` groups each sweep's statements by kind.
"""

import argparse
import os
import re
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civic_bench_recordatorios")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")
os.environ.pop("REDIS_URL", None)

import psycopg  # noqa: E402


def crear_base_si_falta():
    nombre = URL.rsplit("/", 1)[1]
    with psycopg.connect(URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conexion:
        existe = conexion.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nombre]).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{nombre}"')
            print(f"Base de datos {nombre} creada.")


crear_base_si_falta()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from civic import calendario  # noqa: E402
from civic.celery import app  # noqa: E402
from civic.models import Dependencia, Notificacion, Recordatorio, Usuario  # noqa: E402
from civic.plazos import recordatorios as plazos  # noqa: E402
from civic.services import notificaciones  # noqa: E402
from pqrs import recordatorios  # noqa: E402
from pqrs.models import Modalidad  # noqa: E402

HOY = date(2026, 4, 14)
BOGOTA = ZoneInfo("America/Bogota")
FUNCIONARIOS = 200


def preparar_personas() -> tuple[list[int], list[int]]:
    dependencias = []
    for n in range(10):
        dependencia, _ = Dependencia.objects.get_or_create(
            sigla=f"BD{n}",
            defaults={"nombre": f"Dependencia de carga {n}", "correo": f"bd{n}@alcaldia.invalid"},
        )
        dependencias.append(dependencia)
    usuarios = []
    for n in range(FUNCIONARIOS):
        usuario, _ = Usuario.objects.get_or_create(
            username=f"carga{n}",
            defaults={
                "email": f"carga{n}@alcaldia.invalid",
                "dependencia": dependencias[n % 10],
                "is_staff": True,
            },
        )
        usuarios.append(usuario)
    for n, dependencia in enumerate(dependencias):
        dependencia.jefe = usuarios[n]
        dependencia.save(update_fields=["jefe"])
    return [d.pk for d in dependencias], [u.pk for u in usuarios]


def cargar(total: int, vencen: int, dependencias: list[int], usuarios: list[int]) -> None:
    """COPY `total` open requests; `vencen` of them due for a reminder on HOY."""
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE pqrs_solicitud, pqrs_evento, civic_recordatorio, civic_notificacion "
            "RESTART IDENTITY CASCADE"
        )
    modalidad = Modalidad.objects.get(codigo="peticion-interes-general")
    columnas = [
        "radicado", "anio", "consecutivo", "modalidad_id", "canal", "radicada_en",
        "fecha_radicacion_efectiva", "codigo_consulta_hash", "anonima", "tipo_persona", "tipo_documento",
        "numero_documento", "nombres", "apellidos", "razon_social", "correo", "telefono", "direccion",
        "barrio", "canal_respuesta", "prioritaria", "autorizacion_datos_version", "asunto", "descripcion",
        "plazo_dias", "fecha_inicio_termino", "fecha_vencimiento", "fecha_vencimiento_original",
        "prorrogada", "estado", "dependencia_id", "responsable_id", "plazo_ciudadano_ampliado",
        "entidad_traslado", "sentido_respuesta", "serie", "riesgo_vida",
    ]  # fmt: skip
    # Due dates: half due within 3 business days (today included), half overdue; the rest well ahead.
    proximos = [HOY + timedelta(days=d) for d in range(0, 4)]
    vencidos = [calendario.sumar_dias_habiles(date(2026, 3, 2), d) for d in range(0, 20)]
    futuros = [calendario.sumar_dias_habiles(HOY, d) for d in range(5, 120)]
    inicio = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY pqrs_solicitud ({', '.join(columnas)}) FROM STDIN") as copia:
            for i in range(total):
                if i < vencen // 2:
                    vence = proximos[i % len(proximos)]
                elif i < vencen:
                    vence = vencidos[i % len(vencidos)]
                else:
                    vence = futuros[i % len(futuros)]
                radicada = min(date(2026, 3, 2), vence - timedelta(days=21))
                copia.write_row(
                    (
                        f"PQRS-2026-{i + 1:07d}", 2026, i + 1, modalidad.pk, "web",
                        datetime(radicada.year, radicada.month, radicada.day, 10, tzinfo=BOGOTA), radicada,
                        "0" * 64, True, "natural", "", "", "", "", "", "", "", "", "", "",
                        False, "", "Solicitud de carga", "Texto de prueba de carga.", 15,
                        radicada, vence, vence, False, "asignada",
                        dependencias[i % len(dependencias)], usuarios[i % len(usuarios)], False, "", "",
                        "pqrs", False,
                    )
                )  # fmt: skip
        cursor.execute("ANALYZE pqrs_solicitud")
    print(f"  carga de {total:,} solicitudes (COPY + ANALYZE): {time.perf_counter() - inicio:.1f} s")
    # A table in service is vacuumed and its pages written: measure the sweep in that steady state, not
    # while PostgreSQL still sets hint bits and flushes the million rows the COPY just wrote.
    inicio = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) pqrs_solicitud")
        cursor.execute("CHECKPOINT")
    print(f"  VACUUM + CHECKPOINT: {time.perf_counter() - inicio:.1f} s")


class Publicacion:
    """Times the outbox's after-commit publishing (`_publicar_lote`, one message per page) apart from the
    sweep, counting the rows it carries."""

    def __init__(self):
        self.original = notificaciones._publicar_lote
        self.llamadas = 0
        self.segundos = 0.0

    def __call__(self, ids: list[int]) -> bool:
        inicio = time.perf_counter()
        try:
            return self.original(ids)
        finally:
            self.segundos += time.perf_counter() - inicio
            self.llamadas += len(ids)


def clase(sql: str) -> str:
    """The kind of a statement: its verb and table, plus the clause that tells same-table reads apart."""
    sql = " ".join(sql.split())
    verbo = sql.split(" ", 1)[0].upper()
    tabla = re.search(r'(?:FROM|INTO|UPDATE) "?(\w+)"?', sql)
    rasgos = [r for r in ("FOR UPDATE", "ON CONFLICT", "RETURNING", "JOIN") if r in sql.upper()]
    return " ".join([verbo, tabla.group(1) if tabla else "", *rasgos]).strip()


def barrido(etiqueta: str, lote: int, perfil: bool) -> None:
    consultas: Counter[str] = Counter()

    def contar(execute, sql, params, many, context):
        consultas[clase(sql) if perfil else ""] += 1
        return execute(sql, params, many, context)

    publicacion = Publicacion()
    notificaciones._publicar_lote = publicacion
    try:
        with connection.execute_wrapper(contar):
            inicio = time.perf_counter()
            resultado = plazos.barrer_todo(hoy=HOY, lote=lote)
            segundos = time.perf_counter() - inicio
    finally:
        notificaciones._publicar_lote = publicacion.original
    total = plazos.Resumen()
    for resumen in resultado.values():
        total += resumen
    print(
        f"  {etiqueta:<22} {segundos:7.2f} s  {consultas.total():>6,} consultas  "
        f"revisadas {total.revisados:,}  nuevos {total.registrados:,}  repetidos {total.repetidos:,}  "
        f"errores {total.errores:,}"
    )
    print(
        f"  {'':<22} de ellos publicar {publicacion.llamadas:,} filas tras el commit: "
        f"{publicacion.segundos:.2f} s"
    )
    if perfil:
        for tipo, resumen in resultado.items():
            print(f"    {tipo:<26} {resumen.como_dict()}")
        for sentencia, veces in consultas.most_common():
            print(f"    {veces:>7,}  {sentencia}")


def explicar(lote: int) -> None:
    por_tipo = {regla.tipo: regla for regla in recordatorios.reglas()}
    for tipo, nombre in (
        (recordatorios.TIPO_POR_VENCER, "por vencer"),
        (recordatorios.TIPO_VENCIDA, "vencidas"),
    ):
        regla = por_tipo[tipo]
        pagina = regla.seleccion(HOY).order_by(regla.campo, "pk").values_list(regla.campo, "pk")[:lote]
        print(f"  EXPLAIN ANALYZE de la página de selección ({nombre}):")
        for linea in pagina.explain(analyze=True).splitlines():
            print("    " + linea)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--vencen", type=int, default=10_000)
    parser.add_argument("--lote", type=int, default=plazos.LOTE_POR_DEFECTO)
    parser.add_argument("--perfil", action="store_true", help="group each sweep's statements by kind")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    # Delivery tasks go to an in-memory broker nobody consumes: the sweep is measured, not SMTP.
    app.conf.update(task_always_eager=False, broker_url="memory://")
    dependencias, usuarios = preparar_personas()
    for total in args.total:
        print(f"\n{total:,} solicitudes abiertas, {args.vencen:,} con recordatorio el {HOY:%d/%m/%Y}")
        cargar(total, args.vencen, dependencias, usuarios)
        barrido("primer barrido", args.lote, args.perfil)
        barrido("segundo (idempotente)", args.lote, args.perfil)
        print(
            f"  filas: {Recordatorio.objects.count():,} recordatorios, "
            f"{Notificacion.objects.count():,} notificaciones"
        )
        explicar(args.lote)


if __name__ == "__main__":
    main()
