"""The demo registry: loaded through the services once, with every procedure state and every kind of
organization a reviewer should meet; a second `cargar_demo` adds nothing."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count

from organizaciones.models import (
    CambioEstado,
    Capacitacion,
    Certificado,
    Dignatario,
    EstadoOrganizacion,
    Estatuto,
    Libro,
    Organizacion,
    RequerimientoIVC,
    TipoOrganizacion,
    Tramite,
    Visita,
)
from organizaciones.services import registro
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory

from .fabricas import funcionario_ivc

pytestmark = pytest.mark.django_db


def _contar() -> dict:
    modelos = (Organizacion, Tramite, Dignatario, Libro, Estatuto, Certificado, Visita, Capacitacion)
    return {m.__name__: m.objects.count() for m in modelos}


def test_cargar_demo_dos_veces_sin_duplicados_con_todos_los_estados_y_tipos(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime(2026, 11, 25, 15, 0, tzinfo=UTC), tick=False):
        call_command("cargar_demo")
        primera = _contar()
        call_command("cargar_demo")
    assert _contar() == primera

    assert set(Tramite.objects.values_list("estado", flat=True)) == set(Estado.values)
    # Several types of procedure, more than one in some states.
    assert Tramite.objects.values("clase").distinct().count() >= 8
    tipos = set(Organizacion.objects.values_list("tipo", flat=True))
    assert tipos >= {
        TipoOrganizacion.JAC, TipoOrganizacion.ASOCOMUNAL, TipoOrganizacion.JAL, TipoOrganizacion.FUNDACION,
        TipoOrganizacion.MUJERES, TipoOrganizacion.CABILDO, TipoOrganizacion.CONSEJO_AFRO,
    }  # fmt: skip
    estados = set(Organizacion.objects.values_list("estado", flat=True))
    assert {
        EstadoOrganizacion.SUSPENDIDA,
        EstadoOrganizacion.CANCELADA,
        EstadoOrganizacion.EN_TRAMITE,
    } <= estados
    # JACs in several comunas.
    assert Organizacion.objects.filter(tipo=TipoOrganizacion.JAC).values("comuna").distinct().count() >= 4

    # The Asocomunal gathers more than 60 % of its comuna's active juntas (art. 11).
    asocomunal = Organizacion.objects.get(tipo=TipoOrganizacion.ASOCOMUNAL)
    juntas = Organizacion.objects.filter(
        tipo=TipoOrganizacion.JAC, comuna=asocomunal.comuna, estado=EstadoOrganizacion.ACTIVA
    ).count()
    assert asocomunal.afiliadas.count() > 0.6 * juntas
    jal = Organizacion.objects.get(tipo=TipoOrganizacion.JAL)
    assert 3 <= jal.dignatarios.vigentes().filter(cargo="edil").count() <= 9

    # Dignatarios for the 2026-2030 period, at least 30 % women, each active in one organization only.
    vigentes = Dignatario.objects.vigentes()
    assert vigentes.filter(organizacion__tipo=TipoOrganizacion.JAC, inicio="2026-07-01", fin="2030-06-30")
    assert vigentes.filter(genero="mujer").count() >= 0.3 * vigentes.count()
    assert not vigentes.values("numero_documento").annotate(n=Count("id")).filter(n__gt=1)
    # Everything behind a state has its act; the books and statutes were registered by resolution.
    assert not CambioEstado.objects.filter(resolucion__isnull=True, acto="")
    assert Libro.objects.filter(resolucion__isnull=False).exists()
    assert Estatuto.objects.filter(resolucion__isnull=False).exists()
    assert Certificado.objects.filter(revocado_en__isnull=False).count() == 1
    assert RequerimientoIVC.objects.filter(atendido_en__isnull=True).exists()
    assert Capacitacion.objects.get().organizaciones.count() >= 5


def test_registrar_existente_activa_con_el_acto_anterior_al_portal():
    funcionario = funcionario_ivc()
    organizacion = registro.registrar_existente(
        datos={
            "tipo": TipoOrganizacion.JAC,
            "nombre": "Junta de Acción Comunal Barrio El Guabal",
            "comuna": ComunaFactory(numero=10),
            "clase_territorio": "barrio_capital",
            "afiliados": 150,
            "personeria_numero": "Resolución 0345 de 1975",
            "personeria_fecha": datetime(1975, 3, 4).date(),
            "personeria_autoridad": "Gobernación del Valle",
        },
        actor=funcionario,
    )
    assert organizacion.estado == EstadoOrganizacion.ACTIVA
    cambio = CambioEstado.objects.get(organizacion=organizacion)
    assert cambio.estado_anterior == "" and cambio.estado_nuevo == EstadoOrganizacion.ACTIVA
    assert cambio.acto == "Registro anterior al portal: Resolución 0345 de 1975"
    assert str(cambio.fecha) == "1975-03-04"


def test_registrar_existente_exige_la_personeria():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        registro.registrar_existente(
            datos={"tipo": TipoOrganizacion.FUNDACION, "nombre": "Fundación X", "comuna": ComunaFactory()},
            actor=funcionario_ivc(),
        )
    assert set(error.value.message_dict) == {"personeria_numero", "personeria_fecha"}
    assert not Organizacion.objects.exists()
