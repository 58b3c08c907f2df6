"""Acceptance 1 of the consejos in Chromium, at 1280 and 360 px with axe: a leader of comuna 5, without
logging in, finds the last session held in comuna 5, reads its acta (and its print view), downloads its
PDF, searches "transporte" across actas, sees the state of every commitment made there, and subscribes
to comuna 5."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from civic import calendario
from consejos.models import Invitado, PuntoAgenda, Suscripcion
from consejos.services import actas, compromisos, sesiones
from consejos.views.suscripciones import limite_suscribir
from tests.civic.fabricas import ComunaFactory, DependenciaFactory
from tests.consejos.fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada
from tests.e2e.test_acciones_pqrs import en_cada_ancho

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def entorno(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    clave = f"civic:limite:{limite_suscribir().accion}:127.0.0.1"
    cache.delete(clave)
    yield
    cache.delete(clave)


def _dia(fecha):
    return (fecha.year, fecha.month, fecha.day)


def _publicar(acta, actor):
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)


@pytest.fixture
def comuna5():
    """Comuna 5 with two held sessions (the last one about the MIO, with commitments in every light and
    state and a guest who did not consent to being named), an upcoming one, and another comuna's acta."""
    actor = secretaria()
    hoy = timezone.localdate()
    comuna = ComunaFactory(numero=5, nombre="Comuna 5")
    instancia = InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5", comuna=comuna)
    integrantes(instancia)
    _s, primera = sesion_realizada(instancia, actor, dia=_dia(hoy - timedelta(days=60)))
    _publicar(primera, actor)
    sesion, acta = sesion_realizada(instancia, actor, dia=_dia(hoy - timedelta(days=20)), puntos=0)
    PuntoAgenda.objects.create(
        sesion=sesion,
        orden=1,
        titulo="Transporte masivo: rutas alimentadoras del MIO",
        desarrollo="La comunidad pidió ampliar la frecuencia de la ruta A14 en las noches.",
    )
    Invitado.objects.create(sesion=sesion, nombre="Rosa Ciudadana", sector="comunidad", publicar_nombre=False)
    Invitado.objects.create(
        sesion=sesion,
        nombre="Carlos Gómez",
        cargo="Gerente de operaciones",
        entidad="Metrocali",
        sector="empresarial",
    )
    alumbrado = DependenciaFactory(nombre="Unidad de Alumbrado Público", sigla="UAESP")
    movilidad = DependenciaFactory(nombre="Secretaría de Movilidad", sigla="SM")

    def promesa(texto, vence, dependencia):
        return compromisos.registrar(
            sesion=sesion, descripcion=texto, fecha_vencimiento=vence, dependencia=dependencia, actor=actor
        )

    vencido = promesa("Instalar dos luminarias en el parque del barrio.", hoy - timedelta(days=10), alumbrado)
    compromisos.iniciar(compromiso=vencido, actor=actor, nota="Se pidió el material.")
    promesa("Mesa con Metrocali sobre la ruta A14.", calendario.sumar_dias_habiles(hoy, 1), movilidad)
    promesa("Estudio de frecuencias de la ruta A14.", hoy + timedelta(days=60), movilidad)
    cumplido = promesa("Podar los árboles de la calle 10.", hoy - timedelta(days=5), alumbrado)
    compromisos.cumplir(compromiso=cumplido, actor=actor, nota="Poda hecha el martes.")
    _publicar(acta, actor)
    sesiones.programar(
        instancia=instancia, inicio=timezone.now() + timedelta(days=15), lugar="Caseta comunal", actor=actor
    )

    otra = InstanciaFactory(nombre="Gobierno en las comunas – Comuna 14", comuna=ComunaFactory(numero=14))
    integrantes(otra)
    _s, acta14 = sesion_realizada(otra, actor, dia=_dia(hoy - timedelta(days=30)))
    _publicar(acta14, actor)
    cmps = InstanciaFactory(
        nombre="Consejo Municipal de Política Social",
        tipo="politica_social",
        comuna=None,
        sesiones_minimas_anio=4,
        descripcion="Articula la política social del municipio (Ley 1098 de 2006, art. 207).",
    )
    integrantes(cmps, 6)
    return {"comuna": comuna, "acta": acta, "cmps": cmps}


