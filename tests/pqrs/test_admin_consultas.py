"""Query counts of the PQRS admin pages: the same with 5 or 50 rows, with 1 or 30 events.

A page whose queries grow with its rows (N+1) would not survive a million requests; the benchmark in
bench/bench_pqrs.py measures the time, these tests pin the shape.
"""

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civic import roles
from pqrs import services
from pqrs.models import Canal, Modalidad
from pqrs.paginacion import PaginadorAcotado
from tests.pqrs.factories import ComunaFactory, FuncionarioFactory, SolicitudFactory, coordinador, en_bogota

pytestmark = pytest.mark.django_db

# Admin pages that do more than this per request are doing something per row.
MAXIMO_LISTA = 14
MAXIMO_DETALLE = 16


@pytest.fixture(autouse=True)
def hoy_fijo():
    with time_machine.travel(en_bogota(2026, 3, 25, 10), tick=False):
        yield


@pytest.fixture
def funcionario():
    usuario = FuncionarioFactory(first_name="Pedro")
    usuario.groups.add(Group.objects.get(name=roles.FUNCIONARIO))
    return usuario


@pytest.fixture
def comuna():
    return ComunaFactory()


def crear(n, *, funcionario, comuna, modalidad):
    # Every row matches every filter below, so each filtered page lists them all.
    for _ in range(n):
        solicitud = SolicitudFactory(
            canal=Canal.TELEFONICO,
            comuna=comuna,
            modalidad=modalidad,
            nombres="Yesenia",
            apellidos="Valencia",
            numero_documento="66777888",
        )
        services.asignar(
            solicitud=solicitud,
            dependencia=funcionario.dependencia,
            responsable=funcionario,
            actor=funcionario,
        )


def contar(client, url, parametros) -> int:
    with CaptureQueriesContext(connection) as consultas:
        respuesta = client.get(url, parametros)
    assert respuesta.status_code == 200
    return len(consultas), respuesta


def test_lista_con_5_y_50_filas_hace_las_mismas_consultas(client, funcionario, comuna):
    modalidad = Modalidad.objects.get(codigo="queja")
    coordinadora = coordinador()
    url = reverse("admin:pqrs_solicitud_changelist")
    filtros = {
        "sin filtro": {},
        "estado": {"estado__exact": "asignada"},
        "semáforo": {"semaforo": "verde"},
        "tipo": {"modalidad__id__exact": modalidad.pk},
        "dependencia": {"dependencia__id__exact": funcionario.dependencia_id},
        "canal": {"canal__exact": "telefonico"},
        "comuna": {"comuna__id__exact": comuna.pk},
        "año": {"anio": "2026"},
        "búsqueda por documento": {"q": "66777888"},
        "búsqueda por nombre": {"q": "yesenia valencia"},
        "orden por vencimiento": {"o": "6"},
        "página 2": {"p": "2"},
    }
    crear(5, funcionario=funcionario, comuna=comuna, modalidad=modalidad)
    client.force_login(coordinadora)
    client.get(url)  # warm-up: session, content types, calendar
    con_5 = {nombre: contar(client, url, p) for nombre, p in filtros.items() if nombre != "página 2"}
    for nombre, (_consultas, respuesta) in con_5.items():
        assert len(respuesta.context["cl"].result_list) == 5, nombre

    crear(45, funcionario=funcionario, comuna=comuna, modalidad=modalidad)
    client.get(url, {"p": "1"})
    for nombre, parametros in filtros.items():
        consultas, respuesta = contar(client, url, parametros)
        filas = len(respuesta.context["cl"].result_list)
        if nombre == "página 2":
            assert filas == 0 or filas <= 50
            continue
        assert filas == 50, nombre
        assert consultas == con_5[nombre][0], nombre
        assert consultas <= MAXIMO_LISTA, nombre

    # A funcionario's scoped list too.
    client.force_login(funcionario)
    client.get(url)
    consultas, respuesta = contar(client, url, {})
    assert len(respuesta.context["cl"].result_list) == 50
    assert consultas <= MAXIMO_LISTA


def test_lista_sin_count_completo(client, funcionario, comuna):
    """With more rows than the cap the paginator stops counting and the page says 'más de'."""
    crear(6, funcionario=funcionario, comuna=comuna, modalidad=Modalidad.objects.get(codigo="queja"))
    client.force_login(coordinador())
    url = reverse("admin:pqrs_solicitud_changelist")
    tope_original = PaginadorAcotado.tope
    PaginadorAcotado.tope = 4
    try:
        with CaptureQueriesContext(connection) as consultas:
            respuesta = client.get(url)
    finally:
        PaginadorAcotado.tope = tope_original
    assert "Más de 4 solicitudes" in respuesta.content.decode()
    sql = [q["sql"] for q in consultas.captured_queries if "COUNT(" in q["sql"].upper()]
    # The only count is bounded by a LIMIT: never a COUNT(*) of the whole table.
    assert sql and all("LIMIT" in s.upper() for s in sql)


def test_detalle_con_1_y_30_eventos_hace_las_mismas_consultas(client, funcionario, comuna):
    solicitud = SolicitudFactory(
        comuna=comuna,
        archivos=[SimpleUploadedFile("plano.pdf", b"%PDF-1.4 plano", content_type="application/pdf")],
    )
    client.force_login(funcionario)
    url = reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])
    coordinadora = coordinador()
    client.force_login(coordinadora)
    client.get(url)  # warm-up
    una, respuesta = contar(client, url, {})
    assert len(respuesta.context["eventos"]) == 1

    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    for n in range(26):
        services.agregar_nota_interna(solicitud=solicitud, nota=f"Seguimiento {n}", actor=funcionario)
    services.responder(
        solicitud=solicitud,
        texto="Respuesta",
        archivos=[SimpleUploadedFile("respuesta.pdf", b"%PDF-1.4 r", content_type="application/pdf")],
        actor=funcionario,
    )
    services.agregar_nota_interna(solicitud=solicitud, nota="Cierre", actor=coordinadora)
    treinta, respuesta = contar(client, url, {})
    assert len(respuesta.context["eventos"]) == 30
    assert len(respuesta.context["adjuntos"]) == 2
    assert treinta == una
    assert treinta <= MAXIMO_DETALLE
