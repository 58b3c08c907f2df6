"""The staff pages of the Ley 1755 procedures in a real browser, at 1280 and 360 px, with axe: returning an
obscure petition (art. 19), deciding an appeal (CPACA art. 74) and the consolidated answer (art. 22).

Each page is photographed at both widths into the test's temporary folder (`--basetemp` to keep them).
"""

import pytest
from playwright.sync_api import expect

from pqrs import services
from pqrs.models import RespuestaConsolidada
from pqrs.roles import COORDINACION_PQRS
from pqrs.workflow import Estado
from tests.e2e.test_acciones_pqrs import CLAVE, en_cada_ancho, personal, sin_bloqueos_csp
from tests.pqrs.factories import DependenciaFactory, SolicitudFactory

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]


def test_devolver_y_decidir_una_reposicion(sesion_de_personal, revisar_accesibilidad, tmp_path):
    sinf = DependenciaFactory(nombre="Secretaría de Infraestructura", sigla="SINF")
    carmen = personal(COORDINACION_PQRS, dependencia=None, first_name="Carmen", last_name="Ríos")
    oscura = services.asignar(
        solicitud=SolicitudFactory(asunto="Lo de siempre"), dependencia=sinf, actor=carmen
    )
    rechazada = services.asignar(solicitud=SolicitudFactory(), dependencia=sinf, actor=carmen)
    services.rechazar(solicitud=rechazada, motivo="Lenguaje irrespetuoso.", actor=carmen)
    services.interponer_reposicion(solicitud=rechazada, texto="No quise ofender.")

    pagina = sesion_de_personal(carmen, CLAVE)
    # axe's own probes apply inline styles: the pages are checked for CSP refusals apart from its runs.
    pagina.goto(f"/admin/pqrs/solicitud/{oscura.pk}/accion/devolver_para_corregir/")
    en_cada_ancho(pagina, revisar_accesibilidad, tmp_path, "devolver")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    with sin_bloqueos_csp(pagina):
        pagina.reload()
        pagina.get_by_label("Qué no se comprende y qué debe aclarar").fill("¿Qué calle y qué daño?")
        pagina.get_by_role("button", name="Devolver al peticionario").click()
        expect(pagina.get_by_text("Devuelta al peticionario para corregir").first).to_be_visible()
        pagina.goto(f"/admin/pqrs/solicitud/{rechazada.pk}/change/")
        pagina.get_by_role("link", name="Confirmar la decisión recurrida").click()
    en_cada_ancho(pagina, revisar_accesibilidad, tmp_path, "confirmar")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    with sin_bloqueos_csp(pagina):
        pagina.reload()
        pagina.get_by_label("Motivación").fill("El lenguaje sí era irrespetuoso.")
        pagina.get_by_role("button", name="Confirmar").click()
        expect(pagina.get_by_text("Se registró «Confirmar la decisión recurrida»")).to_be_visible()
    oscura.refresh_from_db()
    rechazada.refresh_from_db()
    assert (oscura.estado, rechazada.reposicion_pendiente) == (Estado.POR_CORREGIR, False)


def test_respuesta_consolidada(sesion_de_personal, revisar_accesibilidad, tmp_path):
    sinf = DependenciaFactory(nombre="Secretaría de Infraestructura", sigla="SINF")
    carmen = personal(COORDINACION_PQRS, dependencia=None, first_name="Carmen", last_name="Ríos")
    solicitudes = [
        services.asignar(
            solicitud=SolicitudFactory(asunto=f"Luminarias de la calle 5, tramo {n}"),
            dependencia=sinf,
            actor=carmen,
        )
        for n in range(11)
    ]
    pagina = sesion_de_personal(carmen, CLAVE)
    pagina.goto("/admin/pqrs/respuestaconsolidada/add/?q=Luminarias")
    en_cada_ancho(pagina, revisar_accesibilidad, tmp_path, "consolidada")
    pagina.set_viewport_size({"width": 1280, "height": 900})
    with sin_bloqueos_csp(pagina):
        pagina.reload()
        for solicitud in solicitudes:
            pagina.get_by_label(f"{solicitud.radicado} — {solicitud.asunto}").check()
        pagina.get_by_label("Objeto común").fill("Luminarias de la calle 5")
        pagina.get_by_label("Respuesta").fill("Las luminarias se reparan el 30 de abril.")
        pagina.get_by_role("button", name="Responder todas").click()
        expect(pagina.get_by_text("Se respondieron 11 solicitudes")).to_be_visible()
    en_cada_ancho(pagina, revisar_accesibilidad, tmp_path, "consolidada-hecha")
    assert RespuestaConsolidada.objects.get().solicitudes.count() == 11
