"""«¿Perdió su código?»: a new code by e-mail for any series, the same answer for every radicado, a limit."""

import re

import pytest
import time_machine
from django.urls import reverse

from civic.expedientes import codigos
from civic.models import Notificacion
from tests.apoyo import configurar_celery, verificada
from tests.pqrs.factories import SolicitudFactory, en_bogota
from tests.tramites import services
from tests.tramites.models import Evento

pytestmark = pytest.mark.django_db
URL = reverse("expedientes:recuperar")


@pytest.fixture(autouse=True)
def celery_en_proceso():
    with configurar_celery(task_always_eager=True):
        yield


def radicar(correo="ana@correo.test"):
    with time_machine.travel(en_bogota(2026, 4, 14, 9, 0), tick=False):
        return services.radicar(asunto="Licencia de andén", correo=correo)


def pedir(client, radicado):
    return client.post(URL, {"radicado": radicado}, follow=True)


def test_el_codigo_nuevo_sirve_y_el_anterior_no(client, django_capture_on_commit_callbacks, mailoutbox):
    tramite, codigo_viejo = radicar()

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(URL, {"radicado": tramite.radicado.lower()})

    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("expedientes:recuperar_enviado")
    assert len(mailoutbox) == 1
    correo = mailoutbox[0]
    assert correo.to == ["ana@correo.test"]
    assert tramite.radicado in correo.subject
    codigo_nuevo = re.search(r"Código de consulta: (\w{10})", correo.body).group(1)
    assert codigo_nuevo in correo.alternatives[0][0]
    assert verificada(tramite.radicado, codigo_nuevo) == tramite
    assert verificada(tramite.radicado, codigo_viejo) is None
    # The clear code lived only until its delivery.
    fila = Notificacion.objects.get(plantilla=codigos.PLANTILLA_CORREO)
    assert fila.estado == Notificacion.Estado.ENVIADA
    assert fila.contexto_reservado == {}
    assert codigo_nuevo not in str(fila.contexto)
    # Staff see the renewal on the expediente's trail, never the code; the citizen's timeline does not.
    evento = Evento.objects.get(tramite=tramite, tipo=codigos.TIPO_EVENTO)
    assert (evento.publico, evento.datos) == (False, {"medio": "correo"})
    assert codigo_nuevo not in str(evento.datos)

    consulta = client.post(
        reverse("expedientes:consultar"), {"radicado": tramite.radicado, "codigo": codigo_nuevo}
    )
    assert consulta.status_code == 302


def _sin_tokens(html: str) -> str:
    # Per-response tokens (CSRF, CSP nonces) differ between any two renders of the same page.
    return re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", html)


def test_la_misma_respuesta_exista_o_no_el_radicado_y_tenga_o_no_correo(client, settings, mailoutbox):
    settings.LIMITE_RECUPERAR = 10
    con_correo, _ = radicar()
    sin_correo, codigo_sin_correo = radicar(correo="")

    respuestas = [
        pedir(client, r) for r in (con_correo.radicado, sin_correo.radicado, "TRA-2026-999999", "XYZ")
    ]

    assert {r.redirect_chain[-1] for r in respuestas} == {(reverse("expedientes:recuperar_enviado"), 302)}
    cuerpos = {_sin_tokens(r.content.decode()) for r in respuestas}
    assert len(cuerpos) == 1
    cuerpo = cuerpos.pop()
    assert "Si el radicado existe y tiene un correo registrado, enviamos un código nuevo" in cuerpo
    # Without an e-mail: the ventanilla, with an ID document, where and when.
    assert "documento de identidad" in cuerpo
    assert settings.MUNICIPIO["direccion"] in cuerpo
    assert settings.MUNICIPIO["horario"] in cuerpo
    # Only the one with an e-mail changed; the other keeps its code.
    assert verificada(sin_correo.radicado, codigo_sin_correo) == sin_correo


def test_el_formulario_dice_que_falta_y_que_hacer_sin_correo(client, settings):
    pagina = client.get(URL)
    assert pagina.status_code == 200
    assert "documento de identidad" in pagina.content.decode()
    assert settings.MUNICIPIO["telefono"] in pagina.content.decode()

    vacio = client.post(URL, {"radicado": ""})
    assert vacio.status_code == 200
    assert "Escriba el número de radicado." in vacio.content.decode()

    consultar = client.get(reverse("expedientes:consultar")).content.decode()
    assert "¿Perdió su código?" in consultar
    assert f'href="{URL}"' in consultar


def test_el_limite_por_ip_se_cumple(client, settings, mailoutbox):
    settings.LIMITE_RECUPERAR = 2
    settings.LIMITE_RECUPERAR_SEGUNDOS = 3600
    tramite, _ = radicar()

    for _ in range(2):
        assert client.post(URL, {"radicado": tramite.radicado}).status_code == 302
    bloqueada = client.post(URL, {"radicado": tramite.radicado})

    assert bloqueada.status_code == 429
    assert bloqueada["Retry-After"] == "3600"
    texto = bloqueada.content.decode()
    assert "Se pidieron demasiados códigos nuevos" in texto
    assert settings.MUNICIPIO["telefono"] in texto
    # Another connection is not affected.
    otra = client.post(URL, {"radicado": tramite.radicado}, REMOTE_ADDR="10.0.0.9")
    assert otra.status_code == 302


def test_la_ventanilla_renueva_el_codigo_con_el_mismo_servicio():
    tramite, viejo = radicar(correo="")
    nuevo = codigos.renovar_codigo(tramite)
    assert verificada(tramite.radicado, nuevo) == tramite
    assert verificada(tramite.radicado, viejo) is None
    assert Evento.objects.get(tramite=tramite, tipo=codigos.TIPO_EVENTO).datos == {"medio": "ventanilla"}


def test_una_pqrs_recupera_su_codigo_aunque_su_historial_no_conozca_el_evento(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    # PQRS event types are a closed list: the renewal is logged, and the code still changes.
    solicitud = SolicitudFactory()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"radicado": solicitud.radicado})

    nuevo = re.search(r"Código de consulta: (\w{10})", mailoutbox[-1].body).group(1)
    assert verificada(solicitud.radicado, nuevo) == solicitud
    assert verificada(solicitud.radicado, solicitud.codigo_claro) is None
