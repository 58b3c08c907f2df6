"""A real Celery worker, consuming from the real Redis, delivers the outbox end to end."""

import time

import pytest
from django.db import transaction

from civic.models import Notificacion
from civic.services.notificaciones import barrer_pendientes, encolar_correo
from tests.apoyo import BROKER_CAIDO, apuntar_a_smtp_caido, configurar_celery, trabajador_celery
from tests.civic.test_notificaciones import PRUEBA, despues_de_la_gracia

# The worker runs in another thread with its own database connection: it only sees committed rows.
pytestmark = [pytest.mark.servicios, pytest.mark.django_db(transaction=True)]

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def trabajador():
    with trabajador_celery():
        yield


@pytest.fixture
def smtp_caido(settings):
    return apuntar_a_smtp_caido(settings)


def esperar_estado(notificacion, estado, *, plazo=30):
    """Poll the row until the worker has moved it (a bound on waiting, not a timing assertion)."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        notificacion.refresh_from_db()
        if notificacion.estado == estado:
            return notificacion
        time.sleep(0.05)
    pytest.fail(f"la notificación sigue {notificacion.estado} (intentos={notificacion.intentos})")


def test_el_trabajador_entrega_una_fila_del_buzon(trabajador, mailoutbox):
    with transaction.atomic():
        notificacion = encolar_correo(
            destinatario="ana@example.com", plantilla=PRUEBA, contexto={"nombre": "Ana"}
        )

    esperar_estado(notificacion, Notificacion.Estado.ENVIADA)
    assert len(mailoutbox) == 1
    assert "Hola Ana:" in mailoutbox[0].body


def test_el_trabajador_reintenta_los_fallos_smtp_hasta_marcarla_fallida(trabajador, smtp_caido, mailoutbox):
    smtp_caido.NOTIFICACIONES_MAX_INTENTOS = 3
    # No back-off, so the worker's retries (self.retry with the row's countdown) follow one another.
    smtp_caido.NOTIFICACIONES_ESPERA_BASE = 0
    notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})

    esperar_estado(notificacion, Notificacion.Estado.FALLIDA)
    assert notificacion.intentos == 3
    assert "ConnectionRefusedError" in notificacion.ultimo_error
    assert mailoutbox == []


def test_redis_caido_al_encolar_y_el_barrido_entrega_con_el_trabajador(trabajador, mailoutbox, caplog):
    with configurar_celery(broker_url=BROKER_CAIDO), transaction.atomic():
        notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})
    # The caller's transaction committed and the row waits, unsent.
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.PENDIENTE
    assert f"No se pudo encolar la notificación {notificacion.pk}" in caplog.text
    assert mailoutbox == []

    # Redis is back (the fixture's broker URL is restored): the sweep hands the row to the worker.
    assert barrer_pendientes(ahora=despues_de_la_gracia()) == 1

    esperar_estado(notificacion, Notificacion.Estado.ENVIADA)
    assert len(mailoutbox) == 1
