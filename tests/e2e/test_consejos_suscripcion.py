"""A comuna 5 leader subscribes to its actas by e-mail in Chromium, with axe at 1280 and 360 px: the form
(also with its errors), the "check your e-mail" page, the confirmation page reached from the e-mail's
link, the unsubscribe link; and the calendar help page."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from civic.models import Notificacion
from consejos.models import Suscripcion
from consejos.services.suscripciones import url_baja
from consejos.views.suscripciones import limite_suscribir
from tests.civic.fabricas import ComunaFactory
from tests.consejos.fabricas import InstanciaFactory
from tests.e2e.test_acciones_pqrs import en_cada_ancho

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def limite_libre():
    clave = f"civic:limite:{limite_suscribir().accion}:127.0.0.1"
    cache.delete(clave)
    yield
    cache.delete(clave)


@pytest.fixture
def comuna5():
    comuna = ComunaFactory(numero=5, nombre="Comuna 5")
    InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5", comuna=comuna)
    return comuna


def _ruta(url: str) -> str:
    """The path of an absolute link from an e-mail (built on MUNICIPIO["sitio"], not the live server)."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_un_lider_se_suscribe_confirma_y_se_da_de_baja(page, revisar_accesibilidad, tmp_path, comuna5):
    page.goto(f"/consejos/suscribirse/?comuna={comuna5.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reciba las actas por correo")
    expect(page.get_by_label("¿Qué quiere seguir?")).to_have_value(f"c{comuna5.pk}")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "suscribir")

    page.set_viewport_size({"width": 1280, "height": 900})
    correo = page.get_by_role("textbox", name="Correo electrónico")
    correo.fill("lider.comuna5@")
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.locator("#resumen-errores")).to_contain_text("Escriba un correo electrónico válido")
    expect(page.locator("#resumen-errores")).to_contain_text("necesitamos su autorización")
    expect(correo).to_have_value("lider.comuna5@")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "suscribir-errores")

    page.set_viewport_size({"width": 1280, "height": 900})
    correo.fill("lider.comuna5@correo.test")
    page.get_by_role(
        "checkbox", name="Autorizo el tratamiento de mi correo electrónico para este fin"
    ).check()
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise su correo")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "suscripcion-enviada")

    # The leader opens the link in the confirmation e-mail (the outbox row).
    aviso = Notificacion.objects.get(plantilla="consejos/emails/confirmar")
    assert aviso.destinatario == "lider.comuna5@correo.test"
    page.goto(_ruta(aviso.contexto["url"]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirme su suscripción")
    expect(page.locator("main")).to_contain_text("Comuna 5")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "confirmar")
    suscripcion = Suscripcion.objects.get()
    assert suscripcion.confirmada_en is None  # opening the link is not confirming

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Confirmar la suscripción").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suscripción confirmada")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "confirmada")
    suscripcion.refresh_from_db()
    assert suscripcion.confirmada_en is not None

    # Later, from the link at the foot of a message.
    page.goto(_ruta(url_baja(suscripcion)))
    expect(page.get_by_role("heading", level=1)).to_have_text("Darse de baja")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "baja")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Darme de baja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suscripción cancelada")
    expect(page.get_by_role("link", name="Suscribirme de nuevo a Comuna 5")).to_be_visible()
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en is not None


def test_la_ayuda_del_calendario(page, revisar_accesibilidad, tmp_path, comuna5):
    page.goto("/consejos/calendario/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Las sesiones en el calendario de su teléfono")
    expect(page.get_by_role("list", name="Calendarios por comuna")).to_contain_text(
        f"/consejos/calendario/comuna/{comuna5.pk}.ics"
    )
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "calendario-ayuda")
    # The link a phone opens is a calendar.
    respuesta = page.request.get(f"/consejos/calendario/comuna/{comuna5.pk}.ics")
    assert respuesta.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "BEGIN:VTIMEZONE" in respuesta.text()
