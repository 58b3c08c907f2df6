"""The one tracking form, in the browser: any series' radicado and code lead to its expediente's page.

A trámite of the test-only app (tests/tramites) has no page of its own: the kernel's generic page shows it.
"""

import pytest
import time_machine
from playwright.sync_api import expect

from tests.civic.fabricas import en_bogota
from tests.pqrs.test_vistas_publicas import limpiar_limites
from tests.tramites import services

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

MOVIL = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def limites_limpios():
    limpiar_limites()
    yield
    limpiar_limites()


@pytest.mark.parametrize("ancho", [None, MOVIL])
def test_un_tramite_se_consulta_en_la_pagina_generica(page, revisar_accesibilidad, ancho):
    with time_machine.travel(en_bogota(2026, 11, 24, 9, 0), tick=False):
        tramite, codigo = services.radicar(asunto="Licencia de andén", correo="ana@correo.test")
    if ancho:
        page.set_viewport_size(ancho)
    page.goto("/consultar/")
    page.get_by_label("Número de radicado").fill(tramite.radicado)
    page.get_by_label("Código de consulta").fill(codigo.lower())
    page.get_by_role("button", name="Consultar").click()

    expect(page.locator("h1")).to_contain_text(tramite.radicado)
    expect(page.locator("#estado-expediente")).to_have_text("Recibido")
    expect(page.get_by_role("heading", name="Historial")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= (ancho or {"width": 10_000})["width"]
    revisar_accesibilidad(page)

    page.get_by_role("button", name="Cerrar la consulta").click()
    expect(page.get_by_role("heading", name="Consultar el estado de mi solicitud")).to_be_visible()
