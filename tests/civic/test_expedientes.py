"""The kernel, proved by a second app: `tests.tramites` declares an expediente and gets the radicado,
the code, the one tracking page, transitions with events, a reminder rule, the digest and admin actions."""

import re
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from civic.celery import app
from civic.expedientes.maquina import TransicionInvalida
from civic.models import Consecutivo, Recordatorio
from civic.plazos import recordatorios
from civic.plazos.resumen import TIPO_RESUMEN, enviar_resumenes_diarios
from civic.roles import FUNCIONARIO
from tests.apoyo import configurar_celery, verificada
from tests.civic.fabricas import UsuarioFactory
from tests.pqrs.factories import SolicitudFactory, en_bogota
from tests.tramites import services
from tests.tramites.models import Estado, Evento

pytestmark = pytest.mark.django_db
RAIZ = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def celery_en_proceso():
    with configurar_celery(task_always_eager=True):
        yield


@pytest.fixture
def responsable():
    usuario = UsuarioFactory(email="rosa@alcaldia.test", is_staff=True)
    usuario.groups.add(Group.objects.get(name=FUNCIONARIO))
    return usuario


def radicar(**campos):
    with time_machine.travel(en_bogota(2026, 4, 14, 9, 0), tick=False):
        return services.radicar(asunto="Licencia de andén", correo="ana@correo.test", **campos)


def test_su_propia_serie_radicado_y_codigo():
    tramite, codigo = radicar()
    segundo, _ = radicar()
    assert (tramite.radicado, segundo.radicado) == ("TRA-2026-000001", "TRA-2026-000002")
    assert Consecutivo.objects.get(serie="tramite", anio=2026).ultimo == 2
    assert verificada(tramite.radicado, codigo) == tramite
    assert verificada(tramite.radicado.lower(), codigo.lower()) == tramite
    assert verificada(segundo.radicado, codigo) is None


def test_una_serie_de_toda_la_entidad_numera_varias_apps(settings):
    # AGN Acuerdo 060 de 2001: one entity-wide series, by configuration alone.
    settings.RADICADO_SERIES = {"pqrs": "alcaldia", "tramite": "alcaldia"}
    settings.RADICADO_PREFIJOS = {"alcaldia": "ALC"}
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 4, 14, 8))
    tramite, codigo = radicar()
    otra = SolicitudFactory(ahora=en_bogota(2026, 4, 14, 10))
    assert [solicitud.radicado, tramite.radicado, otra.radicado] == [
        "ALC-2026-000001",
        "ALC-2026-000002",
        "ALC-2026-000003",
    ]
    assert verificada(tramite.radicado, codigo) == tramite
    assert verificada(otra.radicado, otra.codigo_claro) == otra


def test_el_codigo_sigue_valiendo_despues_de_rotar_la_clave(settings):
    settings.SECRET_KEY = "clave-anterior-" + "x" * 40
    tramite, codigo = radicar()
    settings.SECRET_KEY = "clave-nueva-" + "y" * 40
    assert verificada(tramite.radicado, codigo) is None
    settings.SECRET_KEY_FALLBACKS = ["clave-anterior-" + "x" * 40]
    assert verificada(tramite.radicado, codigo) == tramite


def test_consultar_despacha_por_serie_a_la_pagina_de_cada_app(client):
    tramite, codigo = radicar()
    solicitud = SolicitudFactory()
    url = reverse("expedientes:consultar")

    respuesta = client.post(url, {"radicado": tramite.radicado, "codigo": codigo})
    assert respuesta.url == reverse("expedientes:seguimiento", args=["tramite"])
    pagina = client.get(respuesta.url).content.decode()
    assert tramite.radicado in pagina and "Recibido" in pagina

    respuesta = client.post(url, {"radicado": solicitud.radicado, "codigo": solicitud.codigo_claro})
    assert respuesta.url == reverse("pqrs:seguimiento")
    # The proof is for one expediente at a time: the trámite's page now asks again.
    assert client.get(reverse("expedientes:seguimiento", args=["tramite"])).url == url

    # An unknown radicado and a wrong code read the same.
    desconocido = client.post(url, {"radicado": "TRA-2026-999999", "codigo": codigo}).content.decode()
    errado = client.post(url, {"radicado": tramite.radicado, "codigo": "ABCDEFGHJK"}).content.decode()
    frase = "No encontramos una solicitud con ese número de radicado y ese código de consulta."
    assert frase in desconocido and frase in errado
    # The old PQRS address still leads to the one form; the generic page of an app with its own goes there.
    assert client.get("/pqrs/consultar/").url == url
    assert client.get(reverse("expedientes:seguimiento", args=["pqrs"])).url == reverse("pqrs:seguimiento")


