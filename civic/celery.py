"""The Celery application. Tasks live in each app's tasks.py; the beat schedule is built in code.

The code is the source of truth for periodic work. Beat runs django_celery_beat's DatabaseScheduler
(CELERY_BEAT_SCHEDULER), whose setup_schedule() copies these entries into its PeriodicTask table every
time beat starts; editing a task there in the admin lasts only until the next restart. The kernel's own
entries are below; each app adds its own from its AppConfig.ready() (`civic.periodicas.registrar`), so
this module names no app.
"""

import os

from celery import Celery
from celery.schedules import crontab

from civic.periodicas import PROGRAMACION, en_dias_habiles

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")

app = Celery("civic")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["civic.plazos"])

app.conf.beat_schedule = {
    "barrer-notificaciones": {
        "task": "civic.barrer_notificaciones",
        "schedule": crontab(minute="*/5"),
        # A sweep queued behind a backlog is pointless once the next one is due.
        "options": {"expires": 4 * 60},
    },
    # Expired export files are deleted, and jobs whose worker died are marked failed.
    "limpiar-exportaciones": {
        "task": "civic.limpiar_exportaciones",
        "schedule": crontab(minute=15),
        "options": {"expires": 30 * 60},
    },
}


# Reminders go out on business-day mornings, Bogotá time (CELERY_TIMEZONE). The crontab skips weekends;
# a holiday falls on a weekday, so each task checks the business-day calendar itself. The hours come from
# settings ("HH:MM"), read once Celery has loaded Django's configuration.
@app.on_after_configure.connect
def _programar_recordatorios(sender, **kwargs):
    from django.conf import settings

    sender.conf.beat_schedule.update(
        {
            # Every reminder rule every app registered. Idempotent and catching up on missed days, so a
            # late run is harmless: no expiry.
            "barrer-recordatorios": {
                "task": "civic.barrer_recordatorios",
                "schedule": en_dias_habiles(settings.RECORDATORIOS_HORA),
            },
            "enviar-resumenes-diarios": {
                "task": "civic.enviar_resumenes_diarios",
                "schedule": en_dias_habiles(settings.RECORDATORIOS_HORA_RESUMEN),
                # A digest is for the start of the working day; one held back by an outage past the
                # afternoon is dropped (the next business day's digest lists the same things).
                "options": {"expires": 8 * 60 * 60},
            },
            **PROGRAMACION,
        }
    )
