"""The Celery application. Tasks live in each app's tasks.py; the beat schedule is in code below."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")

app = Celery("civic")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The code is the source of truth for periodic work. Beat runs django_celery_beat's DatabaseScheduler
# (CELERY_BEAT_SCHEDULER), whose setup_schedule() copies these entries into its PeriodicTask table every
# time beat starts; editing a task there in the admin lasts only until the next restart. Tasks are named
# by string so that civic imports no domain app.
app.conf.beat_schedule = {
    "barrer-notificaciones": {
        "task": "civic.barrer_notificaciones",
        "schedule": crontab(minute="*/5"),
        # A sweep queued behind a backlog is pointless once the next one is due.
        "options": {"expires": 4 * 60},
    },
}
