"""Staff accounts: failed logins lock the account by username (django-axes), logins are audited, and a
staff session expires after a while without activity."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse

from tests.civic.fabricas import FuncionarioFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
CLAVE = "clave-correcta-2026"


@pytest.fixture
def funcionario():
    usuario = FuncionarioFactory(username="ana.ventanilla")
    usuario.set_password(CLAVE)
    usuario.save()
    return usuario


def entrar(client, clave, usuario="ana.ventanilla", **extra):
    return client.post(LOGIN, {"username": usuario, "password": clave, "next": "/admin/"}, **extra)


def test_20_claves_erradas_bloquean_la_cuenta_y_la_21_correcta_se_rechaza_en_espanol(client, funcionario):
    for _ in range(19):
        assert entrar(client, "equivocada").status_code == HTTPStatus.OK  # the login form, again
    assert entrar(client, "equivocada").status_code == HTTPStatus.TOO_MANY_REQUESTS  # the 20th locks

    respuesta = entrar(client, CLAVE)

    assert respuesta.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = respuesta.content.decode()
    assert "Cuenta bloqueada temporalmente" in html
    assert "Espere 60 minutos" in html
    assert "administrador del portal" in html
    assert respuesta["Retry-After"] == "3600"
    assert "_auth_user_id" not in client.session
    # The lock is the account's, not the address's: a colleague behind the same IP still signs in.
    colega = FuncionarioFactory(username="luis.ventanilla")
    colega.set_password(CLAVE)
    colega.save()
    assert entrar(Client(), CLAVE, usuario="luis.ventanilla").status_code == HTTPStatus.FOUND


def test_un_ingreso_correcto_reinicia_la_cuenta(client, funcionario, settings):
    settings.AXES_FAILURE_LIMIT = 3
    entrar(client, "equivocada")
    entrar(client, "equivocada")

    assert entrar(client, CLAVE).status_code == HTTPStatus.FOUND
    client.logout()
    entrar(client, "equivocada")
    entrar(client, "equivocada")

    assert entrar(client, CLAVE).status_code == HTTPStatus.FOUND  # 2 + 2 failures, never 3 in a row


def test_los_ingresos_y_los_fallos_quedan_auditados_y_los_ve_el_superusuario(client, funcionario):
    entrar(client, "equivocada", REMOTE_ADDR="10.0.0.7")
    assert AccessAttempt.objects.get().username == "ana.ventanilla"
    assert AccessFailureLog.objects.get().ip_address == "10.0.0.7"
    assert entrar(client, CLAVE, REMOTE_ADDR="10.0.0.7").status_code == HTTPStatus.FOUND
    assert AccessLog.objects.get().username == "ana.ventanilla"

    superusuario = FuncionarioFactory(is_superuser=True)
    admin = Client()
    admin.force_login(superusuario)
    for modelo in ("accesslog", "accessattempt", "accessfailurelog"):
        respuesta = admin.get(reverse(f"admin:axes_{modelo}_changelist"))
        assert respuesta.status_code == HTTPStatus.OK, modelo
    assert "ana.ventanilla" in admin.get(reverse("admin:axes_accesslog_changelist")).content.decode()


def test_la_sesion_del_personal_expira_por_inactividad_y_la_del_ciudadano_no(client, funcionario, settings):
    settings.SESION_PERSONAL_SEGUNDOS = 8 * 60 * 60
    entrar(client, CLAVE)

    client.get("/admin/")

    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 60 * 60
    ciudadano = Client()
    ciudadano.get(reverse("pqrs:radicar"))
    ciudadano.post(reverse("expedientes:consultar"), {"radicado": "PQRS-2026-000001", "codigo": "X"})
    assert ciudadano.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_la_auditoria_de_ingresos_guarda_solo_direcciones_validas(rf, settings):
    # PostgreSQL keeps axes' addresses as inet: a request without one, or a forged header, stores none.
    from django.http import HttpRequest

    from civic.personal import ip_para_auditoria

    assert ip_para_auditoria(HttpRequest()) is None
    assert ip_para_auditoria(rf.get("/", REMOTE_ADDR="190.24.1.7")) == "190.24.1.7"
    settings.PROXIES_CONFIABLES = 1
    assert ip_para_auditoria(rf.get("/", HTTP_X_FORWARDED_FOR="no-es-una-ip", REMOTE_ADDR="10.0.0.1")) is None
