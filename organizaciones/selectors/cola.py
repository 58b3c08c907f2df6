"""The IVC office's work queue: open procedures by traffic light (`civic.plazos.cola`), and the IVC
requirements still unanswered, nearest due date first. A fixed number of queries, whatever the rows."""

from dataclasses import dataclass
from datetime import date

from civic.plazos.cola import Grupo, agrupar
from organizaciones.models import RequerimientoIVC, Tramite
from organizaciones.workflow import FINALES, Estado

ORDEN = ("fecha_vencimiento", "radicada_en", "pk")
ORDEN_SIN_TERMINO = ("-radicada_en", "-pk")
# As a list the (estado, fecha_vencimiento) index serves; a NOT IN reads the whole table.
ABIERTOS = tuple(estado for estado in Estado if estado not in FINALES)
_CAMPOS = (
    "radicado",
    "clase",
    "estado",
    "fecha_vencimiento",
    "radicada_en",
    "organizacion__nombre",
    "responsable__first_name",
    "responsable__last_name",
    "responsable__username",
)


@dataclass(frozen=True)
class Cola:
    grupos: list[Grupo]
    requerimientos: list[RequerimientoIVC]
    requerimientos_total: int

    @property
    def total(self) -> int:
        return sum(grupo.total for grupo in self.grupos)


def cola_de_trabajo(*, hoy: date, maximo: int) -> Cola:
    tramites = (
        Tramite.objects.filter(estado__in=ABIERTOS)
        .select_related("organizacion", "responsable")
        .only(*_CAMPOS)
    )
    pendientes = RequerimientoIVC.objects.filter(atendido_en__isnull=True)
    return Cola(
        grupos=agrupar(tramites, hoy=hoy, orden=ORDEN, orden_sin_termino=ORDEN_SIN_TERMINO, maximo=maximo),
        requerimientos=list(
            pendientes.select_related("organizacion")
            .only("descripcion", "vence", "organizacion__nombre")
            .order_by("vence", "pk")[:maximo]
        ),
        requerimientos_total=pendientes.count(),
    )
