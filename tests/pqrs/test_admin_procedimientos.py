"""The Ley 1755 procedures from the staff's pages: which actions the request page offers when, and the
forms that drive the services. Time is frozen on Wed 25 Mar 2026, 10:00 in Bogotá."""

import pytest
import time_machine
from django.urls import reverse

from pqrs import services
from pqrs.models import MateriaReservada, RespuestaConsolidada, SentidoRespuesta, TipoEvento
from pqrs.workflow import Estado
from tests.pqrs.factories import (
    DependenciaFactory,
    SolicitudFactory,
    coordinador,
    en_bogota,
    modalidad,
    tribunal,
)
from tests.pqrs.test_admin import accionar, url_cambio  # the admin's own helpers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def hoy_fijo():
    with time_machine.travel(en_bogota(2026, 3, 25, 10), tick=False):
        yield


@pytest.fixture
def coordinadora():
    return coordinador(first_name="Carmen")


@pytest.fixture
def dependencia():
    return DependenciaFactory(sigla="SINF", correo="sinf@alcaldia.test")


def asignada(actor, dependencia, **kwargs):
    solicitud = SolicitudFactory(**{"ahora": en_bogota(2026, 3, 20), **kwargs})
    return services.asignar(solicitud=solicitud, dependencia=dependencia, actor=actor)


def ofrecidas(client, solicitud) -> set[str]:
    pagina = client.get(url_cambio(solicitud))
    return {accion["url"].rstrip("/").rsplit("/", 1)[-1] for accion in pagina.context["acciones"]}


def test_devolver_para_corregir_desde_el_admin(client, coordinadora, dependencia):
    solicitud = asignada(coordinadora, dependencia)
    client.force_login(coordinadora)
    assert "devolver_para_corregir" in ofrecidas(client, solicitud)
    accionar(client, solicitud, "devolver_para_corregir", {"que_corregir": "No se entiende el lugar."})
    assert solicitud.estado == Estado.POR_CORREGIR


def test_la_correccion_traida_a_la_ventanilla(client, coordinadora, dependencia):
    solicitud = asignada(coordinadora, dependencia)
    services.devolver_para_corregir(solicitud=solicitud, que_corregir="Aclare el lugar.", actor=coordinadora)
    client.force_login(coordinadora)
    accionar(client, solicitud, "corregir", {"texto": "Es la calle 5 con carrera 39."})
    assert solicitud.estado == Estado.ASIGNADA
    evento = solicitud.eventos.get(tipo=TipoEvento.CORREGIDA)
    assert (evento.actor, evento.nota) == (coordinadora, "Es la calle 5 con carrera 39.")


def test_la_reposicion_se_decide_solo_cuando_la_hay(client, coordinadora, dependencia):
    solicitud = asignada(coordinadora, dependencia)
    services.rechazar(solicitud=solicitud, motivo="Irrespetuosa.", actor=coordinadora)
    client.force_login(coordinadora)
    assert {"interponer_reposicion"} <= ofrecidas(client, solicitud)
    assert not {"reponer", "confirmar_decision"} & ofrecidas(client, solicitud)

    accionar(client, solicitud, "interponer_reposicion", {"texto": "Lo presentó en la ventanilla."})
    assert solicitud.reposicion_pendiente
    assert {"reponer", "confirmar_decision"} <= ofrecidas(client, solicitud)
    assert "interponer_reposicion" not in ofrecidas(client, solicitud)

    accionar(
        client, solicitud, "reponer", {"motivacion": "No era irrespetuosa.", "dependencia": dependencia.pk}
    )
    assert (solicitud.estado, solicitud.reposicion_pendiente) == (Estado.ASIGNADA, False)


def test_continuar_de_oficio_solo_tras_desistimiento_expreso(client, coordinadora, dependencia):
    expreso = asignada(coordinadora, dependencia)
    services.desistir(solicitud=expreso)
    client.force_login(coordinadora)
    assert "continuar_de_oficio" in ofrecidas(client, expreso)

    tacito = asignada(coordinadora, dependencia)
    services.solicitar_informacion(solicitud=tacito, requerimiento="Falta la dirección.", actor=coordinadora)
    with time_machine.travel(en_bogota(2026, 5, 4, 10), tick=False):
        services.declarar_desistimiento(solicitud=tacito, motivacion="No respondió.", actor=coordinadora)
        client.force_login(coordinadora)  # a new day's session: the idle one expired
        assert "continuar_de_oficio" not in ofrecidas(client, tacito)


def test_insistencia_y_remision_al_juez_desde_el_admin(client, coordinadora, dependencia, mailoutbox):
    solicitud = asignada(coordinadora, dependencia, modalidad=modalidad("acceso-informacion-publica"))
    services.responder(
        solicitud=solicitud,
        texto="Reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.first(),
        publicar=True,
        actor=coordinadora,
    )
    client.force_login(coordinadora)
    accionar(client, solicitud, "insistir", {"texto": "Insiste en la ventanilla."})
    assert solicitud.estado == Estado.EN_INSISTENCIA
    juez = tribunal()
    accionar(
        client, solicitud, "remitir_insistencia", {"juez": juez.pk, "oficio": "Remitimos la insistencia."}
    )
    assert solicitud.estado == Estado.CERRADA
    assert solicitud.eventos.filter(tipo=TipoEvento.INSISTENCIA_REMITIDA).exists()


def test_respuesta_consolidada_desde_el_admin(client, coordinadora, dependencia):
    solicitudes = [asignada(coordinadora, dependencia) for _ in range(11)]
    client.force_login(coordinadora)
    url = reverse("admin:pqrs_respuestaconsolidada_add")
    pagina = client.get(url, {"q": "alumbrado"})
    assert all(s.radicado in pagina.content.decode() for s in solicitudes)

    # Ten are not enough: the error is on the page and nothing is answered (what was typed stays).
    datos = {"objeto": "Alumbrado de la calle 5", "sentido": "de_fondo", "texto": "Se repara el 30 de abril."}
    respuesta = client.post(url, {**datos, "solicitudes": [s.pk for s in solicitudes[:10]]})
    assert respuesta.status_code == 200
    assert "más de diez" in respuesta.content.decode()
    assert "Se repara el 30 de abril." in respuesta.content.decode()
    assert not RespuestaConsolidada.objects.exists()

    respuesta = client.post(url, {**datos, "solicitudes": [s.pk for s in solicitudes]})
    registro = RespuestaConsolidada.objects.get()
    assert respuesta["Location"] == reverse("admin:pqrs_respuestaconsolidada_change", args=[registro.pk])
    assert registro.solicitudes.count() == 11
    assert all(s.radicado in client.get(respuesta["Location"]).content.decode() for s in solicitudes)


def test_la_pagina_de_consolidar_no_crece_en_consultas(
    client, coordinadora, dependencia, django_assert_max_num_queries
):
    for _ in range(3):
        asignada(coordinadora, dependencia)
    client.force_login(coordinadora)
    url = reverse("admin:pqrs_respuestaconsolidada_add")
    with django_assert_max_num_queries(12) as pocas:
        client.get(url)
    for _ in range(20):
        asignada(coordinadora, dependencia)
    with django_assert_max_num_queries(len(pocas.captured_queries)):
        client.get(url)