def test_transiciones_con_evento_y_solo_los_campos_cambiados(responsable, django_assert_max_num_queries):
    tramite, _ = radicar()
    with pytest.raises(TransicionInvalida, match=r"No se puede resolver un trámite en estado «Recibido»\."):
        services.resolver(tramite=tramite, respuesta="Sí", actor=responsable)
    # Lock and reload, save the state, insert the event, and the savepoints of the test's transaction.
    with django_assert_max_num_queries(5):
        services.estudiar(tramite=tramite, actor=responsable)
    services.resolver(tramite=tramite, respuesta="Aprobada", actor=responsable)
    tramite.refresh_from_db()
    assert tramite.estado == Estado.RESUELTO
    eventos = list(
        Evento.objects.filter(tramite=tramite).values_list("tipo", "estado_anterior", "estado_nuevo")
    )
    assert eventos == [
        ("radicado", "", "recibido"),
        ("estudio", "recibido", "en_estudio"),
        ("resuelto", "en_estudio", "resuelto"),
    ]
    assert Evento.objects.get(tipo="resuelto").actor == responsable


def test_un_evento_interno_nunca_es_publico():
    tramite, _ = radicar()
    with pytest.raises(ValidationError):
        Evento(tramite=tramite, tipo="nota", estado_nuevo="recibido", interno=True, publico=True).full_clean()


def test_recordatorio_declarado_y_resumen_diario(responsable, django_capture_on_commit_callbacks, mailoutbox):
    tramite, _ = radicar(responsable=responsable, plazo_dias=3)  # due Fri 17 Apr 2026
    with django_capture_on_commit_callbacks(execute=True):
        assert recordatorios.barrer_todo(hoy=date(2026, 4, 14))["tramites.por_vencer"].registrados == 0
        assert recordatorios.barrer_todo(hoy=date(2026, 4, 15))["tramites.por_vencer"].registrados == 1
        assert recordatorios.barrer_todo(hoy=date(2026, 4, 15))["tramites.por_vencer"].registrados == 0
        enviar_resumenes_diarios(hoy=date(2026, 4, 15))
    assert list(Recordatorio.objects.filter(tipo="tramites.por_vencer").values_list("clave", flat=True)) == [
        "2:2026-04-17"
    ]
    assert Recordatorio.objects.filter(tipo=TIPO_RESUMEN, objeto_id=responsable.pk).count() == 1
    resumen = next(m for m in mailoutbox if "pendientes" in m.subject)
    assert "Trámites de prueba" in resumen.body and tramite.radicado in resumen.body


def test_accion_del_admin_por_el_mixin_del_nucleo(client, responsable):
    tramite, _ = radicar()
    client.force_login(responsable)
    url = reverse("admin:tramites_tramite_accion", args=[tramite.pk, "resolver"])
    # Not allowed in this state: said up front, and a POST changes nothing.
    assert "No se puede resolver un trámite" in client.get(url).content.decode()
    assert "No se puede resolver" in client.post(url, {"respuesta": "Sí"}).content.decode()
    services.estudiar(tramite=tramite, actor=responsable)
    respuesta = client.post(url, {"respuesta": "Aprobada"})
    assert respuesta.url == reverse("admin:tramites_tramite_change", args=[tramite.pk])
    tramite.refresh_from_db()
    assert tramite.estado == Estado.RESUELTO
    assert client.post(reverse("admin:tramites_tramite_accion", args=[tramite.pk, "otra"])).status_code == 404


def test_sus_tareas_periodicas_entran_a_beat():
    assert app.conf.beat_schedule["tramites-cierre-semanal"]["task"] == "tramites.cierre"


# Identifiers a kernel file would use to name an app: a label, a module, a URL namespace, a template path.
_NOMBRA_UNA_APP = re.compile(r"""['"{ ](pqrs|organizaciones|consejos|rendicion)[.:/_]""")


def test_el_nucleo_no_nombra_ninguna_app():
    """Roles, beat schedule, templates, settings and URLs: apps register themselves; only INSTALLED_APPS
    lists them (the composition root)."""
    archivos = [
        *(RAIZ / "civic").rglob("*.py"),
        *(RAIZ / "templates" / "civic").rglob("*.*"),
        *(RAIZ / "templates" / "partials").rglob("*.*"),
        *(RAIZ / "templates" / "admin" / "expedientes").rglob("*.*"),
        *(RAIZ / "templates" / "admin" / "plazos").rglob("*.*"),
        RAIZ / "templates" / "base.html",
    ]
    encontrados = [
        f"{ruta.relative_to(RAIZ)}:{n}: {linea.strip()}"
        for ruta in archivos
        if "migrations" not in ruta.parts
        for n, linea in enumerate(ruta.read_text(encoding="utf-8").splitlines(), start=1)
        if _NOMBRA_UNA_APP.search(linea)
    ]
    assert encontrados == []
    instaladas = (RAIZ / "civic" / "settings.py").read_text(encoding="utf-8")
    assert re.search(r'\n    "pqrs",\n', instaladas)  # the one place that composes the apps


def test_el_tramite_cuesta_solo_declaraciones():
    lineas = sum(
        len(ruta.read_text(encoding="utf-8").splitlines())
        for ruta in (RAIZ / "tests" / "tramites").glob("*.py")
    )
    # The whole app (models, machine, declarations, services, admin, AppConfig) stays small.
    assert lineas < 200, lineas
