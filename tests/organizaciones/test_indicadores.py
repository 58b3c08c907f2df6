"""The registry's figures for the informes de gestión, computed for a period by aggregation."""

from datetime import date

import pytest
import time_machine

from civic import indicadores
from organizaciones.models import Capacitacion, ClaseTramite
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from tests.civic.fabricas import ComunaFactory, en_bogota

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, junta, peticionario

pytestmark = pytest.mark.django_db

AGOSTO = (date(2026, 8, 1), date(2026, 8, 31))


def test_personerias_dignatarios_tramites_y_capacitaciones_del_periodo(django_assert_max_num_queries):
    funcionario = funcionario_ivc()
    with time_machine.travel(en_bogota(2026, 8, 3, 9), tick=False):
        reconocimiento, _c = radicacion.radicar(
            clase=ClaseTramite.RECONOCIMIENTO,
            peticionario=peticionario(),
            nueva={
                "tipo": "jac",
                "nombre": "JAC El Vallado",
                "comuna": ComunaFactory(),
                "clase_territorio": "vereda",
                "afiliados": 25,
            },
            documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
        )
        servicios.revisar(tramite=reconocimiento, actor=funcionario)
        servicios.aprobar(tramite=reconocimiento, considerandos="Cumple.", actor=funcionario)
        inscripcion, _c = radicacion.radicar(
            clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
            organizacion=OrganizacionFactory(),
            peticionario=peticionario(),
            dignatarios=junta(5, mujeres=2),
            documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        )
        servicios.revisar(tramite=inscripcion, actor=funcionario)
        servicios.aprobar(tramite=inscripcion, considerandos="Cumple.", actor=funcionario)
    capacitacion = Capacitacion.objects.create(fecha=date(2026, 8, 20), tema="Ley 2166", asistentes=40)
    capacitacion.organizaciones.set(OrganizacionFactory.create_batch(3))
    Capacitacion.objects.create(fecha=date(2026, 9, 20), tema="Fuera del periodo", asistentes=99)

    with django_assert_max_num_queries(1):
        personerias = indicadores.calcular("organizaciones.personerias_otorgadas", *AGOSTO)
    assert personerias.total == 1 and personerias.filas == (("Junta de Acción Comunal", 1),)
    assert indicadores.calcular("organizaciones.dignatarios_inscritos", *AGOSTO).total == 5
    tramites = indicadores.calcular("organizaciones.tramites_por_estado", *AGOSTO)
    assert tramites.total == 2 and dict(tramites.filas) == {"Aprobado": 2}
    with django_assert_max_num_queries(2):
        capacitaciones = indicadores.calcular("organizaciones.capacitaciones", *AGOSTO)
    assert capacitaciones.total == 1
    assert dict(capacitaciones.filas) == {"Asistentes": 40, "Organizaciones alcanzadas": 3}
