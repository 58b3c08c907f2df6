"""The traffic light of a running term, and the date ranges that filter by it: the one place of the rule.

Pure functions of the due date, today and the yellow threshold (SEMAFORO_AMARILLO business days, default
3): the admin column, the admin filter, the selectors, the tracking pages and the digest all ask here.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic import calendario


class Semaforo(models.TextChoices):
    VERDE = "verde", _("A tiempo")
    AMARILLO = "amarillo", _("Por vencer")
    ROJO = "rojo", _("Vencida")
    # Term not running: paused (art. 17), finished, or no legal term (felicitación).
    GRIS = "gris", _("Sin término en curso")


# Most urgent first: the order of the digest's groups and of a work queue.
POR_URGENCIA = (Semaforo.ROJO, Semaforo.AMARILLO, Semaforo.VERDE, Semaforo.GRIS)


def umbral_amarillo() -> int:
    return settings.SEMAFORO_AMARILLO


def dias_restantes(vencimiento: date, hoy: date) -> int:
    """Business days in (hoy, vencimiento]; negative once it is overdue (Ley 4/1913 art. 62)."""
    return calendario.dias_habiles_entre(hoy, vencimiento)


def luz(vencimiento: date | None, hoy: date, *, en_curso: bool) -> Semaforo:
    """Green, yellow (≤ SEMAFORO_AMARILLO business days left) or red (overdue); grey when not running."""
    if not en_curso or vencimiento is None:
        return Semaforo.GRIS
    restantes = dias_restantes(vencimiento, hoy)
    if restantes < 0:
        return Semaforo.ROJO
    if restantes <= umbral_amarillo():
        return Semaforo.AMARILLO
    return Semaforo.VERDE


def ultimo_dia_habil(hoy: date) -> date:
    """The latest business day on or before `hoy`."""
    dia = hoy
    while not calendario.es_dia_habil(dia):
        dia -= timedelta(days=1)
    return dia


def rangos(hoy: date) -> tuple[date, date]:
    """(first due date that is not red, first due date that is green), the boundaries `luz` draws.

    `luz` counts the business days in (hoy, vencimiento]: negative → red, 0..umbral → yellow. So a term is
    red when a business day lies in (vencimiento, hoy], i.e. vencimiento < the last business day up to
    today (a due Friday is still yellow on Saturday), and green when vencimiento is on or after the
    (umbral + 1)-th business day after today. As date ranges a filter uses an index on the due date
    instead of computing the light row by row.
    """
    return ultimo_dia_habil(hoy), calendario.sumar_dias_habiles(hoy, umbral_amarillo() + 1)


def condicion(valor: str, hoy: date, *, en_curso: Q, campo: str = "fecha_vencimiento") -> Q:
    """The rows whose light is `valor`, as a condition on the due-date field (same answer as `luz`)."""
    no_rojo, verde = rangos(hoy)
    corriendo = en_curso & Q(**{f"{campo}__isnull": False})
    if valor == Semaforo.ROJO:
        return corriendo & Q(**{f"{campo}__lt": no_rojo})
    if valor == Semaforo.AMARILLO:
        return corriendo & Q(**{f"{campo}__gte": no_rojo, f"{campo}__lt": verde})
    if valor == Semaforo.VERDE:
        return corriendo & Q(**{f"{campo}__gte": verde})
    if valor == Semaforo.GRIS:
        return ~corriendo
    raise ValueError(valor)
