import uuid

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from django.test import override_settings

from civic import calendario
from tests.apoyo import configurar_celery


def pytest_collection_modifyitems(items):
    # A transactional test (live server, threads, a real worker) ends by flushing the database, which would
    # also wipe the rows that data migrations seed (modalities, conditions, role groups) for every later test
    # in the same process. Serialized rollback puts them back after the flush.
    for item in items:
        marcador = item.get_closest_marker("django_db")
        transaccional = (marcador is not None and marcador.kwargs.get("transaction")) or bool(
            {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ()))
        )
        if transaccional:
            opciones = {
                **(marcador.kwargs if marcador else {}),
                "transaction": True,
                "serialized_rollback": True,
            }
            item.add_marker(pytest.mark.django_db(**opciones), append=False)


_CONTENIDO_SERIALIZADO: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    # Keep the database's serialized seed data (see pytest_collection_modifyitems) outside the connection
    # object: Playwright's sync API runs browser tests in a greenlet, where Django's context-local
    # connection handler hands out a new connection without it, and later restores were silently skipped.
    for conexion in connections.all(initialized_only=True):
        if hasattr(conexion, "_test_serialized_contents"):
            _CONTENIDO_SERIALIZADO[conexion.alias] = conexion._test_serialized_contents


def _reponer_contenido_serializado():
    for alias, contenido in _CONTENIDO_SERIALIZADO.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contenido


@pytest.fixture(autouse=True)
def contenido_serializado_presente():
    _reponer_contenido_serializado()
    yield
    _reponer_contenido_serializado()


@pytest.fixture(scope="session", autouse=True)
def cache_propia_del_proceso(request):
    # pytest-xdist workers share one Redis in CI: each gets its own key prefix, so one worker's rate limits
    # or calendar version never reach another, and clearing them never touches the broker's keys.
    proceso = getattr(request.config, "workerinput", {}).get("workerid", "principal")
    prefijo = f"prueba-{proceso}-{uuid.uuid4().hex[:8]}"
    cache_por_defecto = {**settings.CACHES["default"], "KEY_PREFIX": prefijo}
    with override_settings(CACHES={**settings.CACHES, "default": cache_por_defecto}):
        yield


@pytest.fixture(autouse=True)
def cache_limpia():
    # Rate limits count per IP and every test client is 127.0.0.1: each test starts with none spent.
    yield
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")  # django-redis: only this process's prefixed keys
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def celery_en_proceso():
    # Tasks run in the caller by default, even when REDIS_URL points at a real broker, so a test sees its
    # e-mails in mailoutbox and leaves nothing queued in Redis. Real-worker tests switch this off themselves.
    with configurar_celery(task_always_eager=True):
        yield


@pytest.fixture(autouse=True)
def tipos_de_contenido_frescos():
    # ContentType ids are cached for the whole process; a transactional test's flush can recreate the rows
    # with new ids, and a stale id would then point outbox rows at a content type that no longer exists.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def calendario_limpio():
    # The calendar lives in the process, declared days in a rolled-back transaction: start and end clean.
    calendario.invalidar()
    yield
    calendario.invalidar()
