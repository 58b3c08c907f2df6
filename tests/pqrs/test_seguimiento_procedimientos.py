"""The citizen's side of the Ley 1755 procedures on the tracking page: correct a returned petition (art.
19), add a forgotten document, insist on reserved information (art. 26), appeal a decision (CPACA art. 74),
and what the page says after a traslado (art. 21), a positive silence (art. 14) or an answer by reference.

Each action: it works, a refusal keeps what was typed next to its field, and the wrong state says why."""

from datetime import timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civic import calendario
from civic.formato import fecha_larga
from pqrs import services
from pqrs.models import MateriaReservada, SentidoRespuesta, Solicitud, TipoEvento
from pqrs.services import recursos, reserva
from pqrs.workflow import Estado
from tests.pqrs import archivos
from tests.pqrs.factories import FuncionarioFactory, entidad, modalidad
from tests.pqrs.test_vistas_publicas import (
    _eventos_publicos_con_adjunto,
    conteos,
    hoy_solicitud,
    verificar,
)

pytestmark = pytest.mark.django_db
SEGUIMIENTO = reverse("pqrs:seguimiento")
CORREGIR = reverse("pqrs:corregir")
DOCUMENTO = reverse("pqrs:aportar_documento")
INSISTIR = reverse("pqrs:insistir")
REPONER = reverse("pqrs:reponer")
QUE_CORREGIR = "No se entiende qué pide: indique qué calle y qué arreglo solicita."


@pytest.fixture
def funcionario():
    return FuncionarioFactory()


def devuelta(funcionario) -> Solicitud:
    solicitud = hoy_solicitud()
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    return services.devolver_para_corregir(solicitud=solicitud, que_corregir=QUE_CORREGIR, actor=funcionario)


def negada_por_reserva(funcionario) -> Solicitud:
    solicitud = hoy_solicitud(modalidad=modalidad("acceso-informacion-publica"))
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.responder(
        solicitud=solicitud,
        texto="La información pedida es reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.get(nombre="Seguridad pública"),
        actor=funcionario,
    )
    return services.registrar_notificacion(
        solicitud=solicitud, medio="personal", prueba="Firmó el recibido.", actor=funcionario
    )


def archivada(funcionario) -> Solicitud:
    solicitud = hoy_solicitud()
    services.archivar(solicitud=solicitud, motivo="La petición no tiene objeto.", actor=funcionario)
    return services.registrar_notificacion(
        solicitud=solicitud, medio="personal", prueba="Firmó el recibido.", actor=funcionario
    )


def seccion(html: str, titulo: str) -> str:
    return html.split(f'id="{titulo}"', 1)[1].split("</section>", 1)[0]


def mensajes(respuesta) -> str:
    return " ".join(str(m) for m in respuesta.context["messages"])


# --- Art. 19: correct a returned petition ---------------------------------------------------------


def test_devuelta_muestra_que_aclarar_y_el_plazo_y_la_correccion_reinicia_el_termino(
    client, funcionario, mailoutbox, django_capture_on_commit_callbacks
):
    solicitud = devuelta(funcionario)
    verificar(client, solicitud)

    html = client.get(SEGUIMIENTO).content.decode()
    caja = seccion(html, "titulo-corregir")
    assert QUE_CORREGIR in caja
    assert fecha_larga(solicitud.fecha_limite_ciudadano) in caja
    assert f'action="{CORREGIR}"' in caja
    # The suspended term is not shown as a due date: a full new one starts with the correction.
    assert "Fecha límite de respuesta" not in html
    assert "Plazo para corregir" in html

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            CORREGIR,
            {"texto": "Pido arreglar el hueco de la calle 5 con carrera 10.", "adjuntos": [archivos.png()]},
        )

    assert respuesta["Location"] == SEGUIMIENTO
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA
    evento = solicitud.eventos.latest("momento", "id")
    assert (evento.tipo, evento.nota) == (
        TipoEvento.CORREGIDA,
        "Pido arreglar el hueco de la calle 5 con carrera 10.",
    )
    assert evento.adjuntos.get().nombre_original == "foto.png"
    pagina = client.get(SEGUIMIENTO)
    assert "Recibimos su corrección" in mensajes(pagina)
    assert fecha_larga(solicitud.fecha_vencimiento) in mensajes(pagina)
    assert 'id="titulo-corregir"' not in pagina.content.decode()
    assert any(m.to == [solicitud.dependencia.correo] for m in mailoutbox)


