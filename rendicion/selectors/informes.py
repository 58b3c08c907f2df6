"""An informe as shown: its sections and indicators, each with its figures (frozen once published,
computed from the registered sources while it is a draft)."""

from dataclasses import dataclass

from django.db.models import Prefetch

from civic import indicadores
from civic.indicadores import Resultado
from rendicion.models import Indicador, Informe, Seccion
from rendicion.workflow import EstadoInforme


@dataclass
class Cifra:
    indicador: Indicador
    resultado: Resultado | None  # None: a typed indicator (meta and logro) or an unknown source

    @property
    def valor(self):
        """The headline figure: the source's total, or the typed achievement."""
        if self.resultado is not None:
            return self.resultado.total
        return self.indicador.logro

    @property
    def cumplimiento(self) -> float | None:
        """Achievement over target, in %, when both are numbers."""
        meta, valor = self.indicador.meta, self.valor
        if meta is None or meta == 0 or valor is None:
            return None
        return round(float(valor) * 100 / float(meta), 1)


def publicados():
    return Informe.objects.filter(estado__in=[EstadoInforme.PUBLICADO, EstadoInforme.REEMPLAZADO])


def informe_completo(pk: int, *, consulta=None) -> Informe:
    return (
        (consulta if consulta is not None else Informe.objects)
        .prefetch_related(
            "dependencias",
            Prefetch("secciones", queryset=Seccion.objects.prefetch_related("indicadores")),
        )
        .select_related("anterior")
        .get(pk=pk)
    )


def resultado(indicador: Indicador, informe: Informe) -> Resultado | None:
    if indicador.resultado is not None:
        return Resultado.desde_dict(indicador.resultado)
    if not indicador.fuente or informe.estado != EstadoInforme.BORRADOR:
        return None
    try:
        return indicadores.calcular(indicador.fuente, informe.desde, informe.hasta, indicador.parametros)
    except KeyError:  # a source no longer registered: shown as missing, never an error page
        return None


def cifras(informe: Informe) -> list[tuple[Seccion, list[Cifra]]]:
    """Every section with its figures (one aggregate query per live indicator; none once published)."""
    return [
        (seccion, [Cifra(i, resultado(i, informe)) for i in seccion.indicadores.all()])
        for seccion in informe.secciones.all()
    ]
