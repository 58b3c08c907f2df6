"""The saved PQRS report templates (Ley 1474 art. 76, Ley 1712): a draft informe for any period and
dependencia, whose page and exports are the informe's; one aggregate query per indicator."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pqrs.models import Solicitud
from rendicion.plantillas import ACCESO, PQRS
from rendicion.selectors.informes import cifras, informe_completo
from rendicion.services import informes
from rendicion.services.plantillas import crear_desde_plantilla
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory
from tests.pqrs.factories import SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db


def _asignada(solicitud, dependencia):
    Solicitud.objects.filter(pk=solicitud.pk).update(dependencia=dependencia)


def _valores(informe):
    return {c.indicador.nombre: c.valor for _s, lista in cifras(informe_completo(informe.pk)) for c in lista}


def test_el_informe_de_pqrs_por_dependencia_cuenta_solo_las_suyas(client):
    propia, otra = DependenciaFactory(), DependenciaFactory()
    for dia, dependencia in ((2, propia), (3, propia), (4, otra)):
        _asignada(SolicitudFactory(ahora=en_bogota(2026, 3, dia, 9)), dependencia)
    _asignada(SolicitudFactory(ahora=en_bogota(2026, 5, 4, 9)), propia)  # outside the period
    actor = FuncionarioFactory()
    todas = crear_desde_plantilla(
        clave=PQRS.clave, desde=date(2026, 1, 1), hasta=date(2026, 3, 31), actor=actor
    )
    suya = crear_desde_plantilla(
        clave=PQRS.clave, desde=date(2026, 1, 1), hasta=date(2026, 3, 31), actor=actor, dependencia=propia
    )
    assert todas.estado == "borrador" and todas.plantilla == PQRS.clave
    assert propia.nombre in suya.titulo and list(suya.dependencias.all()) == [propia]
    assert _valores(todas)["PQRS recibidas, por tipo"] == 3
    assert _valores(suya)["PQRS recibidas, por tipo"] == 2
    assert {s.titulo for s in suya.secciones.all()} == {str(s.titulo) for s in PQRS.secciones}

    informes.publicar(informe=suya, actor=actor)
    pagina = client.get(reverse("rendicion:informe", args=[suya.pk]))
    assert pagina.status_code == 200 and "PQRS recibidas, por comuna" in pagina.content.decode()
    csv = b"".join(client.get(reverse("rendicion:informe_csv", args=[suya.pk])).streaming_content).decode()
    assert "pqrs.respondidas_a_tiempo" in csv


def test_el_informe_de_acceso_a_la_informacion():
    informe = crear_desde_plantilla(
        clave=ACCESO.clave, desde=date(2026, 1, 1), hasta=date(2026, 12, 31), actor=FuncionarioFactory()
    )
    [(_s, [recibidas])] = cifras(informe_completo(informe.pk))
    etiquetas = [e for e, _v in recibidas.resultado.filas]
    assert {"Recibidas", "Trasladadas a otra entidad", "Negadas"} <= set(etiquetas)


def test_una_consulta_por_indicador_no_por_solicitud():
    actor = FuncionarioFactory()
    informe = crear_desde_plantilla(
        clave=PQRS.clave, desde=date(2026, 1, 1), hasta=date(2026, 3, 31), actor=actor
    )
    completo = informe_completo(informe.pk)
    with CaptureQueriesContext(connection) as vacio:
        cifras(completo)
    for dia in range(2, 22):
        SolicitudFactory(ahora=en_bogota(2026, 3, dia, 9))
    completo = informe_completo(informe.pk)
    with CaptureQueriesContext(connection) as lleno:
        cifras(completo)
    assert len(lleno) == len(vacio) <= 2 * sum(len(s.indicadores) for s in PQRS.secciones)


def test_plantilla_o_periodo_invalidos():
    with pytest.raises(ValidationError):
        crear_desde_plantilla(clave="no", desde=date(2026, 1, 1), hasta=date(2026, 3, 31), actor=None)
    with pytest.raises(ValidationError):
        crear_desde_plantilla(clave=PQRS.clave, desde=date(2026, 3, 1), hasta=date(2026, 1, 31), actor=None)
