"""The procedures of Ley 1755 de 2015 beyond the common path, with dates worked out by hand on the 2026
calendar (holidays that matter here: Thu 2 and Fri 3 April, Holy Week; Fri 1 May)."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from civic.celery import app
from civic.expedientes.maquina import TransicionInvalida
from civic.models import Notificacion
from pqrs import selectors, services
from pqrs.models import MateriaReservada, RespuestaConsolidada, SentidoRespuesta, Solicitud, TipoEvento
from pqrs.services import notificacion, recursos, silencio
from pqrs.tasks import barrer_silencios_task, notificar_publicadas_task
from pqrs.workflow import Estado
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    anonima,
    en_bogota,
    entidad,
    modalidad,
    tribunal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def funcionario():
    return FuncionarioFactory()


def asignada(funcionario, **kwargs) -> Solicitud:
    solicitud = SolicitudFactory(**{"ahora": en_bogota(2026, 3, 20), **kwargs})
    return services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)


def tipos(solicitud: Solicitud) -> list[str]:
    return list(solicitud.eventos.order_by("momento", "id").values_list("tipo", flat=True))


def pdf(nombre: str = "documento.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nombre, b"%PDF-1.4 prueba", content_type="application/pdf")


# --- Art. 19: obscure petitions -------------------------------------------------------------------


def test_devolver_para_corregir_da_10_dias_habiles(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = asignada(funcionario)
    with django_capture_on_commit_callbacks(execute=True):
        services.devolver_para_corregir(
            solicitud=solicitud,
            que_corregir="No se entiende qué calle ni qué daño.",
            actor=funcionario,
            hoy=date(2026, 3, 27),
        )
    # Fri 27 Mar + 10 business days, skipping Holy Thursday and Good Friday (2 and 3 Apr): Tue 14 Apr.
    assert (solicitud.estado, solicitud.fecha_limite_ciudadano) == (Estado.POR_CORREGIR, date(2026, 4, 14))
    (mensaje,) = mailoutbox
    assert mensaje.to == [solicitud.correo]
    assert "No se entiende qué calle ni qué daño." in mensaje.body
    assert "14 de abril de 2026" in mensaje.body


def test_la_correccion_reinicia_el_termino(funcionario, django_capture_on_commit_callbacks, mailoutbox):
    solicitud = asignada(funcionario)
    services.devolver_para_corregir(
        solicitud=solicitud, que_corregir="Aclare el lugar.", actor=funcionario, hoy=date(2026, 3, 27)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.corregir(
            solicitud=solicitud,
            texto="Es la calle 5 con carrera 39.",
            archivos=[pdf()],
            hoy=date(2026, 4, 11),
        )
    # Sat 11 Apr is received Mon 13 Apr; 15 business days from there skip Fri 1 May: Tue 5 May.
    assert solicitud.estado == Estado.ASIGNADA
    assert (solicitud.fecha_inicio_termino, solicitud.fecha_vencimiento) == (
        date(2026, 4, 13),
        date(2026, 5, 5),
    )
    assert solicitud.fecha_limite_ciudadano is None
    assert tipos(solicitud)[-1] == TipoEvento.CORREGIDA
    assert solicitud.adjuntos.get().origen == "ciudadano"
    # Whoever handles it hears that the term runs again (the dependencia's mailbox, no personal data).
    assert any("corrigió" in m.subject for m in mailoutbox)


def test_no_se_archiva_mientras_corren_los_10_dias(funcionario):
    solicitud = asignada(funcionario)
    services.devolver_para_corregir(
        solicitud=solicitud, que_corregir="Aclare el lugar.", actor=funcionario, hoy=date(2026, 3, 27)
    )
    with pytest.raises(ValidationError, match="14 de abril de 2026"):
        services.archivar(
            solicitud=solicitud, motivo="No corrigió.", actor=funcionario, hoy=date(2026, 4, 14)
        )
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.POR_CORREGIR

    services.archivar(
        solicitud=solicitud,
        motivo="No corrigió en el plazo (art. 19).",
        actor=funcionario,
        hoy=date(2026, 4, 15),
    )
    assert solicitud.estado == Estado.ARCHIVADA


def test_una_peticion_sin_asignar_no_se_devuelve(funcionario):
    solicitud = SolicitudFactory()
    with pytest.raises(TransicionInvalida):
        services.devolver_para_corregir(solicitud=solicitud, que_corregir="?", actor=funcionario)


def test_respuesta_por_referencia_a_una_anterior(funcionario):
    anterior = asignada(funcionario, numero_documento="31000222")
    services.responder(
        solicitud=anterior,
        texto="El alumbrado se repara en mayo.",
        actor=funcionario,
        ahora=en_bogota(2026, 4, 1),
    )
    repetida = asignada(funcionario, ahora=en_bogota(2026, 4, 6), numero_documento="31000222")
    services.responder(
        solicitud=repetida,
        texto="Le reiteramos la respuesta dada a su petición anterior.",
        remite_a=anterior,
        actor=funcionario,
        ahora=en_bogota(2026, 4, 7),
    )
    assert repetida.respuesta_referida == anterior
    assert repetida.eventos.get(tipo=TipoEvento.RESPONDIDA).datos["remite_a"] == anterior.radicado


@pytest.mark.parametrize("cual", ["sin_respuesta", "ella_misma", "de_otro_peticionario"])
def test_la_referencia_exige_una_anterior_respondida_al_mismo_peticionario(funcionario, cual):
    solicitud = asignada(funcionario, ahora=en_bogota(2026, 4, 6))
    if cual == "de_otro_peticionario":
        otra = asignada(funcionario)
        services.responder(solicitud=otra, texto="R.", actor=funcionario, ahora=en_bogota(2026, 4, 1))
    else:
        otra = asignada(funcionario) if cual == "sin_respuesta" else solicitud
    with pytest.raises(ValidationError) as error:
        services.responder(solicitud=solicitud, texto="Ver anterior.", remite_a=otra, actor=funcionario)
    assert "remite_a" in error.value.message_dict
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.ASIGNADA


# --- Art. 14 num. 1: positive silence -------------------------------------------------------------


def informacion(funcionario) -> Solicitud:
    # Tue 31 Mar, 10 business days: Thu 16 Apr (DOMAIN.md's worked example).
    return asignada(funcionario, modalidad=modalidad("peticion-documentos"), ahora=en_bogota(2026, 3, 31))


def test_silencio_positivo_al_dia_siguiente_del_vencimiento(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = informacion(funcionario)
    general = asignada(funcionario, ahora=en_bogota(2026, 3, 10))  # also overdue, but not a documents request
    assert solicitud.fecha_vencimiento == date(2026, 4, 16)

    assert silencio.barrer_silencios(hoy=date(2026, 4, 16)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert silencio.barrer_silencios(hoy=date(2026, 4, 17)) == 1
    solicitud.refresh_from_db()
    # Granted on Fri 17 Apr; copies within 3 business days of the 16th: Tue 21 Apr.
    assert (solicitud.silencio_positivo_en, solicitud.copias_hasta) == (date(2026, 4, 17), date(2026, 4, 21))
    assert solicitud.estado == Estado.ASIGNADA
    evento = solicitud.eventos.get(tipo=TipoEvento.SILENCIO_POSITIVO)
    assert (evento.publico, evento.actor) == (True, None)
    assert "21 de abril de 2026" in evento.nota
    aviso, al_peticionario = sorted(mailoutbox, key=lambda m: m.to == [solicitud.correo])
    assert solicitud.radicado in aviso.subject and "21 de abril de 2026" in aviso.subject
    assert "se entiende aceptada" in al_peticionario.subject and "21 de abril de 2026" in al_peticionario.body
    # Once recorded, the next sweep does not record it again; other modalities never go silent.
    assert silencio.barrer_silencios(hoy=date(2026, 4, 20)) == 0
    assert not general.eventos.filter(tipo=TipoEvento.SILENCIO_POSITIVO).exists()


def test_aceptada_por_silencio_ya_no_puede_negarse(funcionario):
    solicitud = informacion(funcionario)
    silencio.barrer_silencios(hoy=date(2026, 4, 17))
    solicitud.refresh_from_db()
    with pytest.raises(ValidationError, match="aceptada por silencio"):
        services.responder(
            solicitud=solicitud,
            texto="Se niega.",
            sentido=SentidoRespuesta.NIEGA,
            materia_reservada=MateriaReservada.objects.first(),
            actor=funcionario,
        )
    services.responder(
        solicitud=solicitud,
        texto="Adjuntamos las copias.",
        sentido=SentidoRespuesta.ACCEDE,
        actor=funcionario,
    )
    assert solicitud.estado in (Estado.RESPONDIDA, Estado.CERRADA)


def test_una_respondida_a_tiempo_no_queda_en_silencio(funcionario):
    solicitud = informacion(funcionario)
    services.responder(solicitud=solicitud, texto="Copias.", actor=funcionario, ahora=en_bogota(2026, 4, 16))
    assert silencio.barrer_silencios(hoy=date(2026, 4, 17)) == 0


# --- Arts. 24-27: reserve and insistence ----------------------------------------------------------


def acceso(funcionario, codigo: str = "acceso-informacion-publica") -> Solicitud:
    return asignada(funcionario, modalidad=modalidad(codigo), ahora=en_bogota(2026, 3, 31))


def test_la_negacion_cita_una_materia_del_catalogo(funcionario):
    solicitud = acceso(funcionario)
    with pytest.raises(ValidationError) as error:
        services.responder(
            solicitud=solicitud, texto="No.", sentido=SentidoRespuesta.NIEGA, actor=funcionario
        )
    assert "materia_reservada" in error.value.message_dict

    materia = MateriaReservada.objects.get(nombre="Seguridad pública")
    services.responder(
        solicitud=solicitud,
        texto="La información es reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=materia,
        actor=funcionario,
        publicar=True,
    )
    assert solicitud.materia_reservada == materia
    assert solicitud.eventos.get(tipo=TipoEvento.RESPONDIDA).datos["norma_reserva"] == materia.norma


def test_la_reserva_solo_acompana_una_negacion(funcionario):
    solicitud = acceso(funcionario)
    with pytest.raises(ValidationError) as error:
        services.responder(
            solicitud=solicitud,
            texto="Aquí está.",
            sentido=SentidoRespuesta.ACCEDE,
            materia_reservada=MateriaReservada.objects.first(),
            actor=funcionario,
        )
    assert "materia_reservada" in error.value.message_dict


def test_la_reserva_no_se_opone_a_otra_autoridad(funcionario):
    """Art. 27: a petition between authorities (its own modalidad, art. 30) is never denied on reserve."""
    solicitud = acceso(funcionario, "peticion-entre-autoridades")
    with pytest.raises(ValidationError, match=r"art\. 27"):
        services.responder(
            solicitud=solicitud,
            texto="Reservada.",
            sentido=SentidoRespuesta.NIEGA,
            materia_reservada=MateriaReservada.objects.first(),
            actor=funcionario,
        )
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.ASIGNADA


def negada_y_notificada(funcionario) -> Solicitud:
    solicitud = acceso(funcionario)
    services.responder(
        solicitud=solicitud,
        texto="Reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.first(),
        actor=funcionario,
        publicar=True,
        ahora=en_bogota(2026, 4, 14),
    )
    return services.registrar_notificacion(
        solicitud=solicitud,
        medio="personal",
        prueba="Firmó el recibido.",
        actor=funcionario,
        ahora=en_bogota(2026, 4, 15),
    )


def test_insistencia_dentro_de_10_dias_y_remision_al_juez(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = negada_y_notificada(funcionario)
    # Notified Wed 15 Apr: 10 business days end Wed 29 Apr.
    services.insistir(solicitud=solicitud, texto="Insisto: la información es pública.", hoy=date(2026, 4, 29))
    assert solicitud.estado == Estado.EN_INSISTENCIA

    juez = tribunal()
    with django_capture_on_commit_callbacks(execute=True):
        services.remitir_insistencia(
            solicitud=solicitud,
            juez=juez,
            oficio="Remitimos la insistencia y los documentos.",
            actor=funcionario,
        )
    assert solicitud.estado == Estado.CERRADA
    al_juez = next(m for m in mailoutbox if m.to == [juez.correo])
    assert solicitud.radicado in al_juez.subject and "art. 26" in al_juez.subject
    # The judge decides from the denial, its norm and the insistence.
    for escrito in (
        "Reservada.",
        "Insisto: la información es pública.",
        MateriaReservada.objects.first().norma,
    ):
        assert escrito in al_juez.body
    assert any(m.to == [solicitud.correo] and juez.nombre in m.subject for m in mailoutbox)
    evento = solicitud.eventos.get(tipo=TipoEvento.INSISTENCIA_REMITIDA)
    assert Notificacion.objects.get(pk=evento.datos["notificacion"]).destinatario == juez.correo


def test_insistencia_fuera_de_plazo(funcionario):
    solicitud = negada_y_notificada(funcionario)
    with pytest.raises(ValidationError, match="29 de abril de 2026"):
        services.insistir(solicitud=solicitud, texto="Insisto.", hoy=date(2026, 4, 30))
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.CERRADA


def test_no_se_insiste_en_una_respuesta_que_no_nego(funcionario):
    solicitud = acceso(funcionario)
    services.responder(solicitud=solicitud, texto="Aquí está.", actor=funcionario, publicar=True)
    with pytest.raises(ValidationError, match=r"art\. 26"):
        services.insistir(solicitud=solicitud, texto="Insisto.")


def test_la_insistencia_va_a_un_tribunal(funcionario):
    solicitud = negada_y_notificada(funcionario)
    services.insistir(solicitud=solicitud, texto="Insisto.", hoy=date(2026, 4, 20))
    with pytest.raises(ValidationError) as error:
        services.remitir_insistencia(
            solicitud=solicitud, juez=entidad(), oficio="Remitimos.", actor=funcionario
        )
    assert "juez" in error.value.message_dict


# --- Recurso de reposición (CPACA arts. 74-76) ----------------------------------------------------


def rechazada_y_notificada(funcionario) -> Solicitud:
    solicitud = asignada(funcionario)
    with time_machine.travel(en_bogota(2026, 3, 26), tick=False):
        services.rechazar(solicitud=solicitud, motivo="Irrespetuosa (art. 19).", actor=funcionario)
    return services.registrar_notificacion(
        solicitud=solicitud,
        medio="personal",
        prueba="Firmó.",
        actor=funcionario,
        ahora=en_bogota(2026, 3, 27),
    )


def test_reposicion_dentro_de_10_dias_y_repuesta(funcionario, django_capture_on_commit_callbacks, mailoutbox):
    solicitud = rechazada_y_notificada(funcionario)
    # Notified Fri 27 Mar: 10 business days, skipping Holy Week's 2 and 3 Apr, end Tue 14 Apr.
    services.interponer_reposicion(solicitud=solicitud, texto="No fui irrespetuoso.", hoy=date(2026, 4, 14))
    assert (solicitud.estado, solicitud.reposicion_pendiente) == (Estado.RECHAZADA, True)
    with pytest.raises(ValidationError, match="en trámite"):
        services.interponer_reposicion(solicitud=solicitud, texto="Otra vez.", hoy=date(2026, 4, 14))

    otra = DependenciaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.reponer(
            solicitud=solicitud,
            motivacion="El lenguaje no era irrespetuoso.",
            dependencia=otra,
            actor=funcionario,
            hoy=date(2026, 4, 15),
        )
    # A new 15-day term from Wed 15 Apr, skipping Fri 1 May: Thu 7 May.
    assert (solicitud.estado, solicitud.fecha_vencimiento) == (Estado.ASIGNADA, date(2026, 5, 7))
    assert (solicitud.reposicion_pendiente, solicitud.notificada_en, solicitud.dependencia) == (
        False,
        None,
        otra,
    )
    assert any(m.to == [solicitud.correo] and "reposición" in m.subject for m in mailoutbox)


def test_reposicion_fuera_de_plazo(funcionario):
    solicitud = rechazada_y_notificada(funcionario)
    with pytest.raises(ValidationError, match="14 de abril de 2026"):
        services.interponer_reposicion(solicitud=solicitud, texto="Tarde.", hoy=date(2026, 4, 15))


def test_reposicion_confirmada(funcionario):
    solicitud = rechazada_y_notificada(funcionario)
    services.interponer_reposicion(solicitud=solicitud, texto="No estoy de acuerdo.", hoy=date(2026, 4, 1))
    services.confirmar_decision(solicitud=solicitud, motivacion="Se mantiene.", actor=funcionario)
    assert (solicitud.estado, solicitud.reposicion_pendiente) == (Estado.RECHAZADA, False)
    assert tipos(solicitud)[-1] == TipoEvento.REPOSICION_DECIDIDA
    with pytest.raises(ValidationError, match="no tiene un recurso"):
        services.confirmar_decision(solicitud=solicitud, motivacion="Otra vez.", actor=funcionario)


def test_no_hay_reposicion_contra_el_propio_desistimiento(funcionario):
    solicitud = asignada(funcionario)
    services.desistir(solicitud=solicitud)
    with pytest.raises(ValidationError, match="desistió"):
        services.interponer_reposicion(solicitud=solicitud, texto="Me arrepentí.")


# --- Art. 22: consolidated answer -----------------------------------------------------------------


def test_respuesta_consolidada_a_mas_de_diez(funcionario, django_capture_on_commit_callbacks, mailoutbox):
    solicitudes = [asignada(funcionario) for _ in range(11)]
    with django_capture_on_commit_callbacks(execute=True):
        registro = services.responder_consolidada(
            solicitudes=solicitudes,
            objeto="Luminarias de la calle 5",
            texto="Las luminarias se reparan el 30 de abril.",
            actor=funcionario,
            ahora=en_bogota(2026, 4, 14),
        )
    assert registro.solicitudes.count() == 11
    # Each keeps its own radicado and answer event, and is notified on its own.
    assert sorted(m.to[0] for m in mailoutbox) == sorted(s.correo for s in solicitudes)
    for solicitud in solicitudes:
        solicitud.refresh_from_db()
        assert solicitud.estado == Estado.CERRADA
        assert solicitud.eventos.get(tipo=TipoEvento.RESPONDIDA).datos["consolidada"] == registro.pk


def test_consolidada_exige_mas_de_diez(funcionario):
    with pytest.raises(ValidationError, match="son de 10"):
        services.responder_consolidada(
            solicitudes=[asignada(funcionario) for _ in range(10)], objeto="X", texto="R.", actor=funcionario
        )


def test_consolidada_cuenta_personas_y_solo_peticiones_de_su_clase(funcionario):
    """Art. 22: more than ten people (eleven filings by one person are one), and only information, general
    interest and consultation petitions (a queja is answered on its own)."""
    una_persona = [asignada(funcionario, numero_documento="16000111") for _ in range(11)]
    with pytest.raises(ValidationError, match="son de 1"):
        services.responder_consolidada(solicitudes=una_persona, objeto="X", texto="R.", actor=funcionario)
    quejas = [asignada(funcionario, modalidad=modalidad("queja")) for _ in range(11)]
    with pytest.raises(ValidationError, match="no lo son"):
        services.responder_consolidada(solicitudes=quejas, objeto="X", texto="R.", actor=funcionario)


def test_consolidada_responde_todas_o_ninguna(funcionario):
    solicitudes = [asignada(funcionario) for _ in range(11)]
    services.rechazar(solicitud=solicitudes[5], motivo="Irrespetuosa.", actor=funcionario)
    with pytest.raises(ValidationError, match=solicitudes[5].radicado):
        services.responder_consolidada(solicitudes=solicitudes, objeto="X", texto="R.", actor=funcionario)
    assert not RespuestaConsolidada.objects.exists()
    assert not Solicitud.objects.filter(estado=Estado.RESPONDIDA).exists()


# --- Automatic notification (CPACA arts. 56 and 69) -----------------------------------------------


def test_respuesta_publicada_se_notifica_al_terminar_el_dia_habil_siguiente(funcionario):
    solicitud = asignada(funcionario)
    services.responder(
        solicitud=solicitud, texto="R.", publicar=True, actor=funcionario, ahora=en_bogota(2026, 4, 14)
    )
    # Published Tue 14 Apr to Tue 21 Apr; notified at the end of Wed 22 Apr.
    assert solicitud.publicada_hasta == date(2026, 4, 21)
    assert notificacion.notificar_publicadas(hoy=date(2026, 4, 22)) == 0
    assert notificacion.notificar_publicadas(hoy=date(2026, 4, 23)) == 1
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.CERRADA
    assert timezone.localtime(solicitud.notificada_en) == timezone.make_aware(
        datetime.combine(date(2026, 4, 22), time(23, 59, 59))
    )
    evento = solicitud.eventos.get(tipo=TipoEvento.NOTIFICADA)
    assert (evento.actor, evento.datos["medio"], evento.datos["automatica"]) == (None, "aviso", True)
    assert notificacion.notificar_publicadas(hoy=date(2026, 4, 24)) == 0


def test_el_rechazo_entregado_por_correo_queda_notificado(funcionario, django_capture_on_commit_callbacks):
    solicitud = asignada(funcionario)
    with django_capture_on_commit_callbacks(execute=True):
        services.rechazar(solicitud=solicitud, motivo="Irrespetuosa.", actor=funcionario)
    solicitud.refresh_from_db()
    enviada = Notificacion.objects.get(plantilla="pqrs/emails/rechazo").enviada_en
    assert (solicitud.estado, solicitud.notificada_en) == (Estado.RECHAZADA, enviada)


# --- What the petitioner adds --------------------------------------------------------------------


def test_aportar_un_documento_olvidado_no_cambia_el_termino(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = asignada(funcionario)
    vence = solicitud.fecha_vencimiento
    with django_capture_on_commit_callbacks(execute=True):
        services.aportar_documento(
            solicitud=solicitud, archivos=[pdf("factura.pdf")], texto="Olvidé la factura."
        )
    assert (solicitud.estado, solicitud.fecha_vencimiento) == (Estado.ASIGNADA, vence)
    assert solicitud.adjuntos.get().nombre_original == "factura.pdf"
    assert tipos(solicitud)[-1] == TipoEvento.DOCUMENTO_APORTADO
    assert any("aportó un documento" in m.subject for m in mailoutbox)
    with pytest.raises(ValidationError) as error:
        services.aportar_documento(solicitud=solicitud, archivos=[])
    assert "archivos" in error.value.message_dict


def test_el_desistimiento_avisa_a_quien_la_tramita(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = asignada(funcionario)
    with django_capture_on_commit_callbacks(execute=True):
        services.desistir(solicitud=solicitud)
    assert any("desistió" in m.subject and m.to != [solicitud.correo] for m in mailoutbox)


def test_los_barridos_nocturnos_estan_programados_y_corren(funcionario):
    programadas = {entrada["task"] for entrada in app.conf.beat_schedule.values()}
    assert {"pqrs.barrer_silencios", "pqrs.notificar_publicadas"} <= programadas
    assert {"pqrs.barrer_silencios", "pqrs.notificar_publicadas"} <= set(app.tasks)
    solicitud = informacion(funcionario)
    with time_machine.travel(en_bogota(2026, 4, 17, 0, 20), tick=False):
        assert barrer_silencios_task.apply().get() == 1
        assert notificar_publicadas_task.apply().get() == 0
    solicitud.refresh_from_db()
    assert solicitud.silencio_positivo_en == date(2026, 4, 17)


# --- What the review found (each a way around the law) ---------------------------------------------


def test_una_decision_confirmada_no_admite_otro_recurso(funcionario):
    solicitud = rechazada_y_notificada(funcionario)
    services.interponer_reposicion(solicitud=solicitud, texto="No estoy de acuerdo.", hoy=date(2026, 4, 1))
    services.confirmar_decision(solicitud=solicitud, motivacion="Se mantiene.", actor=funcionario)
    with pytest.raises(ValidationError, match="ya se decidió"):
        services.interponer_reposicion(solicitud=solicitud, texto="Otra vez.", hoy=date(2026, 4, 6))


def test_se_insiste_una_sola_vez(funcionario):
    solicitud = negada_y_notificada(funcionario)
    services.insistir(solicitud=solicitud, texto="Insisto.", hoy=date(2026, 4, 20))
    services.remitir_insistencia(solicitud=solicitud, juez=tribunal(), oficio="Remitimos.", actor=funcionario)
    with pytest.raises(ValidationError, match="Ya insistió"):
        services.insistir(solicitud=solicitud, texto="Insisto otra vez.", hoy=date(2026, 4, 21))


def test_la_notificacion_se_registra_una_vez(funcionario):
    solicitud = rechazada_y_notificada(funcionario)
    with pytest.raises(ValidationError, match="ya fue notificada"):
        services.registrar_notificacion(
            solicitud=solicitud,
            medio="personal",
            prueba="Otra.",
            actor=funcionario,
            ahora=en_bogota(2026, 4, 13),
        )
    # The terms to appeal keep running from the first one.
    assert timezone.localdate(Solicitud.objects.get(pk=solicitud.pk).notificada_en) == date(2026, 3, 27)


def test_sin_aceptar_el_correo_su_entrega_no_notifica(funcionario, django_capture_on_commit_callbacks):
    """CPACA art. 56: e-mail notifies only who chose it; the letter still goes, as information."""
    solicitud = asignada(funcionario, canal_respuesta="direccion_postal", direccion="Calle 5 # 39-10")
    with django_capture_on_commit_callbacks(execute=True):
        services.rechazar(solicitud=solicitud, motivo="Irrespetuosa.", actor=funcionario)
    assert Notificacion.objects.get(plantilla="pqrs/emails/rechazo").estado == Notificacion.Estado.ENVIADA
    solicitud.refresh_from_db()
    assert solicitud.notificada_en is None


def test_la_prueba_automatica_no_lleva_el_correo(funcionario, django_capture_on_commit_callbacks):
    solicitud = asignada(funcionario)
    with django_capture_on_commit_callbacks(execute=True):
        services.rechazar(solicitud=solicitud, motivo="Irrespetuosa.", actor=funcionario)
    prueba = solicitud.eventos.get(tipo=TipoEvento.NOTIFICADA).datos["prueba"]
    assert solicitud.correo not in prueba and "dirección registrada" in prueba


def test_continuar_de_oficio_da_un_termino_nuevo(funcionario):
    solicitud = informacion(funcionario)  # due Thu 16 Apr
    services.desistir(solicitud=solicitud)
    services.continuar_de_oficio(
        solicitud=solicitud,
        motivacion="Interés público.",
        dependencia=funcionario.dependencia,
        actor=funcionario,
        hoy=date(2026, 4, 20),
    )
    # Mon 20 Apr + 10 business days: Tue 5 May (Fri 1 May is a holiday), so no silence that night.
    assert solicitud.fecha_vencimiento == date(2026, 5, 5)
    assert silencio.barrer_silencios(hoy=date(2026, 4, 21)) == 0


@pytest.mark.parametrize("accion", ["rechazar", "archivar", "acceder_en_parte"])
def test_aceptada_por_silencio_no_se_rechaza_ni_se_archiva_ni_se_niega_en_parte(funcionario, accion):
    solicitud = informacion(funcionario)
    silencio.barrer_silencios(hoy=date(2026, 4, 17))
    solicitud.refresh_from_db()
    with pytest.raises(ValidationError, match="aceptada por silencio"):
        if accion == "rechazar":
            services.rechazar(solicitud=solicitud, motivo="Irrespetuosa.", actor=funcionario)
        elif accion == "archivar":
            services.archivar(solicitud=solicitud, motivo="Oscura.", actor=funcionario)
        else:
            services.responder(
                solicitud=solicitud,
                texto="Solo una parte.",
                sentido=SentidoRespuesta.ACCEDE_PARCIAL,
                materia_reservada=MateriaReservada.objects.first(),
                actor=funcionario,
            )


def test_el_rechazo_de_una_anonima_se_publica_y_se_notifica(funcionario):
    """CPACA art. 69: a rejection no one can receive is published, and the appeal's term then runs."""
    solicitud = services.asignar(
        solicitud=anonima(ahora=en_bogota(2026, 3, 20)),
        dependencia=funcionario.dependencia,
        actor=funcionario,
    )
    with time_machine.travel(en_bogota(2026, 4, 14), tick=False):
        services.rechazar(solicitud=solicitud, motivo="Lenguaje irrespetuoso.", actor=funcionario)
    assert solicitud.publicada_hasta == date(2026, 4, 21)
    (fila,) = selectors.respuestas_publicadas(date(2026, 4, 21))
    assert (fila["decision"], fila["respuesta"]) == ("rechazada", "Lenguaje irrespetuoso.")
    assert notificacion.notificar_publicadas(hoy=date(2026, 4, 23)) == 1
    solicitud.refresh_from_db()
    # Notified at the end of Wed 22 Apr: the appeal runs until Thu 7 May (Fri 1 May is a holiday).
    assert recursos.limite_para_reponer(solicitud) == date(2026, 5, 7)


def test_las_decisiones_dicen_el_recurso_y_la_negacion_su_norma(
    funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    """CPACA art. 67: a notification says the appeal, its term and its authority; a denial under reserve
    cites its norm and the right to insist (Ley 1755/2015 arts. 25-26)."""
    rechazada = asignada(funcionario)
    negada = acceso(funcionario)
    materia = MateriaReservada.objects.get(nombre="Seguridad pública")
    with django_capture_on_commit_callbacks(execute=True):
        services.rechazar(solicitud=rechazada, motivo="Irrespetuosa.", actor=funcionario)
        services.responder(
            solicitud=negada,
            texto="Reservada.",
            sentido=SentidoRespuesta.NIEGA,
            materia_reservada=materia,
            actor=funcionario,
        )
    rechazo = next(m for m in mailoutbox if m.to == [rechazada.correo])
    assert "recurso de reposición" in rechazo.body and "10 días hábiles" in rechazo.body
    respuesta = next(m for m in mailoutbox if m.to == [negada.correo])
    assert materia.norma in respuesta.body and "insistir" in respuesta.body
