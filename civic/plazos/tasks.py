"""Thin Celery tasks of the reminder engine, run by beat on business-day mornings (civic/celery.py).

Both are idempotent: every reminder is recorded under a unique key before it is sent, so a redelivered
task (acks_late, a worker killed mid-sweep), a second beat or a manual run sends nothing twice and
finishes what an interrupted run left undone. Holidays are skipped inside the sweeps.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import recordatorios, resumen

# A dropped database connection is worth another try: the sweep resumes where it stopped.
_TRANSITORIOS = (OperationalError, InterfaceError)


@shared_task(
    name="civic.barrer_recordatorios",
    acks_late=True,
    ignore_result=True,
    autoretry_for=_TRANSITORIOS,
    retry_backoff=30,
    max_retries=5,
)
def barrer_recordatorios_task() -> dict:
    return recordatorios.describir(recordatorios.barrer_todo())


@shared_task(
    name="civic.enviar_resumenes_diarios",
    acks_late=True,
    ignore_result=True,
    autoretry_for=_TRANSITORIOS,
    retry_backoff=30,
    max_retries=5,
)
def enviar_resumenes_diarios_task() -> dict:
    return recordatorios.describir(resumen.enviar_resumenes_diarios())
