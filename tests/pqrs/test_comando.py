from collections import defaultdict

import pytest
from django.core.management import call_command

from civic import calendario
from civic.models import Consecutivo
from pqrs.models import Evento, Solicitud, TipoEvento
from pqrs.workflow import Estado

pytestmark = pytest.mark.django_db


def test_generar_pqrs_sinteticas_consistentes():
    call_command("generar_pqrs_sinteticas", 400, "--lote", "150", "--semilla", "7", stdout=None)
    call_command("generar_pqrs_sinteticas", 50, "--semilla", "8", stdout=None)

    assert Solicitud.objects.count() == 450
    # Each year's consecutives are 1..n with no gap, and the counter knows the last one.
    por_anio = defaultdict(list)
    for anio, consecutivo in Solicitud.objects.values_list("anio", "consecutivo"):
        por_anio[anio].append(consecutivo)
    assert len(por_anio) >= 3
    for anio, numeros in por_anio.items():
        assert sorted(numeros) == list(range(1, len(numeros) + 1))
        assert Consecutivo.objects.get(serie="pqrs", anio=anio).ultimo == len(numeros)
    # Dates follow the calendar.
    for s in Solicitud.objects.exclude(plazo_dias=None).filter(prorrogada=False)[:100]:
        assert s.fecha_radicacion_efectiva == calendario.fecha_radicacion_efectiva(s.radicada_en)
        assert s.fecha_vencimiento == calendario.sumar_dias_habiles(s.fecha_radicacion_efectiva, s.plazo_dias)
    assert Evento.objects.filter(tipo=TipoEvento.RADICADA).count() == 450
    estados = set(Solicitud.objects.values_list("estado", flat=True))
    assert {Estado.CERRADA, Estado.ASIGNADA} <= estados
    assert Solicitud.objects.filter(modalidad__codigo="queja").exists()
    assert Solicitud.objects.filter(respondida_a_tiempo=False).exists()
