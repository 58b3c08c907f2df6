"""The services of a request's life, with the 2026 calendar: filed Fri 20 Mar 2026, due Wed 15 Apr.

Business days after 20 Mar: 24 (1), 25, 26, 27, 30 (5), 31, 1 Apr (7), 6, 7, 8 (10), 9, 10, 13, 14,
15 Apr (15) — 23 Mar (San José) and 2-3 Apr (Semana Santa) are holidays.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from civic.expedientes.maquina import TransicionInvalida
from civic.models import Notificacion
from pqrs import selectors, services
from pqrs.models import Adjunto, Canal, Evento, MateriaReservada, SentidoRespuesta, Solicitud, TipoEvento
from pqrs.workflow import Estado
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    anonima,
    en_bogota,
    entidad,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def funcionario():
    return FuncionarioFactory()


@pytest.fixture
def solicitud(funcionario):
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    return services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)


def ultimo_evento(solicitud: Solicitud) -> Evento:
    return Evento.objects.filter(solicitud=solicitud).latest("id")


# --- asignar -------------------------------------------------------------------------------------


def test_asignar_y_reasignar(funcionario, django_capture_on_commit_callbacks, mailoutbox):
    solicitud = SolicitudFactory()
    otra = DependenciaFactory(correo="otra@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=otra)

    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    assert solicitud.estado == Estado.ASIGNADA
    assert ultimo_evento(solicitud).tipo == TipoEvento.ASIGNADA

    with django_capture_on_commit_callbacks(execute=True):
        services.asignar(solicitud=solicitud, dependencia=otra, responsable=responsable, actor=funcionario)
    solicitud.refresh_from_db()
    assert (solicitud.dependencia, solicitud.responsable) == (otra, responsable)
    evento = ultimo_evento(solicitud)
    assert evento.tipo == TipoEvento.REASIGNADA
    assert (evento.actor, evento.publico) == (funcionario, False)
    # The dependencia's mailbox hears about it, with no personal data of the petitioner.
    (aviso,) = mailoutbox
    assert aviso.to == ["otra@alcaldia.test"]
    assert solicitud.radicado in aviso.subject
    assert "Rentería" not in aviso.body
    # ... with a link that opens the request in the admin.
    assert f"/admin/pqrs/solicitud/{solicitud.pk}/change/" in aviso.body


def test_responsable_de_otra_dependencia_se_rechaza(solicitud, funcionario):
    ajeno = FuncionarioFactory()

    with pytest.raises(ValidationError):
        services.asignar(
            solicitud=solicitud, dependencia=funcionario.dependencia, responsable=ajeno, actor=funcionario
        )


# --- art. 17: requerimiento, pausa y reanudación ----------------------------------------------


def test_requerimiento_suspende_y_la_informacion_reinicia_el_termino(
    solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.solicitar_informacion(
            solicitud=solicitud,
            requerimiento="Indique la dirección exacta.",
            actor=funcionario,
            hoy=date(2026, 3, 25),
        )
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.EN_ESPERA_CIUDADANO
    # One calendar month: 25 Apr is a Saturday, so Monday 27 Apr (Ley 4/1913 art. 62).
    assert solicitud.fecha_limite_ciudadano == date(2026, 4, 27)
    assert selectors.semaforo(solicitud, date(2026, 4, 20)) == selectors.Semaforo.GRIS
    assert selectors.vencidas(date(2026, 4, 20)).count() == 0
    (mensaje,) = mailoutbox
    assert "Indique la dirección exacta." in mensaje.body
    assert "lunes 27 de abril de 2026" in mensaje.body

    adjunto = SimpleUploadedFile("plano.pdf", b"%PDF plano", content_type="application/pdf")
    services.aportar_informacion(
        solicitud=solicitud,
        texto="Calle 5 # 10-20, barrio San Antonio.",
        archivos=[adjunto],
        hoy=date(2026, 4, 10),
    )
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA
    # A full new term of 15 business days from Fri 10 Apr (1 May is a holiday).
    assert solicitud.fecha_inicio_termino == date(2026, 4, 10)
    assert solicitud.fecha_vencimiento == date(2026, 5, 4)
    evento = ultimo_evento(solicitud)
    assert (evento.tipo, evento.actor, evento.publico) == (TipoEvento.INFORMACION_RECIBIDA, None, True)
    assert evento.adjuntos.get().nombre_original == "plano.pdf"


def test_el_responsable_se_entera_cuando_el_peticionario_responde(
    solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    services.asignar(
        solicitud=solicitud, dependencia=funcionario.dependencia, responsable=funcionario, actor=funcionario
    )
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.aportar_informacion(solicitud=solicitud, texto="Calle 5.", hoy=date(2026, 4, 7))
    (aviso,) = [m for m in mailoutbox if m.to == [funcionario.email]]
    # Art. 17: received Tue 7 Apr; 15 business days from Wed 8 Apr (8-10, 13-17, 20-24, 27, 28) → 28 Apr.
    assert "el término corre de nuevo" in aviso.subject
    assert "martes 28 de abril de 2026" in aviso.body
    assert f"/admin/pqrs/solicitud/{solicitud.pk}/change/" in aviso.body


def test_informacion_aportada_en_sabado_cuenta_desde_el_lunes(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )
    services.aportar_informacion(solicitud=solicitud, texto="Calle 5.", hoy=date(2026, 4, 11))

    assert solicitud.fecha_inicio_termino == date(2026, 4, 13)
    assert solicitud.fecha_vencimiento == date(2026, 5, 5)


def test_requerimiento_rechazado_despues_de_10_dias(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 4, 8)
    )
    services.aportar_informacion(solicitud=solicitud, texto="Calle 5.", hoy=date(2026, 4, 8))

    with pytest.raises(ValidationError, match="10 días hábiles"):
        services.solicitar_informacion(
            solicitud=solicitud, requerimiento="Otra cosa.", actor=funcionario, hoy=date(2026, 4, 9)
        )
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.ASIGNADA


def test_desistimiento_solo_despues_del_mes(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )

    with pytest.raises(ValidationError):
        services.declarar_desistimiento(
            solicitud=solicitud, motivacion="No respondió.", actor=funcionario, hoy=date(2026, 4, 27)
        )
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.EN_ESPERA_CIUDADANO
    with pytest.raises(ValidationError):
        services.declarar_desistimiento(
            solicitud=solicitud, motivacion="  ", actor=funcionario, hoy=date(2026, 4, 28)
        )

    services.declarar_desistimiento(
        solicitud=solicitud,
        motivacion="No aportó la dirección en el plazo.",
        actor=funcionario,
        hoy=date(2026, 4, 28),
    )
    assert solicitud.estado == Estado.DESISTIDA
    assert ultimo_evento(solicitud).nota == "No aportó la dirección en el plazo."


def test_plazo_del_ciudadano_se_amplia_una_sola_vez(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )

    services.ampliar_plazo_ciudadano(solicitud=solicitud, hoy=date(2026, 4, 20))
    assert solicitud.fecha_limite_ciudadano == date(2026, 5, 25)
    assert solicitud.plazo_ciudadano_ampliado
    with pytest.raises(ValidationError, match="una vez"):
        services.ampliar_plazo_ciudadano(solicitud=solicitud, hoy=date(2026, 4, 21))
    with pytest.raises(ValidationError):
        services.declarar_desistimiento(
            solicitud=solicitud, motivacion="No respondió.", actor=funcionario, hoy=date(2026, 5, 25)
        )


def test_ampliacion_pedida_despues_del_plazo_se_rechaza(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )
    with pytest.raises(ValidationError):
        services.ampliar_plazo_ciudadano(solicitud=solicitud, hoy=date(2026, 4, 28))


# --- art. 21: traslado ---------------------------------------------------------------------------


def test_traslado_dentro_de_5_dias(solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox):
    """Art. 21: the entity from the catalogue receives the letter, the petition and its attachments; the
    petitioner a copy of the letter; the event keeps the outbox row as proof of sending."""
    Adjunto.objects.create(
        solicitud=solicitud,
        archivo=SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto"),
        nombre_original="foto del hueco.pdf",
        tamano=13,
        origen="ciudadano",
        publico=True,
    )
    gobernacion = entidad()
    with django_capture_on_commit_callbacks(execute=True):
        services.trasladar(
            solicitud=solicitud,
            entidad=gobernacion,
            oficio="Remitimos su petición por ser de competencia departamental.",
            actor=funcionario,
            hoy=date(2026, 3, 30),
        )
    assert solicitud.estado == Estado.TRASLADADA
    assert (solicitud.entidad_traslado, solicitud.entidad_destino) == (gobernacion.nombre, gobernacion)
    a_la_entidad, al_peticionario = sorted(mailoutbox, key=lambda m: m.to != [gobernacion.correo])
    assert a_la_entidad.to == [gobernacion.correo]
    assert solicitud.descripcion in a_la_entidad.body
    assert solicitud.correo in a_la_entidad.body  # the entity must be able to answer the petitioner
    assert [(nombre, contenido) for nombre, contenido, _tipo in a_la_entidad.attachments] == [
        ("foto del hueco.pdf", b"%PDF-1.4 foto")
    ]
    assert al_peticionario.to == [solicitud.correo]
    assert "Gobernación del Valle del Cauca" in al_peticionario.subject
    assert "Remitimos su petición por ser de competencia departamental." in al_peticionario.body
    evento = solicitud.eventos.get(tipo=TipoEvento.TRASLADADA)
    prueba = Notificacion.objects.get(pk=evento.datos["notificacion"])
    assert (prueba.destinatario, prueba.estado) == (gobernacion.correo, Notificacion.Estado.ENVIADA)


def test_traslado_tardio_se_hace_y_queda_registrado(solicitud, funcionario):
    """Being late does not make the office competent: the petition still goes, with its delay recorded."""
    services.trasladar(
        solicitud=solicitud,
        entidad=entidad(),
        oficio="Remitimos.",
        actor=funcionario,
        hoy=date(2026, 3, 31),
    )
    assert solicitud.estado == Estado.TRASLADADA
    # Fri 20 Mar to Tue 31 Mar: 6 business days (Mon 23 Mar is a holiday), one past the five.
    datos = solicitud.eventos.get(tipo=TipoEvento.TRASLADADA).datos
    assert (datos["dias_habiles"], datos["plazo_dias"], datos["a_tiempo"]) == (6, 5, False)


# --- art. 14 parágrafo: prórroga -----------------------------------------------------------------


def test_prorroga_hasta_el_doble_del_termino(
    solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    # Twice 15 business days from 20 Mar is 7 May.
    with pytest.raises(ValidationError, match="doble"):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Visita técnica.",
            nueva_fecha=date(2026, 5, 8),
            actor=funcionario,
            hoy=date(2026, 4, 10),
        )
    with pytest.raises(ValidationError):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Visita técnica.",
            nueva_fecha=date(2026, 4, 15),
            actor=funcionario,
            hoy=date(2026, 4, 10),
        )
    with pytest.raises(ValidationError):
        services.prorrogar(
            solicitud=solicitud,
            motivo="  ",
            nueva_fecha=date(2026, 5, 7),
            actor=funcionario,
            hoy=date(2026, 4, 10),
        )
    assert Evento.objects.filter(solicitud=solicitud, tipo=TipoEvento.PRORROGA).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Se requiere visita técnica.",
            nueva_fecha=date(2026, 5, 7),
            actor=funcionario,
            hoy=date(2026, 4, 15),
        )
    solicitud.refresh_from_db()
    assert (solicitud.fecha_vencimiento, solicitud.prorrogada) == (date(2026, 5, 7), True)
    assert solicitud.fecha_vencimiento_original == date(2026, 4, 15)
    assert ultimo_evento(solicitud).datos == {
        "fecha_anterior": "2026-04-15",
        "fecha_vencimiento": "2026-05-07",
    }
    (mensaje,) = mailoutbox
    assert "Se requiere visita técnica." in mensaje.body
    assert "jueves 7 de mayo de 2026" in mensaje.body

    with pytest.raises(ValidationError, match="una vez"):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Otra.",
            nueva_fecha=date(2026, 5, 6),
            actor=funcionario,
            hoy=date(2026, 4, 20),
        )


def test_prorroga_rechazada_despues_del_vencimiento(solicitud, funcionario):
    with pytest.raises(ValidationError, match="antes de que venza"):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Visita técnica.",
            nueva_fecha=date(2026, 5, 6),
            actor=funcionario,
            hoy=date(2026, 4, 16),
        )
    solicitud.refresh_from_db()
    assert (solicitud.fecha_vencimiento, solicitud.prorrogada) == (date(2026, 4, 15), False)


def test_prorroga_a_dia_no_habil_se_rechaza(solicitud, funcionario):
    with pytest.raises(ValidationError, match="día hábil"):
        services.prorrogar(
            solicitud=solicitud,
            motivo="Visita.",
            nueva_fecha=date(2026, 5, 2),
            actor=funcionario,
            hoy=date(2026, 4, 10),
        )


# --- respuesta, notificación, cierre ---------------------------------------------------------------


def test_respuesta_a_tiempo_por_correo(
    solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    adjunto = SimpleUploadedFile("respuesta.pdf", b"%PDF respuesta", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        services.responder(
            solicitud=solicitud,
            texto="Las luminarias se repararon el 10 de abril.",
            archivos=[adjunto],
            actor=funcionario,
            ahora=en_bogota(2026, 4, 14, 16),
        )

    solicitud.refresh_from_db()
    # CPACA art. 56: the mail server's acceptance of the answer is its notification, recorded by itself.
    assert solicitud.estado == Estado.CERRADA
    assert (solicitud.dias_habiles_respuesta, solicitud.respondida_a_tiempo) == (14, True)
    assert solicitud.publicada_hasta is None
    evento = solicitud.eventos.get(tipo=TipoEvento.RESPONDIDA)
    assert (evento.publico, evento.actor) == (True, funcionario)
    assert evento.adjuntos.get().publico is True
    (mensaje,) = mailoutbox
    assert "Las luminarias se repararon el 10 de abril." in mensaje.body
    assert "adjuntos" in mensaje.body
    notificada = ultimo_evento(solicitud)
    assert (notificada.tipo, notificada.actor, notificada.datos["medio"], notificada.datos["automatica"]) == (
        TipoEvento.NOTIFICADA,
        None,
        "correo_electronico",
        True,
    )
    assert "dirección registrada" in notificada.datos["prueba"]  # never the address itself
    assert solicitud.notificada_en == Notificacion.objects.get(plantilla="pqrs/emails/respuesta").enviada_en


def test_respuesta_tardia_queda_marcada(solicitud, funcionario):
    services.responder(
        solicitud=solicitud, texto="Respuesta.", actor=funcionario, ahora=en_bogota(2026, 4, 16)
    )

    assert (solicitud.dias_habiles_respuesta, solicitud.respondida_a_tiempo) == (16, False)


def test_respuesta_anonima_se_publica_5_dias_habiles(funcionario):
    solicitud = anonima(ahora=en_bogota(2026, 3, 20))

    services.responder(
        solicitud=solicitud, texto="Respuesta.", actor=funcionario, ahora=en_bogota(2026, 4, 14)
    )

    # Tue 14 Apr + 5 business days.
    assert solicitud.publicada_hasta == date(2026, 4, 21)


def test_negar_informacion_publica_exige_citar_la_reserva(funcionario):
    from tests.pqrs.factories import modalidad

    solicitud = SolicitudFactory(modalidad=modalidad("acceso-informacion-publica"))
    with pytest.raises(ValidationError):
        services.responder(
            solicitud=solicitud, texto="No.", sentido=SentidoRespuesta.NIEGA, actor=funcionario
        )

    services.responder(
        solicitud=solicitud,
        texto="Información reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.get(nombre="Seguridad pública"),
        actor=funcionario,
    )
    assert solicitud.sentido_respuesta == SentidoRespuesta.NIEGA


def test_notificacion_registrada_cierra_la_solicitud(solicitud, funcionario):
    services.responder(
        solicitud=solicitud, texto="Respuesta.", actor=funcionario, ahora=en_bogota(2026, 4, 14)
    )

    services.registrar_notificacion(
        solicitud=solicitud,
        medio=services.MedioNotificacion.CORREO_CERTIFICADO,
        prueba="Guía 4-72 n.º 123",
        actor=funcionario,
        ahora=en_bogota(2026, 4, 16),
    )

    assert solicitud.estado == Estado.CERRADA
    assert solicitud.notificada_en == en_bogota(2026, 4, 16)
    evento = ultimo_evento(solicitud)
    assert (evento.tipo, evento.estado_anterior, evento.estado_nuevo) == (
        TipoEvento.NOTIFICADA,
        Estado.RESPONDIDA,
        Estado.CERRADA,
    )
    assert evento.datos["prueba"] == "Guía 4-72 n.º 123"


def test_rechazar_y_archivar_exigen_motivo(funcionario):
    primera, segunda = SolicitudFactory(), SolicitudFactory()

    with pytest.raises(ValidationError):
        services.rechazar(solicitud=primera, motivo="", actor=funcionario)
    services.rechazar(solicitud=primera, motivo="Lenguaje irrespetuoso (art. 19).", actor=funcionario)
    services.archivar(solicitud=segunda, motivo="No se corrigió la petición oscura.", actor=funcionario)

    assert (primera.estado, segunda.estado) == (Estado.RECHAZADA, Estado.ARCHIVADA)


def test_calificacion_una_vez_y_solo_despues_de_responder(solicitud, funcionario):
    with pytest.raises(TransicionInvalida):
        services.calificar(solicitud=solicitud, calificacion=5)

    services.responder(solicitud=solicitud, texto="Respuesta.", actor=funcionario)
    registro = services.calificar(solicitud=solicitud, calificacion=4, comentario="Rápido y claro.")
    assert (registro.puntaje, registro.comentario) == (4, "Rápido y claro.")
    with pytest.raises(ValidationError):
        services.calificar(solicitud=solicitud, calificacion=5)


def test_calificacion_fuera_de_rango(solicitud, funcionario):
    services.responder(solicitud=solicitud, texto="Respuesta.", actor=funcionario)
    with pytest.raises(ValidationError):
        services.calificar(solicitud=solicitud, calificacion=6)


def test_asignar_cuesta_pocas_sentencias(django_assert_max_num_queries):
    """Lock and reload, UPDATE of the changed fields, the event, the modality the mail names, the outbox
    row, and the savepoints around the service and the mail (47 statements before the kernel's machine)."""
    dependencia = DependenciaFactory()
    funcionario = FuncionarioFactory(dependencia=dependencia)
    solicitud = SolicitudFactory()
    with django_assert_max_num_queries(9):
        services.asignar(
            solicitud=solicitud, dependencia=dependencia, responsable=funcionario, actor=funcionario
        )


# --- Ley 1755/2015 art. 21 (verbal) and art. 17 (no archive while the petitioner's month runs) ----------


@pytest.mark.parametrize("canal", [Canal.PRESENCIAL, Canal.TELEFONICO])
def test_una_peticion_verbal_se_traslada_el_mismo_dia_habil(funcionario, canal):
    # Received Fri 20 Mar 2026 at the ventanilla: the same business day, not five.
    verbal = SolicitudFactory(ahora=en_bogota(2026, 3, 20), canal=canal)
    tarde = SolicitudFactory(ahora=en_bogota(2026, 3, 20), canal=canal)
    services.trasladar(
        solicitud=verbal, entidad=entidad(), oficio="Remitimos.", actor=funcionario, hoy=date(2026, 3, 20)
    )
    services.trasladar(
        solicitud=tarde, entidad=entidad(), oficio="Remitimos.", actor=funcionario, hoy=date(2026, 3, 24)
    )
    a_tiempo, tardio = (s.eventos.get(tipo=TipoEvento.TRASLADADA).datos for s in (verbal, tarde))
    assert (a_tiempo["plazo_dias"], a_tiempo["a_tiempo"]) == (0, True)
    assert (tardio["dias_habiles"], tardio["a_tiempo"]) == (1, False)


def test_una_peticion_escrita_conserva_sus_cinco_dias(funcionario):
    # Filed on the web Fri 20 Mar 2026: the fifth business day is Mon 30 Mar (23 Mar is a holiday).
    escrita = SolicitudFactory(ahora=en_bogota(2026, 3, 20), canal=Canal.WEB)
    services.trasladar(
        solicitud=escrita,
        entidad=entidad(),
        oficio="Remitimos.",
        actor=funcionario,
        hoy=date(2026, 3, 30),
    )
    assert Solicitud.objects.get(pk=escrita.pk).estado == Estado.TRASLADADA


def test_no_se_archiva_mientras_espera_al_peticionario(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )
    with pytest.raises(TransicionInvalida, match="archivar"):
        services.archivar(solicitud=solicitud, motivo="No respondió.", actor=funcionario)
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.EN_ESPERA_CIUDADANO


# --- Ley 1755/2015 art. 18: desistimiento expreso, and going on ex officio ---------------------------


def test_el_peticionario_desiste_y_la_alcaldia_puede_continuar_de_oficio(solicitud, funcionario):
    services.desistir(solicitud=solicitud, manifestacion="Ya arreglaron el poste.")
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.DESISTIDA
    evento = ultimo_evento(solicitud)
    assert (evento.tipo, evento.actor, evento.publico, evento.nota) == (
        TipoEvento.DESISTIMIENTO_EXPRESO,
        None,
        True,
        "Ya arreglaron el poste.",
    )
    assert evento.datos == {"medio": "portal", "estado_al_desistir": Estado.ASIGNADA}

    with pytest.raises(ValidationError, match="Motive"):
        services.continuar_de_oficio(
            solicitud=solicitud, motivacion=" ", dependencia=funcionario.dependencia, actor=funcionario
        )
    services.continuar_de_oficio(
        solicitud=solicitud,
        motivacion="El alumbrado del sector afecta la seguridad de la comunidad.",
        dependencia=funcionario.dependencia,
        actor=funcionario,
    )
    solicitud.refresh_from_db()
    assert (solicitud.estado, solicitud.dependencia) == (Estado.ASIGNADA, funcionario.dependencia)
    assert ultimo_evento(solicitud).tipo == TipoEvento.CONTINUADA_DE_OFICIO


def test_en_ventanilla_el_desistimiento_dice_como_se_manifesto(solicitud, funcionario):
    with pytest.raises(ValidationError, match="cómo manifestó"):
        services.desistir(solicitud=solicitud, manifestacion="", actor=funcionario)
    services.desistir(solicitud=solicitud, manifestacion="Escrito firmado en ventanilla.", actor=funcionario)
    assert ultimo_evento(solicitud).datos["medio"] == "ventanilla"


def test_no_se_desiste_de_lo_respondido_ni_se_continua_un_desistimiento_tacito(solicitud, funcionario):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Falta la dirección.", actor=funcionario, hoy=date(2026, 3, 25)
    )
    services.declarar_desistimiento(
        solicitud=solicitud, motivacion="No respondió en el mes.", actor=funcionario, hoy=date(2026, 4, 28)
    )
    with pytest.raises(ValidationError, match="desistimiento tácito"):
        services.continuar_de_oficio(
            solicitud=solicitud,
            motivacion="Interés público.",
            dependencia=funcionario.dependencia,
            actor=funcionario,
        )
    respondida = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.responder(solicitud=respondida, texto="Listo.", actor=funcionario)
    with pytest.raises(TransicionInvalida):
        services.desistir(solicitud=respondida)


def test_continuar_de_oficio_en_otra_dependencia_la_deja_sin_responsable(
    solicitud, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    services.asignar(
        solicitud=solicitud, dependencia=funcionario.dependencia, responsable=funcionario, actor=funcionario
    )
    services.desistir(solicitud=solicitud, manifestacion="Ya no lo necesito.")
    otra = DependenciaFactory(correo="otra@alcaldia.test")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.continuar_de_oficio(
            solicitud=solicitud, motivacion="Interés público.", dependencia=otra, actor=funcionario
        )
    solicitud.refresh_from_db()
    # The former responsable belongs to another dependencia; the new one's inbox hears about it.
    assert (solicitud.dependencia, solicitud.responsable) == (otra, None)
    assert [m.to for m in mailoutbox] == [["otra@alcaldia.test"]]
