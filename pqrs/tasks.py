"""Thin Celery tasks of PQRS: the daily legal sweeps, each a service that re-checks every row."""

from celery import shared_task

from pqrs.services import notificacion, silencio


@shared_task(name="pqrs.barrer_silencios", ignore_result=True)
def barrer_silencios_task() -> int:
    # Ley 1755/2015 art. 14 num. 1: information requests unanswered at the end of their term.
    return silencio.barrer_silencios()


@shared_task(name="pqrs.notificar_publicadas", ignore_result=True)
def notificar_publicadas_task() -> int:
    # CPACA art. 69: published answers count as notified without staff action.
    return notificacion.notificar_publicadas()
