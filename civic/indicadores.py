"""The named sources that informes de gestión compute their figures from, declared by each app.

An app registers a `Fuente` from its AppConfig (requests received by type, answered on time, legal
status granted, sessions held…) computed through its own selectors with database aggregation. The
accountability app lists them for staff to choose, computes them for a period, and freezes the
`Resultado` when an informe is published; the kernel names no app.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.functional import Promise

Numero = int | float | Decimal | None


@dataclass(frozen=True)
class Resultado:
    """A figure for a period: its total and, when it has one, its breakdown (label, value) in order."""

    total: Numero
    unidad: str
    filas: tuple[tuple[str, Numero], ...] = ()

    def como_dict(self) -> dict:
        """JSON for a snapshot (numbers as numbers: Decimal becomes float)."""

        def numero(valor: Numero) -> int | float | None:
            return float(valor) if isinstance(valor, Decimal) else valor

        return {
            "total": numero(self.total),
            "unidad": self.unidad,
            "filas": [[etiqueta, numero(valor)] for etiqueta, valor in self.filas],
        }

    @classmethod
    def desde_dict(cls, datos: Mapping) -> "Resultado":
        return cls(
            total=datos.get("total"),
            unidad=datos.get("unidad", ""),
            filas=tuple((etiqueta, valor) for etiqueta, valor in datos.get("filas", ())),
        )


@dataclass(frozen=True)
class Fuente:
    clave: str  # "<app>.<qué>", stable: informes store it
    nombre: str | Promise
    calcular: Callable[[date, date, Mapping[str, str]], Resultado]  # (desde, hasta, parámetros)
    descripcion: str | Promise = ""
    # The parameters it accepts (name → label shown to staff), e.g. {"tipo": "Tipo de instancia"}.
    parametros: Mapping[str, str | Promise] = field(default_factory=dict)


_FUENTES: dict[str, Fuente] = {}


def registrar(*fuentes: Fuente) -> None:
    for fuente in fuentes:
        _FUENTES[fuente.clave] = fuente


def fuente(clave: str) -> Fuente:
    return _FUENTES[clave]


def fuentes() -> list[Fuente]:
    return sorted(_FUENTES.values(), key=lambda f: f.clave)


def calcular(clave: str, desde: date, hasta: date, parametros: Mapping[str, str] | None = None) -> Resultado:
    """Compute a registered source for [desde, hasta] (both included)."""
    return _FUENTES[clave].calcular(desde, hasta, parametros or {})
