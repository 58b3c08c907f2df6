"""The consejos at the service level: a session held, its acta approved (and frozen), published as a
version that the search finds, corrected as a new version that keeps the old one; commitments that go
overdue by themselves; subscribers who confirm, receive, and leave with one click."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db.models import Q

from civic import calendario
from civic.busqueda import buscar
from civic.expedientes.maquina import TransicionInvalida
from civic.models import Notificacion
from civic.plazos import semaforo
from civic.plazos.recordatorios import barrer_todo
from consejos.models import Acta, Compromiso, VersionActa
from consejos.selectors.actas import quorum
from consejos.services import actas, compromisos, suscripciones
from consejos.workflow import MAQUINA_COMPROMISO
from tests.civic.fabricas import DependenciaFactory, en_bogota

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return secretaria()


@pytest.fixture
def instancia():
    return InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5")


def test_una_sesion_realizada_abre_su_acta_numerada_y_calcula_el_quorum(instancia, actor):
    sesion, acta = sesion_realizada(instancia, actor, presentes=3)
    segunda, acta2 = sesion_realizada(instancia, actor, dia=(2026, 9, 1), presentes=2)
    assert (sesion.numero, segunda.numero) == (1, 2)
    assert (acta.numero, acta2.numero) == (1, 2)
    assert quorum(sesion).hay_quorum and not quorum(segunda).hay_quorum  # 3 of 4 and 2 of 4 (> 50 %)


def test_el_acta_aprobada_no_cambia_y_la_publicada_queda_congelada_en_su_version(instancia, actor):
    sesion, acta = sesion_realizada(instancia, actor)
    compromisos.registrar(
        sesion=sesion,
        descripcion="Revisar la ruta alimentadora A14 con Metrocali.",
        fecha_vencimiento=date(2026, 9, 15),
        dependencia=DependenciaFactory(),
        actor=actor,
    )
    actas.aprobar(acta=acta, actor=actor)
    assert not actas.editable(Acta.objects.get(pk=acta.pk))
    with time_machine.travel(en_bogota(2026, 8, 6, 10), tick=False):
        version = actas.publicar(acta=acta, actor=actor)
    assert version.numero == 1 and version.vigente
    assert "Transporte masivo en la comuna" in version.html and "Metrocali" in version.texto
    assert version.pdf.read().startswith(b"%PDF")
    with pytest.raises(TransicionInvalida):
        actas.aprobar(acta=acta, actor=actor)

    # A correction is a new version; the first one stays readable until and after the new one.
    actas.corregir(acta=acta, motivo="El punto 2 omitió la intervención de la JAL.", actor=actor)
    assert actas.editable(Acta.objects.get(pk=acta.pk))
    assert VersionActa.objects.vigentes().get(acta=acta) == version
    sesion.agenda.filter(orden=2).update(desarrollo="La JAL pidió ampliar la frecuencia de la ruta.")
    actas.aprobar(acta=acta, actor=actor)
    nueva = actas.publicar(acta=acta, actor=actor)
    version.refresh_from_db()
    assert (nueva.numero, nueva.vigente, version.vigente) == (2, True, False)
    assert "ampliar la frecuencia" in nueva.html and "ampliar la frecuencia" not in version.html
    assert nueva.motivo == "El punto 2 omitió la intervención de la JAL."
    encontradas = buscar(
        VersionActa.objects.vigentes(),
        "transporte",
        vector_campo="vector",
        texto_campo="texto",
        campos_respaldo=("titulo", "texto"),
    )
    assert list(encontradas) == [nueva]


def test_aprobar_sin_orden_del_dia_se_rechaza_con_su_mensaje(instancia, actor):
    _sesion, acta = sesion_realizada(instancia, actor, puntos=0)
    with pytest.raises(ValidationError) as error:
        actas.aprobar(acta=acta, actor=actor)
    assert error.value.messages == ["Registre el orden del día de la sesión antes de aprobar el acta."]


def test_un_compromiso_vence_solo_el_dia_habil_siguiente_a_su_fecha(instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Instalar dos luminarias en el parque.",
        fecha_vencimiento=date(2026, 9, 4),  # a Friday
        dependencia=DependenciaFactory(correo="alumbrado@alcaldia.test"),
        actor=actor,
    )
    corre = MAQUINA_COMPROMISO.en_curso

    def luz(dia):
        return semaforo.luz(compromiso.fecha_vencimiento, dia, en_curso=compromiso.estado in corre)

    assert luz(date(2026, 9, 4)) != semaforo.Semaforo.ROJO
    assert luz(date(2026, 9, 5)) != semaforo.Semaforo.ROJO  # Saturday: not yet
    assert luz(date(2026, 9, 7)) == semaforo.Semaforo.ROJO  # Monday, the next business day
    vencidos = semaforo.condicion(semaforo.Semaforo.ROJO, date(2026, 9, 7), en_curso=Q(estado__in=corre))
    assert list(Compromiso.objects.filter(vencidos)) == [compromiso]
    # Its reminders, once each: 5, 1 and 0 business days before, the day after, every 5 after that.
    for dia in (date(2026, 8, 28), date(2026, 8, 28), date(2026, 9, 3), date(2026, 9, 4), date(2026, 9, 7)):
        barrer_todo(hoy=dia, tipos=["consejos.compromiso"])
    avisos = Notificacion.objects.filter(plantilla="consejos/emails/recordatorio_compromiso")
    assert list(avisos.values_list("destinatario", flat=True)) == ["alumbrado@alcaldia.test"] * 4
    compromisos.cumplir(compromiso=compromiso, actor=actor, nota="Instaladas el 8 de septiembre.")
    barrer_todo(hoy=date(2026, 9, 14), tipos=["consejos.compromiso"])
    assert avisos.count() == 4


def test_las_actas_sin_publicar_se_recuerdan_a_los_3_y_a_los_7_dias_habiles(instancia, actor):
    instancia.secretaria_tecnica.correo = "participacion@alcaldia.test"
    instancia.secretaria_tecnica.save()
    sesion_realizada(instancia, actor, dia=(2026, 8, 4))
    tipos = ["consejos.acta_sin_publicar_3", "consejos.acta_sin_publicar_7"]
    dia = date(2026, 8, 4)
    for n in range(1, 12):
        barrer_todo(hoy=calendario.sumar_dias_habiles(dia, n), tipos=tipos)
        barrer_todo(hoy=calendario.sumar_dias_habiles(dia, n), tipos=tipos)
    avisos = Notificacion.objects.filter(plantilla="consejos/emails/recordatorio_acta").order_by("id")
    assert [a.contexto["dias"] for a in avisos] == [3, 7]


def test_suscripcion_con_doble_confirmacion_aviso_del_acta_y_baja_en_un_clic(
    instancia, actor, mailoutbox, django_capture_on_commit_callbacks
):
    suscripcion = suscripciones.suscribir(
        correo="Lider.Comuna5@correo.test", comuna=instancia.comuna, autorizacion_datos_version="2026-01"
    )
    assert suscripcion.correo == "lider.comuna5@correo.test" and suscripcion.confirmada_en is None
    sesion, acta = sesion_realizada(instancia, actor)
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    assert not Notificacion.objects.filter(plantilla="consejos/emails/acta_publicada").exists()  # unconfirmed

    suscripciones.confirmar(llave=suscripcion.llave)
    actas.corregir(acta=acta, motivo="Faltó un asistente.", actor=actor)
    actas.aprobar(acta=acta, actor=actor)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actas.publicar(acta=acta, actor=actor)
    [mensaje] = mailoutbox
    assert mensaje.to == ["lider.comuna5@correo.test"]
    assert mensaje.extra_headers["List-Unsubscribe"] == f"<{suscripciones.url_baja(suscripcion)}>"
    assert mensaje.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    suscripciones.dar_de_baja(llave=suscripcion.llave)
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Mesa con Metrocali.",
        fecha_vencimiento=date(2026, 9, 30),
        dependencia=DependenciaFactory(),
        actor=actor,
    )
    compromisos.iniciar(compromiso=compromiso, actor=actor)
    assert not Notificacion.objects.filter(plantilla="consejos/emails/compromiso").exists()
