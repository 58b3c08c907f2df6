"""The staff side of acceptance 1 through the admin, in a browser: the IVC office reviews a JAC's
recognition, requires a correction, approves it with its considerandos and sees the resolution; approves
the inscription of its dignatarios; issues a certificate. And axe (WCAG 2.1 AA) at 1280 and 360 px on
the work queue, the procedures' list and an action page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from organizaciones.models import Certificado, ClaseTramite, EstadoOrganizacion, Tramite
from organizaciones.roles import ORGANIZACIONES
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory, FuncionarioFactory
from tests.organizaciones.fabricas import documentos_de, junta, peticionario

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"
ANCHOS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


@pytest.fixture(autouse=True)
def _media_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ivc():
    usuario = FuncionarioFactory(first_name="Jhon Jairo", last_name="Valencia")
    usuario.groups.add(Group.objects.get(name=ORGANIZACIONES))
    usuario.set_password(CLAVE)
    usuario.save()
    return usuario


def _reconocimiento() -> Tramite:
    tramite, _codigo = radicacion.radicar(
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={
            "tipo": "jac",
            "nombre": "Junta de Acción Comunal Barrio El Vallado",
            "nit": "900373913-4",
            "comuna": ComunaFactory(numero=15, nombre="Comuna 15"),
            "clase_territorio": "barrio_capital",
            "afiliados": 80,
        },
        documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
    )
    return tramite


def _accion(pagina, boton: str, campos: dict[str, str] | None = None):
    pagina.get_by_role("link", name=boton).click()
    for etiqueta, valor in (campos or {}).items():
        pagina.get_by_label(etiqueta).fill(valor)
    pagina.locator("#content-main form").get_by_role("button").click()
    expect(pagina.locator(".messagelist")).to_contain_text("Se registró")


def test_el_personal_reconoce_una_jac_inscribe_su_junta_y_certifica(sesion_de_personal, ivc):
    tramite = _reconocimiento()
    pagina = sesion_de_personal(ivc, CLAVE)
    pagina.set_viewport_size({"width": 1280, "height": 900})

    # From the queue on the home page to the procedure.
    expect(pagina.get_by_role("heading", name="Trámites de organizaciones")).to_be_visible()
    pagina.get_by_role("link", name=tramite.radicado).click()
    expect(pagina.get_by_role("heading", name="Lista de chequeo: documentos recibidos")).to_be_visible()

    _accion(pagina, "Iniciar la revisión")
    _accion(
        pagina,
        "Requerir a la organización",
        {"Qué debe corregir o completar la organización": "Falta la firma del secretario en el acta."},
    )
    expect(pagina.locator("#content-main")).to_contain_text("Requerimiento a la organización")

    # The organization corrects on the portal (its side is the public test's).
    servicios.corregir(tramite=Tramite.objects.get(pk=tramite.pk), texto="Adjuntamos el acta firmada.")
    pagina.reload()
    _accion(
        pagina,
        "Aprobar por resolución",
        {"Considerandos": "Cumple los requisitos del art. 11 de la Ley 2166 de 2021."},
    )
    tramite.refresh_from_db()
    assert tramite.estado == Estado.APROBADO
    assert tramite.organizacion.estado == EstadoOrganizacion.ACTIVA
    enlace = pagina.get_by_role("link", name=re.compile(r"Resolución \d{4} de \d{4}"))
    expect(enlace).to_be_visible()
    pdf = pagina.request.get(enlace.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # The second procedure: the junta elected, inscribed by its own resolution.
    inscripcion, _ = radicacion.radicar(
        clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
        peticionario=peticionario(),
        organizacion=tramite.organizacion,
        documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        dignatarios=junta(5, mujeres=2),
    )
    pagina.goto(reverse("admin:organizaciones_tramite_changelist"))
    pagina.locator("#searchbar").fill(inscripcion.radicado)
    pagina.locator("#searchbar").press("Enter")
    pagina.get_by_role("link", name=inscripcion.radicado).click()
    expect(pagina.get_by_role("heading", name="Dignatarios propuestos")).to_be_visible()
    _accion(pagina, "Iniciar la revisión")
    _accion(pagina, "Aprobar por resolución", {"Considerandos": "Elección conforme a los estatutos."})
    assert tramite.organizacion.dignatarios.vigentes().count() == 5

    # The certificate, from the organization's page.
    pagina.goto(reverse("admin:organizaciones_organizacion_change", args=[tramite.organizacion_id]))
    pagina.get_by_role("link", name="Expedir certificado").click()
    pagina.locator("#content-main form").get_by_role("button", name="Expedir certificado").click()
    certificado = Certificado.objects.get()
    expect(pagina.locator(".messagelist")).to_contain_text(certificado.codigo)
    expect(pagina.get_by_role("link", name=f"PDF del certificado {certificado.codigo}").first).to_be_visible()


def test_las_paginas_del_personal_de_organizaciones_pasan_axe(sesion_de_personal, revisar_accesibilidad, ivc):
    tramite = _reconocimiento()
    servicios.revisar(tramite=tramite, actor=ivc)
    pagina = sesion_de_personal(ivc, CLAVE)
    paginas = {
        "/admin/": "Trámites de organizaciones",
        reverse("admin:organizaciones_tramite_changelist"): "Trámites de organizaciones",
        reverse("admin:organizaciones_organizacion_changelist"): "Registro de organizaciones",
        reverse("admin:organizaciones_organizacion_change", args=[tramite.organizacion_id]): "El Vallado",
        reverse("admin:organizaciones_tramite_change", args=[tramite.pk]): tramite.radicado,
        reverse("admin:organizaciones_tramite_accion", args=[tramite.pk, "aprobar"]): "Aprobar",
    }
    for ancho in ANCHOS:
        pagina.set_viewport_size(ancho)
        for ruta, se_ve in paginas.items():
            pagina.goto(ruta)
            expect(pagina.locator("#content-start")).to_contain_text(se_ve)
            revisar_accesibilidad(pagina)
            nombre = ruta.strip("/").replace("/", "_") or "inicio"
            pagina.screenshot(path=f"/tmp/org_admin_{nombre}_{ancho['width']}.png", full_page=True)
            assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho["width"], ruta
