"""IVC alerts computed from the registry and the law's calendar (Ley 2166 de 2021 arts. 11 and 36).

Four alerts, each a query (never one per organization), all as of `hoy`:
- sin_dignatarios: an active communal organization with no dignatario inscribed for the period running
  on `hoy` (vigente, starting on or after the period's start; `organizaciones.periodos`).
- sin_tribunal: an election within the next 30 days (or sooner) whose tribunal de garantías was not
  formed at least 30 days before it (art. 36 and the statutes).
- sin_actividad: an active communal organization with no activity recorded in the last year, or none at
  all (art. 11: a year without activity is a cause of suspension).
- pocos_afiliados: an active JAC with fewer than half the art. 11 minimum of afiliados for its territory.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from organizaciones import periodos
from organizaciones.models import (
    COMUNALES,
    ClaseTerritorio,
    Dignatario,
    Eleccion,
    EstadoOrganizacion,
    Organizacion,
    TipoOrganizacion,
)
from organizaciones.validaciones import MINIMO_AFILIADOS_JAC, minimo_afiliados

DIAS_TRIBUNAL = 30
CLAVES = ("sin_dignatarios", "sin_tribunal", "sin_actividad", "pocos_afiliados")
TITULOS = {
    "sin_dignatarios": _("Sin dignatarios inscritos para el periodo en curso"),
    "sin_tribunal": _("Elección próxima sin tribunal de garantías a tiempo"),
    "sin_actividad": _("Sin actividad registrada en el último año"),
    "pocos_afiliados": _("Afiliados por debajo del 50 % del mínimo legal"),
}
FUNDAMENTOS = {
    "sin_dignatarios": _("Ley 2166 de 2021, art. 36: periodos de los dignatarios."),
    "sin_tribunal": _("Ley 2166 de 2021, art. 36: el tribunal de garantías se conforma 30 días antes."),
    "sin_actividad": _("Ley 2166 de 2021, art. 11: un año sin actividad es causal de suspensión."),
    "pocos_afiliados": _("Ley 2166 de 2021, art. 11: número mínimo de afiliados de una junta."),
}


@dataclass
class Fila:
    organizacion: Organizacion
    detalle: str | Promise


@dataclass
class Seccion:
    clave: str
    titulo: str | Promise
    fundamento: str | Promise
    total: int
    filas: list[Fila] = field(default_factory=list)

    @property
    def ocultas(self) -> int:
        return self.total - len(self.filas)


def _hace_un_anio(hoy: date) -> date:
    try:
        return hoy.replace(year=hoy.year - 1)
    except ValueError:  # 29 February
        return hoy.replace(year=hoy.year - 1, day=28)


def _condicion_sin_dignatarios(hoy: date) -> Q:
    condicion = Q()
    for tipo in COMUNALES:
        inicio = periodos.inicio_del_periodo(tipo, hoy)
        inscritos = Dignatario.objects.filter(organizacion=OuterRef("pk"), vigente=True, inicio__gte=inicio)
        condicion |= Q(Q(tipo=tipo), ~Exists(inscritos))
    return Q(tipo__in=COMUNALES, estado=EstadoOrganizacion.ACTIVA) & condicion


def _condicion_sin_actividad(hoy: date) -> Q:
    return Q(tipo__in=COMUNALES, estado=EstadoOrganizacion.ACTIVA) & (
        Q(ultima_actividad__isnull=True) | Q(ultima_actividad__lt=_hace_un_anio(hoy))
    )


def _condicion_pocos_afiliados() -> Q:
    condicion = Q()
    for clase in ClaseTerritorio.values:
        minimo = MINIMO_AFILIADOS_JAC[ClaseTerritorio(clase)]
        # "Below 50%": afiliados < minimo / 2, i.e. fewer than its ceiling (75 → 37 or fewer).
        condicion |= Q(clase_territorio=clase, afiliados__lt=math.ceil(minimo / 2))
    return Q(tipo=TipoOrganizacion.JAC, estado=EstadoOrganizacion.ACTIVA) & condicion


def _elecciones_sin_tribunal(hoy: date) -> QuerySet:
    return (
        Eleccion.objects.filter(fecha__gte=hoy, fecha__lte=hoy + timedelta(days=DIAS_TRIBUNAL))
        .filter(
            Q(tribunal_conformado_en__isnull=True)
            | Q(tribunal_conformado_en__gt=F("fecha") - timedelta(days=DIAS_TRIBUNAL))
        )
        .exclude(organizacion__estado=EstadoOrganizacion.CANCELADA)
    )


def conteos(hoy: date) -> dict[str, int]:
    """How many organizations (elections) each alert has: two queries."""
    totales = Organizacion.objects.aggregate(
        sin_dignatarios=Count("pk", filter=_condicion_sin_dignatarios(hoy)),
        sin_actividad=Count("pk", filter=_condicion_sin_actividad(hoy)),
        pocos_afiliados=Count("pk", filter=_condicion_pocos_afiliados()),
    )
    totales["sin_tribunal"] = _elecciones_sin_tribunal(hoy).count()
    return {clave: totales[clave] for clave in CLAVES}


def alertas(hoy: date, *, maximo: int = 100, solo: str | None = None) -> list[Seccion]:
    """Each alert with its total and its first `maximo` rows: two queries for the totals and one per
    alert for its rows (`solo`: just that one)."""
    totales = conteos(hoy)
    claves = [solo] if solo in CLAVES else list(CLAVES)
    secciones = []
    for clave in claves:
        seccion = Seccion(clave, TITULOS[clave], FUNDAMENTOS[clave], totales[clave])
        if seccion.total:
            seccion.filas = _FILAS[clave](hoy, maximo)
        secciones.append(seccion)
    return secciones


def _organizaciones(condicion: Q, orden: list[str], maximo: int) -> list[Organizacion]:
    return list(Organizacion.objects.filter(condicion).select_related("comuna").order_by(*orden)[:maximo])


def _filas_sin_dignatarios(hoy: date, maximo: int) -> list[Fila]:
    filas = []
    for organizacion in _organizaciones(
        _condicion_sin_dignatarios(hoy), ["comuna__numero", "nombre"], maximo
    ):
        inicio = periodos.inicio_del_periodo(organizacion.tipo, hoy)
        filas.append(Fila(organizacion, _("El periodo empezó el %(fecha)s.") % {"fecha": inicio.isoformat()}))
    return filas


def _filas_sin_tribunal(hoy: date, maximo: int) -> list[Fila]:
    filas = []
    for eleccion in (
        _elecciones_sin_tribunal(hoy).select_related("organizacion__comuna").order_by("fecha", "id")[:maximo]
    ):
        limite = eleccion.fecha - timedelta(days=DIAS_TRIBUNAL)
        if eleccion.tribunal_conformado_en:
            detalle = _(
                "Elección el %(fecha)s; el tribunal se conformó el %(conformado)s, después del %(limite)s."
            ) % {
                "fecha": eleccion.fecha.isoformat(),
                "conformado": eleccion.tribunal_conformado_en.isoformat(),
                "limite": limite.isoformat(),
            }
        else:
            detalle = _(
                "Elección el %(fecha)s; el tribunal no se ha conformado (debía estarlo el %(limite)s)."
            ) % {"fecha": eleccion.fecha.isoformat(), "limite": limite.isoformat()}
        filas.append(Fila(eleccion.organizacion, detalle))
    return filas


def _filas_sin_actividad(hoy: date, maximo: int) -> list[Fila]:
    filas = []
    orden = ["ultima_actividad", "comuna__numero", "nombre"]
    for organizacion in _organizaciones(_condicion_sin_actividad(hoy), orden, maximo):
        detalle: str | Promise
        if organizacion.ultima_actividad:
            detalle = _("Última actividad registrada el %(fecha)s.") % {
                "fecha": organizacion.ultima_actividad.isoformat()
            }
        else:
            detalle = _("No tiene actividad registrada.")
        filas.append(Fila(organizacion, detalle))
    return filas


def _filas_pocos_afiliados(hoy: date, maximo: int) -> list[Fila]:
    filas = []
    for organizacion in _organizaciones(_condicion_pocos_afiliados(), ["afiliados", "nombre"], maximo):
        minimo = minimo_afiliados(organizacion.tipo, organizacion.clase_territorio)
        filas.append(
            Fila(
                organizacion,
                _("%(afiliados)s afiliados; el mínimo es %(minimo)s.")
                % {"afiliados": organizacion.afiliados, "minimo": minimo},
            )
        )
    return filas


_FILAS = {
    "sin_dignatarios": _filas_sin_dignatarios,
    "sin_tribunal": _filas_sin_tribunal,
    "sin_actividad": _filas_sin_actividad,
    "pocos_afiliados": _filas_pocos_afiliados,
}
