"""Reminders end to end: beat publishes the sweep to Redis, a real worker runs it and delivers the mail;
with Redis down at filing time nothing is lost and everything is delivered once when it returns."""

import time
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone
from django_celery_beat.schedulers import DatabaseScheduler

from civic.celery import app
from civic.models import Notificacion, Recordatorio
from civic.plazos import recordatorios
from civic.plazos.resumen import TIPO_RESUMEN
from civic.services.notificaciones import barrer_pendientes
from pqrs import services
from pqrs.recordatorios import TIPO_POR_VENCER
from tests.apoyo import BROKER_CAIDO, configurar_celery, trabajador_celery
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    en_bogota,
    modalidad,
)

# The worker runs in another thread with its own connection: it only sees committed rows.
pytestmark = [pytest.mark.servicios, pytest.mark.django_db(transaction=True)]

POR_VENCER = "pqrs/emails/recordatorio_por_vencer"


@pytest.fixture
def trabajador():
    with trabajador_celery():
        yield


@pytest.fixture
def asignada():
    dependencia = DependenciaFactory(correo="infraestructura@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20), correo="", direccion="Calle 5 # 1-2")
    return services.asignar(
        solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
    )


def esperar(condicion, descripcion, *, plazo=30):
    """Poll until the worker has done its part (a bound on waiting, not a timing assertion)."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        if condicion():
            return
        time.sleep(0.05)
    pytest.fail(f"el trabajador no terminó: {descripcion}")


def enviadas(plantilla: str) -> int:
    return Notificacion.objects.filter(plantilla=plantilla, estado=Notificacion.Estado.ENVIADA).count()


def test_beat_publica_el_barrido_y_el_trabajador_envia_los_avisos(trabajador, asignada, mailoutbox):
    # Tue 14 Apr 2026, 7:00 in Bogotá: the request is due tomorrow. The clock keeps ticking for the worker.
    with time_machine.travel(en_bogota(2026, 4, 14, 7, 0), tick=True):
        # Beat's own path: the DatabaseScheduler loads the in-code schedule and publishes the due entry.
        beat = DatabaseScheduler(app=app)
        entrada = beat.schedule["barrer-recordatorios"]
        assert entrada.task == "civic.barrer_recordatorios"
        beat.apply_entry(entrada, producer=beat.producer)

        esperar(lambda: enviadas(POR_VENCER) == 1, "aviso por vencer enviado")
        assert list(Recordatorio.objects.values_list("tipo", "clave")) == [(TIPO_POR_VENCER, "1:2026-04-15")]

        # The same entry published again (a second beat): nothing new is recorded or sent.
        beat.apply_entry(entrada, producer=beat.producer)
        app.send_task("civic.enviar_resumenes_diarios")
        esperar(lambda: Recordatorio.objects.filter(tipo=TIPO_RESUMEN).exists(), "resumen registrado")
        esperar(lambda: enviadas("civic/emails/resumen_diario") == 1, "resumen enviado")

    assert Recordatorio.objects.filter(tipo=TIPO_POR_VENCER).count() == 1
    avisos = [m for m in mailoutbox if m.to == ["responsable@alcaldia.test"]]
    assert sorted(m.subject for m in avisos) == sorted(
        [
            f"Recordatorio: la solicitud {asignada.radicado} vence en 1 día hábil",
            "Sus pendientes del martes 14 de abril de 2026: 1 en trámite",
        ]
    )


def test_redis_caido_al_radicar_y_todo_se_entrega_una_vez_al_volver(trabajador, mailoutbox):
    dependencia = DependenciaFactory(correo="infraestructura@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")

    with configurar_celery(broker_url=BROKER_CAIDO, task_always_eager=False):
        solicitud, codigo = services.radicar(
            modalidad=modalidad(),
            canal="web",
            asunto="Reparación del alumbrado público",
            descripcion="Las luminarias de la calle 5 llevan dos semanas apagadas.",
            tipo_documento="CC",
            numero_documento="10000001",
            nombres="Luz Marina",
            apellidos="Rentería Caicedo",
            correo="luz@correo.test",
            autorizacion_datos_version="2026-01",
            ahora=en_bogota(2026, 3, 20),
        )
        # Filing succeeded and the petitioner has a radicado and a code, with Redis unreachable.
        assert solicitud.radicado == "PQRS-2026-000001"
        assert codigo
        acuse = Notificacion.objects.get(plantilla="pqrs/emails/acuse")
        assert acuse.estado == Notificacion.Estado.PENDIENTE

        services.asignar(
            solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
        )
        # The sweep, run while Redis is down, records the reminder; its mail waits in the outbox.
        resultado = recordatorios.barrer_todo(hoy=date(2026, 4, 14))
        assert resultado[TIPO_POR_VENCER].registrados == 1
        assert Notificacion.objects.get(plantilla=POR_VENCER).estado == Notificacion.Estado.PENDIENTE
    assert mailoutbox == []

    # Redis is back: the outbox sweep hands every pending row to the real worker.
    despues = timezone.now() + timedelta(minutes=3)
    assert barrer_pendientes(ahora=despues) == 3  # acuse, asignación, recordatorio
    # Sent, not merely claimed: a row being sent is no longer pending either.
    esperar(
        lambda: Notificacion.objects.filter(estado=Notificacion.Estado.ENVIADA).count() == 3,
        "buzón enviado",
    )
    assert barrer_pendientes(ahora=despues) == 0
    # The reminder sweep again (a redelivered task): nothing new.
    assert recordatorios.barrer_todo(hoy=date(2026, 4, 14))[TIPO_POR_VENCER].registrados == 0

    al_ciudadano = [m for m in mailoutbox if m.to == ["luz@correo.test"]]
    al_responsable = [m for m in mailoutbox if m.to == ["responsable@alcaldia.test"]]
    assert len(al_ciudadano) == 1
    assert solicitud.radicado in al_ciudadano[0].subject
    assert codigo in al_ciudadano[0].body
    assert len(al_responsable) == 1
    assert "vence en 1 día hábil" in al_responsable[0].subject
    # The clear code is erased from the row once sent.
    assert Notificacion.objects.get(plantilla="pqrs/emails/acuse").contexto_reservado == {}
