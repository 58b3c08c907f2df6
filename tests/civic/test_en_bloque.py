"""Radicados given in bulk continue each series and leave its counter where filing continues."""

from datetime import date

import pytest

from civic.expedientes import radicados
from civic.expedientes.en_bloque import NumeracionEnBloque
from civic.expedientes.registro import Expediente
from civic.models import Consecutivo

pytestmark = pytest.mark.django_db

EXPEDIENTE = Expediente(clave="prueba-bloque", modelo="tramites.Tramite", prefijo="BLQ")


def test_continua_la_serie_y_deja_el_contador_al_dia():
    Consecutivo.objects.create(serie="prueba-bloque", anio=2026, ultimo=4)
    numeracion = NumeracionEnBloque(["prueba-bloque"], usados=[("prueba-bloque", 2026, 7)])
    primero = numeracion.radicado(EXPEDIENTE, date(2026, 3, 2), codigo="ABCDEFGHJK")
    segundo = numeracion.radicado(EXPEDIENTE, date(2026, 3, 2))
    otro_anio = numeracion.radicado(EXPEDIENTE, date(2027, 1, 12))
    assert (primero["radicado"], segundo["consecutivo"], otro_anio["radicado"]) == (
        "BLQ-2026-000008",
        9,
        "BLQ-2027-000001",
    )
    assert radicados.codigo_coincide(
        "prueba-bloque", primero["radicado"], "ABCDEFGHJK", primero["codigo_consulta_hash"]
    )
    numeracion.guardar()
    assert dict(Consecutivo.objects.filter(serie="prueba-bloque").values_list("anio", "ultimo")) == {
        2026: 9,
        2027: 1,
    }
    assert radicados.siguiente_consecutivo("prueba-bloque", 2026) == 10
