"""Thin Celery tasks of the PQRS app, run by beat on business-day mornings (schedule in civic/celery.py).

Both are idempotent: every reminder is recorded under a unique key before it is sent, so a redelivered
task (acks_late, a worker killed mid-sweep), a second beat or a manual run sends nothing twice and
finishes what an interrupted run left undone. Holidays are skipped inside the services.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from pqrs import recordatorios

# A dropped database connection is worth another try: the sweep resumes where it stopped.
_TRANSITORIOS = (OperationalError, InterfaceError)


@shared_task(
    name="pqrs.barrer_recordatorios",
    acks_late=True,
    ignore_result=True,
    autoretry_for=_TRANSITORIOS,
    retry_backoff=30,
    max_retries=5,
)
def barrer_recordatorios_task() -> dict:
    return recordatorios.describir(recordatorios.barrer_recordatorios())


@shared_task(
    name="pqrs.enviar_resumenes_diarios",
    acks_late=True,
    ignore_result=True,
    autoretry_for=_TRANSITORIOS,
    retry_backoff=30,
    max_retries=5,
)
def enviar_resumenes_diarios_task() -> dict:
    return recordatorios.describir(recordatorios.enviar_resumenes_diarios())
