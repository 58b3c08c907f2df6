"""The citizen's side of the Ley 1755 procedures in Chromium: correcting a returned petition (art. 19) and
adding a forgotten document, with the errors shown first; and every new state of the tracking page
(traslado, silence, insistence, appeal, answer by reference) at 1280 and 360 px with axe."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pqrs import services
from pqrs.models import MateriaReservada, SentidoRespuesta, Solicitud, TipoEvento
from pqrs.workflow import Estado
from tests.e2e.test_acciones_pqrs import en_cada_ancho, sin_bloqueos_csp
from tests.e2e.test_pqrs_ciudadano import archivo_pdf
from tests.pqrs.factories import FuncionarioFactory, entidad, modalidad, tribunal
from tests.pqrs.test_vistas_publicas import hoy_solicitud, limpiar_limites

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

QUE_CORREGIR = "No se entiende qué pide: indique qué calle y qué arreglo solicita."


@pytest.fixture(autouse=True)
def entorno(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    limpiar_limites()
    yield
    limpiar_limites()


@pytest.fixture
def funcionario():
    return FuncionarioFactory()


def consultar(page, solicitud: Solicitud) -> None:
    page.goto("/consultar/")
    page.get_by_label("Número de radicado").fill(solicitud.radicado)
    page.get_by_label("Código de consulta").fill(solicitud.codigo_claro)
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(solicitud.radicado)


def test_el_ciudadano_corrige_una_peticion_devuelta(page, revisar_accesibilidad, funcionario, tmp_path):
    solicitud = hoy_solicitud()
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.devolver_para_corregir(solicitud=solicitud, que_corregir=QUE_CORREGIR, actor=funcionario)
    consultar(page, solicitud)

    caja = page.get_by_role("region", name="La Alcaldía le pidió aclarar su petición")
    expect(caja.locator("#texto-devolucion")).to_have_text(QUE_CORREGIR)
    expect(caja.locator("#plazo-corregir")).to_contain_text("Tiene hasta el")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento-por-corregir")

    # Sent empty: the error is announced and tied to its field.
    with sin_bloqueos_csp(page):
        page.set_viewport_size({"width": 1280, "height": 900})
        caja.get_by_role("button", name="Enviar la corrección").click()
    expect(page.get_by_role("alert").filter(has_text="Revise lo siguiente")).to_be_visible()
    campo = page.get_by_role("textbox", name=re.compile("^Su petición corregida"))
    expect(campo).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_title(re.compile("^Error:"))
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento-por-corregir-error")

    campo.fill("Pido arreglar el hueco de la calle 5 con carrera 10.")
    page.get_by_label("Documentos (opcional)").set_input_files(archivo_pdf("foto-hueco.pdf"))
    page.get_by_role("button", name="Enviar la corrección").click()

    expect(page.get_by_role("status").filter(has_text="Recibimos su corrección")).to_be_visible()
    expect(page.locator("#estado-solicitud")).to_have_text("En trámite")
    historial = page.get_by_role("region", name="Historial")
    expect(historial).to_contain_text("Pido arreglar el hueco de la calle 5 con carrera 10.")
    expect(historial.get_by_role("link", name=re.compile("foto-hueco.pdf"))).to_be_visible()
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento-corregida")
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA


def test_el_ciudadano_agrega_un_documento_olvidado(page, revisar_accesibilidad, tmp_path):
    solicitud = hoy_solicitud()
    consultar(page, solicitud)

    caja = page.get_by_role("region", name="¿Olvidó adjuntar un documento?")
    expect(caja).to_contain_text("La fecha límite para responderle no cambia")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento-documento")

    # Without the file: the service's refusal sits next to the field, the note is kept.
    page.set_viewport_size({"width": 1280, "height": 900})
    caja.get_by_label("Nota (opcional)").fill("Es el certificado de tradición.")
    caja.get_by_role("button", name="Agregar el documento").click()
    expect(page.locator("#id_adjuntos_error")).to_contain_text("Adjunte el documento.")
    expect(page.get_by_label("Nota (opcional)")).to_have_value("Es el certificado de tradición.")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento-documento-error")

    page.get_by_label(re.compile("^Documento")).set_input_files(archivo_pdf("certificado.pdf"))
    page.get_by_role("button", name="Agregar el documento").click()

    expect(page.get_by_role("status").filter(has_text="Agregamos su documento")).to_be_visible()
    expect(
        page.get_by_role("region", name="Historial").get_by_role("link", name=re.compile("certificado.pdf"))
    )
    assert solicitud.eventos.filter(tipo=TipoEvento.DOCUMENTO_APORTADO).count() == 1


def _trasladada(funcionario):
    solicitud = hoy_solicitud()
    destino = entidad("Superintendencia de Servicios Públicos", direccion="Carrera 18 # 84-35, Bogotá")
    services.trasladar(
        solicitud=solicitud, entidad=destino, oficio="Remitimos por competencia.", actor=funcionario
    )
    return solicitud


def _silencio(funcionario):
    solicitud = hoy_solicitud(modalidad=modalidad("peticion-documentos"))
    services.declarar_silencio_positivo(
        solicitud=solicitud, hoy=solicitud.fecha_vencimiento + timedelta(days=1)
    )
    return solicitud


def _negada(funcionario):
    solicitud = hoy_solicitud(modalidad=modalidad("acceso-informacion-publica"))
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.responder(
        solicitud=solicitud,
        texto="La información pedida es reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.get(nombre="Seguridad pública"),
        actor=funcionario,
    )
    # The e-mail's delivery is its notification (CPACA art. 56): the insistence's 10 days are running.
    solicitud.refresh_from_db()
    assert solicitud.notificada_en is not None
    return solicitud


def _en_insistencia(funcionario):
    return services.insistir(solicitud=_negada(funcionario), texto="La información es pública.")


def _insistencia_remitida(funcionario):
    return services.remitir_insistencia(
        solicitud=_en_insistencia(funcionario),
        juez=tribunal(),
        oficio="Remitimos la insistencia.",
        actor=funcionario,
    )


def _archivada(funcionario):
    solicitud = hoy_solicitud()
    return services.archivar(solicitud=solicitud, motivo="La petición no tiene objeto.", actor=funcionario)


def _reposicion_pendiente(funcionario):
    return services.interponer_reposicion(solicitud=_archivada(funcionario), texto="Sí tiene objeto.")


def _referida(funcionario):
    # Art. 19: the same petitioner repeats a petition already answered.
    anterior = hoy_solicitud(numero_documento="29111222")
    services.responder(
        solicitud=anterior, texto="El alumbrado de la calle 5 se repara en mayo.", actor=funcionario
    )
    repetida = hoy_solicitud(numero_documento="29111222")
    services.responder(
        solicitud=repetida, texto="Le reiteramos la respuesta anterior.", remite_a=anterior, actor=funcionario
    )
    return repetida


ESTADOS = {
    "trasladada": (_trasladada, "Superintendencia de Servicios Públicos"),
    "silencio": (_silencio, "Su solicitud se entiende aceptada (art. 14)"),
    "insistir": (_negada, "Puede insistir hasta el"),
    "en-insistencia": (_en_insistencia, "Su insistencia está en trámite"),
    "insistencia-remitida": (_insistencia_remitida, "Su insistencia se envió al"),
    "reponer": (_archivada, "Presente un recurso de reposición"),
    "reposicion-pendiente": (_reposicion_pendiente, "Su recurso de reposición se está decidiendo"),
    "referida": (_referida, "El alumbrado de la calle 5 se repara en mayo."),
}


@pytest.mark.parametrize("nombre", ESTADOS)
def test_cada_estado_nuevo_a_1280_y_360(page, revisar_accesibilidad, funcionario, tmp_path, nombre):
    preparar, se_lee = ESTADOS[nombre]
    solicitud = preparar(funcionario)
    consultar(page, solicitud)

    expect(page.get_by_text(se_lee).first).to_be_visible()
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, f"seguimiento-{nombre}")
