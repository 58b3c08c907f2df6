"""Ley 1581/2012 art. 4 lit. g: a finished procedure keeps its numbers and its act, not who filed it;
each type's expediente sweeps only its own series."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from civic.models import Anonimizacion
from organizaciones.models import ClaseTramite, Tramite
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from tests.civic.fabricas import en_bogota

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, peticionario

pytestmark = pytest.mark.django_db


def test_un_tramite_notificado_pierde_al_peticionario_tras_el_periodo_de_retencion(settings):
    settings.RETENCION_DATOS_PERSONALES_ANIOS = 5
    funcionario = funcionario_ivc()
    with time_machine.travel(en_bogota(2019, 3, 4, 9), tick=False):
        tramite, _codigo = radicacion.radicar(
            clase=ClaseTramite.REGISTRO_LIBROS,
            organizacion=OrganizacionFactory(),
            peticionario=peticionario(),
            libros=[{"tipo": "tesoreria", "folios": 50}],
            documentos=documentos_de(ClaseTramite.REGISTRO_LIBROS),
        )
        servicios.revisar(tramite=tramite, actor=funcionario)
        servicios.aprobar(tramite=tramite, considerandos="Cumple.", actor=funcionario)
        servicios.notificar(tramite=tramite, medio="personal", actor=funcionario)
    with time_machine.travel(en_bogota(2026, 3, 4, 9), tick=False):
        salida = StringIO()
        call_command("anonimizar_expedientes", stdout=salida)
    tramite.refresh_from_db()
    assert tramite.numero_documento != "31999888"
    assert "Arboleda" not in tramite.nombre_peticionario
    assert tramite.correo == ""
    assert tramite.radicado == "LIB-2019-000001"
    assert tramite.resolucion.pdf
    assert Anonimizacion.objects.count() == Tramite.objects.count() == 1
