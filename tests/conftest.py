import os

import pytest
from django.conf import settings

from civic import calendario


@pytest.fixture(autouse=True)
def calendario_limpio():
    # The calendar lives in the process, declared days in a rolled-back transaction: start and end clean.
    calendario.invalidar()
    yield
    calendario.invalidar()


def requiere_servicios(*, postgres: bool = False, redis: bool = False) -> None:
    """Skip a test that needs real services when they are not configured; under CI=true, fail instead.

    CI must exercise PostgreSQL and Redis: a silent skip there would hide a broken integration.
    """
    faltan = []
    if postgres and settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        faltan.append("DATABASE_URL de PostgreSQL")
    if redis and not settings.REDIS_URL:
        faltan.append("REDIS_URL")
    if not faltan:
        return
    motivo = "sin " + " ni ".join(faltan)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true exige los servicios reales ({motivo})")
    pytest.skip(motivo)
