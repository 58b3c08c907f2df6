"""The PQRS figures an informe de gestión can use (civic.indicadores), all through pqrs.selectors.reportes:
one aggregate query each, whatever the number of requests."""

from collections.abc import Mapping
from datetime import date

from django.utils.translation import gettext_lazy as _

from civic.indicadores import Fuente, Resultado
from pqrs.models import Solicitud
from pqrs.selectors import reportes

PARAMETROS = {"dependencia": _("Sigla de la dependencia (vacío: todas)")}


def _base(parametros: Mapping[str, str]):
    sigla = (parametros.get("dependencia") or "").strip()
    return Solicitud.objects.filter(dependencia__sigla__iexact=sigla) if sigla else None


def _conteo(dimension: str, sin_dato):
    def calcular(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
        filas = reportes.conteo_por(dimension, desde=desde, hasta=hasta, base=_base(parametros))
        return Resultado(
            total=sum(f["total"] for f in filas),
            unidad=str(_("solicitudes")),
            filas=tuple((f["etiqueta"] or str(sin_dato), f["total"]) for f in filas),
        )

    return calcular


def _a_tiempo(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    cifras = reportes.indicadores(desde=desde, hasta=hasta, base=_base(parametros))
    return Resultado(
        total=cifras["porcentaje_a_tiempo"],
        unidad="%",
        filas=(
            (str(_("Recibidas")), cifras["total"]),
            (str(_("Respondidas")), cifras["respondidas"]),
            (str(_("Respondidas a tiempo")), cifras["a_tiempo"]),
            (str(_("En trámite vencidas")), cifras["vencidas"]),
        ),
    )


def _promedio(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    cifras = reportes.indicadores(desde=desde, hasta=hasta, base=_base(parametros))
    promedio = cifras["promedio_dias_respuesta"]
    return Resultado(
        total=round(promedio, 1) if promedio is not None else None, unidad=str(_("días hábiles"))
    )


def _acceso(desde: date, hasta: date, parametros: Mapping[str, str]) -> Resultado:
    cifras = reportes.informe_acceso_informacion(desde=desde, hasta=hasta, base=_base(parametros))
    promedio = cifras["promedio_dias_respuesta"]
    return Resultado(
        total=cifras["recibidas"],
        unidad=str(_("solicitudes de información")),
        filas=(
            (str(_("Recibidas")), cifras["recibidas"]),
            (str(_("Trasladadas a otra entidad")), cifras["trasladadas"]),
            (str(_("Respondidas")), cifras["respondidas"]),
            (str(_("Respondidas a tiempo")), cifras["respondidas_a_tiempo"]),
            (str(_("Negadas")), cifras["negadas"]),
            (str(_("Tiempo promedio de respuesta (días hábiles)")), round(promedio, 1) if promedio else None),
        ),
    )


FUENTES = (
    Fuente(
        "pqrs.recibidas_por_tipo",
        _("PQRS recibidas, por tipo"),
        _conteo("modalidad", "—"),
        parametros=PARAMETROS,
    ),
    Fuente(
        "pqrs.recibidas_por_dependencia",
        _("PQRS recibidas, por dependencia"),
        _conteo("dependencia", _("Sin asignar")),
        parametros=PARAMETROS,
    ),
    Fuente(
        "pqrs.recibidas_por_comuna",
        _("PQRS recibidas, por comuna"),
        _conteo("comuna", _("Sin comuna")),
        parametros=PARAMETROS,
    ),
    Fuente("pqrs.respondidas_a_tiempo", _("PQRS respondidas a tiempo (%)"), _a_tiempo, parametros=PARAMETROS),
    Fuente(
        "pqrs.promedio_dias_respuesta",
        _("Días hábiles promedio para responder una PQRS"),
        _promedio,
        parametros=PARAMETROS,
    ),
    Fuente(
        "pqrs.acceso_informacion",
        _("Solicitudes de acceso a la información (Ley 1712 de 2014)"),
        _acceso,
        parametros=PARAMETROS,
    ),
)
