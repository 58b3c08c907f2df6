"""A form sent without a valid security token: a Spanish page that says what happened and the way back."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from pqrs.models import Solicitud
from tests.pqrs.test_formularios import datos_validos

pytestmark = pytest.mark.django_db

RADICAR = reverse("pqrs:radicar")
ORIGEN = "http://testserver"
DESCRIPCION = "La luminaria frente al número 10-20 lleva dos semanas apagada y la calle queda oscura."


@pytest.fixture
def navegador():
    return Client(enforce_csrf_checks=True)


def test_sin_cookie_explica_las_cookies_y_conserva_lo_escrito(navegador):
    respuesta = navegador.post(
        RADICAR,
        datos_validos(descripcion=DESCRIPCION),
        headers={"Origin": ORIGEN, "Referer": f"{ORIGEN}{RADICAR}?tipo=queja"},
    )

    html = respuesta.content.decode()
    assert respuesta.status_code == HTTPStatus.FORBIDDEN
    assert "No pudimos recibir el formulario" in html
    assert "tenga bloqueadas las cookies" in html
    assert "No se guardó ni se envió nada" in html
    assert f'href="{RADICAR}?tipo=queja"' in html  # back to the form, reloaded with a new token
    assert (
        f'<textarea class="form-control" id="texto-escrito" rows="6" readonly>{DESCRIPCION}</textarea>'
        in html
    )
    assert "Luz Marina" not in html  # short fields are quick to retype: only long texts come back
    assert "ventanilla de atención" in html
    assert "no-store" in respuesta["Cache-Control"] or "max-age=0" in respuesta["Cache-Control"]
    assert Solicitud.objects.count() == 0


def test_formulario_vencido_dice_que_vencio(navegador):
    navegador.get(RADICAR)  # sets the cookie
    assert "csrftoken" in navegador.cookies

    respuesta = navegador.post(
        RADICAR,
        {**datos_validos(descripcion=DESCRIPCION), "csrfmiddlewaretoken": "x" * 32},
        headers={"Origin": ORIGEN, "Referer": f"{ORIGEN}{RADICAR}"},
    )

    html = respuesta.content.decode()
    assert respuesta.status_code == HTTPStatus.FORBIDDEN
    assert "cada formulario lleva un código que vence" in html
    assert "cookies" not in html
    assert DESCRIPCION in html
    assert "x" * 32 not in html  # the technical fields never come back
    assert Solicitud.objects.count() == 0


def test_desde_otro_sitio_no_muestra_lo_enviado(navegador):
    respuesta = navegador.post(
        RADICAR,
        datos_validos(descripcion=DESCRIPCION),
        headers={"Origin": "https://sitio-ajeno.example", "Referer": "https://sitio-ajeno.example/form"},
    )

    html = respuesta.content.decode()
    assert respuesta.status_code == HTTPStatus.FORBIDDEN
    assert "no se envió desde una página de este portal" in html
    assert DESCRIPCION not in html  # another site must not make the portal display its text
    assert "sitio-ajeno" not in html
    assert "Volver al formulario" not in html
    assert f'href="{reverse("sitio:inicio")}"' in html  # never a dead end
    assert Solicitud.objects.count() == 0


def test_la_pagina_de_ingreso_del_personal_tambien(navegador):
    respuesta = navegador.post(reverse("admin:login"), {"username": "alguien", "password": "x"})

    assert respuesta.status_code == HTTPStatus.FORBIDDEN
    assert "No pudimos recibir el formulario" in respuesta.content.decode()
