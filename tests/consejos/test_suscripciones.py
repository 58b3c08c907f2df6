"""Subscriptions through the web: the form with the Ley 1581 consent, double opt-in (a GET never confirms),
the same answer whether the address was known, one-click unsubscribe (RFC 8058), the per-IP limit."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from civic.models import Notificacion
from civic.sitio.politica import POLITICA_DATOS_VERSION
from consejos.models import Suscripcion
from consejos.services import actas
from consejos.views.suscripciones import limite_suscribir
from tests.civic.fabricas import ComunaFactory

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db

URL = reverse("consejos:suscribir")
CONFIRMAR = "consejos/emails/confirmar"


@pytest.fixture
def comuna5():
    return ComunaFactory(numero=5, nombre="Comuna 5")


@pytest.fixture
def instancia(comuna5):
    return InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5", comuna=comuna5)


def _pedir(client, comuna, correo="lider.comuna5@correo.test", **meta):
    return client.post(URL, {"correo": correo, "seguir": f"c{comuna.pk}", "autorizacion": "on"}, **meta)


def _llave_del_correo(correo: str) -> str:
    aviso = Notificacion.objects.filter(plantilla=CONFIRMAR, destinatario=correo).latest("id")
    return aviso.contexto["url"].rstrip("/").rsplit("/", 1)[1]


def test_el_formulario_viene_con_la_comuna_elegida_y_el_aviso_de_privacidad(client, comuna5, instancia):
    respuesta = client.get(URL, {"comuna": comuna5.pk})
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert f'<option value="c{comuna5.pk}" selected>' in html
    assert reverse("sitio:privacidad") in html and POLITICA_DATOS_VERSION in html

    html = client.get(URL, {"instancia": instancia.pk}).content.decode()
    assert f'<option value="i{instancia.pk}" selected>' in html
    assert client.get(URL, {"comuna": "x"}).status_code == 200  # a bad preset is only ignored


def test_sin_autorizacion_ni_correo_valido_dice_que_falta_y_conserva_lo_escrito(client, comuna5):
    respuesta = client.post(URL, {"correo": "lider@", "seguir": f"c{comuna5.pk}"})
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Escriba un correo electrónico válido" in html
    assert "necesitamos su autorización" in html
    assert 'value="lider@"' in html and f'<option value="c{comuna5.pk}" selected>' in html
    assert not Suscripcion.objects.exists() and not Notificacion.objects.exists()


def test_doble_confirmacion_el_get_no_confirma_y_luego_llegan_las_actas(
    client, comuna5, instancia, mailoutbox, django_capture_on_commit_callbacks
):
    respuesta = _pedir(client, comuna5, correo="Lider.Comuna5@Correo.test")
    assert respuesta.status_code == 302 and respuesta["Location"] == reverse("consejos:suscripcion_enviada")
    suscripcion = Suscripcion.objects.get()
    assert suscripcion.correo == "lider.comuna5@correo.test" and suscripcion.comuna == comuna5
    # Ley 1581: which notice was authorized, and when.
    assert suscripcion.autorizacion_datos_version == POLITICA_DATOS_VERSION
    assert abs((timezone.now() - suscripcion.autorizacion_datos_en).total_seconds()) < 60
    assert list(Notificacion.objects.values_list("plantilla", flat=True)) == [CONFIRMAR]

    actor = secretaria()
    _, acta = sesion_realizada(instancia, actor)
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    assert list(Notificacion.objects.values_list("plantilla", flat=True)) == [CONFIRMAR]  # not yet confirmed

    llave = _llave_del_correo("lider.comuna5@correo.test")
    url = reverse("consejos:confirmar", args=[llave])
    # A mail scanner opens the link: the page shows a button, nothing is confirmed.
    pagina = client.get(url)
    assert pagina.status_code == 200 and "Confirmar la suscripción" in pagina.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.confirmada_en is None

    confirmada = client.post(url, follow=True)
    assert confirmada.redirect_chain == [(url, 302)]
    assert "Suscripción confirmada" in confirmada.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.confirmada_en is not None

    actas.corregir(acta=acta, motivo="Faltó un asistente.", actor=actor)
    actas.aprobar(acta=acta, actor=actor)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actas.publicar(acta=acta, actor=actor)
    [mensaje] = mailoutbox
    assert mensaje.to == ["lider.comuna5@correo.test"]
    url_baja = mensaje.extra_headers["List-Unsubscribe"].strip("<>")
    assert url_baja.endswith(reverse("consejos:baja", args=[llave]))
    assert mensaje.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_la_misma_pagina_si_el_correo_ya_estaba_suscrito(client, comuna5):
    primera = _pedir(client, comuna5)
    Suscripcion.objects.update(confirmada_en=timezone.now())
    segunda = _pedir(client, comuna5)
    assert primera["Location"] == segunda["Location"] == reverse("consejos:suscripcion_enviada")
    assert Suscripcion.objects.count() == 1
    assert Notificacion.objects.filter(plantilla=CONFIRMAR).count() == 1  # confirmed: nothing re-sent
    enviada = client.get(segunda["Location"])
    assert "Revise su correo" in enviada.content.decode()
    assert "lider.comuna5" not in enviada.content.decode()


def test_baja_en_un_clic_desde_el_proveedor_de_correo_sin_csrf(comuna5):
    suscripcion = Suscripcion.objects.create(
        correo="lider@correo.test",
        comuna=comuna5,
        confirmada_en=timezone.now(),
        autorizacion_datos_version=POLITICA_DATOS_VERSION,
        autorizacion_datos_en=timezone.now(),
    )
    proveedor = Client(enforce_csrf_checks=True)  # Gmail's servers: no cookie, no token
    url = reverse("consejos:baja", args=[suscripcion.llave])
    respuesta = proveedor.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert respuesta.status_code == 200
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en is not None
    assert "Suscripción cancelada" in respuesta.content.decode()
    # Again (the provider retries): still 200, nothing changes.
    momento = suscripcion.baja_en
    assert proveedor.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en == momento


def test_baja_desde_el_navegador_pide_el_boton_y_su_csrf(comuna5):
    suscripcion = Suscripcion.objects.create(
        correo="lider@correo.test",
        comuna=comuna5,
        autorizacion_datos_version=POLITICA_DATOS_VERSION,
        autorizacion_datos_en=timezone.now(),
    )
    navegador = Client(enforce_csrf_checks=True)
    url = reverse("consejos:baja", args=[suscripcion.llave])
    pagina = navegador.get(url)
    assert pagina.status_code == 200 and "Darme de baja" in pagina.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en is None  # a GET (a scanner) does not unsubscribe

    assert navegador.post(url).status_code == 403  # a browser form without its token is refused
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en is None

    token = navegador.cookies["csrftoken"].value
    respuesta = navegador.post(url, {"csrfmiddlewaretoken": token})
    assert respuesta.status_code == 200
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en is not None
    # The confirmation link no longer works after unsubscribing: it says what to do.
    confirmar = navegador.get(reverse("consejos:confirmar", args=[suscripcion.llave]))
    assert confirmar.status_code == 404 and "suscríbase de nuevo" in confirmar.content.decode()


@pytest.mark.parametrize("nombre", ["confirmar", "baja"])
def test_una_llave_desconocida_da_una_pagina_que_ayuda(client, nombre):
    for metodo in (client.get, client.post):
        respuesta = metodo(reverse(f"consejos:{nombre}", args=["no-existe"]))
        assert respuesta.status_code == 404
        html = respuesta.content.decode()
        assert "Este enlace no es válido o ya no está vigente" in html and "Qué hacer" in html
    respuesta = client.post(reverse("consejos:baja", args=["x" * 100]), {"List-Unsubscribe": "One-Click"})
    assert respuesta.status_code == 404


def test_el_limite_por_ip_frena_las_suscripciones_y_conserva_lo_escrito(client, comuna5):
    limite = limite_suscribir()
    cache.delete(f"civic:limite:{limite.accion}:127.0.0.1")
    for i in range(limite.maximo):
        assert _pedir(client, comuna5, correo=f"lider{i}@correo.test").status_code == 302
    respuesta = _pedir(client, comuna5, correo="otro@correo.test")
    assert respuesta.status_code == 429 and respuesta["Retry-After"] == str(limite.segundos)
    html = respuesta.content.decode()
    assert "el máximo permitido" in html and 'value="otro@correo.test"' in html
    assert not Suscripcion.objects.filter(correo="otro@correo.test").exists()
    # Told before filling the form again.
    assert client.get(URL).status_code == 429
    # Another connection is not affected.
    assert _pedir(client, comuna5, correo="vecino@correo.test", REMOTE_ADDR="10.0.0.9").status_code == 302
