"""Health probes for /salud/: database, cache and Celery broker.

Readiness is the database alone: without it nothing works (503). A dead Redis (cache and broker) leaves
the portal degraded but serving: filing keeps working, limits count in the database and the outbox sweep
sends the mail later, so the probe answers 200 with "estado": "degradado" and the failing component.

Each probe returns a small dict with "estado" ("ok" or "error") and never the exception message, which
may carry hosts or credentials; the exception class is enough to start looking.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from kombu.exceptions import OperationalError as BrokerError

from civic.celery import app

BROKER_TIMEOUT_SEGUNDOS = 2


def _error(exc: Exception) -> dict:
    return {"estado": "error", "detalle": type(exc).__name__}


def revisar_base_de_datos() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return _error(exc)
    return {"estado": "ok"}


def revisar_cache() -> dict:
    # django-redis runs with IGNORE_EXCEPTIONS: a dead Redis answers None instead of raising, so the only
    # reliable signal is reading back what was just written. A per-probe key keeps concurrent probes apart.
    clave = f"salud:{uuid.uuid4().hex}"
    valor = uuid.uuid4().hex
    try:
        cache.set(clave, valor, timeout=10)
        leido = cache.get(clave)
        cache.delete(clave)
    except Exception as exc:  # any backend may raise its own client errors
        return _error(exc)
    if leido != valor:
        return {"estado": "error", "detalle": "sin respuesta"}
    return {"estado": "ok"}


def revisar_broker() -> dict:
    # Embedded mode runs tasks in-process: there is no broker to reach.
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"estado": "ok", "modo": "eager"}
    try:
        with app.connection_for_write() as conexion:
            conexion.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT_SEGUNDOS)
    except (BrokerError, OSError) as exc:
        return _error(exc)
    return {"estado": "ok", "modo": "broker"}


def revisar_todo() -> dict:
    componentes = {
        "base_de_datos": revisar_base_de_datos(),
        "cache": revisar_cache(),
        "broker": revisar_broker(),
    }
    if componentes["base_de_datos"]["estado"] != "ok":
        estado = "error"
    elif all(c["estado"] == "ok" for c in componentes.values()):
        estado = "ok"
    else:
        estado = "degradado"
    return {"estado": estado, **componentes}
