"""The public informes: list and page (drafts never public, constant queries), charts drawn on the server,
version banners, and acceptance 3: the PDF, CSV and JSON exports agree with the page."""

import csv
import io
import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rendicion.models import Indicador, Informe, Seccion
from rendicion.selectors import graficos
from rendicion.services import informes
from tests.civic.fabricas import FuncionarioFactory
from tests.pqrs.factories import SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db


def _informe(titulo="Informe de gestión, primer trimestre", secciones=1) -> Informe:
    informe = Informe.objects.create(
        titulo=titulo, desde=date(2026, 1, 1), hasta=date(2026, 3, 31), fecha=date(2026, 4, 10)
    )
    for n in range(1, secciones + 1):
        seccion = Seccion.objects.create(
            informe=informe, orden=n, titulo=f"Atención {n}", narrativa="Texto con **negrita**."
        )
        Indicador.objects.create(
            seccion=seccion,
            orden=1,
            nombre="PQRS recibidas",
            fuente="pqrs.recibidas_por_tipo",
            grafico="barras",
        )
        Indicador.objects.create(
            seccion=seccion, orden=2, nombre="PQRS a tiempo", fuente="pqrs.respondidas_a_tiempo"
        )
        Indicador.objects.create(
            seccion=seccion, orden=3, nombre="Ferias de servicio", meta=4, logro=3, unidad="ferias"
        )
    return informe


@pytest.fixture
def publicado():
    for dia in (2, 3, 4):
        SolicitudFactory(ahora=en_bogota(2026, 3, dia, 9))
    informe = _informe()
    informes.publicar(informe=informe, actor=FuncionarioFactory())
    return informe


def test_un_borrador_no_es_publico(client):
    borrador = _informe()
    assert client.get(reverse("rendicion:informe", args=[borrador.pk])).status_code == 404
    for nombre in ("informe_pdf", "informe_csv", "informe_json"):
        assert client.get(reverse(f"rendicion:{nombre}", args=[borrador.pk])).status_code == 404
    assert borrador.titulo not in client.get(reverse("rendicion:informes")).content.decode()


def test_la_pagina_muestra_secciones_tabla_y_grafico_con_sus_datos(client, publicado):
    html = client.get(reverse("rendicion:informe", args=[publicado.pk])).content.decode()
    assert "<strong>negrita</strong>" in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]  # no JavaScript for content
    assert "Ferias de servicio" in html and "75 %" in html  # typed: meta 4, logro 3
    assert "Datos: PQRS recibidas" in html  # the data table beside the chart


def test_la_lista_y_la_pagina_hacen_consultas_constantes(client, django_assert_max_num_queries):
    for n in range(2):
        informes.publicar(informe=_informe(f"Informe {n}", secciones=1), actor=FuncionarioFactory())
    with CaptureQueriesContext(connection) as pocas:
        client.get(reverse("rendicion:informes"))
    grande = _informe("Grande", secciones=6)
    informes.publicar(informe=grande, actor=FuncionarioFactory())
    for n in range(4):
        informes.publicar(informe=_informe(f"Otro {n}", secciones=2), actor=FuncionarioFactory())
    with CaptureQueriesContext(connection) as muchas:
        client.get(reverse("rendicion:informes"))
    assert len(muchas) == len(pocas)
    pequeno = Informe.objects.get(titulo="Informe 0")
    with CaptureQueriesContext(connection) as una:
        client.get(reverse("rendicion:informe", args=[pequeno.pk]))
    SolicitudFactory(ahora=en_bogota(2026, 3, 9, 9))  # published figures never query the sources
    with CaptureQueriesContext(connection) as seis:
        client.get(reverse("rendicion:informe", args=[grande.pk]))
    assert len(seis) == len(una)


