"""Saved informe templates: the legally required PQRS reports, built over the PQRS sources
(civic.indicadores) for any period and, optionally, one dependencia. `rendicion.services.plantillas`
makes a draft informe from one; its page, PDF and CSV are the informe's."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class IndicadorPlantilla:
    nombre: str | Promise
    fuente: str
    grafico: str = ""


@dataclass(frozen=True)
class SeccionPlantilla:
    titulo: str | Promise
    narrativa: str | Promise
    indicadores: tuple[IndicadorPlantilla, ...]


@dataclass(frozen=True)
class Plantilla:
    clave: str
    nombre: str | Promise
    titulo: str | Promise  # "%(desde)s", "%(hasta)s" and "%(dependencia)s" are filled in
    secciones: tuple[SeccionPlantilla, ...]


PQRS = Plantilla(
    clave="pqrs_ley_1474",
    nombre=_("Informe periódico de PQRS (Ley 1474 de 2011, art. 76)"),
    titulo=_("Informe de PQRS %(dependencia)sdel %(desde)s al %(hasta)s"),
    secciones=(
        SeccionPlantilla(
            _("Solicitudes recibidas"),
            _(
                "Peticiones, quejas, reclamos, sugerencias y denuncias recibidas en el periodo por todos los "
                "canales de atención, según el artículo 76 de la Ley 1474 de 2011."
            ),
            (
                IndicadorPlantilla(_("PQRS recibidas, por tipo"), "pqrs.recibidas_por_tipo", "barras"),
                IndicadorPlantilla(
                    _("PQRS recibidas, por dependencia"), "pqrs.recibidas_por_dependencia", "barras"
                ),
                IndicadorPlantilla(_("PQRS recibidas, por comuna"), "pqrs.recibidas_por_comuna", "barras"),
            ),
        ),
        SeccionPlantilla(
            _("Oportunidad de las respuestas"),
            _(
                "Respuestas dadas dentro del término legal (Ley 1755 de 2015) y tiempo promedio de respuesta "
                "en días hábiles."
            ),
            (
                IndicadorPlantilla(_("PQRS respondidas a tiempo"), "pqrs.respondidas_a_tiempo", "barras"),
                IndicadorPlantilla(_("Tiempo promedio de respuesta"), "pqrs.promedio_dias_respuesta"),
            ),
        ),
    ),
)

ACCESO = Plantilla(
    clave="acceso_ley_1712",
    nombre=_("Informe de solicitudes de acceso a la información (Ley 1712 de 2014)"),
    titulo=_("Informe de solicitudes de acceso a la información %(dependencia)sdel %(desde)s al %(hasta)s"),
    secciones=(
        SeccionPlantilla(
            _("Solicitudes de acceso a la información pública"),
            _(
                "Número de solicitudes recibidas, trasladadas a otra entidad, tiempo de respuesta a cada "
                "solicitud y número de solicitudes en las que se negó el acceso a la información (Ley 1712 "
                "de 2014, art. 11 literal h; Decreto 1081 de 2015, art. 2.1.1.6.2)."
            ),
            (
                # Counts and days in one breakdown: a table, not a chart.
                IndicadorPlantilla(_("Solicitudes de información recibidas"), "pqrs.acceso_informacion"),
            ),
        ),
    ),
)

PLANTILLAS: dict[str, Plantilla] = {p.clave: p for p in (PQRS, ACCESO)}


def opciones() -> list[tuple[str, str]]:
    return [(p.clave, str(p.nombre)) for p in PLANTILLAS.values()]
