"""The filing form sent after its security cookie is gone (blocked or expired) in Chromium: the Spanish
page says what happened, shows the long text back and leads back to a fresh form, at 1280 and 360 px."""

import re

import pytest
from playwright.sync_api import expect

from pqrs.models import Solicitud
from tests.e2e.test_pqrs_ciudadano import MOVIL, entorno, llenar_formulario  # noqa: F401

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

DESCRIPCION = "La luminaria frente al número 10-20 lleva dos semanas apagada."


@pytest.mark.parametrize("ancho", [1280, MOVIL["width"]])
def test_formulario_sin_cookie_lleva_de_vuelta_al_formulario(page, revisar_accesibilidad, ancho):
    bloqueos: list[str] = []
    page.on("console", lambda m: bloqueos.append(m.text) if "Content Security Policy" in m.text else None)
    page.set_viewport_size({"width": ancho, "height": 900})
    page.goto("/pqrs/radicar/?tipo=queja")
    llenar_formulario(page)
    page.context.clear_cookies()  # as if the browser blocked them, or the form sat open too long

    page.get_by_role("button", name="Radicar solicitud").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("No pudimos recibir el formulario")
    expect(page.get_by_text("No se guardó ni se envió nada")).to_be_visible()
    expect(page.get_by_label(re.compile("Cópielo antes de volver"))).to_have_value(DESCRIPCION)
    assert page.evaluate("document.documentElement.scrollWidth") <= ancho
    revisar_accesibilidad(page)
    assert bloqueos == []
    assert Solicitud.objects.count() == 0

    page.get_by_role("link", name="Volver al formulario").click()

    expect(page).to_have_url(re.compile(r"/pqrs/radicar/\?tipo=queja$"))
    expect(page.get_by_role("button", name="Radicar solicitud")).to_be_visible()
