"""The technical secretariat in a browser: programs a session, records its agenda and attendance, marks
it held, approves and publishes its acta and sees it on the portal. And axe (WCAG 2.1 AA) at 1280 and
360 px on the work queue, a session's page, an action page and the commitments' list."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from consejos.models import Acta, Sesion
from consejos.services import compromisos
from tests.civic.fabricas import ComunaFactory, DependenciaFactory
from tests.consejos.fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"
ANCHOS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


@pytest.fixture(autouse=True)
def _media_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def consejos():
    usuario = secretaria(first_name="Paola Andrea", last_name="Ospina")
    usuario.set_password(CLAVE)
    usuario.save()
    return usuario


@pytest.fixture
def instancia():
    instancia = InstanciaFactory(
        nombre="Gobierno en las comunas – Comuna 5", comuna=ComunaFactory(numero=5, nombre="Comuna 5")
    )
    integrantes(instancia)
    return instancia


def _enviar(pagina):
    pagina.locator("#content-main form").get_by_role("button").first.click()
    expect(pagina.locator(".messagelist")).to_contain_text("Se registró")


def test_la_secretaria_programa_registra_y_publica_un_acta(sesion_de_personal, consejos, instancia):
    pagina = sesion_de_personal(consejos, CLAVE)
    pagina.set_viewport_size({"width": 1280, "height": 900})

    # From the queue on the home page to programming a session.
    expect(pagina.get_by_role("heading", name="Sesiones realizadas sin acta publicada")).to_be_visible()
    pagina.get_by_role("link", name="Programar sesión").click()
    pagina.get_by_label("Instancia").select_option(label=instancia.nombre)
    pagina.get_by_label("Fecha y hora").fill("2026-08-04T09:00")
    pagina.get_by_label("Lugar").fill("Sede comunal El Vallado")
    pagina.locator("#content-main form").get_by_role("button", name="Programar la sesión").click()
    expect(pagina.locator(".messagelist")).to_contain_text("Se programó la Sesión 1 de 2026")
    sesion = Sesion.objects.get()

    # The record: one agenda item and the attendance of the members offered on the page.
    pagina.locator("#id_agenda-0-orden").fill("1")
    pagina.locator("#id_agenda-0-titulo").fill("Transporte masivo: rutas alimentadoras")
    pagina.locator("#id_agenda-0-desarrollo").fill("La comunidad expuso la situación de la ruta A14.")
    for i, estado in enumerate(["presente", "presente", "presente", "excusado"]):
        pagina.locator(f"#id_asistencias-{i}-estado").select_option(estado)
    pagina.locator("input[name=_continue]").click()
    expect(pagina.locator(".messagelist")).to_contain_text("se cambió correctamente")
    expect(pagina.locator("#content-main")).to_contain_text("3 de 4 integrantes con voto presentes")

    pagina.get_by_role("link", name="Registrar como realizada").click()
    _enviar(pagina)
    acta = Acta.objects.get(sesion=sesion)
    pagina.get_by_role("link", name=str(acta)).click()

    pagina.get_by_role("link", name="Aprobar el acta").click()
    expect(pagina.locator("#content-main")).to_contain_text("Transporte masivo: rutas alimentadoras")
    _enviar(pagina)
    pagina.get_by_role("link", name="Publicar el acta").click()
    _enviar(pagina)
    acta.refresh_from_db()
    assert acta.estado == "publicada"

    # The session is frozen now; the acta is on the portal.
    pagina.goto(reverse("admin:consejos_sesion_change", args=[sesion.pk]))
    expect(pagina.locator("#content-main")).to_contain_text("son de solo lectura")
    pagina.goto(reverse("admin:consejos_acta_change", args=[acta.pk]))
    pagina.get_by_role("link", name="Ver el acta en el portal").click()
    expect(pagina.locator("main")).to_contain_text("Transporte masivo: rutas alimentadoras")


def test_las_paginas_de_la_secretaria_pasan_axe(
    sesion_de_personal, revisar_accesibilidad, consejos, instancia
):
    sesion, acta = sesion_realizada(instancia, consejos)
    compromisos.registrar(
        sesion=sesion,
        descripcion="Revisar la ruta alimentadora A14 con Metrocali.",
        fecha_vencimiento=date(2026, 9, 15),
        dependencia=DependenciaFactory(),
        actor=consejos,
    )
    pagina = sesion_de_personal(consejos, CLAVE)
    paginas = {
        "/admin/": "Sesiones realizadas sin acta publicada",
        reverse("admin:consejos_sesion_change", args=[sesion.pk]): "Acciones de la sesión",
        reverse("admin:consejos_acta_accion", args=[acta.pk, "aprobar"]): "Aprobar el acta",
        reverse("admin:consejos_compromiso_changelist"): "Compromisos",
    }
    for ancho in ANCHOS:
        pagina.set_viewport_size(ancho)
        for ruta, se_ve in paginas.items():
            pagina.goto(ruta)
            expect(pagina.locator("#content-start")).to_contain_text(se_ve)
            revisar_accesibilidad(pagina)
            nombre = ruta.strip("/").replace("/", "_") or "inicio"
            pagina.screenshot(path=f"/tmp/consejos_admin_{nombre}_{ancho['width']}.png", full_page=True)
            assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho["width"], ruta
