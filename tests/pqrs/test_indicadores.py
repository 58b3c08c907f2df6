"""The PQRS figures an informe de gestión computes: by type, on time, average days, information requests;
one aggregate query each, whatever the number of requests."""

from datetime import date

import pytest

from civic import indicadores
from tests.pqrs.factories import SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db


def test_las_fuentes_de_pqrs_cuentan_en_el_periodo_con_una_consulta(django_assert_num_queries):
    for dia in (3, 4, 5):
        SolicitudFactory(ahora=en_bogota(2026, 3, dia, 9))
    SolicitudFactory(ahora=en_bogota(2026, 5, 4, 9))  # outside the period
    with django_assert_num_queries(1):
        por_tipo = indicadores.calcular("pqrs.recibidas_por_tipo", date(2026, 3, 1), date(2026, 3, 31))
    assert por_tipo.total == 3 and sum(v for _e, v in por_tipo.filas) == 3
    with django_assert_num_queries(1):
        a_tiempo = indicadores.calcular("pqrs.respondidas_a_tiempo", date(2026, 3, 1), date(2026, 3, 31))
    assert a_tiempo.unidad == "%" and dict(a_tiempo.filas)["Recibidas"] == 3
    acceso = indicadores.calcular("pqrs.acceso_informacion", date(2026, 3, 1), date(2026, 3, 31))
    assert acceso.unidad == "solicitudes de información"
    nadie = indicadores.calcular(
        "pqrs.recibidas_por_dependencia", date(2026, 3, 1), date(2026, 3, 31), {"dependencia": "NOEXISTE"}
    )
    assert nadie.total == 0
