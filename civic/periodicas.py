"""Periodic tasks the apps declare; beat's schedule is built from them (`civic/celery.py`).

An app calls `registrar(nombre, tarea, horario)` from its `AppConfig.ready()`. The kernel's own entries
(the outbox sweep, the reminder sweep of every rule, the daily digest) are declared in `civic.celery`.
"""

from celery.schedules import crontab

PROGRAMACION: dict[str, dict] = {}


def registrar(nombre: str, tarea: str, horario, **opciones) -> None:
    """Add or replace the beat entry `nombre` running the task named `tarea`."""
    entrada = {"task": tarea, "schedule": horario}
    if opciones:
        entrada["options"] = opciones
    PROGRAMACION[nombre] = entrada
    from civic.celery import app

    app.conf.beat_schedule[nombre] = entrada


def en_dias_habiles(hora_minuto: str) -> crontab:
    """Weekdays at HH:MM (Bogotá, CELERY_TIMEZONE); tasks skip holidays themselves."""
    hora, minuto = (int(parte) for parte in hora_minuto.split(":"))
    return crontab(hour=hora, minute=minuto, day_of_week="mon-fri")
