"""Figures for the PQRS reports (Ley 1474/2011 art. 76) and the information-requests report (Ley 1712/2014).

Every function takes an optional `base` queryset, so a dependencia's own report is the same code run on
`solicitudes_para_funcionario(usuario)`. Periods filter the effective filing date, both ends included.
"""

from datetime import date

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from pqrs.models import Canal, SentidoRespuesta, Solicitud
from pqrs.workflow import EN_CURSO, Estado

# dimension → (field grouped by, field giving the label)
DIMENSIONES = {
    "modalidad": ("modalidad_id", "modalidad__nombre"),
    "estado": ("estado", None),
    "dependencia": ("dependencia_id", "dependencia__nombre"),
    "comuna": ("comuna_id", "comuna__nombre"),
    "canal": ("canal", None),
    "condicion": ("condiciones__id", "condiciones__nombre"),
}
_ETIQUETAS = {"estado": dict(Estado.choices), "canal": dict(Canal.choices)}


def en_periodo(
    desde: date | None = None, hasta: date | None = None, base: QuerySet[Solicitud] | None = None
) -> QuerySet[Solicitud]:
    qs = Solicitud.objects.all() if base is None else base
    if desde:
        qs = qs.filter(fecha_radicacion_efectiva__gte=desde)
    if hasta:
        qs = qs.filter(fecha_radicacion_efectiva__lte=hasta)
    return qs


def conteo_por(
    dimension: str,
    *,
    desde: date | None = None,
    hasta: date | None = None,
    base: QuerySet[Solicitud] | None = None,
) -> list[dict]:
    """[{'clave', 'etiqueta', 'total'}] most frequent first. A null key (no comuna, no dependencia,
    no condition declared) comes with an empty label; a request with two conditions counts in both."""
    if dimension == "mes":
        return por_mes(desde=desde, hasta=hasta, base=base)
    campo, etiqueta = DIMENSIONES[dimension]
    campos = [campo] if etiqueta is None else [campo, etiqueta]
    filas = (
        en_periodo(desde, hasta, base)
        .order_by()
        .values(*campos)
        .annotate(total=Count("id", distinct=dimension == "condicion"))
        .order_by("-total", campo)
    )
    nombres = _ETIQUETAS.get(dimension, {})
    return [
        {
            "clave": fila[campo],
            "etiqueta": str(nombres.get(fila[campo], fila[campo]))
            if etiqueta is None
            else (fila[etiqueta] or ""),
            "total": fila["total"],
        }
        for fila in filas
    ]


def por_mes(
    *, desde: date | None = None, hasta: date | None = None, base: QuerySet[Solicitud] | None = None
) -> list[dict]:
    filas = (
        en_periodo(desde, hasta, base)
        .order_by()
        .annotate(mes=TruncMonth("fecha_radicacion_efectiva"))
        .values("mes")
        .annotate(total=Count("id"))
        .order_by("mes")
    )
    return [{"clave": f["mes"], "etiqueta": f"{f['mes']:%Y-%m}", "total": f["total"]} for f in filas]


def indicadores(
    *,
    desde: date | None = None,
    hasta: date | None = None,
    hoy: date | None = None,
    base: QuerySet[Solicitud] | None = None,
) -> dict:
    """Totals, % of answers on time, average business days to answer and open overdue requests (one query)."""
    hoy = hoy or timezone.localdate()
    cifras = en_periodo(desde, hasta, base).aggregate(
        total=Count("id"),
        respondidas=Count("id", filter=Q(respondida_en__isnull=False)),
        a_tiempo=Count("id", filter=Q(respondida_a_tiempo=True)),
        en_curso=Count("id", filter=Q(estado__in=EN_CURSO)),
        vencidas=Count("id", filter=Q(estado__in=EN_CURSO, fecha_vencimiento__lt=hoy)),
        en_espera=Count("id", filter=Q(estado=Estado.EN_ESPERA_CIUDADANO)),
        trasladadas=Count("id", filter=Q(estado=Estado.TRASLADADA)),
        promedio_dias_respuesta=Avg("dias_habiles_respuesta"),
    )
    cifras["porcentaje_a_tiempo"] = _porcentaje(cifras["a_tiempo"], cifras["respondidas"])
    return cifras


def informe_acceso_informacion(
    *, desde: date | None = None, hasta: date | None = None, base: QuerySet[Solicitud] | None = None
) -> dict:
    """Ley 1712/2014 art. 11 lit. h and Decreto 103/2015 art. 52: information requests received,
    transferred, answered (on time), denied, and the average answer time."""
    qs = en_periodo(desde, hasta, base).filter(modalidad__es_acceso_informacion=True)
    cifras = qs.aggregate(
        recibidas=Count("id"),
        trasladadas=Count("id", filter=Q(estado=Estado.TRASLADADA)),
        respondidas=Count("id", filter=Q(respondida_en__isnull=False)),
        respondidas_a_tiempo=Count("id", filter=Q(respondida_a_tiempo=True)),
        negadas=Count("id", filter=Q(sentido_respuesta=SentidoRespuesta.NIEGA)),
        en_tramite=Count("id", filter=Q(estado__in=[*EN_CURSO, Estado.EN_ESPERA_CIUDADANO])),
        promedio_dias_respuesta=Avg("dias_habiles_respuesta"),
    )
    cifras["porcentaje_a_tiempo"] = _porcentaje(cifras["respondidas_a_tiempo"], cifras["respondidas"])
    return cifras


def _porcentaje(parte: int, todo: int) -> float | None:
    return round(100 * parte / todo, 1) if todo else None
