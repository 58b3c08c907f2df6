"""The kernel's work-queue frame (templates/admin/plazos/_grupos_semaforo.html): the counts by light, one
table per non-empty light with the days left and the light, and the link to the rest in the full list."""

from types import SimpleNamespace

from django.template import Context, Template

from civic.plazos.semaforo import Semaforo

HIJA = Template(
    '{% extends "admin/plazos/_grupos_semaforo.html" %}'
    "{% block total %}{{ grupo.total }} cosas{% endblock %}"
    '{% block columnas %}<th scope="col">Cosa</th>{% endblock %}'
    '{% block fila %}<th scope="row">{{ fila.objeto }}</th>{% endblock %}'
    "{% block mas %}{{ grupo.ocultas }} más{% endblock %}"
)


def _grupo(luz, filas=(), ocultas=0):
    filas = [SimpleNamespace(objeto=o, restantes=r) for o, r in filas]
    return SimpleNamespace(luz=luz, total=len(filas) + ocultas, filas=filas, ocultas=ocultas)


def _render(**extra):
    grupos = [
        _grupo(Semaforo.ROJO, [("vieja", -2)], ocultas=3),
        _grupo(Semaforo.VERDE, [("nueva", None)]),
        _grupo(Semaforo.GRIS),
    ]
    contexto = {"grupos": grupos, "ancla": "cola-x", "conteos": "Cosas por semáforo", "url_lista": "/lista/"}
    return HIJA.render(Context(contexto | extra))


def test_una_tabla_por_luz_con_filas_y_el_enlace_al_resto():
    html = _render()
    assert 'aria-label="Cosas por semáforo"' in html
    assert 'href="#cola-x-rojo"' in html and 'id="cola-x-rojo"' in html and 'id="cola-x-verde"' in html
    assert 'id="cola-x-gris"' not in html  # an empty light has no table
    assert 'aria-labelledby="cola-x cola-x-rojo"' in html
    assert "(4 cosas)" in html and '<th scope="row">vieja</th>' in html
    assert '<td class="cola-numero">-2</td>' in html and '<td class="cola-numero">—</td>' in html
    assert '<a href="/lista/?semaforo=rojo">3 más</a>' in html
    assert "?semaforo=verde" not in html
    assert html.count("<li>") == 3  # a count for each light, grey included


def test_sin_conteo_gris_si_se_pide():
    assert _render(omitir_gris=True).count("<li>") == 2
