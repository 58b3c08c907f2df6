"""The PQRS acceptance journey in Chromium, with an axe check on every public page.

The citizen files, tracks, completes and rates in one browser context; staff assign, ask for information
and answer through the Django admin, each logged in at /admin/login/ in a context of their own.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from civic.roles import FUNCIONARIO
from pqrs import services
from pqrs.models import Adjunto, Calificacion, Evento, Solicitud, TipoEvento
from pqrs.roles import COORDINACION_PQRS
from pqrs.workflow import Estado
from tests.pqrs import archivos
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, anonima
from tests.pqrs.test_vistas_publicas import limpiar_limites

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

MOVIL = {"width": 360, "height": 740}
CLAVE = "Clave-de-prueba-2026"


def archivo_pdf(nombre: str) -> dict:
    return {"name": nombre, "mimeType": "application/pdf", "buffer": archivos.pdf_bytes()}


@pytest.fixture(autouse=True)
def entorno(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    limpiar_limites()
    yield
    limpiar_limites()


def texto(page, nombre: str):
    # Labels carry "(obligatorio)"; the modality explanations also contain words like "asunto".
    return page.get_by_role("textbox", name=re.compile(f"^{nombre}"))


def llenar_formulario(page) -> None:
    page.get_by_role("radio", name=re.compile(r"^Queja")).check()
    page.get_by_role("combobox", name="Tipo de documento").select_option("CC")
    texto(page, "Número de documento").fill("1144000001")
    texto(page, "Nombres").fill("Luz Marina")
    texto(page, "Apellidos").fill("Rentería Caicedo")
    texto(page, "Correo electrónico").fill("luz@correo.test")
    texto(page, "Dirección").fill("Calle 5 # 10-20")
    page.get_by_role("group", name=re.compile("recibir la respuesta")).get_by_label(
        "Correo electrónico"
    ).check()
    texto(page, "Asunto").fill("Luminaria dañada en la calle 5")
    texto(page, "Descripción").fill("La luminaria frente al número 10-20 lleva dos semanas apagada.")
    page.get_by_label("Archivos adjuntos").set_input_files(archivo_pdf("foto-poste.pdf"))
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()


def personal(rol: str, **campos):
    """A staff member in a role group, with the permissions its app declared (`civic.roles`), and a password.

    The groups are there even after a flush: `civic.semillas` plants them again on post_migrate.
    """
    usuario = FuncionarioFactory(**campos)
    usuario.groups.add(Group.objects.get(name=rol))
    usuario.set_password(CLAVE)
    usuario.save(update_fields=["password"])
    return usuario


def abrir_en_admin(admin, radicado: str) -> None:
    """From the changelist, search by radicado and open the request's page."""
    admin.goto("/admin/pqrs/solicitud/")
    admin.get_by_role("textbox", name="Buscar").fill(radicado)
    admin.get_by_role("button", name="Buscar").click()
    admin.get_by_role("link", name=radicado, exact=True).click()
    expect(acciones_del_tramite(admin)).to_be_visible()


def acciones_del_tramite(admin):
    return admin.get_by_role("region", name="Acciones del trámite")


def registrado(admin, accion: str, radicado: str) -> None:
    """The admin came back to the request with its success message."""
    expect(admin.locator(".messagelist .success")).to_have_text(
        f"Se registró «{accion}» en la solicitud {radicado}."
    )