def test_correccion_rechazada_conserva_lo_escrito_junto_al_campo(client, funcionario):
    solicitud = devuelta(funcionario)
    verificar(client, solicitud)
    antes = conteos()

    respuesta = client.post(
        CORREGIR,
        {"texto": "La calle 5 <b>con</b> carrera 10.", "adjuntos": [archivos.exe_como_pdf("plano.pdf")]},
    )

    assert respuesta.status_code == HTTPStatus.OK
    assert conteos() == antes
    html = respuesta.content.decode()
    assert "<title>Error:" in html
    caja = seccion(html, "titulo-corregir")
    assert "«plano.pdf» no es de un tipo permitido" in caja.split('id="id_adjuntos_error"', 1)[1]
    assert "La calle 5 &lt;b&gt;con&lt;/b&gt; carrera 10.</textarea>" in caja
    assert "vuelva a seleccionarlos" in caja

    vacia = client.post(CORREGIR, {"texto": "   "})
    assert "Escriba su petición corregida o aclarada." in seccion(vacia.content.decode(), "titulo-corregir")


def test_corregir_sin_estar_devuelta_lo_dice_y_no_cambia_nada(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    antes = conteos()

    respuesta = client.post(CORREGIR, {"texto": "Aclaro."}, follow=True)

    assert conteos() == antes
    assert "ya no está devuelta para corregir" in mensajes(respuesta)
    assert 'id="titulo-corregir"' not in respuesta.content.decode()


# --- A forgotten document ---------------------------------------------------------------------------


def test_aportar_un_documento_no_cambia_el_termino(
    client, funcionario, mailoutbox, django_capture_on_commit_callbacks
):
    solicitud = hoy_solicitud()
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    vencimiento = solicitud.fecha_vencimiento
    verificar(client, solicitud)
    caja = seccion(client.get(SEGUIMIENTO).content.decode(), "titulo-documento")
    assert "La fecha límite para responderle no cambia" in caja

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            DOCUMENTO, {"adjuntos": [archivos.pdf("escritura.pdf")], "texto": "La escritura."}
        )

    assert respuesta["Location"] == SEGUIMIENTO
    solicitud.refresh_from_db()
    assert (solicitud.estado, solicitud.fecha_vencimiento) == (Estado.ASIGNADA, vencimiento)
    evento = solicitud.eventos.latest("momento", "id")
    assert (evento.tipo, evento.nota) == (TipoEvento.DOCUMENTO_APORTADO, "La escritura.")
    assert evento.adjuntos.get().nombre_original == "escritura.pdf"
    pagina = client.get(SEGUIMIENTO)
    assert "no cambia" in mensajes(pagina)
    assert "escritura.pdf" in seccion(pagina.content.decode(), "titulo-historial")
    assert any(m.to == [solicitud.dependencia.correo] for m in mailoutbox)


