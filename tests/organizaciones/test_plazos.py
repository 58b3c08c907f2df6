"""The organizations' terms: reminders to the office and to the organization fire once each, a paused
term sends none, an IVC requirement is reminded, and a suspension ends by itself on its date."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from civic import calendario
from civic.models import Notificacion
from civic.plazos.recordatorios import barrer_todo
from organizaciones.models import (
    CambioEstado,
    ClaseTramite,
    EstadoOrganizacion,
    RequerimientoIVC,
)
from organizaciones.services import ivc, radicacion, registro
from organizaciones.services import tramite as servicios
from organizaciones.tasks import levantar_suspensiones_task
from tests.civic.fabricas import en_bogota

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, peticionario

pytestmark = pytest.mark.django_db

TIPOS = ["organizaciones.tramite", "organizaciones.correccion", "organizaciones.requerimiento_ivc"]


def _correos(plantilla: str) -> list[str]:
    return list(
        Notificacion.objects.filter(plantilla=f"organizaciones/emails/{plantilla}")
        .order_by("id")
        .values_list("destinatario", flat=True)
    )


@pytest.fixture
def funcionario():
    return funcionario_ivc(email="ivc@alcaldia.test")


@pytest.fixture
def tramite(funcionario):
    with time_machine.travel(en_bogota(2026, 8, 3, 9), tick=False):
        tramite, _codigo = radicacion.radicar(
            clase=ClaseTramite.REGISTRO_LIBROS,
            organizacion=OrganizacionFactory(),
            peticionario=peticionario(),
            libros=[{"tipo": "tesoreria", "folios": 100}],
            documentos=documentos_de(ClaseTramite.REGISTRO_LIBROS),
        )
        servicios.revisar(tramite=tramite, actor=funcionario)
    return tramite


def test_el_responsable_recibe_un_aviso_por_umbral_y_uno_al_vencer(tramite):
    vence = tramite.fecha_vencimiento
    for dias in range(20):
        dia = calendario.sumar_dias_habiles(date(2026, 8, 3), dias)
        barrer_todo(hoy=dia, tipos=TIPOS)
        barrer_todo(hoy=dia, tipos=TIPOS)  # a second sweep the same day sends nothing more
    # 3, 1 and 0 business days before; then the day after it is overdue and every 3 business days.
    vencida = [d for d in range(20) if calendario.sumar_dias_habiles(date(2026, 8, 3), d) > vence]
    esperados = 3 + len([d for i, d in enumerate(vencida) if i % 3 == 0])
    assert _correos("recordatorio_tramite") == ["ivc@alcaldia.test"] * esperados


def test_un_termino_suspendido_no_recuerda_al_responsable_y_la_organizacion_recibe_su_aviso(
    tramite, funcionario
):
    with time_machine.travel(en_bogota(2026, 8, 5, 9), tick=False):
        servicios.requerir(tramite=tramite, requerimiento="Foliar el libro de tesorería.", actor=funcionario)
    tramite.refresh_from_db()
    limite = tramite.fecha_limite_correccion
    assert limite == date(2026, 9, 7)  # a month after 5 Aug falls on Saturday 5 Sep: the next business day
    for dias in range(40):
        barrer_todo(hoy=calendario.sumar_dias_habiles(date(2026, 8, 5), dias), tipos=TIPOS)
    assert _correos("recordatorio_tramite") == []
    assert _correos("recordatorio_correccion") == ["presidencia.jac@correo.test"]


def test_un_requerimiento_de_ivc_se_recuerda_antes_de_vencer(funcionario):
    RequerimientoIVC.objects.create(
        organizacion=OrganizacionFactory(),
        descripcion="Presentar el libro de afiliados actualizado.",
        fecha=date(2026, 8, 3),
        plazo_dias=10,
        vence=date(2026, 8, 18),
        responsable=funcionario,
    )
    for dia in (date(2026, 8, 12), date(2026, 8, 12), date(2026, 8, 18), date(2026, 8, 19)):
        barrer_todo(hoy=dia, tipos=TIPOS)
    assert _correos("recordatorio_ivc") == ["ivc@alcaldia.test"] * 3


def test_una_suspension_termina_sola_al_dia_siguiente_de_su_fecha(funcionario):
    organizacion = OrganizacionFactory()
    with time_machine.travel(en_bogota(2026, 9, 1, 9), tick=False):
        suspension, _c = radicacion.radicar(
            clase=ClaseTramite.SUSPENSION,
            organizacion=organizacion,
            peticionario={},
            canal="oficio",
            descripcion="No eligió dignatarios en término.",
            datos={"hasta": "2026-11-30"},
            actor=funcionario,
        )
        servicios.revisar(tramite=suspension, actor=funcionario)
        servicios.aprobar(tramite=suspension, considerandos="Art. 36 par. 1.", actor=funcionario)
    assert registro.levantar_suspensiones_vencidas(hoy=date(2026, 11, 30)) == 0
    with time_machine.travel(en_bogota(2026, 12, 1, 0, 35), tick=False):
        assert levantar_suspensiones_task.delay().get() == 1
    organizacion.refresh_from_db()
    assert organizacion.estado == EstadoOrganizacion.ACTIVA
    assert organizacion.suspendida_hasta is None
    ultimo = CambioEstado.objects.filter(organizacion=organizacion).last()
    assert (ultimo.estado_anterior, ultimo.estado_nuevo) == ("suspendida", "activa")
    assert ultimo.resolucion == suspension.resolucion


def test_un_requerimiento_antes_de_que_empiece_el_termino_guarda_el_termino_entero(funcionario):
    # Filed on Saturday 8 Aug 2026 (received Monday 10 Aug) and required that same Saturday.
    with time_machine.travel(en_bogota(2026, 8, 8, 11), tick=False):
        tramite, _codigo = radicacion.radicar(
            clase=ClaseTramite.REGISTRO_LIBROS,
            organizacion=OrganizacionFactory(),
            peticionario=peticionario(),
            libros=[{"tipo": "tesoreria", "folios": 100}],
            documentos=documentos_de(ClaseTramite.REGISTRO_LIBROS),
        )
        servicios.revisar(tramite=tramite, actor=funcionario)
        servicios.requerir(tramite=tramite, requerimiento="Foliar el libro.", actor=funcionario)
    tramite.refresh_from_db()
    assert tramite.fecha_radicacion_efectiva == date(2026, 8, 10)
    assert tramite.dias_suspendidos == tramite.plazo_dias == 15


def test_un_requerimiento_guardado_desde_el_admin_recalcula_su_vencimiento_en_dias_habiles(funcionario):
    requerimiento = RequerimientoIVC(
        organizacion=OrganizacionFactory(),
        descripcion="Presentar el libro de afiliados actualizado.",
        fecha=date(2026, 8, 3),
        plazo_dias=10,
        vence=date(2026, 8, 4),
        responsable=funcionario,
    )
    ivc.guardar_requerimiento(requerimiento)
    requerimiento.refresh_from_db()
    # 10 business days after Monday 3 August 2026, with 7 August (Batalla de Boyacá) a holiday.
    assert requerimiento.vence == date(2026, 8, 19) == calendario.sumar_dias_habiles(date(2026, 8, 3), 10)
    requerimiento.plazo_dias = 15
    ivc.guardar_requerimiento(requerimiento)
    requerimiento.refresh_from_db()
    assert requerimiento.vence == calendario.sumar_dias_habiles(date(2026, 8, 3), 15)


def test_el_admin_guarda_el_requerimiento_por_su_servicio(client, funcionario):
    funcionario.is_superuser = True
    funcionario.save()
    client.force_login(funcionario)
    organizacion = OrganizacionFactory()
    respuesta = client.post(
        reverse("admin:organizaciones_requerimientoivc_add"),
        {
            "organizacion": organizacion.pk,
            "descripcion": "Presentar el libro de afiliados actualizado.",
            "fecha": "2026-08-03",
            "plazo_dias": "10",
            "responsable": funcionario.pk,
        },
    )
    assert respuesta.status_code == 302
    assert RequerimientoIVC.objects.get(organizacion=organizacion).vence == date(2026, 8, 19)
