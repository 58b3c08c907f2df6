"""Humane limits: only failed lookups count, and a cache outage falls back to a database counter.

The outage tests aim the real production cache configuration (django-redis, IGNORE_EXCEPTIONS as in
civic/settings.py, or without it) at a port where nothing listens, so they need no live Redis and run the
same in CI.
"""

from http import HTTPStatus

import pytest
from django.conf import settings as ajustes
from django.urls import reverse

from civic.expedientes import limites
from civic.models import ContadorLimite
from pqrs.models import Solicitud
from tests.apoyo import BROKER_CAIDO
from tests.pqrs.factories import SolicitudFactory
from tests.pqrs.test_formularios import datos_validos

pytestmark = pytest.mark.django_db
CONSULTAR = reverse("expedientes:consultar")
RADICAR = reverse("pqrs:radicar")


def consultar(client, solicitud, codigo=None):
    return client.post(
        CONSULTAR, {"radicado": solicitud.radicado, "codigo": codigo or solicitud.codigo_claro}
    )


def redis_caido(settings, *, ignorar: bool):
    settings.CACHES = {
        **ajustes.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": BROKER_CAIDO,
            "KEY_PREFIX": "prueba-caida",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": ignorar,
            },
        },
    }


def test_las_consultas_acertadas_no_gastan_el_limite(client, settings):
    settings.LIMITE_CONSULTAR = 2
    solicitud = SolicitudFactory()

    for _ in range(5):
        assert consultar(client, solicitud).status_code == HTTPStatus.FOUND
    for _ in range(2):
        assert consultar(client, solicitud, "ABCDEFGHJK").status_code == HTTPStatus.OK

    agotada = consultar(client, solicitud)
    assert agotada.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not ContadorLimite.objects.exists()  # a live cache keeps the counters


@pytest.mark.parametrize("ignorar", [True, False], ids=["excepciones-ignoradas", "excepciones"])
def test_con_redis_caido_el_limite_de_consultas_se_cuenta_en_la_base(client, settings, ignorar):
    solicitud = SolicitudFactory()
    redis_caido(settings, ignorar=ignorar)
    settings.LIMITE_CONSULTAR = 2

    assert consultar(client, solicitud).status_code == HTTPStatus.FOUND
    for _ in range(2):
        assert consultar(client, solicitud, "ABCDEFGHJK").status_code == HTTPStatus.OK
    agotada = consultar(client, solicitud)

    assert agotada.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert ContadorLimite.objects.get().cuenta == 2
    # Another connection has its own window.
    otra = client.post(
        CONSULTAR, {"radicado": solicitud.radicado, "codigo": solicitud.codigo_claro}, REMOTE_ADDR="10.0.0.9"
    )
    assert otra.status_code == HTTPStatus.FOUND


def test_con_redis_caido_se_radica_y_el_limite_de_radicar_se_cumple(client, settings):
    redis_caido(settings, ignorar=True)
    settings.LIMITE_RADICAR = 1

    primera = client.post(RADICAR, datos_validos())
    assert primera.status_code == HTTPStatus.FOUND, primera.content.decode()[:2000]
    assert Solicitud.objects.count() == 1

    segunda = client.post(RADICAR, datos_validos(asunto="Hueco en la vía"))
    assert segunda.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Solicitud.objects.count() == 1


def test_la_ventana_en_la_base_vence_y_se_reabre(settings, rf, time_machine):
    redis_caido(settings, ignorar=True)
    limite = limites.Limite("prueba", 2, 60)
    peticion = rf.post("/")
    time_machine.move_to("2026-04-14 09:00:00-05:00", tick=False)
    assert [limites.contar(limite, peticion) for _ in range(2)] == [1, 2]
    assert limites.agotado(limite, peticion)

    time_machine.move_to("2026-04-14 09:01:01-05:00", tick=False)
    assert not limites.agotado(limite, peticion)
    assert limites.contar(limite, peticion) == 1
    assert ContadorLimite.objects.count() == 1
