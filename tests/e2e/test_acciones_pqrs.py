"""The staff action pages in a real browser, at 1280 and 360 px, with axe and the Content-Security-Policy on:
asignar narrows the responsable list with htmx, responder and prórroga show what the decision needs, and the
ventanilla renews a lost consultation code that the citizen then uses.

Each page is photographed at both widths into the test's temporary folder (`--basetemp` to keep them).
"""

import re
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from civic.roles import FUNCIONARIO, VENTANILLA
from pqrs import services
from pqrs.models import Solicitud
from pqrs.roles import COORDINACION_PQRS
from tests.pqrs import archivos
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, SolicitudFactory
from tests.pqrs.test_vistas_publicas import limpiar_limites

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"
ANCHOS = (1280, 360)


@pytest.fixture(autouse=True)
def _sin_limites():
    limpiar_limites()


def personal(rol: str, **campos):
    usuario = FuncionarioFactory(**campos)
    usuario.groups.add(Group.objects.get(name=rol))
    usuario.set_password(CLAVE)
    usuario.save(update_fields=["password"])
    return usuario


@contextmanager
def sin_bloqueos_csp(pagina):
    """Nothing the pages inside the block do (htmx requests and swaps included) is refused by the
    Content-Security-Policy. Outside any axe run: axe's own probes apply inline styles."""
    bloqueos: list[str] = []

    def anotar(mensaje):
        if "Content Security Policy" in mensaje.text:
            bloqueos.append(f"{pagina.url}: {mensaje.text}")

    pagina.on("console", anotar)
    yield
    pagina.wait_for_load_state("networkidle")
    pagina.remove_listener("console", anotar)
    assert bloqueos == []


def en_cada_ancho(pagina, revisar_accesibilidad, carpeta, nombre: str) -> None:
    """At 1280 and 360 px: nothing wider than the screen, no axe violation, and a full-page photograph."""
    for ancho in ANCHOS:
        pagina.set_viewport_size({"width": ancho, "height": 900})
        assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho, (nombre, ancho)
        revisar_accesibilidad(pagina)
        pagina.screenshot(path=carpeta / f"{nombre}-{ancho}.png", full_page=True)


def opciones(pagina):
    return pagina.get_by_label("Responsable").locator("option")


def test_asignar_lista_solo_el_personal_de_la_dependencia(
    sesion_de_personal, revisar_accesibilidad, tmp_path
):
    sinf = DependenciaFactory(nombre="Secretaría de Infraestructura", sigla="SINF")
    ssp = DependenciaFactory(nombre="Secretaría de Seguridad", sigla="SSP")
    ana = personal(FUNCIONARIO, dependencia=sinf, first_name="Ana", last_name="Gómez")
    personal(FUNCIONARIO, dependencia=ssp, first_name="Omar", last_name="Otero")
    coordinadora = personal(COORDINACION_PQRS, dependencia=None, first_name="Carmen", last_name="Ríos")
    solicitud = SolicitudFactory(ahora=timezone.now())

    admin = sesion_de_personal(coordinadora, CLAVE)
    with sin_bloqueos_csp(admin):
        admin.goto(f"/admin/pqrs/solicitud/{solicitud.pk}/accion/asignar/")
        # Before a dependencia is chosen there is nobody to choose.
        expect(opciones(admin)).to_have_text(["---------"])
        admin.get_by_label("Dependencia").select_option(label=str(ssp))
        expect(opciones(admin)).to_have_text(["---------", "Omar Otero — SSP"])
        admin.get_by_label("Dependencia").select_option(label=str(sinf))
        expect(opciones(admin)).to_have_text(["---------", "Ana Gómez — SINF"])
        admin.get_by_label("Responsable").select_option(label="Ana Gómez — SINF")
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "asignar")

    admin.get_by_role("button", name="Asignar").click()
    expect(admin.locator(".messagelist .success")).to_contain_text("Asignar o reasignar")
    solicitud.refresh_from_db()
    assert (solicitud.dependencia, solicitud.responsable) == (sinf, ana)


