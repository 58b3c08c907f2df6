"""Acceptance 1 (the freeze): a published informe's figures stay the same after new data arrive; a new
version shows the new figures and keeps the old one readable."""

from datetime import date

import pytest

from rendicion.models import Indicador, Informe, Seccion
from rendicion.selectors.informes import cifras, informe_completo
from rendicion.services import informes
from rendicion.texto import html_de
from tests.civic.fabricas import FuncionarioFactory
from tests.pqrs.factories import SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db


def _informe() -> Informe:
    informe = Informe.objects.create(
        titulo="Informe de gestión, primer trimestre",
        desde=date(2026, 1, 1),
        hasta=date(2026, 3, 31),
        fecha=date(2026, 4, 10),
    )
    seccion = Seccion.objects.create(
        informe=informe, orden=1, titulo="Atención a la ciudadanía", narrativa="# PQRS\n\nTexto."
    )
    Indicador.objects.create(
        seccion=seccion, orden=1, nombre="PQRS recibidas", fuente="pqrs.recibidas_por_tipo", grafico="barras"
    )
    Indicador.objects.create(
        seccion=seccion, orden=2, nombre="Ferias de servicio", meta=4, logro=3, unidad="ferias"
    )
    return informe


def test_publicar_congela_las_cifras_y_una_correccion_muestra_las_nuevas_sin_borrar_las_viejas():
    actor = FuncionarioFactory()
    for dia in (2, 3):
        SolicitudFactory(ahora=en_bogota(2026, 3, dia, 9))
    informe = _informe()
    [(_seccion, [recibidas, ferias])] = cifras(informe_completo(informe.pk))
    assert recibidas.valor == 2  # a draft is live
    assert (ferias.valor, ferias.cumplimiento) == (3, 75.0)

    informes.publicar(informe=informe, actor=actor)
    SolicitudFactory(ahora=en_bogota(2026, 3, 20, 9))  # data arrive after publication
    [(_s, [congelada, _f])] = cifras(informe_completo(informe.pk))
    assert congelada.valor == 2

    nuevo = informes.corregir(informe=informe, motivo="Se incluyen las PQRS radicadas en papel.", actor=actor)
    informes.publicar(informe=nuevo, actor=actor)
    informe.refresh_from_db()
    [(_s, [actual, _f])] = cifras(informe_completo(nuevo.pk))
    [(_s, [vieja, _f])] = cifras(informe_completo(informe.pk))
    assert (actual.valor, vieja.valor) == (3, 2)
    assert (informe.estado, nuevo.estado, nuevo.version) == ("reemplazado", "publicado", 2)


def test_la_narrativa_se_sanea():
    html = html_de("# Título\n\n<script>alert(1)</script> **negrita** [enlace](javascript:alert(1))")
    assert "<h3>Título</h3>" in html and "<strong>negrita</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html  # shown as text, never run
    assert 'href="javascript' not in html
