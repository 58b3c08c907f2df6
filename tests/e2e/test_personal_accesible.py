"""The staff pages pass axe (WCAG 2.1 AA, Res. MinTIC 1519 de 2020 Anexo 1) at 1280 and 360 px, for a
funcionario and for Coordinación: the work-queue home, the PQRS list, a request's page and an action page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from civic.roles import FUNCIONARIO
from pqrs import selectors, services
from pqrs.roles import COORDINACION_PQRS
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, SolicitudFactory

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"
ANCHOS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


def personal(rol: str, **datos):
    usuario = FuncionarioFactory(**datos)
    usuario.groups.add(Group.objects.get(name=rol))
    usuario.set_password(CLAVE)
    usuario.save()
    return usuario


@pytest.fixture
def oficina():
    """A funcionario with a request of each urgency at their charge, one a priority, and Coordinación."""
    dependencia = DependenciaFactory(nombre="Secretaría de Infraestructura y Valorización", sigla="SINF")
    funcionario = personal(FUNCIONARIO, dependencia=dependencia, first_name="Andrés")
    coordinadora = personal(COORDINACION_PQRS, dependencia=None, first_name="Luz Mary")
    vencida = SolicitudFactory(asunto="Hueco en la vía de la carrera 28 con calle 72 " * 3)
    a_tiempo = SolicitudFactory(ahora=timezone.now(), asunto="Poda de árboles en el parque", prioritaria=True)
    for solicitud in (vencida, a_tiempo):
        services.asignar(
            solicitud=solicitud, dependencia=dependencia, responsable=funcionario, actor=coordinadora
        )
    assert vencida.fecha_vencimiento < timezone.localdate() < a_tiempo.fecha_vencimiento
    return funcionario, coordinadora, vencida


@pytest.mark.parametrize("rol", ["funcionario", "coordinacion"])
def test_las_paginas_del_personal_pasan_axe(sesion_de_personal, revisar_accesibilidad, oficina, rol):
    funcionario, coordinadora, solicitud = oficina
    usuario = funcionario if rol == "funcionario" else coordinadora
    pagina = sesion_de_personal(usuario, CLAVE)
    paginas = {
        "/admin/": "Mis solicitudes",
        reverse("admin:pqrs_solicitud_changelist"): "Solicitudes PQRS",
        reverse("admin:pqrs_solicitud_change", args=[solicitud.pk]): solicitud.radicado,
        reverse("admin:pqrs_solicitud_accion", args=[solicitud.pk, "responder"]): "Responder",
    }
    for ancho in ANCHOS:
        pagina.set_viewport_size(ancho)
        for ruta, se_ve in paginas.items():
            pagina.goto(ruta)
            expect(pagina.locator("#content-start")).to_contain_text(se_ve)
            revisar_accesibilidad(pagina)
            # Nothing wider than a 360-px phone but the tables, which scroll inside their own box.
            assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho["width"]


def test_el_personal_trabaja_desde_la_cola_con_el_semaforo_a_la_vista(sesion_de_personal, oficina):
    funcionario, _, vencida = oficina
    pagina = sesion_de_personal(funcionario, CLAVE)
    pagina.set_viewport_size({"width": 1280, "height": 900})

    # The overdue request at the top of their own queue: its light and days left in view, no scrolling.
    vencidas = pagina.get_by_role("region", name="Mis solicitudes Vencida")
    fila = vencidas.get_by_role("row").filter(has_text=vencida.radicado)
    dias = fila.get_by_role("cell").nth(3)
    for celda in (fila.locator(".semaforo"), dias):
        expect(celda).to_be_in_viewport(ratio=1)
        caja = celda.bounding_box()
        assert caja is not None
        assert caja["x"] >= 0 and caja["x"] + caja["width"] <= 1280
        assert caja["y"] >= 0 and caja["y"] + caja["height"] <= 900
    expect(fila.locator(".semaforo")).to_have_text("■ Vencida")
    expect(dias).to_have_text(str(selectors.dias_restantes(vencida)))
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 1280

    fila.get_by_role("link", name=vencida.radicado).click()
    expect(pagina.get_by_role("heading", level=2, name=vencida.radicado)).to_be_visible()
    pagina.get_by_role("link", name="Responder").click()
    accion = reverse("admin:pqrs_solicitud_accion", args=[vencida.pk, "responder"])
    expect(pagina).to_have_url(re.compile(re.escape(accion) + "$"))
