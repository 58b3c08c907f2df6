"""The admin home of whoever works PQRS: their work queue by traffic light, within the changelist's scope.

Time is frozen on Wed 25 Mar 2026, 10:00 in Bogotá; each request's light is checked against the `semaforo`
selector itself, the one rule the queue must agree with.
"""

import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civic import roles
from pqrs import selectors, services
from pqrs.admin.cola import MAXIMO_POR_GRUPO
from pqrs.models import Modalidad
from pqrs.selectors import Semaforo
from rendicion.roles import RENDICION
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    coordinador,
    en_bogota,
)

pytestmark = pytest.mark.django_db

INICIO = "/admin/"
# When each light's request is filed, for a due date that gives that light on 25 Mar 2026.
RADICADA_EN = {
    Semaforo.ROJO: en_bogota(2026, 2, 2),  # due late February
    Semaforo.AMARILLO: en_bogota(2026, 3, 4),  # due Thu 26 Mar
    Semaforo.VERDE: en_bogota(2026, 3, 20),  # due 15 Apr
}


@pytest.fixture(autouse=True)
def hoy_fijo():
    with time_machine.travel(en_bogota(2026, 3, 25, 10), tick=False):
        yield


def con_rol(usuario, rol):
    usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.fixture
def dependencia():
    return DependenciaFactory(sigla="SINF", nombre="Secretaría de Infraestructura")


@pytest.fixture
def funcionario(dependencia):
    return con_rol(FuncionarioFactory(dependencia=dependencia), roles.FUNCIONARIO)


@pytest.fixture
def companera(dependencia):
    return con_rol(FuncionarioFactory(dependencia=dependencia), roles.FUNCIONARIO)


def asignada(luz, dependencia, responsable=None, **datos):
    solicitud = SolicitudFactory(ahora=RADICADA_EN[luz], **datos)
    solicitud = services.asignar(
        solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=coordinador()
    )
    assert selectors.semaforo(solicitud) == luz
    return solicitud


def secciones(respuesta) -> dict:
    """Each queue of the home by its key: {light: [radicados in order]} and {light: count}."""
    (panel,) = respuesta.context["paneles"]
    return {
        seccion.clave: (
            {grupo.luz: [fila.objeto.radicado for fila in grupo.filas] for grupo in seccion.grupos},
            {grupo.luz: grupo.total for grupo in seccion.grupos},
        )
        for seccion in panel["secciones"]
    }


