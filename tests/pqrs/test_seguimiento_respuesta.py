"""The tracking page leads with what matters: the answer, the art. 17 request above its form, the acuse."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pqrs import services
from tests.pqrs import archivos
from tests.pqrs.factories import FuncionarioFactory
from tests.pqrs.test_vistas_publicas import _eventos_publicos_con_adjunto, hoy_solicitud, verificar

pytestmark = pytest.mark.django_db
SEGUIMIENTO = reverse("pqrs:seguimiento")
ACUSE_PDF = reverse("pqrs:seguimiento_acuse_pdf")


@pytest.fixture(autouse=True)
def adjuntos_en_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def funcionario():
    return FuncionarioFactory(first_name="Rosa", last_name="Quintero")


def _respondida(funcionario, **kwargs):
    solicitud = hoy_solicitud(**kwargs)
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.responder(
        solicitud=solicitud,
        texto="Reparamos la luminaria de la carrera 5.",
        archivos=[archivos.pdf("oficio-respuesta.pdf")],
        actor=funcionario,
    )
    return solicitud


def test_la_respuesta_encabeza_la_pagina_con_fecha_dependencia_firmante_y_adjuntos(client, funcionario):
    solicitud = _respondida(funcionario)
    verificar(client, solicitud)

    html = client.get(SEGUIMIENTO).content.decode()

    caja = html.split('id="respuesta"', 1)[1].split("</section>", 1)[0]
    assert "Respuesta a su solicitud" in caja
    assert "Reparamos la luminaria de la carrera 5." in caja
    assert funcionario.dependencia.nombre in caja
    assert "Rosa Quintero" in caja
    assert "oficio-respuesta.pdf" in caja
    assert reverse("pqrs:adjunto", args=[solicitud.adjuntos.get().pk]) in caja
    # Above the state and the timeline: the first thing read after the heading.
    assert (
        html.index('id="respuesta"') < html.index('id="titulo-estado"') < html.index('id="titulo-historial"')
    )


def test_sin_respuesta_no_hay_caja_de_respuesta(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    assert 'id="respuesta"' not in client.get(SEGUIMIENTO).content.decode()


def test_lo_que_se_pidio_aparece_encima_del_formulario_para_responderlo(client, funcionario):
    solicitud = hoy_solicitud()
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.solicitar_informacion(
        solicitud=solicitud,
        requerimiento="Envíe una foto del poste y la dirección exacta.",
        actor=funcionario,
    )
    verificar(client, solicitud)

    html = client.get(SEGUIMIENTO).content.decode()

    seccion = html.split('id="titulo-aportar"', 1)[1].split("</section>", 1)[0]
    assert "Envíe una foto del poste y la dirección exacta." in seccion
    assert seccion.index('id="texto-requerimiento"') < seccion.index('action="' + reverse("pqrs:aportar"))


def test_el_acuse_en_pdf_se_descarga_desde_el_seguimiento(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)

    assert f'href="{ACUSE_PDF}"' in client.get(SEGUIMIENTO).content.decode()
    descarga = client.get(ACUSE_PDF)

    assert descarga.status_code == HTTPStatus.OK
    assert descarga["Content-Type"] == "application/pdf"
    assert descarga.content.startswith(b"%PDF")
    assert f'filename="acuse-{solicitud.radicado}.pdf"' in descarga["Content-Disposition"]
    assert solicitud.codigo_claro.encode() not in descarga.content


def test_el_acuse_en_pdf_exige_la_consulta_verificada(client):
    solicitud = hoy_solicitud()
    sin_consulta = Client().get(ACUSE_PDF)
    assert sin_consulta.status_code == HTTPStatus.FOUND
    assert sin_consulta["Location"] == reverse("expedientes:consultar")

    verificar(client, solicitud)
    client.post(reverse("expedientes:salir"))
    assert client.get(ACUSE_PDF)["Location"] == reverse("expedientes:consultar")


def test_las_consultas_no_crecen_con_los_eventos_de_una_solicitud_respondida(
    client, funcionario, django_assert_max_num_queries
):
    solicitud = _respondida(funcionario)
    _eventos_publicos_con_adjunto(solicitud, 0, 1)
    verificar(client, solicitud)
    client.get(SEGUIMIENTO)  # warm the business-day calendar

    with CaptureQueriesContext(connection) as con_uno:
        assert client.get(SEGUIMIENTO).status_code == HTTPStatus.OK
    _eventos_publicos_con_adjunto(solicitud, 1, 10)

    with django_assert_max_num_queries(len(con_uno)):
        respuesta = client.get(SEGUIMIENTO)

    html = respuesta.content.decode()
    assert "Evento público 9" in html and "a9.pdf" in html
    assert "Rosa Quintero" in html
