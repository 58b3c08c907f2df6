"""What the petitioner reads: dates, hours and numbers written one way (es-CO) on the tracking page, the
e-mail and the acuse (page and PDF), and the acuse listing the files received."""

import re
from http import HTTPStatus

import pytest
import weasyprint
from django.urls import reverse
from django.utils import timezone

from civic import formato
from civic.expedientes.acuse import SESION_RADICADOS
from pqrs import services
from pqrs.models import Solicitud
from tests.civic.fabricas import en_bogota
from tests.pqrs import archivos
from tests.pqrs.factories import FuncionarioFactory, SolicitudFactory, coordinador
from tests.pqrs.test_vistas_publicas import CONSULTAR, SEGUIMIENTO, limites_limpios, radicar  # noqa: F401

pytestmark = pytest.mark.django_db

# Wednesday 25 November 2026, 3:05 p. m. in Bogotá: 15 business days later is Thursday 17 December
# (8 December, la Inmaculada Concepción, is a holiday: Ley 51 de 1983).
TARDE = en_bogota(2026, 11, 25, 15, 5)
MANANA = en_bogota(2026, 11, 25, 9, 5)
MAYUSCULAS = re.compile(
    r"\b(Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|Noviembre|Diciembre)\b"
)


def _texto(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _en_sesion(client, solicitud: Solicitud) -> None:
    sesion = client.session
    sesion[SESION_RADICADOS] = {solicitud.radicado: solicitud.pk}
    sesion.save()


@pytest.fixture
def html_del_pdf(monkeypatch):
    """What WeasyPrint was asked to print: the PDF's text, readable (the PDF itself compresses it)."""
    impresos: list[str] = []

    class HTMLEspia(weasyprint.HTML):
        def __init__(self, *args, string=None, **kwargs):
            impresos.append(string)
            super().__init__(*args, string=string, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", HTMLEspia)
    return impresos


def test_pagina_de_seguimiento_escribe_fechas_y_horas_en_es_co(client):
    solicitud = SolicitudFactory(ahora=TARDE)
    client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": solicitud.codigo_claro})

    html = client.get(SEGUIMIENTO).content.decode()
    texto = _texto(html)

    assert "25 de noviembre de 2026" in texto  # radicada
    assert "jueves 17 de diciembre de 2026" in texto  # the deadline, the long way
    assert "25 de noviembre de 2026, 3:05 p. m." in texto  # the timeline's hour
    assert not MAYUSCULAS.search(texto)
    assert "p.m." not in texto and "PM" not in texto
    # The radicado and the year inside it are identifiers, never numbers with separators.
    assert solicitud.radicado in texto and "2.026" not in texto


def test_horas_de_la_manana_con_a_m(client):
    solicitud = SolicitudFactory(ahora=MANANA)
    _en_sesion(client, solicitud)

    texto = _texto(client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode())

    assert "25 de noviembre de 2026, 9:05 a. m." in texto


def test_correo_del_acuse_escribe_las_fechas_en_minuscula(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        solicitud = SolicitudFactory(ahora=TARDE)

    (mensaje,) = mailoutbox
    (html, _tipo) = mensaje.alternatives[0]
    for cuerpo in (mensaje.body, _texto(html)):
        assert "miércoles 25 de noviembre de 2026" in cuerpo
        assert "jueves 17 de diciembre de 2026" in cuerpo
        assert not MAYUSCULAS.search(cuerpo)
        assert solicitud.radicado in cuerpo


def test_acuse_y_su_pdf_escriben_la_hora_de_recibo_igual(client, html_del_pdf):
    solicitud = SolicitudFactory(ahora=TARDE)
    _en_sesion(client, solicitud)

    pagina = _texto(client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode())
    pdf = client.get(reverse("pqrs:acuse_pdf", args=[solicitud.radicado]))

    assert pdf.status_code == HTTPStatus.OK and pdf.content.startswith(b"%PDF")
    (impreso,) = html_del_pdf
    for texto in (pagina, _texto(impreso)):
        assert "Recibida el 25 de noviembre de 2026, 3:05 p. m." in texto
        assert "miércoles 25 de noviembre de 2026" in texto
        assert "jueves 17 de diciembre de 2026" in texto
        assert not MAYUSCULAS.search(texto)


# --- The files received, on the acuse ----------------------------------------------------------


def test_acuse_y_pdf_listan_los_adjuntos_recibidos_con_su_tamano(client, html_del_pdf, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    radicar(
        client,
        adjuntos=[archivos.pdf("cédula escaneada.pdf", relleno=1_300_000), archivos.png("foto-poste.png")],
    )
    solicitud = Solicitud.objects.get()
    tamanos = {a.nombre_original: a.tamano for a in solicitud.adjuntos.all()}
    assert tamanos["foto-poste.png"] < 1024

    pagina = _texto(client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode())
    client.get(reverse("pqrs:acuse_pdf", args=[solicitud.radicado]))
    (impreso,) = html_del_pdf

    for texto in (pagina, _texto(impreso).replace("\xa0", " ")):
        assert "Archivos recibidos" in texto
        assert "cédula escaneada.pdf (1,2 MB)" in texto.replace("\xa0", " ")
        assert f"foto-poste.png ({tamanos['foto-poste.png']} bytes)" in texto.replace("\xa0", " ")


def test_acuse_sin_adjuntos_lo_dice(client, html_del_pdf):
    solicitud = SolicitudFactory(ahora=TARDE)
    _en_sesion(client, solicitud)

    pagina = _texto(client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode())
    client.get(reverse("pqrs:acuse_pdf", args=[solicitud.radicado]))

    for texto in (pagina, _texto(html_del_pdf[0])):
        assert "Ninguno: la solicitud llegó sin archivos adjuntos." in texto


def test_el_acuse_lista_solo_lo_recibido_al_radicar(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory(ahora=timezone.now(), archivos=[archivos.pdf("con-la-peticion.pdf")])
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.solicitar_informacion(solicitud=solicitud, requerimiento="Envíe la foto.", actor=funcionario)
    services.aportar_informacion(
        solicitud=Solicitud.objects.get(pk=solicitud.pk),
        texto="Aquí está.",
        archivos=[archivos.png("despues.png")],
    )
    _en_sesion(client, solicitud)

    pagina = client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode()

    assert "con-la-peticion.pdf" in pagina
    assert "despues.png" not in pagina  # the art. 17 information has its own event and e-mail


def test_la_pagina_del_personal_escribe_las_fechas_igual(client):
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory(ahora=TARDE)
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.solicitar_informacion(solicitud=solicitud, requerimiento="Envíe la foto.", actor=funcionario)
    solicitud.refresh_from_db()
    client.force_login(coordinador())

    texto = _texto(client.get(reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])).content.decode())

    limite = solicitud.fecha_limite_ciudadano
    assert f"Plazo del peticionario: {formato.fecha(limite)}" in texto
    assert limite.isoformat() not in texto  # the event's data keeps ISO dates; people read them in words
    assert "25 de noviembre de 2026, 3:05 p. m." in texto  # the filing event
    assert not MAYUSCULAS.search(texto)
