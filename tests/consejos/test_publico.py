"""The public portal for comuna leaders: what it shows (only published actas, consented names), the print
view and earlier versions, the commitments board's lights around a due date, and query counts that do
not grow with the number of sessions, actas or commitments."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from civic import calendario
from consejos.models import Anexo, Invitado
from consejos.selectors.publico import esperadas_a_la_fecha
from consejos.services import actas, compromisos, sesiones
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, en_bogota

from .fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HOY = en_bogota(2026, 9, 10, 9)


@pytest.fixture(autouse=True)
def _hoy():
    with time_machine.travel(HOY, tick=False):
        yield


@pytest.fixture
def actor():
    return secretaria()


@pytest.fixture
def comuna5():
    return ComunaFactory(numero=5, nombre="Comuna 5")


@pytest.fixture
def instancia(comuna5):
    instancia = InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5", comuna=comuna5)
    integrantes(instancia)
    return instancia


def publicada(instancia, actor, *, dia=(2026, 8, 4)):
    sesion, acta = sesion_realizada(instancia, actor, dia=dia)
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    return sesion, acta


def test_inicio_lista_comunas_proximas_sesiones_y_actas_recientes(client, instancia, actor, comuna5):
    _sesion, acta = publicada(instancia, actor)
    sesiones.programar(
        instancia=instancia, inicio=en_bogota(2026, 9, 20, 9), lugar="Caseta comunal", actor=actor
    )
    sesiones.programar(instancia=instancia, inicio=en_bogota(2026, 9, 1, 9), lugar="Ya pasó", actor=actor)
    respuesta = client.get(reverse("consejos:inicio"))
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "Comuna 5" in html and "(1 acta)" in html
    assert "Caseta comunal" in html and "Ya pasó" not in html
    assert reverse("consejos:acta", args=[acta.pk]) in html
    assert reverse("consejos:suscribir") in html and reverse("consejos:calendario_ayuda") in html


def test_los_borradores_y_las_aprobadas_sin_publicar_no_se_ven(client, instancia, actor, comuna5):
    _s1, borrador = sesion_realizada(instancia, actor, dia=(2026, 8, 4))
    _s2, aprobada = sesion_realizada(instancia, actor, dia=(2026, 8, 11))
    actas.aprobar(acta=aprobada, actor=actor)
    for acta in (borrador, aprobada):
        assert client.get(reverse("consejos:acta", args=[acta.pk])).status_code == 404
        assert client.get(reverse("consejos:acta_pdf", args=[acta.pk])).status_code == 404
        assert client.get(reverse("consejos:acta_version", args=[acta.pk, 1])).status_code == 404
    pagina = client.get(reverse("consejos:comuna", args=[comuna5.pk])).content.decode()
    assert "El acta de esta sesión aún no se ha publicado." in pagina
    assert "Aún no hay actas publicadas de esta comuna." in pagina
    buscadas = client.get(reverse("consejos:buscar"), {"q": "transporte"}).content.decode()
    assert "0 actas encontradas" in buscadas
    # A correction in progress: the published version stays the one shown, never the new draft.
    _s3, acta = publicada(instancia, actor, dia=(2026, 8, 18))
    actas.corregir(acta=acta, motivo="Faltó la intervención de la JAL.", actor=actor)
    _s3.agenda.filter(orden=1).update(desarrollo="Texto del borrador de la corrección.")
    html = client.get(reverse("consejos:acta", args=[acta.pk])).content.decode()
    assert "rutas alimentadoras" in html and "borrador de la corrección" not in html


def test_comuna_muestra_la_ultima_sesion_con_su_acta_y_el_enlace_para_suscribirse(
    client, instancia, actor, comuna5
):
    publicada(instancia, actor, dia=(2026, 8, 4))
    _sesion, ultima = publicada(instancia, actor, dia=(2026, 9, 1))
    html = client.get(reverse("consejos:comuna", args=[comuna5.pk])).content.decode()
    assert "Sesión ordinaria No. 2 de 2026" in html
    assert reverse("consejos:acta", args=[ultima.pk]) in html
    assert f"{reverse('consejos:suscribir')}?comuna={comuna5.pk}" in html
    assert reverse("consejos:compromisos_comuna", args=[comuna5.pk]) in html


def test_acta_publicada_imprimible_con_pdf_versiones_anexos_y_escaneo(client, instancia, actor):
    sesion, acta = sesion_realizada(instancia, actor)
    Invitado.objects.create(sesion=sesion, nombre="Rosa Ciudadana", sector="comunidad", publicar_nombre=False)
    Invitado.objects.create(
        sesion=sesion, nombre="Carlos Metrocali", entidad="Metrocali", sector="empresarial"
    )
    publico = Anexo.objects.create(
        sesion=sesion, titulo="Listado de rutas", archivo=SimpleUploadedFile("rutas.pdf", PDF)
    )
    privado = Anexo.objects.create(
        sesion=sesion, titulo="Datos de contacto", archivo=SimpleUploadedFile("c.pdf", PDF), publico=False
    )
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    actas.adjuntar_escaneo(acta=acta, archivo=SimpleUploadedFile("firmada.pdf", PDF), actor=actor)

    html = client.get(reverse("consejos:acta", args=[acta.pk])).content.decode()
    assert "Carlos Metrocali" in html and "Rosa Ciudadana" not in html
    assert "1 persona más que no autorizó publicar su nombre" in html
    assert 'class="no-imprimir"' in html or "no-imprimir" in html
    assert "css/consejos.css" in html  # its print stylesheet hides the menu and the footer
    assert reverse("consejos:acta_pdf", args=[acta.pk]) in html
    assert reverse("consejos:acta_escaneo", args=[acta.pk]) in html
    assert reverse("consejos:acta_anexo", args=[acta.pk, publico.pk]) in html
    assert reverse("consejos:acta_anexo", args=[acta.pk, privado.pk]) not in html

    pdf = client.get(reverse("consejos:acta_pdf", args=[acta.pk]))
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content).startswith(b"%PDF")
    anexo = client.get(reverse("consejos:acta_anexo", args=[acta.pk, publico.pk]))
    assert anexo["Content-Type"] == "application/pdf"
    assert 'filename="listado-de-rutas.pdf"' in anexo["Content-Disposition"]
    assert client.get(reverse("consejos:acta_anexo", args=[acta.pk, privado.pk])).status_code == 404
    escaneo = client.get(reverse("consejos:acta_escaneo", args=[acta.pk]))
    assert escaneo.status_code == 200 and escaneo["Content-Type"] == "application/pdf"

    # A correction: the new version is the one shown; the old one is listed and readable, marked replaced.
    actas.corregir(acta=acta, motivo="Faltó la intervención de la JAL.", actor=actor)
    sesion.agenda.filter(orden=2).update(desarrollo="La JAL pidió ampliar la frecuencia de la ruta.")
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    html = client.get(reverse("consejos:acta", args=[acta.pk])).content.decode()
    assert "ampliar la frecuencia" in html and "Faltó la intervención de la JAL." in html
    assert reverse("consejos:acta_version", args=[acta.pk, 1]) in html
    vieja = client.get(reverse("consejos:acta_version", args=[acta.pk, 1])).content.decode()
    assert "fue reemplazada por una corrección" in vieja and "ampliar la frecuencia" not in vieja
    assert client.get(reverse("consejos:acta_version", args=[acta.pk, 2])).url == reverse(
        "consejos:acta", args=[acta.pk]
    )
    assert client.get(reverse("consejos:acta_version", args=[acta.pk, 3])).status_code == 404


def test_instancia_con_integrantes_y_el_aviso_del_minimo_de_sesiones(client, actor):
    cmps = InstanciaFactory(
        nombre="Consejo Municipal de Política Social",
        tipo="politica_social",
        comuna=None,
        sesiones_minimas_anio=4,
        descripcion="Articula la política social del municipio.",
    )
    integrantes(cmps)
    sesion_realizada(cmps, actor, dia=(2026, 3, 2))
    html = client.get(reverse("consejos:instancia", args=[cmps.pk])).content.decode()
    # 10 September: 2 of 4 sessions were due (a quarter of the year each); it has held 1.
    assert "Lleva 1 sesión de 4 este año." in html and "Va atrasada" in html
    assert "Integrante 0" in html and "Administración municipal" in html
    assert "Alcance municipal" in html


def test_esperadas_a_la_fecha_reparte_el_minimo_en_el_anio():
    assert esperadas_a_la_fecha(4, date(2026, 1, 15)) == 0
    assert esperadas_a_la_fecha(4, date(2026, 4, 2)) == 1
    assert esperadas_a_la_fecha(4, date(2026, 12, 31)) == 4


def test_el_semaforo_del_tablero_alrededor_de_la_fecha_limite(client, instancia, actor, comuna5):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Instalar dos luminarias en el parque.",
        fecha_vencimiento=date(2026, 9, 4),  # a Friday
        dependencia=DependenciaFactory(nombre="Unidad de Alumbrado Público"),
        actor=actor,
    )
    url = reverse("consejos:compromisos_comuna", args=[comuna5.pk])

    def luz(dia):
        with time_machine.travel(en_bogota(*dia, 9), tick=False):
            return client.get(url).content.decode()

    assert "Por vencer" in luz((2026, 9, 4)) and "luz-borde-amarillo" in luz((2026, 9, 4))
    assert "luz-borde-rojo" not in luz((2026, 9, 5))  # Saturday: not yet
    assert "luz-borde-rojo" in luz((2026, 9, 7))  # Monday, the next business day
    assert "luz-borde-verde" in luz((2026, 8, 10))
    assert "Unidad de Alumbrado Público" in luz((2026, 9, 7))
    with time_machine.travel(en_bogota(2026, 9, 7, 9), tick=False):
        assert "Instalar dos luminarias" in client.get(url, {"luz": "rojo"}).content.decode()
        assert "Instalar dos luminarias" not in client.get(url, {"luz": "verde"}).content.decode()
        compromisos.cumplir(compromiso=compromiso, actor=actor, nota="Instaladas.")
        html = client.get(url).content.decode()
        assert "luz-borde-gris" in html and "Cumplido" in html
        assert "Instalar dos luminarias" in client.get(url, {"estado": "cumplido"}).content.decode()
        # A bad filter value is dropped, not an error.
        assert client.get(url, {"luz": "morado"}).status_code == 200


def test_la_pagina_de_un_compromiso_muestra_su_seguimiento_y_sus_sesiones(client, instancia, actor):
    sesion, acta = publicada(instancia, actor)
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Mesa con Metrocali sobre la ruta A14.",
        fecha_vencimiento=date(2026, 10, 30),
        dependencia=DependenciaFactory(),
        actor=actor,
    )
    compromisos.seguimiento(
        compromiso=compromiso,
        texto="Se realizó la primera mesa.",
        fecha=date(2026, 9, 8),
        actor=actor,
        evidencias=[SimpleUploadedFile("listado.pdf", PDF)],
    )
    segunda, _acta2 = sesion_realizada(instancia, actor, dia=(2026, 9, 9))
    compromisos.revisar_en(compromiso=compromiso, sesion=segunda, actor=actor)
    html = client.get(reverse("consejos:compromiso", args=[compromiso.pk])).content.decode()
    assert "Se realizó la primera mesa." in html and "8 de septiembre de 2026" in html
    assert "listado.pdf" in html
    assert reverse("consejos:acta", args=[acta.pk]) in html
    assert "Acta aún sin publicar." in html  # the session where it was reviewed
    [evidencia] = compromiso.evidencias.all()
    archivo = client.get(reverse("consejos:evidencia", args=[compromiso.pk, evidencia.pk]))
    assert archivo.status_code == 200 and archivo["Content-Type"] == "application/pdf"
    assert (
        client.get(reverse("consejos:evidencia", args=[compromiso.pk + 1, evidencia.pk])).status_code == 404
    )


def _muchas(instancia, actor, n: int, desde: int = 1):
    dependencia = DependenciaFactory()
    for i in range(desde, desde + n):
        sesion, _acta = publicada(instancia, actor, dia=(2026, 7, i))
        compromisos.registrar(
            sesion=sesion,
            descripcion=f"Compromiso {i}",
            fecha_vencimiento=date(2026, 9, i),
            dependencia=dependencia,
            actor=actor,
        )
        sesiones.programar(instancia=instancia, inicio=en_bogota(2026, 10, i, 9), lugar="Sede", actor=actor)


def _consultas(client, django_assert_max_num_queries, url, n: int, datos=None):
    with django_assert_max_num_queries(n) as contadas:
        assert client.get(url, datos).status_code == 200
    return len(contadas)


def test_las_consultas_no_crecen_con_las_sesiones_ni_los_compromisos(
    client, instancia, actor, comuna5, django_assert_max_num_queries
):
    calendario.es_dia_habil(date(2026, 9, 10))  # the calendar's table is loaded once per process

    def urls():
        ultima = instancia.sesiones.filter(estado="realizada").order_by("-inicio").first()
        compromiso = ultima.compromisos.first()
        return {
            "inicio": (reverse("consejos:inicio"), None),
            "comuna": (reverse("consejos:comuna", args=[comuna5.pk]), None),
            "compromisos": (reverse("consejos:compromisos_comuna", args=[comuna5.pk]), None),
            "compromisos filtrados": (
                reverse("consejos:compromisos_comuna", args=[comuna5.pk]),
                {"luz": "rojo", "estado": "pendiente"},
            ),
            "instancia": (reverse("consejos:instancia", args=[instancia.pk]), None),
            "acta": (reverse("consejos:acta", args=[ultima.acta.pk]), None),
            "buscar": (reverse("consejos:buscar"), {"q": "transporte", "comuna": comuna5.pk}),
            "compromiso": (reverse("consejos:compromiso", args=[compromiso.pk]), None),
        }

    def contar() -> dict[str, int]:
        return {
            nombre: _consultas(client, django_assert_max_num_queries, url, 10, datos)
            for nombre, (url, datos) in urls().items()
        }

    _muchas(instancia, actor, 2)
    pocas = contar()
    _muchas(instancia, actor, 18, desde=3)
    assert contar() == pocas
