"""The public pages kept in memory (civic.sitio.en_cache, civic.memo): the same page for everyone, tokens of
each visitor's own, and an edit of a catalogue or a publication shows at once."""

import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civic.expedientes.acuse import MARCA_TOKEN
from civic.models import Comuna
from civic.sitio.en_cache import MARCA_CSRF
from civic.sitio.secciones import paginas_publicas
from pqrs import services
from pqrs.models import CondicionPoblacional, Modalidad, Solicitud
from tests.civic.fabricas import ComunaFactory
from tests.pqrs.factories import FuncionarioFactory, anonima
from tests.pqrs.test_formularios import datos_validos

pytestmark = pytest.mark.django_db

RADICAR = reverse("pqrs:radicar")
PUBLICADAS = reverse("pqrs:respuestas_publicadas")


def _tokens(html: str) -> tuple[str, str]:
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    radicacion = re.search(r'name="token_radicacion" value="([^"]+)"', html)
    assert csrf and radicacion, "the filing form carries both tokens"
    return csrf.group(1), radicacion.group(1)


def test_cada_visita_recibe_sus_propios_tokens_y_ninguna_marca():
    primera, segunda = Client(), Client()
    html_1 = primera.get(RADICAR).content.decode()
    html_2 = segunda.get(RADICAR).content.decode()

    csrf_1, token_1 = _tokens(html_1)
    csrf_2, token_2 = _tokens(html_2)
    assert token_1 != token_2
    assert csrf_1 != csrf_2
    assert primera.cookies["csrftoken"].value != segunda.cookies["csrftoken"].value
    for html in (html_1, html_2):
        assert MARCA_CSRF not in html and MARCA_TOKEN not in html
    # Apart from the tokens, the same page.
    assert html_1.replace(csrf_1, "").replace(token_1, "") == html_2.replace(csrf_2, "").replace(token_2, "")


def test_el_formulario_guardado_radica_con_el_token_csrf_de_la_visita(client):
    visitante = Client(enforce_csrf_checks=True)
    Client().get(RADICAR)  # someone else filled the memory first
    csrf, token = _tokens(visitante.get(RADICAR).content.decode())

    respuesta = visitante.post(
        RADICAR, {**datos_validos(), "csrfmiddlewaretoken": csrf, "token_radicacion": token}
    )

    assert respuesta.status_code == HTTPStatus.FOUND, respuesta.content.decode()[:1000]
    assert Solicitud.objects.filter(token_radicacion=token).exists()


def test_el_formulario_en_memoria_no_consulta_la_base(client):
    client.get(RADICAR)
    client.get(RADICAR + "?tipo=denuncia")

    with CaptureQueriesContext(connection) as consultas:
        respuesta = Client().get(RADICAR + "?tipo=denuncia")

    assert respuesta.status_code == HTTPStatus.OK
    assert len(consultas) == 0
    (marcado,) = re.findall(
        r'<input type="radio" name="tipo" value="([^"]+)"[^>]* checked', respuesta.content.decode()
    )
    assert marcado == "denuncia"


def test_un_tipo_desconocido_en_la_url_no_llena_la_memoria(client):
    respuesta = client.get(RADICAR + "?tipo=no-existe")

    assert respuesta.status_code == HTTPStatus.OK
    assert re.search(r'name="tipo"[^>]* checked', respuesta.content.decode()) is None
    _tokens(respuesta.content.decode())


def test_editar_una_modalidad_se_ve_en_el_formulario(client):
    assert "Consulta ciudadana de prueba" not in client.get(RADICAR).content.decode()

    nueva = Modalidad.objects.create(
        codigo="consulta-prueba",
        nombre="Consulta ciudadana de prueba",
        explicacion="Una modalidad recién creada en la administración.",
        plazo_dias=15,
        fundamento="Ley 1755 de 2015",
        orden=99,
    )
    html = client.get(RADICAR).content.decode()
    assert "Consulta ciudadana de prueba" in html
    assert "Una modalidad recién creada en la administración." in html
    assert client.get(RADICAR + "?tipo=consulta-prueba").status_code == HTTPStatus.OK

    nueva.explicacion = "La explicación corregida."
    nueva.save()
    html = client.get(RADICAR).content.decode()
    assert "La explicación corregida." in html
    assert "Una modalidad recién creada en la administración." not in html

    nueva.activa = False
    nueva.save()
    assert "Consulta ciudadana de prueba" not in client.get(RADICAR).content.decode()


def test_editar_una_condicion_se_ve_en_el_formulario(client):
    client.get(RADICAR)
    condicion = CondicionPoblacional.objects.filter(activa=True).first()
    condicion.nombre = "Condición renombrada"
    condicion.save()

    assert "Condición renombrada" in client.get(RADICAR).content.decode()


def test_crear_o_borrar_una_comuna_se_ve_en_el_formulario(client):
    client.get(RADICAR)
    ComunaFactory(numero=99, nombre="Comuna de prueba noventa y nueve")

    assert "Comuna de prueba noventa y nueve" in client.get(RADICAR).content.decode()

    Comuna.objects.get(numero=99).delete()
    assert "Comuna de prueba noventa y nueve" not in client.get(RADICAR).content.decode()


def test_una_respuesta_publicada_aparece_al_momento(client):
    assert "No hay respuestas publicadas" in client.get(PUBLICADAS).content.decode()

    publicada = anonima(ahora=timezone.now())
    services.responder(solicitud=publicada, texto="Se reparó la luminaria.", actor=FuncionarioFactory())

    html = client.get(PUBLICADAS).content.decode()
    assert publicada.radicado in html and "Se reparó la luminaria." in html


def test_un_mensaje_pendiente_se_muestra_y_la_pagina_siguiente_no_lo_repite(client):
    consultar = reverse("expedientes:consultar")
    client.get(consultar)  # the page is in memory
    client.post(reverse("expedientes:salir"))

    con_mensaje = client.get(consultar)
    despues = client.get(consultar)

    assert "Cerró la consulta de su solicitud." in con_mensaje.content.decode()
    assert "Cerró la consulta de su solicitud." not in despues.content.decode()
    assert not list(get_messages(despues.wsgi_request))
    _csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', con_mensaje.content.decode())
    assert _csrf and MARCA_CSRF not in con_mensaje.content.decode()


def test_las_paginas_publicas_responden_a_cualquier_visitante(client):
    paginas = paginas_publicas()

    # The kernel's pages and each section's, as the side-by-side benchmark measures them.
    for nombre in ("sitio:inicio", "sitio:accesibilidad", "pqrs:radicar", "expedientes:consultar"):
        assert reverse(nombre) in paginas
    assert reverse("pqrs:respuestas_publicadas") in paginas
    assert reverse("expedientes:recuperar") in paginas
    for ruta in paginas:
        for _vez in range(2):  # rendered, then from memory
            respuesta = client.get(ruta)
            assert respuesta.status_code == HTTPStatus.OK, ruta
            assert MARCA_CSRF not in respuesta.content.decode()
