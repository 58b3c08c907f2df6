"""Plan goals: a leaf's progress from its last public milestone, a parent's as the weighted average of its
children, milestones hidden until their date, the traffic light, and the public pages in fixed queries."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from consejos.services import compromisos
from rendicion.models import Avance, EstadoMeta, MetaPlan
from rendicion.selectors import metas as selectores
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, FuncionarioFactory, en_bogota
from tests.consejos.fabricas import InstanciaFactory, sesion_realizada

pytestmark = pytest.mark.django_db

HOY = date(2026, 1, 1)  # the plan 2024–2027: half of it elapsed


@pytest.fixture
def dependencia():
    return DependenciaFactory(sigla="DAP", nombre="Departamento Administrativo de Planeación")


def meta(codigo, dependencia, *, padre=None, peso=1, base=0, objetivo=100, **kwargs) -> MetaPlan:
    return MetaPlan.objects.create(
        codigo=codigo,
        nombre=f"Meta {codigo}",
        padre=padre,
        peso=peso,
        linea_base=base,
        meta_cuatrienio=objetivo,
        unidad="personas",
        dependencia=dependencia,
        **kwargs,
    )


def avance(meta_, valor, *, fecha=date(2025, 6, 30), publicar_desde=None, **kwargs) -> Avance:
    return Avance.objects.create(
        meta=meta_, fecha=fecha, valor=valor, publicar_desde=publicar_desde or fecha, **kwargs
    )


def test_los_estados_se_siembran_con_su_porcentaje():
    estados = {e.nombre: e.avance_por_defecto for e in EstadoMeta.objects.all()}
    assert estados["Sin iniciar"] == 0
    assert estados["En ejecución"] == 50
    assert estados["Cumplida"] == 100


def test_el_avance_de_la_superior_es_el_promedio_ponderado_de_sus_hijas(dependencia):
    padre = meta("1", dependencia)
    a = meta("1.1", dependencia, padre=padre, peso=3, base=10, objetivo=110)
    b = meta("1.2", dependencia, padre=padre, peso=1, estado=EstadoMeta.objects.get(nombre="Cumplida"))
    avance(a, 30, fecha=date(2025, 1, 31))
    avance(a, 60)  # the last one counts: (60 − 10) / (110 − 10) = 50 %

    arbol = selectores.arbol(hoy=HOY)
    assert arbol.por_pk[a.pk].avance == Decimal("50.00")
    assert arbol.por_pk[b.pk].avance == Decimal("100.00")  # no milestone: its status's default
    assert arbol.por_pk[b.pk].origen == selectores.Origen.ESTADO
    # (50 × 3 + 100 × 1) / 4 = 62.5
    assert arbol.por_pk[padre.pk].avance == Decimal("62.50")
    assert arbol.por_pk[padre.pk].origen == selectores.Origen.HIJAS
    assert [n.meta.codigo for n in arbol.nodos()] == ["1", "1.1", "1.2"]


def test_el_avance_se_acota_y_sirve_para_metas_que_bajan(dependencia):
    sobrepasada = meta("2", dependencia, objetivo=10)
    bajar = meta("3", dependencia, base=40, objetivo=20)  # reduce from 40 to 20
    avance(sobrepasada, 25)
    avance(bajar, 30)
    arbol = selectores.arbol(hoy=HOY)
    assert arbol.por_pk[sobrepasada.pk].avance == 100
    assert arbol.por_pk[bajar.pk].avance == 50


def test_un_avance_no_se_ve_antes_de_su_fecha_de_publicacion(client, dependencia):
    hoja = meta("4", dependencia)
    avance(hoja, 20, fecha=date(2025, 3, 1))
    avance(hoja, 90, fecha=date(2025, 12, 1), publicar_desde=date(2026, 2, 1), descripcion="Aún reservado")
    antes = selectores.arbol(hoy=HOY)
    assert antes.por_pk[hoja.pk].avance == 20
    detalle = selectores.detalle(hoja.pk, hoy=HOY)
    assert [a.valor for a in detalle.avances] == [20]
    despues = selectores.arbol(hoy=date(2026, 2, 1))
    assert despues.por_pk[hoja.pk].avance == 90
    with time_machine.travel(en_bogota(2026, 1, 31), tick=False):
        html = client.get(reverse("rendicion:meta", args=[hoja.pk])).content.decode()
    assert "Aún reservado" not in html
    with time_machine.travel(en_bogota(2026, 2, 1), tick=False):
        html = client.get(reverse("rendicion:meta", args=[hoja.pk])).content.decode()
    assert "Aún reservado" in html


def test_el_semaforo_compara_el_avance_con_el_tiempo_corrido():
    esperado = selectores.esperado(HOY)  # 2026-01-01 in 2024–2027: 731 of 1461 days
    assert Decimal("50.00") <= esperado <= Decimal("50.10")
    assert selectores.luz(Decimal(45), esperado) == selectores.Luz.VERDE  # 90 % of the expected
    assert selectores.luz(Decimal(35), esperado) == selectores.Luz.AMARILLO  # 70 %
    assert selectores.luz(Decimal(20), esperado) == selectores.Luz.ROJO  # 40 %
    assert selectores.luz(Decimal(0), selectores.esperado(date(2024, 1, 2))) == selectores.Luz.VERDE


def test_la_pagina_de_una_meta_muestra_hitos_evidencia_hijas_y_compromisos(client, dependencia):
    actor = FuncionarioFactory()
    instancia = InstanciaFactory()
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Instalar luminarias en el parque",
        fecha_vencimiento=date(2026, 9, 30),
        dependencia=dependencia,
        actor=actor,
    )
    padre = meta("5", dependencia)
    hija = meta("5.1", dependencia, padre=padre)
    avance(hija, 40, evidencia="https://datos.example.gov.co/evidencia.pdf", descripcion="Primer corte")
    padre.compromisos.add(compromiso)
    html = client.get(reverse("rendicion:meta", args=[padre.pk])).content.decode()
    assert "Instalar luminarias" in html
    assert reverse("consejos:compromiso", args=[compromiso.pk]) in html
    assert reverse("rendicion:meta", args=[hija.pk]) in html
    html_hija = client.get(reverse("rendicion:meta", args=[hija.pk])).content.decode()
    assert "https://datos.example.gov.co/evidencia.pdf" in html_hija
    assert "Primer corte" in html_hija
    assert 'role="progressbar"' in html_hija or "<progress" in html_hija


def test_filtros_y_paginas_por_dependencia_y_por_comuna(client, dependencia):
    otra = DependenciaFactory(sigla="SBS", nombre="Secretaría de Bienestar Social")
    comuna = ComunaFactory(numero=5, nombre="Comuna 5")
    padre = meta("6", dependencia)
    meta("6.1", otra, padre=padre, comuna=comuna)
    meta("7", dependencia)
    html = client.get(reverse("rendicion:metas"), {"dependencia": otra.pk}).content.decode()
    assert "Meta 6.1" in html and "Meta 6" in html  # its parent for context
    assert "Meta 7" not in html
    html = client.get(reverse("rendicion:metas"), {"comuna": comuna.pk}).content.decode()
    assert "Meta 6.1" in html and "Meta 7" not in html
    html = client.get(reverse("rendicion:metas_dependencia", args=["sbs"])).content.decode()
    assert "Meta 6.1" in html and "Meta 7" not in html
    html = client.get(reverse("rendicion:metas_comuna", args=[comuna.pk])).content.decode()
    assert "Meta 6.1" in html and "Meta 7" not in html
    assert client.get(reverse("rendicion:metas_comuna", args=[999999])).status_code == 404
    assert client.get(reverse("rendicion:metas"), {"comuna": "x"}).status_code == 200  # bad value dropped


def _consultas(client, django_assert_max_num_queries, url) -> int:
    with django_assert_max_num_queries(12) as contadas:
        assert client.get(url).status_code == 200
    return len(contadas)


def test_las_consultas_no_crecen_con_las_metas(client, dependencia, django_assert_max_num_queries):
    def crear(desde: int, n: int):
        for i in range(desde, desde + n):
            padre = meta(f"{i}", dependencia)
            for j in (1, 2):
                hija = meta(f"{i}.{j}", dependencia, padre=padre, peso=j)
                avance(hija, 10 * j)
                avance(hija, 20 * j, fecha=date(2025, 9, 1))

    crear(1, 2)
    raiz = MetaPlan.objects.get(codigo="1")
    urls = [
        reverse("rendicion:metas"),
        reverse("rendicion:meta", args=[raiz.pk]),
        reverse("rendicion:metas_dependencia", args=[dependencia.sigla]),
        reverse("rendicion:participa"),
    ]
    pocas = [_consultas(client, django_assert_max_num_queries, u) for u in urls]
    crear(10, 15)
    assert [_consultas(client, django_assert_max_num_queries, u) for u in urls] == pocas


def test_el_arbol_es_una_sola_consulta(dependencia, django_assert_num_queries):
    padre = meta("8", dependencia)
    for j in range(5):
        avance(meta(f"8.{j}", dependencia, padre=padre), j)
    with django_assert_num_queries(1):
        arbol = selectores.arbol(hoy=HOY)
        assert len(arbol.nodos()) == 6
