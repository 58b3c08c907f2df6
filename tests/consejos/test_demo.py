"""The demo consejos: the seed report's first half of 2004 as real records (what rendición rebuilds the
2004 report from) and today's sessions with commitments in every state; a second `cargar_demo` adds
nothing."""

from collections import Counter
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count

from civic.plazos import semaforo
from consejos.models import (
    Acta,
    Compromiso,
    EventoActa,
    EventoCompromiso,
    Evidencia,
    Instancia,
    Integrante,
    Sesion,
    Suscripcion,
    TipoInstancia,
    VersionActa,
)
from consejos.workflow import MAQUINA_COMPROMISO, EstadoActa, EstadoCompromiso

pytestmark = pytest.mark.django_db

HOY = date(2026, 11, 25)
# The report's list: comuna 19 twice, and one day in the rural zone.
COMUNAS_DEL_INFORME = [5, 14, 1, 15, 20, 19, 13, 21, 2, 4, 12, 10, 19, 16, 11, 7, 6]


def _contar() -> dict:
    modelos = (Instancia, Integrante, Sesion, Acta, VersionActa, Compromiso, EventoCompromiso, Suscripcion)
    return {m.__name__: m.objects.count() for m in modelos}


def _semestre_2004(**filtros):
    return Sesion.objects.filter(
        inicio__date__gte=date(2004, 1, 1), inicio__date__lte=date(2004, 6, 30), estado="realizada", **filtros
    )


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime(2026, 11, 25, 15, 0, tzinfo=UTC), tick=False):
        call_command("cargar_demo")
        primera = _contar()
        call_command("cargar_demo")
    return primera


def test_la_demo_reconstruye_el_informe_de_2004_y_trae_compromisos_en_todos_los_estados(demo):
    assert _contar() == demo  # the second load added nothing

    # Gobierno en las comunas: 18 days, one per comuna listed (19 twice) and one in a corregimiento.
    jornadas = _semestre_2004(instancia__tipo=TipoInstancia.GOBIERNO_COMUNAS)
    assert jornadas.count() == 18
    assert Counter(
        jornadas.filter(comuna__tipo="comuna").values_list("comuna__numero", flat=True)
    ) == Counter(COMUNAS_DEL_INFORME)
    assert jornadas.filter(comuna__tipo="corregimiento").count() == 1
    assert not jornadas.filter(asistentes_comunidad=0).exists()
    assert not jornadas.annotate(n=Count("temas")).filter(n=0).exists()
    assert Sesion.objects.filter(organizaciones_presentes__isnull=False).exists()
    assert _semestre_2004(agenda__titulo__icontains="olla comunitaria").exists()

    # The CMPS with its sectors and two meetings, its Comité Técnico with one, three follow-ups.
    assert _semestre_2004(instancia__tipo=TipoInstancia.POLITICA_SOCIAL).count() == 2
    cmps = Instancia.objects.get(tipo=TipoInstancia.POLITICA_SOCIAL)
    sectores = set(cmps.integrantes.filter(inicio__year=2004).values_list("sector", flat=True))
    assert sectores >= {
        "academia", "iglesia", "personeria", "red_solidaridad", "empresarial", "ong", "administracion",
    }  # fmt: skip
    assert cmps.sesiones_minimas_anio == 4
    assert _semestre_2004(instancia__tipo=TipoInstancia.COMITE_TECNICO).count() == 1
    assert _semestre_2004(instancia__tipo=TipoInstancia.SEGUIMIENTO).count() == 3

    # Encounters with population groups and the Alcalde's topics.
    encuentros = _semestre_2004(instancia__tipo=TipoInstancia.ENCUENTRO)
    grupos = set(encuentros.values_list("grupos__nombre", flat=True))
    assert "Población con discapacidad" in grupos and "Pueblos indígenas" in grupos
    assert {"Vivienda", "Transporte masivo", "Seguridad"} <= set(
        encuentros.values_list("temas__nombre", flat=True)
    )

    # Three temporary mesas (start and end in 2004) with the comuneros, jueces de paz and vendedores.
    mesas = Instancia.objects.filter(tipo=TipoInstancia.MESA, inicio__year=2004, fin__year=2004)
    assert mesas.count() == 3
    actores = " ".join(mesas.values_list("integrantes__nombre", flat=True)).lower()
    assert "comuneros" in actores and "jueces de paz" in actores and "vendedores ambulantes" in actores
    assert all(_semestre_2004(instancia=m).exists() for m in mesas)

    # Every 2004 session's acta is published, and the timelines carry 2004's dates.
    assert not _semestre_2004().exclude(acta__versiones__vigente=True).exists()
    assert not EventoActa.objects.filter(acta__anio=2004).exclude(momento__year=2004).exists()
    assert (
        not EventoCompromiso.objects.filter(compromiso__sesion__anio=2004)
        .exclude(momento__year=2004)
        .exists()
    )

    # Today: commitments in every state, one overdue (running past its due date), follow-ups with evidence.
    actuales = Compromiso.objects.filter(sesion__anio=2026)
    assert set(actuales.values_list("estado", flat=True)) == set(EstadoCompromiso.values)
    luces = {
        semaforo.luz(c.fecha_vencimiento, HOY, en_curso=c.estado in MAQUINA_COMPROMISO.en_curso)
        for c in actuales
    }
    assert semaforo.Semaforo.ROJO in luces and semaforo.Semaforo.VERDE in luces
    assert Evidencia.objects.filter(compromiso__sesion__anio=2026, evento__tipo="seguimiento").exists()
    assert actuales.filter(revisado_en__isnull=False).exists()

    # Actas: a corrected one (two versions, the old one kept), an approved unpublished one, a draft.
    corregida = Acta.objects.annotate(n=Count("versiones")).get(n=2)
    assert corregida.versiones.filter(vigente=True).get().numero == 2
    assert Acta.objects.filter(anio=2026, estado=EstadoActa.APROBADA).exists()
    assert Acta.objects.filter(anio=2026, estado=EstadoActa.BORRADOR).exists()

    # The calendar: upcoming programmed sessions and a cancelled one; confirmed subscriptions.
    assert Sesion.objects.filter(estado="programada", inicio__date__gt=HOY).count() >= 2
    assert Sesion.objects.filter(estado="cancelada").exists()
    assert Suscripcion.objects.filter(confirmada_en__isnull=False, comuna__numero=5).exists()
    assert Suscripcion.objects.filter(confirmada_en__isnull=False, instancia=cmps).exists()
