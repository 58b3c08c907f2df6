"""The registry's figures an informe de gestión can use (civic.indicadores): database aggregation only."""

from collections.abc import Mapping
from datetime import date

from django.db.models import Count, F, Sum
from django.utils.translation import gettext_lazy as _

from civic.indicadores import Fuente, Resultado
from organizaciones.models import (
    Capacitacion,
    ClaseTramite,
    Dignatario,
    Resolucion,
    Sentido,
    TipoOrganizacion,
    Tramite,
)
from organizaciones.workflow import Estado

_TIPOS = dict(TipoOrganizacion.choices)


def _por_tipo(filas) -> tuple[tuple[str, int], ...]:
    return tuple((str(_TIPOS.get(f["tipo"], f["tipo"])), f["n"]) for f in filas)


def personerias_otorgadas(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    filas = list(
        Resolucion.objects.filter(
            clase=ClaseTramite.RECONOCIMIENTO, sentido=Sentido.APRUEBA, fecha__range=(desde, hasta)
        )
        .values(tipo=F("organizacion__tipo"))
        .annotate(n=Count("id"))
        .order_by("-n", "tipo")
    )
    return Resultado(total=sum(f["n"] for f in filas), unidad=str(_("personerías")), filas=_por_tipo(filas))


def dignatarios_inscritos(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    filas = list(
        Dignatario.objects.filter(resolucion__fecha__range=(desde, hasta))
        .values(tipo=F("organizacion__tipo"))
        .annotate(n=Count("id"))
        .order_by("-n", "tipo")
    )
    return Resultado(total=sum(f["n"] for f in filas), unidad=str(_("dignatarios")), filas=_por_tipo(filas))


def tramites_por_estado(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    nombres = dict(Estado.choices)
    filas = list(
        Tramite.objects.filter(fecha_radicacion_efectiva__range=(desde, hasta))
        .values("estado")
        .annotate(n=Count("id"))
        .order_by("-n", "estado")
    )
    return Resultado(
        total=sum(f["n"] for f in filas),
        unidad=str(_("trámites")),
        filas=tuple((str(nombres.get(f["estado"], f["estado"])), f["n"]) for f in filas),
    )


def capacitaciones(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    en_periodo = Capacitacion.objects.filter(fecha__range=(desde, hasta))
    cifras = en_periodo.aggregate(sesiones=Count("id"), asistentes=Sum("asistentes"))
    alcanzadas = en_periodo.values("organizaciones").exclude(organizaciones=None).distinct().count()
    return Resultado(
        total=cifras["sesiones"],
        unidad=str(_("capacitaciones")),
        filas=(
            (str(_("Asistentes")), cifras["asistentes"] or 0),
            (str(_("Organizaciones alcanzadas")), alcanzadas),
        ),
    )


FUENTES = (
    Fuente(
        "organizaciones.personerias_otorgadas", _("Personerías jurídicas otorgadas"), personerias_otorgadas
    ),
    Fuente("organizaciones.dignatarios_inscritos", _("Dignatarios inscritos"), dignatarios_inscritos),
    Fuente(
        "organizaciones.tramites_por_estado",
        _("Trámites de organizaciones radicados, por estado"),
        tramites_por_estado,
    ),
    Fuente("organizaciones.capacitaciones", _("Capacitaciones a organizaciones"), capacitaciones),
)
