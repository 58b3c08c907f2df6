"""The technical secretariat's work queue on the admin home: held sessions without a published acta,
oldest first with the business days gone by, and the commitments by traffic light, in a number of
queries that does not grow with the rows. And the kernel's queue and filter on a model that is not a
registered expediente (`campo=`)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civic import calendario
from civic.plazos.cola import agrupar
from civic.plazos.semaforo import Semaforo
from consejos.models import Compromiso
from consejos.selectors.cola import cola_de_trabajo
from consejos.services import actas, compromisos
from tests.civic.fabricas import DependenciaFactory

from .fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return secretaria()


def _datos(actor, n: int, *, desde: int = 0):
    """n held sessions (one per instancia) with a red and a green commitment each."""
    hoy = timezone.localdate()
    for i in range(desde, desde + n):
        instancia = InstanciaFactory()
        integrantes(instancia)
        sesion, _acta = sesion_realizada(instancia, actor, dia=(2026, 3, 1 + i))
        for vence in (hoy - timedelta(days=30 + i), hoy + timedelta(days=60 + i)):
            compromisos.registrar(
                sesion=sesion,
                descripcion=f"Compromiso {i} {vence}",
                fecha_vencimiento=vence,
                dependencia=DependenciaFactory(),
                actor=actor,
            )


def test_agrupar_acepta_el_campo_de_un_modelo_que_no_es_expediente(actor):
    _datos(actor, 1)
    grupos = {
        g.luz: g
        for g in agrupar(
            Compromiso.objects.all(),
            hoy=timezone.localdate(),
            orden=("fecha_vencimiento",),
            orden_sin_termino=("-pk",),
            maximo=5,
            campo="fecha_vencimiento",
        )
    }
    assert (grupos[Semaforo.ROJO].total, grupos[Semaforo.VERDE].total) == (1, 1)
    assert grupos[Semaforo.ROJO].filas[0].restantes < 0


def test_la_cola_pone_primero_el_acta_mas_antigua_con_sus_dias_habiles(actor):
    _datos(actor, 3)
    primera = sesion_realizada(InstanciaFactory(), actor, dia=(2026, 1, 20))[1]
    publicada = sesion_realizada(InstanciaFactory(), actor, dia=(2026, 1, 10))[1]
    actas.aprobar(acta=publicada, actor=actor)
    actas.publicar(acta=publicada, actor=actor)
    hoy = timezone.localdate()
    cola = cola_de_trabajo(hoy=hoy, maximo=10)
    assert cola.actas[0].acta == primera
    assert publicada not in [f.acta for f in cola.actas]
    assert cola.actas[0].dias == calendario.dias_habiles_entre(primera.fecha_sesion, hoy)
    assert cola.actas_total == 4
    luces = {g.luz: g.total for g in cola.compromisos}
    assert (luces[Semaforo.ROJO], luces[Semaforo.VERDE]) == (3, 3)


def test_el_inicio_muestra_la_cola_en_consultas_fijas(client, actor):
    client.force_login(actor)
    url = reverse("admin:index")
    _datos(actor, 2)
    client.get(url)  # warm the caches (calendar, permissions)
    with CaptureQueriesContext(connection) as pocas:
        respuesta = client.get(url)
    texto = respuesta.content.decode()
    assert "Sesiones realizadas sin acta publicada" in texto and "Compromisos en curso" in texto
    _datos(actor, 8, desde=2)
    with CaptureQueriesContext(connection) as muchas:
        respuesta = client.get(url)
    assert len(muchas) == len(pocas), [q["sql"] for q in muchas.captured_queries]
    assert respuesta.content.decode().count("/admin/consejos/acta/") >= 10
