"""Thin periodic tasks: load, re-check, call a service."""

from celery import shared_task
from django.utils import timezone

from .services import registro


@shared_task(name="organizaciones.levantar_suspensiones")
def levantar_suspensiones_task() -> int:
    return registro.levantar_suspensiones_vencidas(hoy=timezone.localdate())
