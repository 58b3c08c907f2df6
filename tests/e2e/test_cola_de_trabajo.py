"""Staff work from the PQRS list on a 1280-px screen: every column that matters is visible, no scrolling."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from pqrs import services
from pqrs.roles import COORDINACION_PQRS
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, SolicitudFactory

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"


def test_la_lista_cabe_en_1280_con_el_semaforo_a_la_vista(sesion_de_personal):
    coordinadora = FuncionarioFactory(dependencia=None)
    coordinadora.groups.add(Group.objects.get(name=COORDINACION_PQRS))
    coordinadora.set_password(CLAVE)
    coordinadora.save()
    dependencia = DependenciaFactory(nombre="Secretaría de Infraestructura y Valorización", sigla="SINF")
    solicitud = SolicitudFactory(asunto="Reparación de la malla vial de la carrera 28 con calle 72 " * 3)
    services.asignar(solicitud=solicitud, dependencia=dependencia, actor=coordinadora)

    pagina = sesion_de_personal(coordinadora, CLAVE)
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.goto("/admin/pqrs/solicitud/")
    expect(pagina.get_by_role("heading", name="Solicitudes PQRS")).to_be_visible()
    for columna in (
        "Radicado",
        "Asunto",
        "Dependencia",
        "Estado",
        "Vence",
        "Días hábiles restantes",
        "Semáforo",
    ):
        encabezado = pagina.get_by_role("columnheader", name=columna)
        expect(encabezado).to_be_in_viewport()
    expect(pagina.get_by_text("A tiempo", exact=False).first).to_be_in_viewport()
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 1280
    assert pagina.evaluate("document.querySelector('#changelist .results').scrollWidth") <= pagina.evaluate(
        "document.querySelector('#changelist .results').clientWidth"
    )