def test_recorrido_del_ciudadano_de_radicar_a_calificar(page, revisar_accesibilidad, sesion_de_personal):
    # Home → filing form.
    page.goto("/")
    page.get_by_role("navigation", name="Menú principal").get_by_role("link", name="Radicar PQRS").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Radicar una petición")
    revisar_accesibilidad(page)

    # Sent empty: errors announced and tied to their fields.
    page.get_by_role("button", name="Radicar solicitud").click()
    expect(page.get_by_role("alert").filter(has_text="Revise lo siguiente")).to_be_visible()
    expect(texto(page, "Asunto")).to_have_attribute("aria-invalid", "true")
    revisar_accesibilidad(page)

    # The form keeps what is typed; the file is chosen again just before sending.
    llenar_formulario(page)
    expect(page.locator("#id_descripcion_contador")).to_contain_text("de 5.000 caracteres")
    page.get_by_role("button", name="Radicar solicitud").click()

    # Acknowledgement: radicado and the code, shown once.
    expect(page.get_by_role("heading", level=1)).to_have_text("Su solicitud fue radicada")
    radicado = page.locator(".datos-acuse .radicado").inner_text()
    codigo = page.locator("#codigo-consulta").inner_text()
    assert re.fullmatch(r"PQRS-\d{4}-\d{6}", radicado)
    assert len(codigo) == 10
    expect(page.get_by_role("link", name="Descargar acuse de recibo (PDF)")).to_be_visible()
    revisar_accesibilidad(page)

    # Tracking.
    page.get_by_role("link", name="Consultar solicitud").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultar el estado de mi solicitud")
    revisar_accesibilidad(page)
    texto(page, "Número de radicado").fill(radicado)
    texto(page, "Código de consulta").fill(codigo.lower())
    page.get_by_role("button", name="Consultar").click()
    expect(page.locator("#estado-solicitud")).to_have_text("Radicada")
    expect(page.get_by_role("link", name=re.compile("foto-poste.pdf"))).to_be_visible()
    revisar_accesibilidad(page)

    # Coordinación PQRS assigns it to a dependencia and a funcionario there, in the admin.
    solicitud = Solicitud.objects.get(radicado=radicado)
    dependencia = DependenciaFactory(nombre="Secretaría de Infraestructura", sigla="SINF")
    funcionario = personal(FUNCIONARIO, dependencia=dependencia, first_name="Ana", last_name="Gómez")
    coordinadora = personal(COORDINACION_PQRS, dependencia=None, first_name="Carmen", last_name="Ríos")

    admin = sesion_de_personal(coordinadora, CLAVE)
    abrir_en_admin(admin, radicado)
    expect(acciones_del_tramite(admin)).to_contain_text("Estado actual: Radicada")
    acciones_del_tramite(admin).get_by_role("link", name="Asignar o reasignar").click()
    # Choosing the dependencia reloads the responsable list (htmx): pick from the new list, once it is in.
    with admin.expect_response(lambda r: "/responsables/" in r.url):
        admin.get_by_label("Dependencia").select_option(label=str(dependencia))
    expect(admin.get_by_label("Responsable")).to_be_enabled()
    admin.get_by_label("Responsable").select_option(label="Ana Gómez — SINF")
    admin.get_by_label("Nota interna").fill("Alumbrado público: le corresponde a Infraestructura.")
    admin.get_by_role("button", name="Asignar").click()
    registrado(admin, "Asignar o reasignar", radicado)
    expect(acciones_del_tramite(admin)).to_contain_text("Estado actual: En trámite")

    # The funcionario, in a session of their own, finds it in their dependencia's list and asks the
    # petitioner for more information (Ley 1755/2015 art. 17).
    tramite = sesion_de_personal(funcionario, CLAVE)
    abrir_en_admin(tramite, radicado)
    expect(acciones_del_tramite(tramite)).to_contain_text("Estado actual: En trámite")
    acciones_del_tramite(tramite).get_by_role("link", name="Solicitar información al peticionario").click()
    tramite.get_by_label("Información que falta").fill("Indique el número del poste.")
    tramite.get_by_role("button", name="Enviar requerimiento").click()
    registrado(tramite, "Solicitar información al peticionario", radicado)
    expect(acciones_del_tramite(tramite)).to_contain_text(
        "Estado actual: En espera de información del peticionario"
    )

    page.reload()
    expect(page.locator("#estado-solicitud")).to_have_text("En espera de información del peticionario")
    # What was asked sits above the form that answers it (and stays in the timeline).
    expect(page.locator("#texto-requerimiento")).to_have_text("Indique el número del poste.")
    revisar_accesibilidad(page)
    texto(page, "Información que aporta").fill("Es el poste 4471.")
    page.get_by_label("Documentos").set_input_files(archivo_pdf("poste-4471.pdf"))
    page.get_by_role("button", name="Enviar información").click()
    expect(page.get_by_role("status").filter(has_text="Recibimos su información")).to_be_visible()
    expect(page.locator("#estado-solicitud")).to_have_text("En trámite")

    # The funcionario sees what the citizen sent and answers, with a document.
    tramite.reload()
    expect(acciones_del_tramite(tramite)).to_contain_text("Estado actual: En trámite")
    linea = tramite.get_by_role("region", name="Línea de tiempo")
    expect(linea).to_contain_text("Información recibida del peticionario")
    expect(linea).to_contain_text("Es el poste 4471.")
    expect(linea.get_by_role("link", name="poste-4471.pdf")).to_be_visible()
    acciones_del_tramite(tramite).get_by_role("link", name="Responder").click()
    tramite.get_by_label(re.compile(r"^Respuesta\b")).fill("Cambiamos la luminaria del poste 4471.")
    tramite.get_by_label("Sentido").select_option(label="Se accede a lo pedido")
    tramite.get_by_label("Documentos de la respuesta").set_input_files(archivo_pdf("orden-trabajo-4471.pdf"))
    tramite.get_by_role("button", name="Responder").click()
    registrado(tramite, "Responder", radicado)
    # The answer went by e-mail, and its delivery is the notification (CPACA art. 56): the request closes
    # without anyone recording it.
    tramite.reload()
    expect(acciones_del_tramite(tramite)).to_contain_text("Estado actual: Cerrada")
    expect(tramite.get_by_role("region", name="Línea de tiempo")).to_contain_text("Notificación registrada")

    # The citizen reads the answer and its document, and rates the service, once.
    page.reload()
    expect(page.locator("#estado-solicitud")).to_have_text("Cerrada")
    # The answer is the headline, with its document (both also stay in the timeline).
    respuesta = page.get_by_role("region", name="Respuesta a su solicitud")
    expect(respuesta.get_by_text("Cambiamos la luminaria del poste 4471.")).to_be_visible()
    documento = respuesta.get_by_role("link", name=re.compile("orden-trabajo-4471.pdf"))
    expect(documento).to_be_visible()
    descarga = page.request.get(documento.get_attribute("href"))
    assert descarga.ok
    assert descarga.body() == archivos.pdf_bytes()
    revisar_accesibilidad(page)
    encuesta = page.get_by_role("group", name=re.compile("satisfecho está"))
    encuesta.get_by_label("4 – Satisfecho").check()
    texto(page, "Comentario").fill("Rápido y claro.")
    page.get_by_role("button", name="Enviar calificación").click()
    expect(page.get_by_text("Gracias por calificar la atención recibida.")).to_be_visible()
    expect(page.get_by_role("button", name="Enviar calificación")).to_have_count(0)
    assert Calificacion.objects.get(solicitud=solicitud).puntaje == 4
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.CERRADA
    assert (solicitud.dependencia, solicitud.responsable) == (dependencia, funcionario)
    eventos = Evento.objects.filter(solicitud=solicitud).order_by("momento", "id")
    assert [(e.tipo, e.actor) for e in eventos] == [
        (TipoEvento.RADICADA, None),
        (TipoEvento.ASIGNADA, coordinadora),
        (TipoEvento.REQUERIMIENTO_INFORMACION, funcionario),
        (TipoEvento.INFORMACION_RECIBIDA, None),
        (TipoEvento.RESPONDIDA, funcionario),
        (TipoEvento.NOTIFICADA, None),
        (TipoEvento.CALIFICADA, None),
    ]
    respuesta = Adjunto.objects.get(solicitud=solicitud, nombre_original="orden-trabajo-4471.pdf")
    assert respuesta.publico and respuesta.evento.tipo == TipoEvento.RESPONDIDA

    # Published answers (CPACA art. 69).
    publicada = anonima()
    services.responder(solicitud=publicada, texto="Se abrió la investigación.", actor=funcionario)
    page.goto("/pqrs/respuestas-publicadas/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Respuestas publicadas")
    revisar_accesibilidad(page)


def test_formulario_en_movil_sin_desplazamiento_horizontal(page, revisar_accesibilidad):
    page.set_viewport_size(MOVIL)
    page.goto("/pqrs/radicar/?tipo=denuncia")

    expect(page.get_by_role("radio", name=re.compile(r"^Denuncia"))).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= MOVIL["width"]
    page.get_by_role("button", name="Radicar solicitud").click()
    expect(page.get_by_role("alert").filter(has_text="Revise lo siguiente")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= MOVIL["width"]
    revisar_accesibilidad(page)


def test_el_resumen_de_errores_lleva_al_campo_con_el_teclado(page):
    page.goto("/pqrs/radicar/")
    page.get_by_role("button", name="Radicar solicitud").click()

    enlace = page.get_by_role("alert").get_by_role("link", name="Asunto")
    enlace.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#id_asunto$"))