def test_documento_sin_archivo_lo_dice_junto_al_campo_y_conserva_la_nota(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    antes = conteos()

    respuesta = client.post(DOCUMENTO, {"texto": "Se me olvidó el certificado."})

    assert respuesta.status_code == HTTPStatus.OK
    assert conteos() == antes
    caja = seccion(respuesta.content.decode(), "titulo-documento")
    # The service's refusal ("archivos") lands on the form's field.
    assert "Adjunte el documento." in caja.split('id="id_adjuntos_error"', 1)[1]
    assert "Se me olvidó el certificado.</textarea>" in caja


def test_documento_en_una_solicitud_devuelta_lo_dice_y_no_cambia_nada(client, funcionario):
    solicitud = devuelta(funcionario)
    verificar(client, solicitud)
    assert 'id="titulo-documento"' not in client.get(SEGUIMIENTO).content.decode()
    antes = conteos()

    respuesta = client.post(DOCUMENTO, {"adjuntos": [archivos.pdf()]}, follow=True)

    assert conteos() == antes
    assert "ya no recibe documentos por aquí" in mensajes(respuesta)


# --- Art. 26: insistence ----------------------------------------------------------------------------


def test_negada_por_reserva_explica_la_insistencia_y_la_registra(client, funcionario):
    solicitud = negada_por_reserva(funcionario)
    verificar(client, solicitud)
    limite = reserva.limite_para_insistir(solicitud)

    caja = seccion(client.get(SEGUIMIENTO).content.decode(), "titulo-insistir")
    assert "juez" in caja and "art. 26" in caja
    assert fecha_larga(limite) in caja

    respuesta = client.post(INSISTIR, {"texto": "La información es pública: es el contrato de alumbrado."})

    assert respuesta["Location"] == SEGUIMIENTO
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.EN_INSISTENCIA
    evento = solicitud.eventos.get(tipo=TipoEvento.INSISTENCIA)
    assert (evento.nota, evento.datos["medio"]) == (
        "La información es pública: es el contrato de alumbrado.",
        "portal",
    )
    pagina = client.get(SEGUIMIENTO)
    html = pagina.content.decode()
    assert "Registramos su insistencia" in mensajes(pagina)
    assert "Su insistencia está en trámite" in html
    assert 'id="titulo-insistir"' not in html
    # The denial stays the headline while the judge decides.
    assert "La información pedida es reservada." in seccion(html, "respuesta")


def test_insistencia_demasiado_larga_conserva_lo_escrito(client, funcionario):
    solicitud = negada_por_reserva(funcionario)
    verificar(client, solicitud)
    larga = "Insisto. " * 700

    respuesta = client.post(INSISTIR, {"texto": larga})

    assert respuesta.status_code == HTTPStatus.OK
    caja = seccion(respuesta.content.decode(), "titulo-insistir")
    assert "El texto admite hasta 5000 caracteres" in caja
    assert larga.strip() in caja
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.CERRADA


def test_insistencia_fuera_de_plazo_dice_la_fecha_y_que_hacer(client, funcionario):
    solicitud = negada_por_reserva(funcionario)
    limite = reserva.limite_para_insistir(solicitud)

    with time_machine.travel(timezone.localtime() + timedelta(days=30)):
        verificar(client, solicitud)
        assert 'id="titulo-insistir"' not in client.get(SEGUIMIENTO).content.decode()
        respuesta = client.post(INSISTIR, {"texto": "Insisto."}, follow=True)

    assert f"venció el {fecha_larga(limite)}" in mensajes(respuesta)
    assert "nueva petición" in mensajes(respuesta)
    assert not solicitud.eventos.filter(tipo=TipoEvento.INSISTENCIA).exists()


def test_insistir_sin_negacion_por_reserva_lo_dice(client, funcionario):
    solicitud = hoy_solicitud()
    services.responder(solicitud=solicitud, texto="Aquí está.", actor=funcionario)
    verificar(client, solicitud)
    assert 'id="titulo-insistir"' not in client.get(SEGUIMIENTO).content.decode()

    respuesta = client.post(INSISTIR, {"texto": "Insisto."}, follow=True)

    assert "art. 26" in mensajes(respuesta)
    assert not solicitud.eventos.filter(tipo=TipoEvento.INSISTENCIA).exists()


def test_una_sola_insistencia_aunque_ya_se_haya_remitido(client, funcionario):
    """Remitted, the request is closed again: the machine alone would take a second insistence."""
    from tests.pqrs.factories import tribunal

    solicitud = negada_por_reserva(funcionario)
    services.insistir(solicitud=solicitud, texto="Insisto.")
    services.remitir_insistencia(solicitud=solicitud, juez=tribunal(), oficio="Remitimos.", actor=funcionario)
    verificar(client, solicitud)
    assert 'id="titulo-insistir"' not in client.get(SEGUIMIENTO).content.decode()

    html = client.get(SEGUIMIENTO).content.decode()
    # Where it went, on top: the judge decides now.
    assert f"Su insistencia se envió al {tribunal().nombre}" in seccion(html, "titulo-insistencia-remitida")

    respuesta = client.post(INSISTIR, {"texto": "Insisto otra vez."}, follow=True)

    assert "Ya insistió" in mensajes(respuesta)
    assert solicitud.eventos.filter(tipo=TipoEvento.INSISTENCIA).count() == 1


# --- CPACA art. 74: recurso de reposición ---------------------------------------------------------


def test_archivada_ofrece_la_reposicion_con_su_plazo_y_luego_dice_que_se_decide(client, funcionario):
    solicitud = archivada(funcionario)
    verificar(client, solicitud)
    limite = recursos.limite_para_reponer(solicitud)
    assert limite == calendario.sumar_dias_habiles(timezone.localdate(solicitud.notificada_en), 10)

    html = client.get(SEGUIMIENTO).content.decode()
    caja = seccion(html, "titulo-reponer")
    assert "archivó su solicitud" in caja and fecha_larga(limite) in caja
    assert "vuelve a trámite con un término nuevo" in caja
    assert "Fecha límite de respuesta" not in html

    respuesta = client.post(REPONER, {"texto": "Sí tiene objeto: pedí arreglar la luminaria."})

    assert respuesta["Location"] == SEGUIMIENTO
    solicitud.refresh_from_db()
    assert (solicitud.estado, solicitud.reposicion_pendiente) == (Estado.ARCHIVADA, True)
    assert solicitud.eventos.get(tipo=TipoEvento.REPOSICION_INTERPUESTA).nota.startswith("Sí tiene objeto")
    pagina = client.get(SEGUIMIENTO)
    html = pagina.content.decode()
    assert "Registramos su recurso de reposición" in mensajes(pagina)
    assert "Su recurso de reposición se está decidiendo" in html
    assert 'id="titulo-reponer"' not in html

    # A second one is refused in the service's words; the page keeps saying it is being decided.
    otra = client.post(REPONER, {"texto": "Otra vez."}, follow=True)
    assert "Ya hay un recurso de reposición en trámite" in mensajes(otra)
    assert "Su recurso de reposición se está decidiendo" in otra.content.decode()
    assert solicitud.eventos.filter(tipo=TipoEvento.REPOSICION_INTERPUESTA).count() == 1


def test_reposicion_vacia_lo_dice_junto_al_campo(client, funcionario):
    solicitud = archivada(funcionario)
    verificar(client, solicitud)

    respuesta = client.post(REPONER, {"texto": ""})

    assert respuesta.status_code == HTTPStatus.OK
    caja = seccion(respuesta.content.decode(), "titulo-reponer")
    assert "Escriba por qué no está de acuerdo con la decisión." in caja.split('id="id_texto_error"', 1)[1]
    assert not Solicitud.objects.get(pk=solicitud.pk).reposicion_pendiente


def test_reposicion_contra_una_solicitud_en_tramite_lo_dice(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)

    respuesta = client.post(REPONER, {"texto": "No estoy de acuerdo."}, follow=True)

    assert "No registramos el recurso" in mensajes(respuesta)
    assert not solicitud.eventos.filter(tipo=TipoEvento.REPOSICION_INTERPUESTA).exists()


# --- What the page says ---------------------------------------------------------------------------


def test_trasladada_muestra_la_entidad_en_lugar_de_nuestra_fecha(client, funcionario):
    solicitud = hoy_solicitud()
    destino = entidad("Superintendencia de Servicios Públicos", direccion="Carrera 18 # 84-35, Bogotá")
    services.trasladar(
        solicitud=solicitud, entidad=destino, oficio="Remitimos por competencia.", actor=funcionario
    )
    verificar(client, solicitud)

    html = client.get(SEGUIMIENTO).content.decode()

    dato = html.split('id="entidad-destino"', 1)[1].split("</dd>", 1)[0]
    assert "Superintendencia de Servicios Públicos" in dato
    assert "Carrera 18 # 84-35, Bogotá" in dato
    assert "empieza de nuevo" in dato and "art. 21" in dato
    assert "Fecha límite de respuesta" not in html
    assert fecha_larga(solicitud.fecha_vencimiento) not in html


def test_silencio_positivo_dice_que_se_entiende_aceptada_y_hasta_cuando_las_copias(client, funcionario):
    solicitud = hoy_solicitud(modalidad=modalidad("peticion-documentos"))
    dia_siguiente = solicitud.fecha_vencimiento + timedelta(days=1)
    assert services.declarar_silencio_positivo(solicitud=solicitud, hoy=dia_siguiente)
    verificar(client, solicitud)

    html = client.get(SEGUIMIENTO).content.decode()

    caja = seccion(html, "titulo-silencio")
    assert "Fecha límite de respuesta" not in html  # the copies' date is the one that counts now

    assert (
        "Su solicitud se entiende aceptada (art. 14): las copias se entregan a más tardar el "
        f"{fecha_larga(solicitud.copias_hasta)}."
    ) in caja


def test_respuesta_por_referencia_muestra_solo_el_texto_anterior(client, funcionario):
    """Art. 19: the same petitioner (same document) repeated it; the page shows the earlier answer's text,
    nothing else of that earlier filing."""
    anterior = hoy_solicitud(
        numero_documento="29111222", asunto="Asunto de la primera vez", correo="primera@correo.test"
    )
    services.responder(
        solicitud=anterior, texto="El alumbrado de la calle 5 se repara en mayo.", actor=funcionario
    )
    repetida = hoy_solicitud(numero_documento="29111222")
    services.responder(
        solicitud=repetida, texto="Le reiteramos la respuesta anterior.", remite_a=anterior, actor=funcionario
    )
    verificar(client, repetida)

    html = client.get(SEGUIMIENTO).content.decode()

    caja = seccion(html, "respuesta")
    assert "Le reiteramos la respuesta anterior." in caja
    referida = caja.split('id="respuesta-anterior"', 1)[1]
    assert anterior.radicado in referida and "art. 19" in referida
    assert "El alumbrado de la calle 5 se repara en mayo." in referida
    for dato in ("Asunto de la primera vez", "primera@correo.test", anterior.numero_documento):
        assert dato not in html


# --- Query counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("preparar", [devuelta, negada_por_reserva, archivada, lambda f: hoy_solicitud()])
def test_la_pagina_no_hace_mas_consultas_con_mas_eventos_y_adjuntos(
    client, funcionario, django_assert_max_num_queries, preparar
):
    solicitud = preparar(funcionario)
    _eventos_publicos_con_adjunto(solicitud, 0, 1)
    verificar(client, solicitud)
    client.get(SEGUIMIENTO)  # warm the business-day calendar

    with CaptureQueriesContext(connection) as con_uno:
        assert client.get(SEGUIMIENTO).status_code == HTTPStatus.OK
    _eventos_publicos_con_adjunto(solicitud, 1, 15)

    with django_assert_max_num_queries(len(con_uno)):
        html = client.get(SEGUIMIENTO).content.decode()

    assert "Evento público 14" in html and "a14.pdf" in html