def test_version_reemplazada_y_correccion_se_enlazan(client, publicado):
    actor = FuncionarioFactory()
    nuevo = informes.corregir(informe=publicado, motivo="Faltaban las PQRS en papel.", actor=actor)
    informes.publicar(informe=nuevo, actor=actor)
    viejo = client.get(reverse("rendicion:informe", args=[publicado.pk])).content.decode()
    assert "fue reemplazada" in viejo and reverse("rendicion:informe", args=[nuevo.pk]) in viejo
    assert "Faltaban las PQRS en papel." in viejo
    actual = client.get(reverse("rendicion:informe", args=[nuevo.pk])).content.decode()
    assert "corrige la versión 1" in actual and reverse("rendicion:informe", args=[publicado.pk]) in actual
    lista = client.get(reverse("rendicion:informes")).content.decode()
    assert "Reemplazado" in lista and lista.index(f"/informes/{nuevo.pk}/") >= 0


def test_grafico_de_barras_proporcional():
    from civic.indicadores import Resultado

    g = graficos.barras(Resultado(total=30, unidad="x", filas=(("A", 20), ("B", 10), ("C", None))))
    assert [b.etiqueta for b in g.barras] == ["A", "B"]
    assert g.barras[0].ancho == 2 * g.barras[1].ancho
    assert graficos.barras(Resultado(total=5, unidad="x")) is None
    assert graficos.texto_numero(1234) == "1.234" and graficos.texto_numero(87.5) == "87,5"


def _cifras_de_la_pagina(html: str) -> dict[str, str]:
    """Indicator name → value as the page's indicator table shows it."""
    filas = {}
    for fila in html.split('<th scope="row" class="fw-normal">')[1:]:
        nombre = fila.split("<")[0].strip()
        valor = (
            fila.split('<td class="text-end fw-semibold">')[1].split("<")[0]
            if "fw-semibold" in fila
            else None
        )
        if valor is not None and nombre not in filas:
            filas[nombre] = valor
    return filas


def test_aceptacion_3_pdf_csv_y_json_coinciden_con_la_pagina(client, publicado, monkeypatch):
    html = client.get(reverse("rendicion:informe", args=[publicado.pk])).content.decode()
    pagina = _cifras_de_la_pagina(html)
    assert pagina["PQRS recibidas"] == "3" and pagina["Ferias de servicio"] == "3"

    datos = json.loads(client.get(reverse("rendicion:informe_json", args=[publicado.pk])).content)
    assert datos["informe"]["titulo"] == publicado.titulo
    por_nombre = {d["indicador"]: d for d in datos["indicadores"]}
    assert set(por_nombre) == set(pagina)
    for nombre, valor in pagina.items():
        assert graficos.texto_numero(por_nombre[nombre]["total"]) == valor
    assert set(por_nombre["PQRS recibidas"]) >= {
        "informe",
        "seccion",
        "indicador",
        "fuente",
        "unidad",
        "total",
        "meta",
        "logro",
        "filas",
    }
    for fila in por_nombre["PQRS recibidas"]["filas"]:  # the breakdown rows are on the page too
        assert f'{fila["etiqueta"]}</th><td class="text-end">{graficos.texto_numero(fila["valor"])}<' in html

    respuesta = client.get(reverse("rendicion:informe_csv", args=[publicado.pk]))
    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    lineas = list(csv.DictReader(io.StringIO(texto)))
    totales = {f["indicador"]: f["total"] for f in lineas if not f["fila"]}
    for nombre, valor in pagina.items():
        assert graficos.texto_numero(float(totales[nombre]) if totales[nombre] else None) == valor
    desglose = [
        (f["fila"], float(f["valor de la fila"]))
        for f in lineas
        if f["indicador"] == "PQRS recibidas" and f["fila"]
    ]
    assert desglose == [(f["etiqueta"], f["valor"]) for f in por_nombre["PQRS recibidas"]["filas"]]

    # The PDF is WeasyPrint's rendering of this HTML (a cover, then the same sections, tables and charts).
    from django.template.loader import render_to_string

    capturado = {}

    def capturar(plantilla, contexto):
        capturado["html"] = render_to_string(plantilla, contexto)
        return pdf_real(plantilla, contexto)

    from rendicion import exportar

    pdf_real = exportar.pdf_de_plantilla
    monkeypatch.setattr(exportar, "pdf_de_plantilla", capturar)
    pdf = client.get(reverse("rendicion:informe_pdf", args=[publicado.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'class="portada"' in capturado["html"] and "<svg" in capturado["html"]
    assert _cifras_de_la_pagina(capturado["html"]) == pagina
