"""The consejos' figures for the informes de gestión: sessions held, comunas covered, commitments."""

from datetime import date

import pytest
import time_machine

from civic import indicadores
from consejos.services import compromisos
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, en_bogota

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db
PERIODO = (date(2026, 8, 1), date(2026, 8, 31))


def test_sesiones_comunas_y_compromisos_del_periodo(django_assert_max_num_queries):
    actor = secretaria()
    cinco = InstanciaFactory(
        nombre="Gobierno en la comuna 5", comuna=ComunaFactory(numero=5, nombre="Comuna 5")
    )
    rural = InstanciaFactory(
        nombre="Gobierno en Pance",
        comuna=ComunaFactory(tipo="corregimiento", numero=3, nombre="Pance", zona="rural"),
    )
    sesion, _a = sesion_realizada(cinco, actor, dia=(2026, 8, 4))
    sesion_realizada(rural, actor, dia=(2026, 8, 11))
    sesion_realizada(cinco, actor, dia=(2026, 9, 1))  # outside the period
    compromisos.registrar(
        sesion=sesion,
        descripcion="Luminarias",
        fecha_vencimiento=date(2026, 8, 20),
        dependencia=DependenciaFactory(),
        actor=actor,
    )
    with django_assert_max_num_queries(1):
        tipo = indicadores.calcular("consejos.sesiones_por_tipo", *PERIODO, {"tipo": "gobierno_comunas"})
    assert tipo.total == 2
    comunas = indicadores.calcular("consejos.comunas_cubiertas", *PERIODO)
    assert comunas.total == 2 and dict(comunas.filas) == {"Comuna 5": 1, "Pance (zona rural)": 1}
    with time_machine.travel(en_bogota(2026, 9, 1), tick=False):
        hechos = indicadores.calcular("consejos.compromisos", *PERIODO)
    assert hechos.total == 1 and dict(hechos.filas)["Vencidos"] == 1
