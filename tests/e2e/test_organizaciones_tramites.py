"""Acceptance 1, the citizen's side, in Chromium: a JAC's legal representative files its recognition with
documents, gets radicado and code, answers the office's requirement on the tracking page (the term
paused, then resumed) and, once approved, finds the decision and the resolution PDF. The office's steps
are its services. axe checks the form and the tracking page at 1280 and 360 px."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from organizaciones.models import Tramite
from organizaciones.services import tramite as servicios
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory
from tests.organizaciones.fabricas import PDF, funcionario_ivc
from tests.pqrs.test_vistas_publicas import limpiar_limites

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

ESCRITORIO = {"width": 1280, "height": 900}
MOVIL = {"width": 360, "height": 740}
CAPTURAS = Path("/tmp/capturas-organizaciones")


@pytest.fixture(autouse=True)
def entorno(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    limpiar_limites()
    yield
    limpiar_limites()


def archivo(nombre: str) -> dict:
    return {"name": nombre, "mimeType": "application/pdf", "buffer": PDF}


def texto(page, nombre: str):
    return page.get_by_role("textbox", name=re.compile(f"^{nombre}"))


def en_ambos_anchos(page, revisar_accesibilidad, nombre: str) -> None:
    """axe at 1280 and 360 px, and a screenshot of each for a person to look at."""
    CAPTURAS.mkdir(exist_ok=True)
    for ancho, tamano in (("1280", ESCRITORIO), ("360", MOVIL)):
        page.set_viewport_size(tamano)
        revisar_accesibilidad(page)
        page.screenshot(path=str(CAPTURAS / f"{nombre}-{ancho}.png"), full_page=True)
    page.set_viewport_size(ESCRITORIO)


def llenar_reconocimiento(page, afiliados: str) -> None:
    page.get_by_role("combobox", name="Tipo de documento").select_option("CC")
    texto(page, "Número de documento").fill("31999888")
    texto(page, "Nombres").fill("Marta Lucía")
    texto(page, "Apellidos").fill("Arboleda")
    texto(page, "Correo electrónico").fill("presidencia.jac@correo.test")
    page.get_by_role("combobox", name=re.compile("^Tipo de organización")).select_option("jac")
    texto(page, "Nombre de la organización").fill("Junta de Acción Comunal Barrio El Vallado")
    texto(page, "NIT de la organización").fill("900373913-4")
    page.get_by_role("combobox", name=re.compile("^Comuna o corregimiento")).select_option(label="Comuna 15")
    page.get_by_role("combobox", name=re.compile("^Clase de territorio")).select_option("barrio_capital")
    page.get_by_role("spinbutton", name=re.compile("^Número de afiliados")).fill(afiliados)
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()


def adjuntar_documentos(page) -> None:
    casillas = page.locator("input[type=file][name^=documento_]")
    for i in range(casillas.count()):
        casillas.nth(i).set_input_files(archivo(f"documento-{i + 1}.pdf"))


def test_una_jac_radica_su_reconocimiento_corrige_y_encuentra_la_resolucion(page, revisar_accesibilidad):
    ComunaFactory(numero=15, nombre="Comuna 15")
    funcionario = funcionario_ivc()
    page.set_viewport_size(ESCRITORIO)

    # The list of procedures → the recognition form.
    page.goto("/organizaciones/tramites/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trámites de organizaciones en línea")
    page.get_by_role("link", name=re.compile("Radicar: reconocimiento")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reconocimiento de personería jurídica")
    en_ambos_anchos(page, revisar_accesibilidad, "formulario")

    # Below the minimum of afiliados: said next to the field, what was typed kept.
    llenar_reconocimiento(page, afiliados="40")
    adjuntar_documentos(page)
    page.get_by_role("button", name="Radicar trámite").click()
    expect(page.get_by_role("alert").filter(has_text="Revise lo siguiente")).to_be_visible()
    afiliados = page.get_by_role("spinbutton", name=re.compile("^Número de afiliados"))
    expect(afiliados).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_afiliados_error")).to_contain_text("al menos 75 afiliados")
    expect(texto(page, "Nombre de la organización")).to_have_value(
        "Junta de Acción Comunal Barrio El Vallado"
    )
    en_ambos_anchos(page, revisar_accesibilidad, "formulario-errores")

    # Corrected and sent with the documents chosen again.
    afiliados.fill("80")
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()
    adjuntar_documentos(page)
    page.get_by_role("button", name="Radicar trámite").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Su trámite fue radicado")
    radicado = page.locator("#numero-radicado").inner_text()
    codigo = page.locator("#codigo-consulta").inner_text()
    assert re.fullmatch(r"PJ-\d{4}-\d{6}", radicado)
    assert len(codigo) == 10
    en_ambos_anchos(page, revisar_accesibilidad, "radicado")

    # The office reviews and requires a correction: the term pauses.
    tramite = Tramite.objects.get(radicado=radicado)
    servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.requerir(
        tramite=tramite,
        requerimiento="Falta la firma del secretario en el acta de constitución.",
        actor=funcionario,
    )
    tramite.refresh_from_db()

    # The citizen follows it with radicado and code.
    page.get_by_role("link", name="Consultar solicitud").first.click()
    page.get_by_role("textbox", name=re.compile("^Número de radicado")).fill(radicado)
    page.get_by_role("textbox", name=re.compile("^Código de consulta")).fill(codigo)
    page.get_by_role("button", name=re.compile("Consultar")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(radicado)
    expect(page.locator("#termino")).to_contain_text(
        f"Término suspendido; quedan {tramite.dias_suspendidos} días hábiles que correrán cuando llegue "
        "su corrección."
    )
    expect(page.locator("#texto-requerimiento")).to_have_text(
        "Falta la firma del secretario en el acta de constitución."
    )
    en_ambos_anchos(page, revisar_accesibilidad, "seguimiento-requerimiento")

    # Answers the requirement with a file: the term resumes.
    texto(page, "Su respuesta al requerimiento").fill("Adjuntamos el acta con la firma del secretario.")
    page.get_by_label("Documentos corregidos o que faltaban").set_input_files(archivo("acta-firmada.pdf"))
    page.get_by_role("button", name="Enviar la corrección").click()
    expect(page.get_by_role("status").filter(has_text="Recibimos su corrección")).to_be_visible()
    expect(page.locator("#estado-expediente")).to_have_text("En revisión")
    expect(page.get_by_role("link", name=re.compile("acta-firmada.pdf"))).to_be_visible()
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION and tramite.fecha_vencimiento is not None

    # Approved: the decision and the resolution PDF on the same page.
    servicios.aprobar(tramite=tramite, considerandos="Cumple los requisitos del art. 11.", actor=funcionario)
    page.reload()
    expect(page.locator("#estado-expediente")).to_have_text("Aprobado")
    enlace = page.get_by_role("link", name=re.compile(r"Descargar la Resolución .* \(PDF\)"))
    expect(enlace).to_be_visible()
    with page.expect_download() as descarga:
        enlace.click()
    assert descarga.value.suggested_filename.endswith(".pdf")
    en_ambos_anchos(page, revisar_accesibilidad, "seguimiento-decidido")


def test_la_inscripcion_de_dignatarios_dice_la_regla_del_30_por_ciento_en_la_lista(
    page, revisar_accesibilidad
):
    from tests.organizaciones.fabricas import OrganizacionFactory

    OrganizacionFactory(nit="900373913-4", nombre="Junta de Acción Comunal Barrio El Vallado")
    page.set_viewport_size(ESCRITORIO)
    page.goto("/organizaciones/tramites/inscripcion_dignatarios/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscripción de dignatarios")
    en_ambos_anchos(page, revisar_accesibilidad, "dignatarios")

    page.get_by_role("combobox", name="Tipo de documento").first.select_option("CC")
    texto(page, "Número de documento").first.fill("31999888")
    texto(page, "Nombres").first.fill("Marta Lucía")
    texto(page, "Apellidos").first.fill("Arboleda")
    texto(page, "Correo electrónico").fill("presidencia.jac@correo.test")
    texto(page, "NIT de la organización").fill("900373913-4")
    for i, cargo in enumerate(["presidente", "tesorero", "fiscal"]):
        fila = page.get_by_role("group", name=f"Dignatario {i + 1}", exact=True)
        texto(fila, "Nombres").fill(f"Persona {i}")
        texto(fila, "Apellidos").fill("Prueba")
        texto(fila, "Número de documento").fill(str(7000 + i))
        fila.get_by_role("combobox", name=re.compile("^Género")).select_option("hombre")
        fila.get_by_role("combobox", name=re.compile("^Cargo")).select_option(cargo)
    adjuntar_documentos(page)
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()
    page.get_by_role("button", name="Radicar trámite").click()

    expect(page.locator("#dignatarios_error")).to_contain_text(
        "Al menos el 30% de los dignatarios deben ser mujeres"
    )
    expect(page.get_by_role("alert").get_by_role("link", name="Dignatarios")).to_be_visible()
    expect(texto(page.get_by_role("group", name="Dignatario 3", exact=True), "Nombres")).to_have_value(
        "Persona 2"
    )
    en_ambos_anchos(page, revisar_accesibilidad, "dignatarios-errores")