def test_responder_y_prorrogar_muestran_lo_que_la_decision_necesita(
    sesion_de_personal, revisar_accesibilidad, tmp_path
):
    sinf = DependenciaFactory(nombre="Secretaría de Infraestructura", sigla="SINF")
    funcionario = personal(FUNCIONARIO, dependencia=sinf, first_name="Ana", last_name="Gómez")
    solicitud = SolicitudFactory(
        ahora=timezone.now(),
        asunto="Luminaria dañada en la calle 5",
        archivos=[archivos.pdf("foto-poste.pdf")],
    )
    services.asignar(solicitud=solicitud, dependencia=sinf, actor=funcionario)
    services.solicitar_informacion(solicitud=solicitud, requerimiento="Número del poste.", actor=funcionario)
    services.aportar_informacion(
        solicitud=solicitud, texto="Es el poste 4471.", archivos=[archivos.pdf("poste-4471.pdf")]
    )

    admin = sesion_de_personal(funcionario, CLAVE)
    with sin_bloqueos_csp(admin):
        admin.goto(f"/admin/pqrs/solicitud/{solicitud.pk}/accion/responder/")
    resumen = admin.get_by_role("region", name="La solicitud")
    expect(resumen).to_contain_text("Luminaria dañada en la calle 5")
    expect(resumen).to_contain_text("Es el poste 4471.")
    expect(resumen.get_by_role("link", name="foto-poste.pdf")).to_be_visible()
    expect(resumen.get_by_role("link", name="poste-4471.pdf")).to_be_visible()
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "responder")

    with sin_bloqueos_csp(admin):
        admin.goto(f"/admin/pqrs/solicitud/{solicitud.pk}/accion/prorrogar/")
    solicitud.refresh_from_db()
    maximo = services.fecha_maxima_prorroga(solicitud)
    expect(admin.get_by_role("region", name="Fechas permitidas")).to_contain_text(
        "Fecha más lejana permitida"
    )
    fecha = admin.get_by_label("Nueva fecha de vencimiento")
    expect(fecha).to_have_attribute("max", maximo.isoformat())
    expect(fecha).to_have_attribute("min", re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "prorrogar")


def test_ventanilla_renueva_el_codigo_y_el_ciudadano_consulta_con_el_nuevo(
    sesion_de_personal, page, revisar_accesibilidad, tmp_path
):
    solicitud = SolicitudFactory(ahora=timezone.now(), numero_documento="1144055321")
    anterior = solicitud.codigo_claro
    ventanilla = personal(VENTANILLA, dependencia=DependenciaFactory(sigla="SGA"))

    admin = sesion_de_personal(ventanilla, CLAVE)
    with sin_bloqueos_csp(admin):
        admin.goto("/admin/pqrs/solicitud/")
        for ancho in ANCHOS:
            admin.set_viewport_size({"width": ancho, "height": 900})
            admin.screenshot(path=tmp_path / f"lista-{ancho}.png")
        admin.get_by_role("link", name="Renovar código de consulta").click()
        admin.get_by_label("Radicado").fill(solicitud.radicado)
        admin.get_by_label("Tipo de documento presentado").select_option("CC")
        admin.get_by_label("Número del documento presentado").fill("1.144.055.000")
        admin.get_by_label("Verifiqué el documento original").check()
        admin.get_by_role("button", name="Renovar el código").click()
    # A wrong document: the error next to the field, what was typed kept, nothing renewed.
    expect(admin.locator(".errorlist")).to_contain_text("El documento no coincide")
    expect(admin.get_by_label("Número del documento presentado")).to_have_value("1.144.055.000")
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "renovar-codigo-error")

    with sin_bloqueos_csp(admin):
        admin.get_by_label("Número del documento presentado").fill("1.144.055.321")
        admin.get_by_label("Verifiqué el documento original").check()
        admin.get_by_role("button", name="Renovar el código").click()
    codigo = admin.get_by_role("status").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6,}", codigo) and codigo != anterior
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "renovar-codigo")

    # The citizen: the old code no longer opens the request, the new one does.
    page.goto("/consultar/")
    page.get_by_label("Número de radicado").fill(solicitud.radicado)
    page.get_by_label("Código de consulta").fill(anterior)
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_text("No encontramos una solicitud con ese número de radicado")).to_be_visible()
    page.get_by_label("Código de consulta").fill(codigo)
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(solicitud.radicado)


def test_coordinacion_renueva_desde_la_pagina_de_la_solicitud(
    sesion_de_personal, revisar_accesibilidad, tmp_path
):
    coordinadora = personal(COORDINACION_PQRS, dependencia=None)
    solicitud = SolicitudFactory(ahora=timezone.now())

    admin = sesion_de_personal(coordinadora, CLAVE)
    with sin_bloqueos_csp(admin):
        admin.goto(f"/admin/pqrs/solicitud/{solicitud.pk}/change/")
    en_cada_ancho(admin, revisar_accesibilidad, tmp_path, "solicitud")
    admin.get_by_role("link", name="Renovar código de consulta").click()
    expect(admin.get_by_label("Radicado")).to_have_value(solicitud.radicado)
    assert Solicitud.objects.get(pk=solicitud.pk).codigo_consulta_hash == solicitud.codigo_consulta_hash
