"""Bar charts of an indicator's figures, drawn on the server: the geometry for
templates/rendicion/_grafico_barras.svg (no JavaScript, no queries; the data table goes beside it)."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import formats, translation

from civic.indicadores import Resultado

# viewBox units: the SVG scales to its container, so at 360 px (about 330 px of chart) its 20-unit text
# is about 13 px; labels go on their own line above the bar for that reason.
ANCHO = 480
LETRA = 20
_MARGEN = 8
_ETIQUETA = 28  # the label's line above each bar
_BARRA = 24
_PASO = _ETIQUETA + _BARRA + 12
_MAX_ETIQUETA = 44
_RESERVA_VALOR = 80  # room right of the longest bar for its value


@dataclass(frozen=True)
class Barra:
    etiqueta: str  # shortened for the drawing; the table beside it has the full text
    valor: float
    texto_valor: str
    y_etiqueta: int
    y: int
    ancho: float
    x_valor: float
    y_valor: int


@dataclass(frozen=True)
class Grafico:
    barras: tuple[Barra, ...]
    alto: int
    ancho: int = ANCHO
    alto_barra: int = _BARRA
    letra: int = LETRA


def _numero(valor) -> float | None:
    if isinstance(valor, bool) or valor is None:
        return None
    if isinstance(valor, int | float | Decimal):
        return float(valor)
    return None


def texto_numero(valor) -> str:
    """A figure as people read it here: '1.234', '87,5' (integral values without decimals)."""
    numero = _numero(valor)
    if numero is None:
        return "—"
    with translation.override(settings.LANGUAGE_CODE):
        if numero == int(numero):
            return formats.number_format(int(numero), force_grouping=True)
        return formats.number_format(numero, 1, force_grouping=True)


def _corta(texto: str) -> str:
    return texto if len(texto) <= _MAX_ETIQUETA else texto[: _MAX_ETIQUETA - 1].rstrip() + "…"


def barras(resultado: Resultado | None) -> Grafico | None:
    """One horizontal bar per breakdown row with a number (None when there is nothing to draw)."""
    if resultado is None:
        return None
    filas = [(str(etiqueta), _numero(valor)) for etiqueta, valor in resultado.filas]
    filas_con_valor = [(e, v) for e, v in filas if v is not None]
    if not filas_con_valor:
        return None
    maximo = max(max(v for _e, v in filas_con_valor), 0.0)
    util = ANCHO - 2 * _MARGEN - _RESERVA_VALOR
    dibujadas = []
    for n, (etiqueta, valor) in enumerate(filas_con_valor):
        y_etiqueta = _MARGEN + n * _PASO + 21
        y = _MARGEN + n * _PASO + _ETIQUETA
        ancho = round(util * max(valor, 0.0) / maximo, 1) if maximo > 0 else 0.0
        dibujadas.append(
            Barra(
                etiqueta=_corta(etiqueta),
                valor=valor,
                texto_valor=texto_numero(valor),
                y_etiqueta=y_etiqueta,
                y=y,
                ancho=ancho,
                x_valor=_MARGEN + ancho + 8,
                y_valor=y + _BARRA - 5,
            )
        )
    return Grafico(barras=tuple(dibujadas), alto=2 * _MARGEN + len(dibujadas) * _PASO)
