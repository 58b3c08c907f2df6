"""The kernel's reminder pieces, with users as the reminded objects (any model will do)."""

from datetime import UTC, date, datetime

import pytest
from django.db import transaction
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from civic.celery import app, en_dias_habiles
from civic.models import Notificacion, Recordatorio, Usuario
from civic.plazos.recordatorios import (
    Aviso,
    Mensaje,
    barrer,
    es_dia_de_recordatorios,
    hoy_en_bogota,
    registrar_recordatorio,
)
from tests.apoyo import configurar_celery

pytestmark = pytest.mark.django_db

PRUEBA = "civic/emails/prueba"


@pytest.fixture(autouse=True)
def celery_en_proceso():
    with configurar_celery(task_always_eager=True):
        yield


def usuario(n: int, **campos) -> Usuario:
    return Usuario.objects.create_user(username=f"u{n}", email=f"u{n}@alcaldia.test", **campos)


def test_registrar_una_vez_y_sin_correos_repetidos(django_capture_on_commit_callbacks, mailoutbox):
    objeto = usuario(1)
    mensajes = [
        Mensaje("ana@alcaldia.test", PRUEBA, {"nombre": "Ana"}),
        Mensaje("ANA@alcaldia.test ", PRUEBA, {"nombre": "Ana otra vez"}),
        Mensaje("luis@alcaldia.test", PRUEBA, {"nombre": "Luis"}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert registrar_recordatorio(objeto=objeto, tipo="prueba", clave="2026-04-15", mensajes=mensajes)
        assert not registrar_recordatorio(objeto=objeto, tipo="prueba", clave="2026-04-15", mensajes=mensajes)
        # Another occurrence of the same kind is a reminder of its own.
        assert registrar_recordatorio(objeto=objeto, tipo="prueba", clave="2026-04-16", mensajes=mensajes[:1])

    primero = Recordatorio.objects.get(clave="2026-04-15")
    assert (primero.objeto, primero.destinatarios) == (objeto, 2)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "ana@alcaldia.test",
        "ana@alcaldia.test",
        "luis@alcaldia.test",
    ]
    assert Notificacion.objects.filter(objeto_id=objeto.pk).count() == 3


def test_si_la_transaccion_del_llamador_falla_no_queda_nada():
    objeto = usuario(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        registrar_recordatorio(
            objeto=objeto, tipo="prueba", clave="x", mensajes=[Mensaje("ana@alcaldia.test", PRUEBA, {})]
        )
        raise RuntimeError("el barrido murió")
    assert Recordatorio.objects.count() == 0
    assert Notificacion.objects.count() == 0
    # The next run sends it.
    assert registrar_recordatorio(objeto=objeto, tipo="prueba", clave="x", mensajes=[])


def test_barrer_recorre_por_paginas_y_vuelve_a_comprobar(django_assert_max_num_queries):
    usuarios = [usuario(n, first_name=nombre) for n, nombre in enumerate(["b", "a", "b", "c", "a"])]

    def avisos(u):
        return [Aviso("prueba", "dia", lambda: [Mensaje(u.email, PRUEBA, {"nombre": u.first_name})])]

    consulta = Usuario.objects.filter(first_name__in=["a", "b"])
    resumen = barrer(consulta, avisos, orden=("first_name", "pk"), lote=2)
    assert (resumen.revisados, resumen.registrados, resumen.repetidos) == (4, 4, 0)
    avisados = set(Recordatorio.objects.values_list("objeto_id", flat=True))
    assert avisados == {u.pk for u in usuarios if u.first_name in "ab"}

    # A second run finds them recorded with one lookup per page and no insert attempts. Per page: read
    # it, lock and re-check, look up, plus the page's savepoint and release (the test's transaction).
    with django_assert_max_num_queries(2 * 5 + 1):
        resumen = barrer(consulta, avisos, orden=("first_name", "pk"), lote=2)
    assert (resumen.registrados, resumen.repetidos) == (0, 4)


def test_una_direccion_invalida_no_detiene_el_resto():
    buenos = [usuario(n) for n in range(3)]

    def avisos(u):
        correo = "no es un correo" if u == buenos[1] else u.email
        return [Aviso("prueba", "dia", lambda: [Mensaje(correo, PRUEBA, {})])]

    resumen = barrer(Usuario.objects.all(), avisos)
    assert (resumen.registrados, resumen.errores) == (2, 1)
    assert Recordatorio.objects.count() == 2
    assert Notificacion.objects.count() == 2


def test_el_dia_se_cuenta_en_bogota_y_solo_los_habiles():
    # 03:00 UTC on Tue 14 Jul 2026 is still Monday 13 Jul in Bogotá: a holiday (Ley 2578 de 2026).
    hoy = hoy_en_bogota(datetime(2026, 7, 14, 3, 0, tzinfo=UTC))
    assert hoy == date(2026, 7, 13)
    assert not es_dia_de_recordatorios(hoy)
    assert not es_dia_de_recordatorios(date(2026, 7, 11))  # Saturday
    assert es_dia_de_recordatorios(date(2026, 7, 14))


@pytest.mark.django_db(transaction=True)
def test_beat_programa_los_recordatorios_en_dias_habiles():
    DatabaseScheduler(app=app)
    barrido = PeriodicTask.objects.get(name="barrer-recordatorios")
    resumen = PeriodicTask.objects.get(name="enviar-resumenes-diarios")
    assert (barrido.task, resumen.task) == ("civic.barrer_recordatorios", "civic.enviar_resumenes_diarios")
    assert (barrido.crontab.day_of_week, barrido.crontab.hour, barrido.crontab.minute) == (
        "mon-fri",
        "7",
        "0",
    )
    assert (resumen.crontab.hour, resumen.crontab.minute) == ("7", "30")
    assert str(barrido.crontab.timezone) == "America/Bogota"
    # The outbox sweep is still there.
    assert PeriodicTask.objects.filter(
        name="barrer-notificaciones", task="civic.barrer_notificaciones"
    ).exists()
    horario = en_dias_habiles("06:45")
    assert (horario.hour, horario.minute, horario.day_of_week) == ({6}, {45}, {1, 2, 3, 4, 5})
