"""Optional second factor for staff (django-otp TOTP): enrolment from the admin, the login that asks for the
code once enrolled, STAFF_TOTP_OBLIGATORIO, and django-axes' lockout counting wrong codes too."""

import base64
import re
from datetime import UTC, datetime, timedelta
from http import HTTPStatus

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.civic.fabricas import FuncionarioFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INSCRIBIR = reverse("dos_pasos")
CLAVE = "clave-correcta-2026"
# A fixed moment, so each code below belongs to a known 30-second step.
T0 = datetime(2026, 11, 25, 15, 0, 0, tzinfo=UTC)


@pytest.fixture
def funcionario():
    usuario = FuncionarioFactory(username="ana.ventanilla")
    usuario.set_password(CLAVE)
    usuario.save()
    return usuario


def codigo(dispositivo: TOTPDevice, momento: datetime) -> str:
    totp = TOTP(dispositivo.bin_key, dispositivo.step, dispositivo.t0, dispositivo.digits, dispositivo.drift)
    totp.time = momento.timestamp()
    return f"{totp.token():06d}"


def entrar(client, clave=CLAVE, codigo_="", usuario="ana.ventanilla"):
    datos = {"username": usuario, "password": clave, "codigo": codigo_, "next": "/admin/"}
    return client.post(LOGIN, datos)


def inscrito(usuario) -> TOTPDevice:
    return TOTPDevice.objects.create(user=usuario, name="Aplicación de autenticación", confirmed=True)


def test_la_inscripcion_muestra_el_qr_y_la_clave_y_un_codigo_valido_la_activa(client, funcionario):
    with time_machine.travel(T0, tick=False):
        assert entrar(client).status_code == HTTPStatus.FOUND
        pagina = client.get(INSCRIBIR)
        html = pagina.content.decode()
        dispositivo = TOTPDevice.objects.get(user=funcionario)
        assert not dispositivo.confirmed
        # The QR code as an image the CSP allows (img-src data:), and the secret for typing it by hand.
        assert re.search(r'<img class="dos-pasos-qr" src="data:image/svg\+xml', html)
        clave = re.search(r'<code class="dos-pasos-clave">([A-Z2-7 ]+)</code>', html).group(1)
        assert base64.b32decode(clave.replace(" ", "") + "=" * (-len(clave.replace(" ", "")) % 8)) == (
            dispositivo.bin_key
        )
        assert pagina["Cache-Control"].startswith("max-age=0")
        assert "style=" not in html and "<script>" not in html

        errado = client.post(INSCRIBIR, {"codigo": "000000" if codigo(dispositivo, T0) != "000000" else "1"})
        assert errado.status_code == HTTPStatus.OK
        assert "El código no coincide" in errado.content.decode()
        assert not TOTPDevice.objects.get(pk=dispositivo.pk).confirmed

    # django-otp throttles after a wrong code (1 s, then doubling): the right one comes a step later.
    despues = T0 + timedelta(seconds=30)
    with time_machine.travel(despues, tick=False):
        respuesta = client.post(INSCRIBIR, {"codigo": codigo(dispositivo, despues)})

    assert respuesta.status_code == HTTPStatus.FOUND
    assert respuesta["Location"] == reverse("admin:index")
    dispositivo.refresh_from_db()
    assert dispositivo.confirmed
    # Read within the frozen day: the staff session expires SESION_PERSONAL_SEGUNDOS after its last use.
    with time_machine.travel(despues, tick=False):
        assert client.session[DEVICE_ID_SESSION_KEY] == dispositivo.persistent_id
        activa = client.get(INSCRIBIR).content.decode()
    assert "La verificación en dos pasos está activa en su cuenta" in activa


def test_una_vez_inscrito_el_ingreso_pide_el_codigo_y_lo_verifica(funcionario):
    dispositivo = inscrito(funcionario)
    with time_machine.travel(T0, tick=False):
        sin_codigo = entrar(Client())
        assert sin_codigo.status_code == HTTPStatus.OK
        html = sin_codigo.content.decode()
        assert "Su cuenta tiene verificación en dos pasos" in html
        # What was typed stays: only the code is missing.
        assert f'value="{CLAVE}"' in html

        errado = entrar(Client(), codigo_="123456" if codigo(dispositivo, T0) != "123456" else "654321")
        assert errado.status_code == HTTPStatus.OK
        assert "El código no es válido" in errado.content.decode()
        assert AccessAttempt.objects.get(username="ana.ventanilla").failures_since_start == 1

    despues = T0 + timedelta(seconds=30)
    client = Client()
    with time_machine.travel(despues, tick=False):
        correcto = entrar(client, codigo_=codigo(dispositivo, despues))
        assert correcto.status_code == HTTPStatus.FOUND
        assert client.session[DEVICE_ID_SESSION_KEY] == dispositivo.persistent_id
        assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
        # The same code cannot be used twice (a code seen over a shoulder).
        assert entrar(Client(), codigo_=codigo(dispositivo, despues)).status_code == HTTPStatus.OK
    # A correct login resets axes' count (AXES_RESET_ON_SUCCESS).
    assert not AccessAttempt.objects.filter(username="ana.ventanilla", failures_since_start__gt=1).exists()


