import uuid

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import override_settings

from civic import calendario, memo
from tests.apoyo import configurar_celery

# Seed data (catalogues, role groups) comes from code: `civic.semillas` plants it after every migrate and
# after every flush of a transactional test (both send post_migrate), so no test relies on rows a data
# migration left behind and no serialized copy of the database is kept.


@pytest.fixture(scope="session", autouse=True)
def claves_rapidas():
    # Password hashing is PBKDF2 with a million rounds in production; tests only need a working hash.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


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
def memoria_limpia():
    # Catalogues and public pages live in the process (civic.memo), their rows in a rolled-back transaction.
    memo.limpiar()
    yield
    memo.limpiar()


@pytest.fixture(autouse=True)
def calendario_limpio():
    # The calendar lives in the process, declared days in a rolled-back transaction: start and end clean.
    calendario.invalidar()
    yield
    calendario.invalidar()
