"""The consejos' figures an informe de gestión can use (civic.indicadores): database aggregation only.

The period counts sessions held (estado realizada) by their date; commitments by the date of the session
that made them.
"""

from collections.abc import Mapping
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.indicadores import Fuente, Resultado
from consejos.models import Compromiso, EstadoSesion, Sesion, TipoInstancia
from consejos.workflow import MAQUINA_COMPROMISO, EstadoCompromiso

PARAMETROS = {
    "tipo": _("Tipo de instancia (vacío: todos)"),
    "instancia": _("Número (id) de una instancia (vacío: todas)"),
}
_TIPOS = dict(TipoInstancia.choices)


def _sesiones(desde: date, hasta: date, parametros: Mapping[str, str]) -> QuerySet[Sesion]:
    consulta = Sesion.objects.filter(estado=EstadoSesion.REALIZADA, inicio__date__range=(desde, hasta))
    if parametros.get("tipo"):
        consulta = consulta.filter(instancia__tipo=parametros["tipo"])
    if str(parametros.get("instancia") or "").isdigit():
        consulta = consulta.filter(instancia_id=int(parametros["instancia"]))
    return consulta


def _por_instancia(
    desde: date, hasta: date, parametros: Mapping[str, str], cifra: Count | Sum, unidad: str
) -> Resultado:
    """`cifra` of the period's sessions per instancia, most first; the total adds them up."""
    filas = list(
        _sesiones(desde, hasta, parametros)
        .values("instancia__nombre")
        .annotate(n=cifra)
        .order_by("-n", "instancia__nombre")
    )
    return Resultado(
        total=sum(f["n"] or 0 for f in filas),
        unidad=unidad,
        filas=tuple((f["instancia__nombre"], f["n"] or 0) for f in filas),
    )


def sesiones_por_instancia(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    return _por_instancia(desde, hasta, parametros, Count("id"), str(_("sesiones")))


def sesiones_por_tipo(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    filas = list(
        _sesiones(desde, hasta, parametros).values("instancia__tipo").annotate(n=Count("id")).order_by("-n")
    )
    return Resultado(
        total=sum(f["n"] for f in filas),
        unidad=str(_("sesiones")),
        filas=tuple((str(_TIPOS.get(f["instancia__tipo"], f["instancia__tipo"])), f["n"]) for f in filas),
    )


def comunas_cubiertas(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    """The comunas and rural corregimientos where sessions were held, with how many in each."""
    filas = list(
        _sesiones(desde, hasta, parametros)
        .exclude(comuna=None)
        .values("comuna__tipo", "comuna__numero", "comuna__nombre", "comuna__zona")
        .annotate(n=Count("id"))
        .order_by("comuna__tipo", "comuna__numero")
    )
    return Resultado(
        total=len(filas),
        unidad=str(_("comunas y corregimientos")),
        filas=tuple(
            (
                f["comuna__nombre"]
                if f["comuna__tipo"] == "comuna"
                else f"{f['comuna__nombre']} ({_('zona rural')})",
                f["n"],
            )
            for f in filas
        ),
    )


def compromisos(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    """Commitments made in the period's sessions: made, fulfilled, in progress, overdue (running past due
    today), cancelled — one aggregate query."""
    hoy = timezone.localdate()
    consulta = Compromiso.objects.filter(sesion__in=_sesiones(desde, hasta, parametros))
    corre = Q(estado__in=MAQUINA_COMPROMISO.en_curso)
    cifras = consulta.aggregate(
        hechos=Count("id"),
        cumplidos=Count("id", filter=Q(estado=EstadoCompromiso.CUMPLIDO)),
        en_curso=Count("id", filter=corre & Q(fecha_vencimiento__gte=hoy)),
        vencidos=Count("id", filter=corre & Q(fecha_vencimiento__lt=hoy)),
        cancelados=Count("id", filter=Q(estado=EstadoCompromiso.CANCELADO)),
    )
    return Resultado(
        total=cifras["hechos"],
        unidad=str(_("compromisos")),
        filas=(
            (str(_("Cumplidos")), cifras["cumplidos"]),
            (str(_("En curso, a tiempo")), cifras["en_curso"]),
            (str(_("Vencidos")), cifras["vencidos"]),
            (str(_("Cancelados")), cifras["cancelados"]),
        ),
    )


def grupos_poblacionales(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    filas = list(
        _sesiones(desde, hasta, parametros)
        .exclude(grupos=None)
        .values("grupos__nombre")
        .annotate(n=Count("id"))
        .order_by("-n", "grupos__nombre")
    )
    return Resultado(
        total=len(filas), unidad=str(_("grupos")), filas=tuple((f["grupos__nombre"], f["n"]) for f in filas)
    )


def asistentes(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    """People reached: the community's head count at open sessions, by instancia."""
    return _por_instancia(desde, hasta, parametros, Sum("asistentes_comunidad"), str(_("personas")))


FUENTES = (
    Fuente(
        "consejos.sesiones_por_instancia",
        _("Sesiones realizadas, por instancia"),
        sesiones_por_instancia,
        parametros=PARAMETROS,
    ),
    Fuente(
        "consejos.sesiones_por_tipo",
        _("Sesiones realizadas, por tipo de instancia"),
        sesiones_por_tipo,
        parametros=PARAMETROS,
    ),
    Fuente(
        "consejos.comunas_cubiertas",
        _("Comunas y zona rural cubiertas por las sesiones"),
        comunas_cubiertas,
        parametros=PARAMETROS,
    ),
    Fuente(
        "consejos.compromisos", _("Compromisos adquiridos y su estado"), compromisos, parametros=PARAMETROS
    ),
    Fuente(
        "consejos.grupos_poblacionales",
        _("Grupos poblacionales alcanzados"),
        grupos_poblacionales,
        parametros=PARAMETROS,
    ),
    Fuente(
        "consejos.asistentes", _("Personas de la comunidad asistentes"), asistentes, parametros=PARAMETROS
    ),
)