def test_la_cola_agrupa_por_semaforo_con_las_prioritarias_primero(
    client, funcionario, companera, dependencia
):
    roja = asignada(Semaforo.ROJO, dependencia, funcionario)
    amarilla = asignada(Semaforo.AMARILLO, dependencia, funcionario)
    verde = asignada(Semaforo.VERDE, dependencia, funcionario)
    # Filed later than `verde` (a later due date), but art. 20 puts it first in its group.
    verde_prioritaria = asignada(Semaforo.VERDE, dependencia, funcionario, prioritaria=True)
    de_la_companera = asignada(Semaforo.ROJO, dependencia, companera)
    sin_responsable = asignada(Semaforo.AMARILLO, dependencia)
    # No running term: a felicitación (no legal term) and a request waiting for the petitioner (art. 17);
    # open, grey, listed as the staff list orders (newest first).
    felicitacion = Modalidad.objects.get(codigo="felicitacion")
    gris = SolicitudFactory(modalidad=felicitacion, ahora=en_bogota(2026, 3, 10))
    services.asignar(solicitud=gris, dependencia=dependencia, responsable=funcionario, actor=coordinador())
    en_espera = asignada(Semaforo.VERDE, dependencia, funcionario)
    services.solicitar_informacion(
        solicitud=en_espera, requerimiento="Indique la dirección exacta del poste.", actor=funcionario
    )
    assert selectors.semaforo(gris) == selectors.semaforo(en_espera) == Semaforo.GRIS
    assert verde_prioritaria.fecha_vencimiento >= verde.fecha_vencimiento

    client.force_login(funcionario)
    respuesta = client.get(INICIO)

    assert respuesta.status_code == 200
    colas = secciones(respuesta)
    assert list(colas) == ["mias", "dependencia"]
    mias, cuantas_mias = colas["mias"]
    assert mias == {
        Semaforo.ROJO: [roja.radicado],
        Semaforo.AMARILLO: [amarilla.radicado],
        Semaforo.VERDE: [verde_prioritaria.radicado, verde.radicado],
        Semaforo.GRIS: [en_espera.radicado, gris.radicado],
    }
    assert cuantas_mias == {Semaforo.ROJO: 1, Semaforo.AMARILLO: 1, Semaforo.VERDE: 2, Semaforo.GRIS: 2}
    de_la_dependencia, cuantas = colas["dependencia"]
    assert set(de_la_dependencia[Semaforo.ROJO]) == {roja.radicado, de_la_companera.radicado}
    assert set(de_la_dependencia[Semaforo.AMARILLO]) == {amarilla.radicado, sin_responsable.radicado}
    assert cuantas == {Semaforo.ROJO: 2, Semaforo.AMARILLO: 2, Semaforo.VERDE: 2, Semaforo.GRIS: 2}

    html = respuesta.content.decode()
    # Most urgent group first, in the page as in the data.
    assert (
        html.index('id="cola-mias-rojo"')
        < html.index('id="cola-mias-amarillo"')
        < html.index('id="cola-mias-verde"')
    )
    assert "Mi dependencia: Secretaría de Infraestructura" in html
    # Each row: a link to the request's page, the subject, its state, due date, days left and the light.
    fila = re.search(r"<tr>\s*<th scope=\"row\" class=\"cola-radicado\">.*?</tr>", html, re.S).group(0)
    assert f'href="{reverse("admin:pqrs_solicitud_change", args=[roja.pk])}"' in fila
    assert roja.radicado in fila and roja.asunto in fila and "En trámite" in fila
    assert str(selectors.dias_restantes(roja)) in fila
    assert 'class="semaforo semaforo--rojo"' in fila
    assert '<strong class="prioridad">Prioritaria:</strong>' in html
    # The sections stay one link away, below the queue; Django's recent actions give way to it.
    assert html.index("Mis solicitudes") < html.index("Todas las secciones de la administración")
    assert reverse("admin:pqrs_solicitud_changelist") in html
    assert "recent-actions-module" not in html


def test_la_cola_no_muestra_otras_dependencias_ni_solicitudes_terminadas(client, funcionario, dependencia):
    otra = DependenciaFactory(sigla="SSAL", nombre="Secretaría de Salud")
    ajena = asignada(Semaforo.ROJO, otra)
    sin_asignar = SolicitudFactory(ahora=RADICADA_EN[Semaforo.ROJO])
    archivada = asignada(Semaforo.ROJO, dependencia, funcionario)
    services.archivar(
        solicitud=archivada, motivo="Solicitud repetida de la misma persona.", actor=funcionario
    )

    client.force_login(funcionario)
    html = client.get(INICIO).content.decode()

    for fuera in (ajena, sin_asignar, archivada):
        assert fuera.radicado not in html
    assert "No hay solicitudes abiertas." in html


def test_coordinacion_ve_toda_la_oficina(client, dependencia):
    otra = DependenciaFactory(sigla="SSAL", nombre="Secretaría de Salud")
    de_una = asignada(Semaforo.ROJO, dependencia)
    de_otra = asignada(Semaforo.ROJO, otra)
    sin_asignar = SolicitudFactory(ahora=RADICADA_EN[Semaforo.ROJO])
    coordinadora = coordinador()

    client.force_login(coordinadora)
    respuesta = client.get(INICIO)

    todas, _ = secciones(respuesta)["dependencia"]
    assert set(todas[Semaforo.ROJO]) == {de_una.radicado, de_otra.radicado, sin_asignar.radicado}
    assert "Toda la oficina" in respuesta.content.decode()
    # Coordinación records what arrives at the office (Ley 1755 de 2015 art. 15), from the queue too.
    assert reverse("admin:pqrs_solicitud_add") in respuesta.content.decode()


