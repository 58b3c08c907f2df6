"""Helpers shared by the test modules (fixtures live in conftest.py)."""

import os
import socket
from contextlib import contextmanager

import pytest
from django.conf import settings

from civic.celery import app

# Nothing listens on port 1: publishing there fails the way a Redis outage does.
BROKER_CAIDO = "redis://127.0.0.1:1/0"


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


@contextmanager
def configurar_celery(**opciones):
    """Change the Celery app's configuration for a while.

    Celery caches the broker connection pool and the queue table built from its configuration, so both are
    dropped on the way in and on the way out.
    """
    anteriores = {clave: app.conf[clave] for clave in opciones}
    app.conf.update(opciones)
    _olvidar_conexiones()
    try:
        yield
    finally:
        app.conf.update(anteriores)
        _olvidar_conexiones()


def _olvidar_conexiones():
    app._pool = None
    del app.amqp


def apuntar_a_smtp_caido(settings):
    """A real SMTP backend aimed at a local port where nothing listens: every send is refused."""
    with socket.socket() as sonda:
        sonda.bind(("127.0.0.1", 0))
        puerto = sonda.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = puerto
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2
    return settings


@contextmanager
def trabajador_celery():
    """A real Celery worker in this process, consuming from the real Redis on a queue of its own.

    pytest-xdist runs several test processes against one Redis; a private queue keeps each process's
    worker from taking another's tasks. Tasks published meanwhile (delay, send_task, beat's apply_entry)
    go to that queue, being the default one. Skips (or fails under CI=true) without REDIS_URL.
    """
    import logging
    from uuid import uuid4

    from celery.contrib.testing.worker import start_worker

    requiere_servicios(redis=True)
    cola = f"test-{uuid4().hex}"
    raiz = logging.getLogger()
    nivel = raiz.level
    try:
        with (
            configurar_celery(
                task_always_eager=False,
                task_default_queue=cola,
                broker_url=settings.REDIS_URL,
                worker_hijack_root_logger=False,
            ),
            start_worker(
                app,
                pool="solo",
                perform_ping_check=False,
                queues=[cola],
                loglevel=logging.getLevelName(nivel),
                shutdown_timeout=30,
            ),
        ):
            yield cola
    finally:
        # The worker's logging setup sets the root level for the whole process.
        raiz.setLevel(nivel)


def verificada(radicado: str, codigo: str):
    """The expediente object whose code this is (the kernel's one check), or None."""
    from civic.expedientes import radicados

    hallado = radicados.verificar(radicado, codigo)
    return hallado[1] if hallado else None
