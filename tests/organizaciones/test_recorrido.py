"""Acceptance 1-2 at the service level: a JAC recognized end to end, its junta inscribed, a certificate
issued and verified, then a suspension and a cancellation that the old certificate reports."""

from datetime import date

import pytest
import time_machine

from civic import calendario
from civic.models import Notificacion
from organizaciones.models import (
    CambioEstado,
    ClaseTramite,
    Dignatario,
    EstadoOrganizacion,
    Organizacion,
    Tramite,
)
from organizaciones.selectors.certificados import verificar
from organizaciones.services import certificados, radicacion
from organizaciones.services import tramite as servicios
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory, en_bogota

from .fabricas import documentos_de, funcionario_ivc, junta, peticionario

pytestmark = pytest.mark.django_db


def _reconocer(funcionario, comuna):
    tramite, codigo = radicacion.radicar(
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={
            "tipo": "jac",
            "nombre": "Junta de Acción Comunal Barrio El Vallado",
            "nit": "900373913-4",
            "comuna": comuna,
            "clase_territorio": "barrio_capital",
            "afiliados": 80,
        },
        documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
    )
    return tramite, codigo


def test_una_jac_reconocida_de_punta_a_punta_con_requerimiento_que_pausa_y_reanuda_el_termino():
    funcionario = funcionario_ivc()
    comuna = ComunaFactory(numero=15)
    with time_machine.travel(en_bogota(2026, 8, 3, 9), tick=False):  # Monday
        tramite, _codigo = _reconocer(funcionario, comuna)
    assert tramite.radicado == "PJ-2026-000001"
    assert tramite.organizacion.estado == EstadoOrganizacion.EN_TRAMITE
    assert tramite.fecha_vencimiento == calendario.sumar_dias_habiles(date(2026, 8, 3), 15)
    assert tramite.adjuntos.count() == 5
    assert Notificacion.objects.filter(plantilla="organizaciones/emails/acuse").count() == 1

    with time_machine.travel(en_bogota(2026, 8, 5, 9), tick=False):
        servicios.revisar(tramite=tramite, actor=funcionario)
        servicios.requerir(
            tramite=tramite, requerimiento="Falta la firma del secretario en el acta.", actor=funcionario
        )
    tramite.refresh_from_db()
    assert tramite.estado == Estado.REQUERIMIENTO
    assert tramite.fecha_vencimiento is None
    # 15 business days from 3 Aug; 2 of them used by 5 Aug: 13 left while paused.
    assert tramite.dias_suspendidos == 13

    with time_machine.travel(en_bogota(2026, 8, 20, 9), tick=False):
        servicios.corregir(tramite=tramite, texto="Adjuntamos el acta firmada.", archivos=[])
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION
    assert tramite.fecha_vencimiento == calendario.sumar_dias_habiles(date(2026, 8, 20), 13)

    with time_machine.travel(en_bogota(2026, 8, 24, 9), tick=False):
        servicios.aprobar(
            tramite=tramite, considerandos="Cumple los requisitos del art. 11.", actor=funcionario
        )
    tramite.refresh_from_db()
    organizacion = tramite.organizacion
    organizacion.refresh_from_db()
    assert tramite.estado == Estado.APROBADO
    assert tramite.resolucion.pdf.read().startswith(b"%PDF")
    assert organizacion.estado == EstadoOrganizacion.ACTIVA
    assert organizacion.personeria_numero == str(tramite.resolucion)
    assert Organizacion.objects.publicas().filter(pk=organizacion.pk).exists()
    assert CambioEstado.objects.get(organizacion=organizacion).resolucion == tramite.resolucion
    assert list(tramite.eventos.publicos().values_list("tipo", flat=True)) == [
        "radicado",
        "revision",
        "requerimiento",
        "corregido",
        "aprobado",
    ]
    decision = Notificacion.objects.get(plantilla="organizaciones/emails/decision")
    # The resolution travels with the e-mail.
    assert [a["nombre"] for a in decision.contexto["_archivos"]] == [
        tramite.resolucion.pdf.name.rsplit("/", 1)[-1]
    ]

    # The junta, by a second procedure.
    with time_machine.travel(en_bogota(2026, 8, 25, 9), tick=False):
        inscripcion, _codigo = radicacion.radicar(
            clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
            organizacion=organizacion,
            peticionario=peticionario(),
            dignatarios=junta(5, mujeres=2),
            documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        )
        assert inscripcion.radicado == "DIG-2026-000001"
        assert not Dignatario.objects.filter(organizacion=organizacion, vigente=True).exists()
        servicios.revisar(tramite=inscripcion, actor=funcionario)
        servicios.aprobar(
            tramite=inscripcion, considerandos="Elección conforme a los estatutos.", actor=funcionario
        )
    assert Dignatario.objects.filter(organizacion=organizacion, vigente=True).count() == 5

    with time_machine.travel(en_bogota(2026, 8, 26, 9), tick=False):
        certificado = certificados.expedir(organizacion=organizacion, actor=funcionario)
    assert certificado.pdf.read().startswith(b"%PDF")
    assert certificado.datos["representante"]["nombre"] == "Persona 0 Prueba"
    assert "1000" not in str(certificado.datos)  # no ID number in the public snapshot
    resultado = verificar(certificado.codigo.lower().replace("-", ""))
    assert resultado.certificado == certificado
    assert resultado.vigente and not resultado.cambios

    # Acceptance 2: a suspension and then a cancellation change the public state; the old certificate says so.
    with time_machine.travel(en_bogota(2026, 9, 1, 9), tick=False):
        suspension, _c = radicacion.radicar(
            clase=ClaseTramite.SUSPENSION,
            organizacion=organizacion,
            peticionario={},
            canal="oficio",
            descripcion="No inscribió libros tras el requerimiento de IVC.",
            datos={"hasta": "2026-11-30"},
            actor=funcionario,
        )
        servicios.revisar(tramite=suspension, actor=funcionario)
        servicios.aprobar(
            tramite=suspension, considerandos="Art. 11: causal de suspensión.", actor=funcionario
        )
    organizacion.refresh_from_db()
    assert organizacion.estado == EstadoOrganizacion.SUSPENDIDA
    assert organizacion.suspendida_hasta == date(2026, 11, 30)
    resultado = verificar(certificado.codigo)
    assert [c.estado_nuevo for c in resultado.cambios] == [EstadoOrganizacion.SUSPENDIDA]

    with time_machine.travel(en_bogota(2026, 12, 1, 9), tick=False):
        cancelacion, _c = radicacion.radicar(
            clase=ClaseTramite.CANCELACION,
            organizacion=organizacion,
            peticionario={},
            canal="oficio",
            descripcion="Un año sin actividad.",
            actor=funcionario,
        )
        servicios.revisar(tramite=cancelacion, actor=funcionario)
        servicios.aprobar(tramite=cancelacion, considerandos="Art. 11: cancelación.", actor=funcionario)
    organizacion.refresh_from_db()
    assert organizacion.estado == EstadoOrganizacion.CANCELADA
    resultado = verificar(certificado.codigo)
    assert resultado.estado_actual == EstadoOrganizacion.CANCELADA
    assert len(resultado.cambios) == 2
    assert Tramite.objects.filter(organizacion=organizacion).count() == 4
