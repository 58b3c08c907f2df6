"""The kernel's parts of a tracking page: the business days left of a running term
(templates/civic/expedientes/_dias_restantes.html) and the public timeline whose event titles and notes a
page may override (templates/partials/linea_tiempo.html)."""

from datetime import datetime
from types import SimpleNamespace

from django.template import Context, Template
from django.template.loader import render_to_string


def test_dias_restantes_y_la_frase_de_vencido_de_la_pagina():
    def texto(**contexto):
        return " ".join(render_to_string("civic/expedientes/_dias_restantes.html", contexto).split())

    assert texto(dias_restantes=3) == "Quedan 3 días hábiles."
    assert texto(dias_restantes=1) == "Queda 1 día hábil."
    assert texto(dias_restantes=0) == "Vence hoy."
    assert texto(dias_restantes=-2) == "El plazo ya venció."
    assert texto(dias_restantes=-2, vencido="El término ya venció.") == "El término ya venció."


def test_linea_de_tiempo_con_titulos_y_notas_de_la_pagina():
    evento = SimpleNamespace(tipo="radicado", nota="Hola", momento=datetime(2026, 3, 2, 10, 0))
    html = render_to_string("partials/linea_tiempo.html", {"eventos": [evento]})
    assert (
        '<h3 class="h6 mb-1">radicado</h3>' in html and '<div class="texto-ciudadano mb-1">Hola</div>' in html
    )
    hija = Template(
        '{% extends "partials/linea_tiempo.html" %}'
        "{% block titulo_evento %}Título propio{% endblock %}{% block nota %}{% endblock %}"
    )
    html = hija.render(Context({"eventos": [evento]}))
    assert '<h3 class="h6 mb-1">Título propio</h3>' in html and "Hola" not in html
    assert 'id="titulo-historial"' in html
