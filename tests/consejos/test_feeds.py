"""The calendar feeds (iCalendar with America/Bogota), their help page and the Atom feed of published
actas: they parse, keep local times, list only public things, in a constant number of queries."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from consejos.models import PuntoAgenda
from consejos.services import actas, sesiones
from tests.civic.fabricas import ComunaFactory, en_bogota

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db

BOGOTA = ZoneInfo("America/Bogota")
HOY = en_bogota(2026, 8, 1, 10)


@pytest.fixture
def actor():
    return secretaria()


@pytest.fixture
def comuna5():
    return ComunaFactory(numero=5, nombre="Comuna 5")


@pytest.fixture
def instancia(comuna5):
    return InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5", comuna=comuna5)


@pytest.fixture(autouse=True)
def reloj():
    with time_machine.travel(HOY, tick=False):
        yield


def _programar(instancia, actor, *dia, hora=9, agenda=(), **campos):
    sesion = sesiones.programar(
        instancia=instancia,
        inicio=en_bogota(*dia, hora),
        lugar="Sede comunal El Vallado",
        actor=actor,
        **campos,
    )
    for orden, titulo in enumerate(agenda, start=1):
        PuntoAgenda.objects.create(sesion=sesion, orden=orden, titulo=titulo, desarrollo="Borrador privado.")
    return sesion


def _eventos(respuesta) -> dict:
    calendario = Calendar.from_ical(respuesta.content)
    return {str(e["UID"]): e for e in calendario.walk("VEVENT")}


def _ics(client, nombre, pk):
    respuesta = client.get(reverse(f"consejos:{nombre}", args=[pk]))
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "text/calendar; charset=utf-8"
    return respuesta


def test_el_calendario_de_la_comuna_trae_sus_sesiones_con_la_hora_de_bogota(
    client, instancia, actor, comuna5
):
    proxima = _programar(
        instancia, actor, 2026, 8, 4, agenda=["Transporte masivo", "Seguridad en el parque"], comuna=comuna5
    )
    cancelada = _programar(instancia, actor, 2026, 8, 11, comuna=comuna5)
    sesiones.cancelar(sesion=cancelada, motivo="Paro de transporte.", actor=actor)
    # A municipal council that met in comuna 5 also shows up in the comuna's calendar.
    municipal = InstanciaFactory(nombre="Consejo Municipal de Política Social", comuna=None)
    visita = _programar(municipal, actor, 2026, 9, 2, hora=14, comuna=comuna5, fin=en_bogota(2026, 9, 2, 17))
    # Outside the window (too old, too far ahead), or in another comuna: not in this calendar.
    _programar(instancia, actor, 2026, 6, 1, comuna=comuna5)
    _programar(instancia, actor, 2027, 6, 1, comuna=comuna5)
    otra = InstanciaFactory(nombre="Gobierno en las comunas – Comuna 14", comuna=ComunaFactory(numero=14))
    _programar(otra, actor, 2026, 8, 5, comuna=otra.comuna)

    respuesta = _ics(client, "calendario_comuna", comuna5.pk)
    calendario = Calendar.from_ical(respuesta.content)
    [zona] = calendario.walk("VTIMEZONE")
    assert str(zona["TZID"]) == "America/Bogota"
    assert str(calendario["X-WR-CALNAME"]) == "Consejos y mesas – Comuna 5"

    eventos = _eventos(respuesta)
    assert set(eventos) == {f"sesion-{s.pk}@127.0.0.1" for s in (proxima, cancelada, visita)}
    evento = eventos[f"sesion-{proxima.pk}@127.0.0.1"]
    inicio = evento.decoded("DTSTART")
    assert inicio.tzinfo is not None and str(evento["DTSTART"].params["TZID"]) == "America/Bogota"
    assert (inicio.hour, inicio.minute) == (9, 0)
    assert inicio.astimezone(UTC) == datetime(2026, 8, 4, 14, 0, tzinfo=UTC)
    assert evento.decoded("DTEND").astimezone(UTC) == datetime(2026, 8, 4, 16, 0, tzinfo=UTC)  # 2 h default
    assert "DTSTAMP" in evento
    assert str(evento["SUMMARY"]) == "Gobierno en las comunas – Comuna 5: sesión ordinaria"
    assert str(evento["LOCATION"]) == "Sede comunal El Vallado, Comuna 5"
    descripcion = str(evento["DESCRIPTION"])
    assert "1. Transporte masivo" in descripcion and "2. Seguridad en el parque" in descripcion
    assert "Borrador privado" not in descripcion  # the development of an item is the acta's, not yet public
    assert str(evento["URL"]).endswith(reverse("consejos:instancia", args=[instancia.pk]))
    assert str(evento["STATUS"]) == "CONFIRMED"

    anulada = eventos[f"sesion-{cancelada.pk}@127.0.0.1"]
    assert str(anulada["STATUS"]) == "CANCELLED"
    assert "Paro de transporte." in str(anulada["DESCRIPTION"])
    tarde = eventos[f"sesion-{visita.pk}@127.0.0.1"]
    assert tarde.decoded("DTEND").astimezone(BOGOTA).hour == 17


def test_una_sesion_realizada_enlaza_su_acta_solo_cuando_esta_publicada(client, instancia, actor, comuna5):
    sesion, acta = sesion_realizada(instancia, actor, dia=(2026, 7, 20))
    url_instancia = reverse("consejos:instancia", args=[instancia.pk])

    [evento] = _eventos(_ics(client, "calendario_instancia", instancia.pk)).values()
    assert str(evento["URL"]).endswith(url_instancia)  # a draft acta is not linked, nor read
    assert "Acta publicada" not in str(evento["DESCRIPTION"])

    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    [evento] = _eventos(_ics(client, "calendario_instancia", instancia.pk)).values()
    assert str(evento["URL"]).endswith(reverse("consejos:acta", args=[acta.pk]))
    assert str(evento["UID"]) == f"sesion-{sesion.pk}@127.0.0.1"  # the same event, updated


def test_un_calendario_vacio_tambien_declara_su_zona_horaria(client, comuna5):
    calendario = Calendar.from_ical(_ics(client, "calendario_comuna", comuna5.pk).content)
    assert [str(z["TZID"]) for z in calendario.walk("VTIMEZONE")] == ["America/Bogota"]
    assert calendario.walk("VEVENT") == []


def test_un_calendario_que_no_existe_es_404(client):
    assert client.get(reverse("consejos:calendario_comuna", args=[999])).status_code == 404
    assert client.get(reverse("consejos:calendario_instancia", args=[999])).status_code == 404


def _consultas(client, url) -> int:
    with CaptureQueriesContext(connection) as consultas:
        assert client.get(url).status_code == 200
    return len(consultas)


def test_los_calendarios_hacen_las_mismas_consultas_con_una_o_muchas_sesiones(
    client, instancia, actor, comuna5
):
    url_comuna = reverse("consejos:calendario_comuna", args=[comuna5.pk])
    url_instancia = reverse("consejos:calendario_instancia", args=[instancia.pk])
    _programar(instancia, actor, 2026, 8, 3, agenda=["Uno"], comuna=comuna5)
    pocas = (_consultas(client, url_comuna), _consultas(client, url_instancia))
    for dia in range(4, 12):
        _programar(instancia, actor, 2026, 8, dia, agenda=["Uno", "Dos"], comuna=comuna5)
    sesion_realizada(instancia, actor, dia=(2026, 7, 15))
    assert (_consultas(client, url_comuna), _consultas(client, url_instancia)) == pocas
    assert pocas[0] <= 3


def test_la_pagina_de_ayuda_lista_las_direcciones_de_cada_calendario(client, instancia, comuna5):
    respuesta = client.get(reverse("consejos:calendario_ayuda"))
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert f"http://testserver/consejos/calendario/comuna/{comuna5.pk}.ics" in html
    assert f"http://testserver/consejos/calendario/instancia/{instancia.pk}.ics" in html
    assert "Añadir calendario suscrito" in html and "Desde URL" in html and "Outlook" in html


# --- Atom -------------------------------------------------------------------------------------


def _publicada(instancia, actor, dia):
    _, acta = sesion_realizada(instancia, actor, dia=dia)
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    return acta


def test_el_feed_atom_lista_solo_las_actas_publicadas(client, instancia, actor):
    url = reverse("consejos:feed_actas")
    primera = _publicada(instancia, actor, (2026, 7, 6))
    with time_machine.travel(en_bogota(2026, 8, 1, 11), tick=False):
        corregida = _publicada(instancia, actor, (2026, 7, 13))
    with time_machine.travel(en_bogota(2026, 8, 1, 12), tick=False):
        actas.corregir(acta=corregida, motivo="Faltó un asistente.", actor=actor)
        actas.aprobar(acta=corregida, actor=actor)
        actas.publicar(acta=corregida, actor=actor)
    sesion_realizada(instancia, actor, dia=(2026, 7, 20))  # its acta is a draft: never in the feed
    aprobada = sesion_realizada(instancia, actor, dia=(2026, 7, 27))[1]
    actas.aprobar(acta=aprobada, actor=actor)  # approved but unpublished: not either

    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(respuesta.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    enlaces = [e.link for e in feed.entries]
    assert enlaces == [
        f"http://testserver{reverse('consejos:acta', args=[corregida.pk])}",
        f"http://testserver{reverse('consejos:acta', args=[primera.pk])}",
    ]
    ultima = feed.entries[0]
    assert "corrección, versión 2" in ultima.title
    assert "Faltó un asistente." in ultima.summary
    assert ultima.author == instancia.secretaria_tecnica.nombre
    # Published first at 11:00, corrected at 12:00 (Bogotá).
    assert ultima.published_parsed[:5] == (2026, 8, 1, 16, 0)
    assert ultima.updated_parsed[:5] == (2026, 8, 1, 17, 0)
    assert len(ultima.summary) < 1000  # a summary, not the whole acta


def test_el_feed_atom_hace_las_mismas_consultas_con_pocas_o_muchas_actas(client, instancia, actor):
    url = reverse("consejos:feed_actas")
    _publicada(instancia, actor, (2026, 7, 1))
    pocas = _consultas(client, url)
    for dia in range(2, 6):
        _publicada(instancia, actor, (2026, 7, dia))
    assert _consultas(client, url) == pocas <= 2
