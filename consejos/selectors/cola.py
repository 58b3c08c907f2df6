"""The technical secretariat's work queue: held sessions whose acta is not yet published (oldest first,
with the business days gone by) and the running commitments by traffic light (`civic.plazos.cola`).
A fixed number of queries, whatever the rows."""

from dataclasses import dataclass
from datetime import date

from civic import calendario
from civic.plazos.cola import Grupo, agrupar
from consejos.models import Acta, Compromiso
from consejos.workflow import MAQUINA_ACTA, MAQUINA_COMPROMISO

ORDEN_COMPROMISOS = ("fecha_vencimiento", "pk")
ORDEN_SIN_TERMINO = ("-fecha_vencimiento", "-pk")


@dataclass(frozen=True)
class ActaPendiente:
    acta: Acta
    dias: int  # business days since the session


@dataclass(frozen=True)
class Cola:
    actas: list[ActaPendiente]
    actas_total: int
    compromisos: list[Grupo]

    @property
    def compromisos_total(self) -> int:
        return sum(grupo.total for grupo in self.compromisos)


def actas_pendientes(*, hoy: date, maximo: int) -> tuple[list[ActaPendiente], int]:
    """Actas of held sessions still a draft or approved (a correction in progress too), oldest first:
    a range on the (estado, fecha_sesion) index."""
    pendientes = Acta.objects.filter(estado__in=sorted(MAQUINA_ACTA.en_curso))
    filas = list(
        pendientes.select_related("sesion__instancia__comuna", "sesion__comuna").order_by(
            "fecha_sesion", "pk"
        )[:maximo]
    )
    filas_con_dias = [ActaPendiente(a, calendario.dias_habiles_entre(a.fecha_sesion, hoy)) for a in filas]
    return filas_con_dias, pendientes.count()


def cola_de_trabajo(*, hoy: date, maximo: int) -> Cola:
    actas, total = actas_pendientes(hoy=hoy, maximo=maximo)
    compromisos = Compromiso.objects.filter(estado__in=sorted(MAQUINA_COMPROMISO.en_curso)).select_related(
        "sesion__instancia", "dependencia", "organizacion", "integrante", "comuna"
    )
    return Cola(
        actas=actas,
        actas_total=total,
        compromisos=agrupar(
            compromisos,
            hoy=hoy,
            orden=ORDEN_COMPROMISOS,
            orden_sin_termino=ORDEN_SIN_TERMINO,
            maximo=maximo,
            campo="fecha_vencimiento",
        ),
    )