def test_un_lider_de_la_comuna_5_sigue_lo_que_se_dijo_y_lo_que_se_prometio(
    page, revisar_accesibilidad, tmp_path, comuna5
):
    comuna = comuna5["comuna"]
    page.goto("/consejos/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consejos, comités y mesas")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-inicio")

    # The last session held in comuna 5, and its acta.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Comuna 5", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comuna 5")
    ultima = page.get_by_role("region", name="Última sesión realizada en la comuna")
    expect(ultima).to_contain_text("Sesión ordinaria No. 2")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-comuna")
    page.set_viewport_size({"width": 1280, "height": 900})
    ultima.get_by_role("link", name="Leer el acta de esta sesión").click()

    expect(page).to_have_url(re.compile(rf"/consejos/actas/{comuna5['acta'].pk}/$"))
    acta = page.get_by_role("article", name="Contenido del acta")
    expect(acta).to_contain_text("Transporte masivo: rutas alimentadoras del MIO")
    expect(acta).to_contain_text("Carlos Gómez")
    expect(acta).not_to_contain_text("Rosa Ciudadana")  # not consented: counted, not named
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-acta")

    # Printed: the acta alone, without the menu, the footer or the buttons.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Menú principal")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("link", name="Descargar el acta en PDF")).to_be_hidden()
    expect(acta).to_be_visible()
    page.pdf(path=tmp_path / "consejos-acta-impresa.pdf")
    page.emulate_media(media="screen")

    enlace_pdf = page.get_by_role("link", name="Descargar el acta en PDF")
    respuesta = page.request.get(enlace_pdf.get_attribute("href"))
    assert respuesta.ok and respuesta.headers["content-type"] == "application/pdf"
    assert respuesta.body().startswith(b"%PDF")

    # Search across every comuna's actas.
    page.goto("/consejos/")
    page.get_by_label("Palabras a buscar").fill("transporte")
    page.get_by_role("button", name="Buscar").click()
    expect(page.locator("#cuantas")).to_contain_text("3 actas encontradas")
    expect(page.locator("mark").first).to_have_text(re.compile("transporte", re.IGNORECASE))
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-buscar")

    # Every commitment made in comuna 5, with its light and state.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/consejos/comuna/{comuna.pk}/")
    page.get_by_role("link", name="Compromisos con la comuna", exact=True).click()
    expect(page.locator("#cuantos")).to_have_text("4 compromisos")
    lista = page.locator(".lista-compromisos > li")
    expect(lista.nth(0)).to_contain_text("Instalar dos luminarias")
    expect(lista.nth(0)).to_contain_text("Vencido")
    expect(lista.nth(0)).to_contain_text("En curso")
    expect(lista.nth(1)).to_contain_text("Por vencer")
    expect(lista.nth(2)).to_contain_text("A tiempo")
    expect(lista.nth(3)).to_contain_text("Cumplido")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-compromisos")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Semáforo").select_option("rojo")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.locator("#cuantos")).to_have_text("1 compromiso")
    page.get_by_role("link", name="Instalar dos luminarias en el parque del barrio.").click()
    expect(page.get_by_role("region", name="Seguimiento")).to_contain_text("Se pidió el material.")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-compromiso")

    # The instancia's page.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Gobierno en las comunas – Comuna 5").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gobierno en las comunas – Comuna 5")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-instancia")

    # A municipal council the law makes meet four times a year: how many it has held.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/consejos/")
    page.get_by_role("link", name="Consejo Municipal de Política Social").click()
    expect(page.get_by_role("note")).to_contain_text("sesiones de 4 este año")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "consejos-instancia-cmps")

    # Subscribe to comuna 5: the form comes with comuna 5 chosen.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/consejos/comuna/{comuna.pk}/")
    page.get_by_role("link", name="Suscribirse a esta comuna").click()
    expect(page.get_by_label("¿Qué quiere seguir?")).to_have_value(f"c{comuna.pk}")
    page.get_by_role("textbox", name="Correo electrónico").fill("lider.comuna5@correo.test")
    page.get_by_role("checkbox", name="Autorizo el tratamiento").check()
    page.get_by_role("button", name=re.compile("Suscribirme|Suscribirse")).click()
    expect(page).to_have_url(re.compile(r"/consejos/suscribirse/enviado/$"))
    assert Suscripcion.objects.filter(correo="lider.comuna5@correo.test", comuna=comuna).exists()
