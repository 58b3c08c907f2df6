"""A citizen reads the published 2004 informe in a browser: the list, the informe, a chart's data table
(what a screen reader reads instead of the drawing), and its PDF, CSV and JSON downloads; axe (WCAG 2.1
AA) at 1280 and 360 px on the list and the informe, with no JavaScript needed for any figure."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect

from rendicion import demo
from rendicion.models import Informe

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

ANCHOS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


@pytest.fixture(autouse=True)
def _media_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def informe_2004(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime(2026, 11, 25, 15, 0, tzinfo=UTC), tick=False):
        call_command("cargar_demo")
    settings.DEBUG = False
    return Informe.objects.get(titulo=demo.TITULO_2004)


def test_un_ciudadano_lee_el_informe_de_2004_y_descarga_sus_datos(page, informe_2004, revisar_accesibilidad):
    for ancho in ANCHOS:
        page.set_viewport_size(ancho)
        page.goto("/rendicion/informes/")
        revisar_accesibilidad(page)
        page.get_by_role("link", name=demo.TITULO_2004).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(demo.TITULO_2004)
        revisar_accesibilidad(page)

    # The chart is an image with a name; its figures are in the table beside it.
    grafico = page.get_by_role("img", name="Comunas y zona rural cubiertas (jornadas en cada una)")
    expect(grafico).to_be_visible()
    tabla = page.get_by_role("table", name="Datos: Comunas y zona rural cubiertas (jornadas en cada una)")
    expect(tabla.get_by_role("row", name="Montebello (zona rural) 1")).to_be_visible()
    expect(tabla.get_by_role("row")).to_have_count(1 + 17)  # header + 16 comunas and the rural zone
    indicadores = page.get_by_role(
        "table", name="Indicadores: Consejos de gobierno comunitarios: Gobierno en las comunas"
    )
    expect(indicadores.get_by_role("row", name="Jornadas del Gobierno en las comunas 18")).to_be_visible()

    with page.expect_download() as descarga:
        page.get_by_role("link", name="Informe en PDF").click()
    assert Path(descarga.value.path()).read_bytes()[:4] == b"%PDF"
    with page.expect_download() as descarga:
        page.get_by_role("link", name="Indicadores en CSV").click()
    csv = Path(descarga.value.path()).read_text(encoding="utf-8-sig")
    assert "Jornadas del Gobierno en las comunas" in csv and "Montebello (zona rural)" in csv
    with page.expect_download() as descarga:
        page.get_by_role("link", name="Indicadores en JSON").click()
    datos = json.loads(Path(descarga.value.path()).read_text(encoding="utf-8"))
    totales = {d["indicador"]: d["total"] for d in datos["indicadores"]}
    assert totales["Jornadas del Gobierno en las comunas"] == 18 and totales["Reuniones del Consejo"] == 2


def test_el_informe_se_lee_sin_javascript(browser, live_server, informe_2004):
    contexto = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    pagina = contexto.new_page()
    pagina.goto(f"{live_server.url}/rendicion/informes/{informe_2004.pk}/")
    expect(pagina.get_by_role("img", name="Reuniones de las mesas de concertación")).to_be_visible()
    expect(pagina.get_by_role("table", name="Datos: Reuniones de las mesas de concertación")).to_be_visible()
    contexto.close()
