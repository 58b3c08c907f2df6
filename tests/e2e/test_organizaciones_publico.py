"""The organizations' public pages in Chromium at 1280 and 360 px with axe: the directory, an organization's
page, and a certificate's verification reached by its QR address and by typing its code."""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.cache import cache
from playwright.sync_api import expect

from civic.models import Barrio
from organizaciones.models import EstadoOrganizacion, TipoOrganizacion
from organizaciones.services import certificados, registro
from organizaciones.services.certificados import url_verificacion
from organizaciones.views.publico import limite_verificar
from tests.civic.fabricas import ComunaFactory, en_bogota
from tests.e2e.test_acciones_pqrs import en_cada_ancho
from tests.organizaciones.fabricas import OrganizacionFactory, funcionario_ivc
from tests.organizaciones.test_publico import _inscribir

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def entorno(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    clave = f"civic:limite:{limite_verificar().accion}:127.0.0.1"
    cache.delete(clave)
    yield
    cache.delete(clave)


@pytest.fixture
def registro_publico():
    """A comuna with a few organizations, one with its junta inscribed and a certificate issued."""
    funcionario = funcionario_ivc()
    comuna = ComunaFactory(numero=15, nombre="Comuna 15")
    vallado = OrganizacionFactory(
        nombre="Junta de Acción Comunal Barrio El Vallado",
        comuna=comuna,
        barrio=Barrio.objects.create(comuna=comuna, nombre="El Vallado"),
        nit="900373913-4",
        correo_contacto="jac.vallado@correo.test",
        telefono_contacto="300 111 2233",
        direccion="Calle 48 # 41-20, salón comunal",
        contacto_publico=True,
    )
    OrganizacionFactory(
        nombre="Junta de Acción Comunal Barrio Mojica",
        comuna=comuna,
        estado=EstadoOrganizacion.SUSPENDIDA,
        suspendida_hasta=date(2026, 11, 30),
    )
    OrganizacionFactory(nombre="Fundación Mujeres del Oriente", comuna=comuna, tipo=TipoOrganizacion.MUJERES)
    with time_machine.travel(en_bogota(2026, 8, 25, 9), tick=False):
        _inscribir(vallado, funcionario)
    with time_machine.travel(en_bogota(2026, 8, 26, 9), tick=False):
        certificado = certificados.expedir(organizacion=vallado, actor=funcionario)
    return {"funcionario": funcionario, "organizacion": vallado, "certificado": certificado}


def test_directorio_y_pagina_de_una_organizacion(page, revisar_accesibilidad, tmp_path, registro_publico):
    page.goto("/organizaciones/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Directorio de organizaciones comunales")
    expect(page.locator("#cuantas")).to_contain_text("3 organizaciones")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "directorio")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Nombre").fill("vallado")
    page.get_by_role("button", name="Buscar").click()
    expect(page.locator("#cuantas")).to_contain_text("1 organización")
    expect(page.get_by_label("Nombre")).to_have_value("vallado")
    page.get_by_role("link", name="Junta de Acción Comunal Barrio El Vallado").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Junta de Acción Comunal Barrio El Vallado")
    expect(page.get_by_role("table")).to_contain_text("Persona 0 Prueba")
    expect(page.get_by_role("region", name="Contacto")).to_contain_text("jac.vallado@correo.test")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "organizacion")


def test_verificar_por_el_qr_y_por_el_codigo(page, revisar_accesibilidad, tmp_path, registro_publico):
    certificado = registro_publico["certificado"]
    # The QR encodes url_verificacion(codigo): open the same path on this server.
    page.goto(urlsplit(url_verificacion(certificado.codigo)).path)
    expect(page.get_by_role("heading", name="Certificado auténtico", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Lo que certificó el 26 de agosto de 2026")).to_contain_text(
        "Persona 0 Prueba (Presidente)"
    )
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "verificacion-autentica")

    # The organization is suspended afterwards; the code typed in the form tells it.
    with time_machine.travel(en_bogota(2026, 9, 1, 9), tick=False):
        registro.cambiar_estado(
            organizacion=registro_publico["organizacion"],
            estado=EstadoOrganizacion.SUSPENDIDA,
            fecha=date(2026, 9, 1),
            hasta=date(2026, 11, 30),
            acto="Resolución 0120 de 2026",
            actor=registro_publico["funcionario"],
        )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/organizaciones/verificar/")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "verificar-formulario")
    page.get_by_label("Código de verificación").fill("ABCD-EFGH")
    page.get_by_role("button", name="Verificar").click()
    expect(page.get_by_role("alert")).to_contain_text("El código tiene 12 letras y números")
    revisar_accesibilidad(page)
    page.get_by_label("Código de verificación").fill(certificado.codigo.lower().replace("-", " "))
    page.get_by_role("button", name="Verificar").click()

    expect(page).to_have_url(re.compile(rf"/organizaciones/verificar/{certificado.codigo}/$"))
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "Certificado auténtico, pero la organización cambió de estado después de expedirlo"
    )
    expect(page.get_by_role("region", name="Cambios de estado desde la expedición")).to_contain_text(
        "Suspendida hasta el 30 de noviembre de 2026 — Resolución 0120 de 2026"
    )
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "verificacion-cambio")


def test_un_codigo_desconocido_dice_que_hacer(page, revisar_accesibilidad, tmp_path, registro_publico):
    page.goto("/organizaciones/verificar/ABCD-EFGH-JKMN/")
    expect(page.get_by_role("heading", level=1)).to_have_text("No encontramos ese certificado")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "verificacion-desconocida")
