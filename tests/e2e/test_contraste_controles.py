"""WCAG 2.1 SC 1.4.11 (non-text contrast) on the filing form: the rendered border of every kind of control
stands out at least 3:1 from the control's own background and from the page around it.

axe-core does not check this criterion, so the browser measures the computed colours itself.
"""

import re

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

MINIMO = 3.0
CONTROLES = {
    "campo de texto": 'input[type="text"].form-control',
    "correo": 'input[type="email"].form-control',
    "lista desplegable": "select.form-select",
    "área de texto": "textarea.form-control",
    "casilla": 'input[type="checkbox"].form-check-input',
    "opción": 'input[type="radio"].form-check-input',
    "archivo": 'input[type="file"].form-control',
}

# The border colour of each side, the control's background and the first opaque background behind it.
_COLORES = """
(el) => {
  const estilo = getComputedStyle(el);
  let fondo = null;
  for (let nodo = el.parentElement; nodo; nodo = nodo.parentElement) {
    const color = getComputedStyle(nodo).backgroundColor;
    if (!/rgba\\(.*,\\s*0\\)$/.test(color) && color !== "transparent") { fondo = color; break; }
  }
  return {
    bordes: ["Top", "Right", "Bottom", "Left"].map((lado) => estilo[`border${lado}Color`]),
    ancho: parseFloat(estilo.borderTopWidth),
    propio: estilo.backgroundColor,
    fondo: fondo || "rgb(255, 255, 255)",
  };
}
"""


def _rgb(color: str) -> tuple[float, float, float]:
    valores = [float(v) for v in re.findall(r"[\d.]+", color)]
    assert len(valores) == 3 or valores[3] == 1, f"color translúcido, no medible así: {color}"
    return valores[0], valores[1], valores[2]


def _luminancia(color: str) -> float:
    # WCAG 2.1 relative luminance.
    canales = [c / 255 for c in _rgb(color)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canales)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contraste(a: str, b: str) -> float:
    claro, oscuro = sorted((_luminancia(a), _luminancia(b)), reverse=True)
    return (claro + 0.05) / (oscuro + 0.05)


def test_contraste_de_la_formula():
    assert contraste("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    # Bootstrap's own border on white: what this test exists to refuse.
    assert contraste("rgb(222, 226, 230)", "rgb(255, 255, 255)") < MINIMO


@pytest.mark.parametrize(("nombre", "selector"), CONTROLES.items(), ids=CONTROLES.keys())
def test_borde_de_cada_control_contrasta_3_a_1(page, nombre, selector):
    page.goto(reverse("pqrs:radicar"))
    control = page.locator(selector).first

    colores = control.evaluate(_COLORES)

    assert colores["ancho"] >= 1, f"{nombre}: sin borde"
    for borde in colores["bordes"]:
        for fondo in (colores["propio"], colores["fondo"]):
            assert contraste(borde, fondo) >= MINIMO, f"{nombre}: borde {borde} sobre {fondo}"