def test_sin_dispositivo_el_ingreso_sigue_siendo_solo_con_contrasena(client, funcionario):
    assert entrar(client).status_code == HTTPStatus.FOUND
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_obligatorio_sin_inscribirse_solo_abre_la_inscripcion(client, funcionario, settings):
    settings.STAFF_TOTP_OBLIGATORIO = True
    # One frozen moment throughout: the code belongs to T0's step and the session must not idle out.
    with time_machine.travel(T0, tick=False):
        assert entrar(client).status_code == HTTPStatus.FOUND

        for ruta in (reverse("admin:index"), reverse("admin:civic_notificacion_changelist")):
            respuesta = client.get(ruta)
            assert respuesta.status_code == HTTPStatus.FOUND, ruta
            assert respuesta["Location"] == INSCRIBIR
        pagina = client.get(INSCRIBIR)
        assert pagina.status_code == HTTPStatus.OK
        assert "es obligatoria para el personal" in pagina.content.decode()
        # Signing out stays possible, and the public portal is not affected.
        assert client.get(reverse("sitio:inicio")).status_code == HTTPStatus.OK

        dispositivo = TOTPDevice.objects.get(user=funcionario)
        assert client.post(INSCRIBIR, {"codigo": codigo(dispositivo, T0)}).status_code == HTTPStatus.FOUND
        assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
        assert client.post(reverse("admin:logout")).status_code == HTTPStatus.OK


def test_obligatorio_con_dispositivo_y_sesion_sin_verificar_vuelve_a_ingresar(client, funcionario, settings):
    # A session opened before the application was enrolled elsewhere (or before the setting).
    client.force_login(funcionario)
    inscrito(funcionario)
    settings.STAFF_TOTP_OBLIGATORIO = True

    assert client.get(reverse("admin:index"))["Location"] == INSCRIBIR
    respuesta = client.get(INSCRIBIR)

    assert respuesta.status_code == HTTPStatus.FOUND
    assert respuesta["Location"] == f"{LOGIN}?next={INSCRIBIR}"
    assert "_auth_user_id" not in client.session


def test_los_codigos_errados_cuentan_para_el_bloqueo_y_bloqueada_no_entra_ni_con_codigo(
    funcionario, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    dispositivo = inscrito(funcionario)
    errado = "111111"
    momento = T0
    for intento in range(3):
        momento = T0 + timedelta(minutes=intento)  # past the device's throttle between attempts
        with time_machine.travel(momento, tick=False):
            if codigo(dispositivo, momento) == errado:
                errado = "222222"
            respuesta = entrar(Client(), codigo_=errado)
    # The third wrong code locks the account, like a third wrong password.
    assert respuesta.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Cuenta bloqueada temporalmente" in respuesta.content.decode()

    despues = momento + timedelta(minutes=5)
    client = Client()
    with time_machine.travel(despues, tick=False):
        bloqueada = entrar(client, codigo_=codigo(dispositivo, despues))
    assert bloqueada.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_la_sesion_verificada_sigue_venciendo_por_inactividad(client, funcionario, settings):
    settings.SESION_PERSONAL_SEGUNDOS = 3600
    dispositivo = inscrito(funcionario)
    with time_machine.travel(T0, tick=False):
        assert entrar(client, codigo_=codigo(dispositivo, T0)).status_code == HTTPStatus.FOUND
        client.get(reverse("admin:index"))
        assert client.session.get_expiry_age() == 3600
        assert client.session[DEVICE_ID_SESSION_KEY] == dispositivo.persistent_id


def test_el_superusuario_retira_la_aplicacion_de_quien_perdio_el_telefono(funcionario, admin_client):
    dispositivo = inscrito(funcionario)
    lista = reverse("admin:otp_totp_totpdevice_changelist")
    assert str(funcionario) in admin_client.get(lista).content.decode()

    respuesta = admin_client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[dispositivo.pk]), {"post": "yes"}
    )

    assert respuesta.status_code == HTTPStatus.FOUND
    assert not TOTPDevice.objects.filter(user=funcionario).exists()
    # Back to the password alone, until they enrol again.
    assert entrar(Client()).status_code == HTTPStatus.FOUND
