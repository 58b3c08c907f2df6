"""Changelist filters that translate to indexed conditions, so they stay fast over a million rows."""

from datetime import date, timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic import calendario
from pqrs.models import Consecutivo
from pqrs.selectors import Semaforo, umbral_amarillo
from pqrs.workflow import EN_CURSO


def ultimo_dia_habil(hoy: date) -> date:
    """The latest business day on or before `hoy`."""
    dia = hoy
    while not calendario.es_dia_habil(dia):
        dia -= timedelta(days=1)
    return dia


def rangos_semaforo(hoy: date) -> tuple[date, date]:
    """(first due date that is not red, first due date that is green) for `pqrs.selectors.semaforo`.

    `semaforo` counts the business days in (hoy, vencimiento]: negative → red, 0..umbral → yellow. So a
    request is red when a business day lies in (vencimiento, hoy], i.e. vencimiento < the last business
    day up to today (a due Friday is still yellow on Saturday), and green when vencimiento is on or after
    the (umbral + 1)-th business day after today. As date ranges the filter uses the
    (estado, fecha_vencimiento) index instead of computing the light row by row.
    """
    return ultimo_dia_habil(hoy), calendario.sumar_dias_habiles(hoy, umbral_amarillo() + 1)


class SemaforoFilter(admin.SimpleListFilter):
    title = _("semáforo")
    parameter_name = "semaforo"

    def lookups(self, request, model_admin):
        return Semaforo.choices

    def queryset(self, request, queryset):
        valor = self.value()
        if not valor:
            return queryset
        no_rojo, verde = rangos_semaforo(timezone.localdate())
        en_curso = queryset.filter(estado__in=EN_CURSO, fecha_vencimiento__isnull=False)
        if valor == Semaforo.ROJO:
            return en_curso.filter(fecha_vencimiento__lt=no_rojo)
        if valor == Semaforo.AMARILLO:
            return en_curso.filter(fecha_vencimiento__gte=no_rojo, fecha_vencimiento__lt=verde)
        if valor == Semaforo.VERDE:
            return en_curso.filter(fecha_vencimiento__gte=verde)
        if valor == Semaforo.GRIS:
            return queryset.exclude(estado__in=EN_CURSO, fecha_vencimiento__isnull=False)
        return queryset


class AnioFilter(admin.SimpleListFilter):
    """Year of radicación: the leading column of the (anio, consecutivo) unique index."""

    title = _("año")
    parameter_name = "anio"

    def lookups(self, request, model_admin):
        # One row per year in Consecutivo: no DISTINCT over the requests table.
        anios = Consecutivo.objects.filter(ultimo__gt=0).order_by("-anio").values_list("anio", flat=True)
        return [(str(anio), str(anio)) for anio in anios]

    def queryset(self, request, queryset):
        valor = self.value()
        if valor and valor.isdigit():
            return queryset.filter(anio=int(valor))
        return queryset
