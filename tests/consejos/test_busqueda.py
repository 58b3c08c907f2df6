"""The search over published actas: accent-free and ranked with highlighted snippets on PostgreSQL (its
query answered from the GIN index), a plain match with a marked snippet on SQLite; filters by comuna and
instancia; drafts never found."""

import pytest
import time_machine
from django.db import connection, transaction
from django.urls import reverse

from civic.busqueda import vector
from consejos.models import Acta, PuntoAgenda, Sesion, VersionActa
from consejos.selectors.publico import buscar_actas
from consejos.services import actas
from tests.apoyo import requiere_servicios
from tests.civic.fabricas import ComunaFactory, en_bogota

from .fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _hoy():
    with time_machine.travel(en_bogota(2026, 9, 10, 9), tick=False):
        yield


@pytest.fixture
def actor():
    return secretaria()


def acta_con(instancia, actor, dia, titulo, desarrollo, *, publicar=True):
    """A session whose agenda is one item; its acta published unless told otherwise."""
    sesion, acta = sesion_realizada(instancia, actor, dia=dia, puntos=0)
    PuntoAgenda.objects.create(sesion=sesion, orden=1, titulo=titulo, desarrollo=desarrollo)
    actas.aprobar(acta=acta, actor=actor)
    if publicar:
        actas.publicar(acta=acta, actor=actor)
    return acta


@pytest.fixture
def actas_publicadas(actor):
    comuna5, comuna14 = ComunaFactory(numero=5), ComunaFactory(numero=14)
    en5 = InstanciaFactory(nombre="Gobierno en la comuna 5", comuna=comuna5)
    en14 = InstanciaFactory(nombre="Gobierno en la comuna 14", comuna=comuna14)
    integrantes(en5), integrantes(en14)
    mucho = acta_con(
        en5,
        actor,
        (2026, 8, 4),
        "Transporte masivo",
        "El transporte masivo no llega: la comunidad pidió rutas de transporte nocturnas.",
    )
    poco = acta_con(
        en14, actor, (2026, 8, 5), "Vivienda", "Se habló de vivienda; al final, una mención del transporte."
    )
    nada = acta_con(en5, actor, (2026, 8, 6), "Seguridad", "Cámaras y alumbrado en el parque.")
    borrador = acta_con(en5, actor, (2026, 8, 7), "Transporte escolar", "Borrador.", publicar=False)
    return {
        "comuna5": comuna5,
        "en14": en14,
        "mucho": mucho,
        "poco": poco,
        "nada": nada,
        "borrador": borrador,
    }


def test_transporte_encuentra_las_actas_publicadas_y_resalta_la_palabra(client, actas_publicadas):
    a = actas_publicadas
    respuesta = client.get(reverse("consejos:buscar"), {"q": "transporte"})
    html = respuesta.content.decode()
    assert "2 actas encontradas" in html
    assert "<mark>" in html and "ransporte</mark>" in html
    assert reverse("consejos:acta", args=[a["mucho"].pk]) in html
    assert reverse("consejos:acta", args=[a["poco"].pk]) in html
    assert reverse("consejos:acta", args=[a["nada"].pk]) not in html
    assert reverse("consejos:acta", args=[a["borrador"].pk]) not in html  # approved, never published

    por_comuna = client.get(reverse("consejos:buscar"), {"q": "transporte", "comuna": a["comuna5"].pk})
    assert "1 acta encontrada" in por_comuna.content.decode()
    por_instancia = client.get(reverse("consejos:buscar"), {"q": "transporte", "instancia": a["en14"].pk})
    assert reverse("consejos:acta", args=[a["poco"].pk]) in por_instancia.content.decode()
    # A filter that does not exist is dropped; an empty search shows the form only.
    assert client.get(reverse("consejos:buscar"), {"q": "transporte", "comuna": "x"}).status_code == 200
    assert "actas encontrad" not in client.get(reverse("consejos:buscar")).content.decode()


@pytest.mark.servicios
def test_en_postgres_sin_tildes_ordenado_y_con_fragmentos(actas_publicadas):
    requiere_servicios(postgres=True)
    a = actas_publicadas
    # Every acta says "Datos de la sesión": typed without the accent, all published ones are found.
    assert set(buscar_actas("sesion").values_list("acta_id", flat=True)) == {
        a["mucho"].pk,
        a["poco"].pk,
        a["nada"].pk,
    }
    encontradas = list(buscar_actas("transporte"))
    assert [v.acta_id for v in encontradas] == [
        a["mucho"].pk,
        a["poco"].pk,
    ]  # the one that says it most first
    assert encontradas[0].rango > encontradas[1].rango
    assert "\x01Transporte\x02 masivo" in encontradas[0].fragmento
    assert [v.acta_id for v in buscar_actas("TRANSPORTES masivos")] == [a["mucho"].pk]  # stemmed


def _relleno(instancia, n: int) -> None:
    """`n` published actas about something else, written in bulk (sessions, actas, versions, vectors)."""
    dia = en_bogota(2026, 1, 5, 9)
    sesiones = Sesion.objects.bulk_create(
        Sesion(instancia=instancia, anio=2025, numero=i, estado="realizada", inicio=dia, lugar="Sede")
        for i in range(1, n + 1)
    )
    actas_ = Acta.objects.bulk_create(
        Acta(sesion=s, anio=2025, numero=s.numero, estado="publicada", fecha_sesion=dia.date())
        for s in sesiones
    )
    VersionActa.objects.bulk_create(
        VersionActa(
            acta=a,
            numero=1,
            publicada_en=dia,
            titulo=f"Acta {a.numero}",
            html="<p>Alumbrado</p>",
            texto=f"Acta {a.numero}: alumbrado, parques y vías de la comuna {a.numero}.",
            pdf="consejos/actas/relleno.pdf",
            instancia=instancia,
            comuna_id=instancia.comuna_id,
            fecha_sesion=dia.date(),
        )
        for a in actas_
    )
    VersionActa.objects.filter(vector__isnull=True).update(vector=vector("titulo", "texto"))


@pytest.mark.servicios
def test_la_consulta_de_la_busqueda_usa_el_indice_gin(actas_publicadas):
    """The portal's query as sent, over 3,000 published actas with real statistics: the planner takes the
    GIN index on its own (bench/ measures the time over 10,000)."""
    requiere_servicios(postgres=True)
    _relleno(actas_publicadas["en14"], 3000)
    consulta = buscar_actas("transporte", comuna=actas_publicadas["comuna5"])
    sql, parametros = consulta.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # What autovacuum does after a bulk load: the GIN's pending list merged, and real statistics
        # (nearly every version is vigente, so only the words narrow the rows down).
        cursor.execute("SELECT gin_clean_pending_list('consejos_acta_busqueda_idx')")
        cursor.execute("ANALYZE consejos_versionacta")
        cursor.execute(f"EXPLAIN {sql}", parametros)
        plan = "\n".join(fila[0] for fila in cursor.fetchall())
    assert "consejos_acta_busqueda_idx" in plan, plan


def test_la_busqueda_encuentra_las_actas_con_la_palabra_en_cualquier_base(actas_publicadas):
    """On SQLite (the embedded default) this runs the plain fallback; on PostgreSQL the full-text search."""
    encontradas = list(buscar_actas("transporte"))
    assert {v.acta_id for v in encontradas} == {actas_publicadas["mucho"].pk, actas_publicadas["poco"].pk}
