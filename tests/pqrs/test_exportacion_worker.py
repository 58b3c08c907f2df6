"""A real Celery worker, consuming from the real Redis, writes a long export while the page follows it."""

import time
from http import HTTPStatus

import pytest
from django.urls import reverse

from civic.models import Exportacion
from tests.apoyo import trabajador_celery
from tests.pqrs.factories import SolicitudFactory, coordinador

# The worker runs in another thread with its own database connection: it only sees committed rows.
pytestmark = [pytest.mark.servicios, pytest.mark.django_db(transaction=True)]


def esperar_fin(exportacion, *, plazo=30):
    """Poll the job until the worker ends it (a bound on waiting, not a timing assertion)."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        exportacion.refresh_from_db()
        if exportacion.estado in {Exportacion.Estado.LISTA, Exportacion.Estado.FALLIDA}:
            return exportacion
        time.sleep(0.05)
    pytest.fail(f"la exportación sigue {exportacion.estado}")


def test_el_trabajador_escribe_la_exportacion_larga_y_la_pagina_da_el_enlace(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EXPORTACION_SINCRONA_MAX_FILAS = 2
    radicados = sorted(SolicitudFactory(asunto=f"Asunto {n}").radicado for n in range(5))
    client.force_login(coordinador(email="carmen@alcaldia.test"))

    with trabajador_celery():
        respuesta = client.get(reverse("admin:pqrs_solicitud_exportar"))
        exportacion = esperar_fin(Exportacion.objects.get())

    assert respuesta.status_code == HTTPStatus.FOUND
    assert exportacion.estado == Exportacion.Estado.LISTA, exportacion.error
    assert (exportacion.total, exportacion.procesadas) == (5, 5)
    parte = client.get(respuesta["Location"], headers={"HX-Request": "true"})
    assert parte.status_code == 286  # htmx stops polling
    descarga = client.get(reverse("admin:civic_exportacion_descargar", args=[exportacion.pk]))
    lineas = b"".join(descarga.streaming_content).decode("utf-8").splitlines()
    assert len(lineas) == 6
    assert sorted(linea.split(",")[0] for linea in lineas[1:]) == radicados
