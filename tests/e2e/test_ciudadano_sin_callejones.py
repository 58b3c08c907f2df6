"""No dead ends for the citizen, in the browser: a lost code is replaced by e-mail from the tracking form,
and an answered request opens on its answer.

Checked with axe at 1280 and 360 px, like every public page.
"""

import re

import pytest
import time_machine
from django.core.cache import cache
from playwright.sync_api import expect

from pqrs import services as pqrs_services
from tests.civic.fabricas import en_bogota
from tests.pqrs import archivos
from tests.pqrs.factories import FuncionarioFactory
from tests.pqrs.test_vistas_publicas import IPS_DE_PRUEBA, hoy_solicitud, limpiar_limites
from tests.tramites import services

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

MOVIL = {"width": 360, "height": 740}


def _limpiar():
    limpiar_limites()
    cache.delete_many([f"civic:limite:recuperar:{ip}" for ip in IPS_DE_PRUEBA])


@pytest.fixture(autouse=True)
def limites_limpios():
    _limpiar()
    yield
    _limpiar()


@pytest.mark.parametrize("ancho", [None, MOVIL])
def test_perdio_su_codigo_y_consulta_con_el_nuevo(page, revisar_accesibilidad, mailoutbox, ancho):
    with time_machine.travel(en_bogota(2026, 11, 24, 9, 0), tick=False):
        tramite, viejo = services.radicar(asunto="Licencia de andén", correo="ana@correo.test")
    mailoutbox.clear()
    if ancho:
        page.set_viewport_size(ancho)
    page.goto("/consultar/")
    page.get_by_role("link", name="¿Perdió su código?").click()

    expect(page.get_by_role("heading", name="Recuperar el código de consulta")).to_be_visible()
    expect(page.get_by_role("heading", name="¿No registró un correo electrónico?")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= (ancho or {"width": 10_000})["width"]
    revisar_accesibilidad(page)

    page.get_by_role("button", name="Enviar un código nuevo").click()
    expect(page.get_by_text("Escriba el número de radicado.").first).to_be_visible()
    expect(page.locator("#id_radicado")).to_have_attribute("aria-invalid", "true")
    revisar_accesibilidad(page)

    page.get_by_label("Número de radicado").fill(tramite.radicado)
    page.get_by_role("button", name="Enviar un código nuevo").click()
    expect(page.get_by_role("status")).to_contain_text("Si el radicado existe y tiene un correo registrado")
    revisar_accesibilidad(page)

    nuevo = re.search(r"Código de consulta: (\w{10})", mailoutbox[-1].body).group(1)
    assert nuevo != viejo
    page.get_by_role("link", name="Consultar con el código nuevo").click()
    page.get_by_label("Número de radicado").fill(tramite.radicado)
    page.get_by_label("Código de consulta").fill(nuevo)
    page.get_by_role("button", name="Consultar").click()
    expect(page.locator("h1")).to_contain_text(tramite.radicado)


@pytest.mark.parametrize("ancho", [None, MOVIL])
def test_la_respuesta_es_lo_primero_que_se_lee(page, revisar_accesibilidad, settings, tmp_path, ancho):
    settings.MEDIA_ROOT = tmp_path / "media"
    funcionario = FuncionarioFactory(first_name="Rosa", last_name="Quintero")
    solicitud = hoy_solicitud()
    pqrs_services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    pqrs_services.responder(
        solicitud=solicitud,
        texto="Reparamos la luminaria de la carrera 5.",
        archivos=[archivos.pdf("oficio-respuesta.pdf")],
        actor=funcionario,
    )
    if ancho:
        page.set_viewport_size(ancho)
    page.goto("/consultar/")
    page.get_by_label("Número de radicado").fill(solicitud.radicado)
    page.get_by_label("Código de consulta").fill(solicitud.codigo_claro)
    page.get_by_role("button", name="Consultar").click()

    caja = page.get_by_role("region", name="Respuesta a su solicitud")
    expect(caja).to_be_visible()
    expect(caja).to_contain_text("Reparamos la luminaria de la carrera 5.")
    expect(caja).to_contain_text("Rosa Quintero")
    expect(caja.get_by_role("link", name="oficio-respuesta.pdf")).to_be_visible()
    expect(page.get_by_role("link", name="Descargar el acuse de recibo (PDF)")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= (ancho or {"width": 10_000})["width"]
    revisar_accesibilidad(page)


@pytest.mark.parametrize("ancho", [None, MOVIL])
def test_el_peticionario_desiste_de_otra_solicitud(page, revisar_accesibilidad, ancho):
    # Ley 1755/2015 art. 18: withdrawing needs no visit to the ventanilla.
    solicitud = hoy_solicitud()
    if ancho:
        page.set_viewport_size(ancho)
    page.goto("/consultar/")
    page.get_by_label("Número de radicado").fill(solicitud.radicado)
    page.get_by_label("Código de consulta").fill(solicitud.codigo_claro)
    page.get_by_role("button", name="Consultar").click()

    page.get_by_role("button", name="Desistir de la solicitud").click()
    expect(page.get_by_text("marque la casilla que confirma").first).to_be_visible()
    page.get_by_label(re.compile("Entiendo que la Alcaldía dejará de tramitar")).check()
    page.get_by_label("Motivo (opcional)").fill("Ya lo resolvieron.")
    page.get_by_role("button", name="Desistir de la solicitud").click()

    expect(page.get_by_text("Registramos que desistió de su solicitud")).to_be_visible()
    expect(page.locator("#estado-solicitud")).to_have_text("Desistida")
    assert page.evaluate("document.documentElement.scrollWidth") <= (ancho or {"width": 10_000})["width"]
    revisar_accesibilidad(page)
