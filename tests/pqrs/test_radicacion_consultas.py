"""What one filing costs the database: one statement per row written, nothing re-checked by a query first.

Issue 9 measured 41-42 statements per filing, 24 of them validating what the database enforces anyway
(foreign keys, CHECK constraints, the unique token; each CHECK in its own savepoint). Measured the same way
(a warm process, a real transaction, BEGIN and COMMIT included): the service 42 → 7, a web filing 48 → 12.
"""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from pqrs.models import CondicionPoblacional, Solicitud
from tests.apoyo import configurar_celery
from tests.pqrs import archivos
from tests.pqrs.factories import ComunaFactory, SolicitudFactory
from tests.pqrs.test_formularios import datos_validos

RADICAR = reverse("pqrs:radicar")
MAXIMO_CONSULTAS = 15

# A real transaction, as in production (inside a test transaction every atomic block adds a savepoint),
# and a process that has filed before (its business-day table and content types are loaded). The
# acknowledgement's delivery is the worker's work, not the filing's: published, not run here.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def proceso_caliente():
    SolicitudFactory()
    with configurar_celery(task_always_eager=False, broker_url="memory://"):
        yield


@pytest.mark.usefixtures("proceso_caliente")
def test_el_servicio_radica_con_adjuntos_y_condiciones_en_a_lo_sumo_15_consultas(
    django_assert_max_num_queries,
):
    comuna = ComunaFactory()
    condiciones = list(CondicionPoblacional.objects.filter(activa=True).order_by("pk")[:2])

    with django_assert_max_num_queries(MAXIMO_CONSULTAS):
        solicitud = SolicitudFactory(
            comuna=comuna,
            condiciones=condiciones,
            archivos=[archivos.pdf("foto.pdf"), archivos.pdf("carta.pdf")],
        )

    solicitud = Solicitud.objects.get(pk=solicitud.pk)
    assert solicitud.consecutivo == 2
    assert solicitud.comuna == comuna
    assert set(solicitud.condiciones.all()) == set(condiciones)
    assert sorted(solicitud.adjuntos.values_list("nombre_original", flat=True)) == ["carta.pdf", "foto.pdf"]
    assert solicitud.eventos.get().adjuntos.count() == 2


@pytest.mark.usefixtures("proceso_caliente")
def test_radicar_por_la_web_cuesta_a_lo_sumo_15_consultas(django_assert_max_num_queries):
    datos = datos_validos()

    # The whole request: the form's lookups, the filing, the session that opens the acknowledgement.
    with django_assert_max_num_queries(MAXIMO_CONSULTAS):
        respuesta = Client().post(RADICAR, datos)

    assert respuesta.status_code == HTTPStatus.FOUND
    solicitud = Solicitud.objects.get(token_radicacion=datos["token_radicacion"])
    assert respuesta["Location"] == reverse("pqrs:acuse", args=[solicitud.radicado])
    assert solicitud.consecutivo == 2
