"""The staff work queue: "Mis solicitudes" and "Mi dependencia" (the whole office for Coordinación), each
grouped by traffic light (`civic.plazos.cola`), priority requests first within each group (Ley 1755 de
2015 art. 20), then the nearest due date."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civic.models import Usuario
from civic.plazos.cola import Grupo, agrupar
from pqrs.models import Solicitud
from pqrs.workflow import FINALES, Estado

from .consultas import solicitudes_para_funcionario, ve_todas

# Art. 20 first, then the nearest due date; without a running term, as the staff list orders (newest
# first), which the index pqrs_prioridad_idx serves.
ORDEN = ("-prioritaria", "fecha_vencimiento", "radicada_en", "pk")
ORDEN_SIN_TERMINO = ("-prioritaria", "-radicada_en", "-pk")
# Still to be worked on or waited for: every state but the final ones, as a list the (estado, …) indexes
# can serve (a NOT IN reads the whole table).
ABIERTOS = tuple(estado for estado in Estado if estado not in FINALES)
# What a queue row shows: no description, no personal data (Ley 1581 de 2012).
_CAMPOS = ("radicado", "asunto", "estado", "fecha_vencimiento", "prioritaria", "riesgo_vida", "radicada_en")


@dataclass(frozen=True)
class Seccion:
    clave: str
    titulo: str | Promise
    grupos: list[Grupo]

    @property
    def total(self) -> int:
        return sum(grupo.total for grupo in self.grupos)


def _abiertas(usuario: Usuario) -> QuerySet[Solicitud]:
    """The requests still to be worked on within the user's scope (the changelist's), light columns only."""
    return (
        solicitudes_para_funcionario(usuario).filter(estado__in=ABIERTOS).select_related(None).only(*_CAMPOS)
    )


def cola_de_trabajo(usuario: Usuario, *, hoy: date, maximo: int) -> list[Seccion]:
    """The user's two queues; each lists at most `maximo` rows per light and counts all of them."""
    alcance = _abiertas(usuario)
    titulo_dependencia: str | Promise
    if ve_todas(usuario):
        titulo_dependencia = _("Toda la oficina")
    elif usuario.dependencia is not None:
        titulo_dependencia = _("Mi dependencia: %(nombre)s") % {"nombre": usuario.dependencia.nombre}
    else:
        # No dependencia and not Coordinación: nothing in scope but what is assigned to them, which the
        # changelist would not show either (solicitudes_para_funcionario).
        return []
    return [
        Seccion(
            "mias",
            _("Mis solicitudes"),
            _agrupar(alcance.filter(responsable=usuario), hoy, maximo),
        ),
        Seccion("dependencia", titulo_dependencia, _agrupar(alcance, hoy, maximo)),
    ]


def _agrupar(consulta: QuerySet[Solicitud], hoy: date, maximo: int) -> list[Grupo]:
    return agrupar(consulta, hoy=hoy, orden=ORDEN, orden_sin_termino=ORDEN_SIN_TERMINO, maximo=maximo)