def test_los_que_no_pasan_de_cuantos_se_ven_en_la_lista_filtrada(client, funcionario, dependencia):
    for _ in range(MAXIMO_POR_GRUPO + 2):
        asignada(Semaforo.ROJO, dependencia, funcionario)

    client.force_login(funcionario)
    respuesta = client.get(INICIO)

    mias, cuantas = secciones(respuesta)["mias"]
    assert len(mias[Semaforo.ROJO]) == MAXIMO_POR_GRUPO
    assert cuantas[Semaforo.ROJO] == MAXIMO_POR_GRUPO + 2
    lista = reverse("admin:pqrs_solicitud_changelist")
    assert f'href="{lista}?semaforo=rojo">2 más: ver en la lista de solicitudes (vencida)' in (
        respuesta.content.decode()
    )


def test_las_consultas_no_crecen_con_las_filas(client, funcionario, companera, dependencia):
    def contar() -> int:
        with CaptureQueriesContext(connection) as consultas:
            assert client.get(INICIO).status_code == 200
        return len(consultas)

    for luz in RADICADA_EN:
        asignada(luz, dependencia, funcionario)
    client.force_login(funcionario)
    contar()  # warms the per-process caches (business-day calendar, content types)
    con_pocas = contar()
    for luz in RADICADA_EN:
        for responsable in (funcionario, companera, None):
            asignada(luz, dependencia, responsable, prioritaria=True)
            asignada(luz, dependencia, responsable, riesgo_vida=True)

    assert contar() == con_pocas


def test_funcionario_sin_dependencia_sabe_por_que_no_tiene_cola(client):
    huerfano = con_rol(FuncionarioFactory(dependencia=None), roles.FUNCIONARIO)
    client.force_login(huerfano)
    html = client.get(INICIO).content.decode()
    assert "Su usuario no tiene una dependencia asignada" in html
    assert "Todas las secciones de la administración" in html


@pytest.mark.parametrize("rol", [roles.VENTANILLA])
def test_sin_rol_de_tramite_el_inicio_es_el_de_siempre(client, dependencia, rol):
    asignada(Semaforo.ROJO, dependencia)
    usuario = con_rol(FuncionarioFactory(dependencia=dependencia), rol)
    client.force_login(usuario)
    respuesta = client.get(INICIO)
    html = respuesta.content.decode()
    assert respuesta.context["paneles"] == []
    assert "Mis solicitudes" not in html
    assert "recent-actions-module" in html  # Django's home, with its recent actions
    assert 'class="app-' in html  # and its list of sections


def test_el_rol_de_rendicion_ve_su_propia_cola_y_no_la_de_pqrs(client, dependencia):
    # Rendición answers citizens' questions with a term: its home is its own work queue, never PQRS's.
    asignada(Semaforo.ROJO, dependencia)
    client.force_login(con_rol(FuncionarioFactory(dependencia=dependencia), RENDICION))
    respuesta = client.get(INICIO)
    html = respuesta.content.decode()
    assert [p["plantilla"] for p in respuesta.context["paneles"]] == ["admin/rendicion/cola.html"]
    assert "Mis solicitudes" not in html
    assert "Preguntas por responder" in html


def test_la_lista_y_sus_botones_hablan_como_la_oficina(client, dependencia):
    coordinadora = coordinador()
    client.force_login(coordinadora)
    html = client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()
    assert "<h1>Solicitudes PQRS</h1>" in html
    assert "Registrar solicitud" in html
    assert "Añadir solicitud" not in html and "Escoja" not in html
    # The portal's look: its stylesheet, its logo and the municipality, in every admin page.
    assert "css/admin-portal.css" in html and "img/escudo.svg" in html
    # The request's page is named for what it is, with its radicado below (read-only by design).
    solicitud = asignada(Semaforo.VERDE, dependencia)
    pagina = client.get(reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])).content.decode()
    assert "<h1>Solicitud PQRS</h1>" in pagina and f"<h2>{solicitud.radicado}</h2>" in pagina
    assert "Vista" not in pagina
    # A read-only section is "Ver", the verb, not Django's "Vista" (locale/es_CO).
    inicio = client.get(INICIO).content.decode()
    assert re.search(r'class="viewlink"[^>]*>Ver</a>', inicio) and ">Vista<" not in inicio
