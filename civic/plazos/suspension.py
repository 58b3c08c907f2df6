"""A term that pauses while the petitioner has to act, and resumes with what was left of it.

An organization's procedure stops counting while the organization corrects what the office required
(Decreto 1066/2015 as rewritten by Decreto 1501/2023; CPACA art. 17 applied to a procedure): the
business days left when it paused are kept, and counted again from the day the correction arrives. A
PQRS follows its own rule instead (Ley 1755/2015 art. 17 restarts the whole term).

The fields live on the expediente (`TerminoSuspendible`), the arithmetic here; services pass the
returned fields to `transicionar(campos=...)`, so pausing and resuming are part of the transition.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from civic import calendario


class TerminoSuspendible(models.Model):
    # Null while the term is suspended: nothing runs, the traffic light is grey.
    fecha_vencimiento = models.DateField(_("vence"), null=True, blank=True)
    suspendido_en = models.DateField(_("término suspendido desde"), null=True, blank=True)
    dias_suspendidos = models.PositiveSmallIntegerField(_("días hábiles por correr"), null=True, blank=True)

    class Meta:
        abstract = True


def suspender(vencimiento: date | None, hoy: date) -> dict:
    """The fields that pause a term due on `vencimiento`: the day it pauses counts as used. A term
    already overdue keeps no days: it resumes due on the day the correction arrives."""
    restantes = max(calendario.dias_habiles_entre(hoy, vencimiento), 0) if vencimiento else 0
    return {"fecha_vencimiento": None, "suspendido_en": hoy, "dias_suspendidos": restantes}


def reanudar(dias_suspendidos: int | None, recibido: date) -> dict:
    """The fields that resume a paused term when what was required arrives on `recibido` (a non-business
    day counts as the next business day, CPACA art. 56): the days left run from the day after."""
    recibido = calendario.habil_o_siguiente(recibido)
    vencimiento = calendario.sumar_dias_habiles(recibido, dias_suspendidos or 0)
    return {"fecha_vencimiento": vencimiento, "suspendido_en": None, "dias_suspendidos": None}
