from http import HTTPStatus

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.navegador

PAGINAS = [
    ("/", HTTPStatus.OK),
    ("/privacidad/", HTTPStatus.OK),
    ("/accesibilidad/", HTTPStatus.OK),
    ("/terminos/", HTTPStatus.OK),
    ("/mapa-del-sitio/", HTTPStatus.OK),
    ("/consultar/", HTTPStatus.OK),
    ("/consultar/recuperar/", HTTPStatus.OK),
    ("/consultar/recuperar/enviado/", HTTPStatus.OK),
    ("/esta-pagina-no-existe/", HTTPStatus.NOT_FOUND),
]
RUTAS = [ruta for ruta, _estado in PAGINAS]
MOVIL = {"width": 360, "height": 740}


@pytest.mark.parametrize(("ruta", "estado"), PAGINAS)
def test_pagina_sin_violaciones_de_accesibilidad(page, revisar_accesibilidad, ruta, estado):
    respuesta = page.goto(ruta)

    assert respuesta.status == estado
    expect(page.locator("h1")).to_be_visible()
    revisar_accesibilidad(page)


@pytest.mark.parametrize("ruta", RUTAS)
def test_en_movil_no_hay_desplazamiento_horizontal_y_el_menu_abre(page, revisar_accesibilidad, ruta):
    page.set_viewport_size(MOVIL)
    page.goto(ruta)

    assert page.evaluate("document.documentElement.scrollWidth") <= MOVIL["width"]
    menu = page.locator("#menu-principal")
    expect(menu).to_be_hidden()

    boton = page.get_by_role("button", name="Abrir o cerrar el menú")
    boton.click()

    expect(menu).to_be_visible()
    expect(boton).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Inicio")).to_be_visible()
    # The open menu is a different layout: it must also reflow and pass axe.
    assert page.evaluate("document.documentElement.scrollWidth") <= MOVIL["width"]
    revisar_accesibilidad(page)


@pytest.mark.parametrize("ruta", RUTAS)
def test_el_primer_tab_enfoca_el_enlace_para_saltar_al_contenido(page, ruta):
    page.goto(ruta)

    page.keyboard.press("Tab")
    salto = page.get_by_role("link", name="Saltar al contenido principal")
    expect(salto).to_be_focused()
    expect(salto).to_be_visible()

    page.keyboard.press("Enter")
    expect(page.locator("main#contenido")).to_be_focused()


def test_el_menu_se_maneja_con_el_teclado(page):
    page.set_viewport_size(MOVIL)
    page.goto("/")

    boton = page.get_by_role("button", name="Abrir o cerrar el menú")
    boton.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#menu-principal")).to_be_visible()

    page.keyboard.press("Tab")
    expect(page.locator("#menu-principal").get_by_role("link", name="Inicio")).to_be_focused()


def test_inicio_lleva_a_radicar_y_a_denunciar(page):
    page.goto("/")

    quejas = page.get_by_role("link", name="Quejas, sugerencias y reclamos")
    expect(quejas).to_have_attribute("href", reverse("pqrs:radicar"))
    denuncia = page.get_by_role("link", name="Denunciar actos de corrupción")
    expect(denuncia).to_have_attribute("href", reverse("pqrs:radicar") + "?tipo=denuncia")


@pytest.mark.parametrize("ruta", [*RUTAS, "/pqrs/radicar/", "/pqrs/respuestas-publicadas/"])
def test_la_politica_de_contenido_no_bloquea_nada_de_la_pagina(page, ruta):
    # Everything the portal needs is its own file: the browser reports no refused script, style or image.
    bloqueos = []
    page.on("console", lambda m: bloqueos.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(ruta)
    page.wait_for_load_state("networkidle")
    assert bloqueos == []


def test_el_contador_de_la_descripcion_funciona_desde_su_archivo(page):
    page.goto("/pqrs/radicar/")
    page.locator("#id_descripcion").fill("Luminaria dañada")
    expect(page.locator("#id_descripcion_contador")).to_contain_text("16 de")
