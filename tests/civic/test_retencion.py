"""Retention of personal data (Ley 1581/2012 art. 4 lit. g, art. 11): closed expedientes are anonymized
RETENCION_DATOS_PERSONALES_ANIOS after their last event, through the kernel command, on PQRS's declaration.

Dates worked out: with 10 years, a request whose last event was on 10 March 2016 keeps its data through
10 March 2026 and is anonymized when the command runs on 11 March 2026; one closed on 11 March 2016 waits
until 12 March 2026. A request still in process is never touched.
"""

import json
from io import StringIO

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from civic.models import Anonimizacion, Notificacion
from pqrs import services
from pqrs.models import Adjunto, Evento, Solicitud, TipoEvento
from tests.pqrs.factories import FuncionarioFactory, SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_temporal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RETENCION_DATOS_PERSONALES_ANIOS = 10


def pdf(nombre: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(nombre, b"%PDF-1.4 prueba", content_type="application/pdf")


def rechazada_el(dia: int, *, numero: str, entregar) -> Solicitud:
    """Filed on 3 March 2016 with the petitioner's ID, a document added on the 7th, rejected on `dia`; the
    acuse is delivered, the rejection's mail never left (the broker lost it)."""
    with time_machine.travel(en_bogota(2016, 3, 3, 9), tick=False), entregar(execute=True):
        solicitud = SolicitudFactory(
            ahora=en_bogota(2016, 3, 3, 9),
            numero_documento=numero,
            asunto="Derecho de petición de Luz Marina Rentería Caicedo",
            telefono="3101234567",
            direccion="Calle 5 # 38-20",
            archivos=[pdf("cedula_luz_marina.pdf")],
        )
    with time_machine.travel(en_bogota(2016, 3, 7, 9), tick=False):
        services.aportar_documento(
            solicitud=solicitud,
            archivos=[pdf("recibo.pdf")],
            texto=f"Soy Luz Marina Rentería Caicedo, cédula {numero}; adjunto el recibo.",
        )
    with time_machine.travel(en_bogota(2016, 3, dia, 10), tick=False):
        services.rechazar(
            solicitud=solicitud,
            motivo=f"Señora Luz Marina Rentería Caicedo (CC {numero}): la petición usa un lenguaje "
            "irrespetuoso.",
            actor=FuncionarioFactory(),
        )
    return solicitud


def correr(*args) -> str:
    salida = StringIO()
    call_command("anonimizar_expedientes", *args, stdout=salida)
    return salida.getvalue()


def test_anonimiza_al_dia_siguiente_del_periodo_y_solo_lo_cerrado(django_capture_on_commit_callbacks):
    a = rechazada_el(10, numero="31999001", entregar=django_capture_on_commit_callbacks)
    b = rechazada_el(11, numero="31999002", entregar=django_capture_on_commit_callbacks)
    with time_machine.travel(en_bogota(2016, 3, 3, 9), tick=False):
        en_tramite = SolicitudFactory(ahora=en_bogota(2016, 3, 3, 9), numero_documento="31999003")
    archivos_a = [adj.archivo.name for adj in a.adjuntos.all()]
    assert len(archivos_a) == 2 and all(default_storage.exists(n) for n in archivos_a)

    with time_machine.travel(en_bogota(2026, 3, 10, 23), tick=False):
        simulacion = correr("--dry-run")
        assert "pqrs: 0 expedientes por anonimizar, 0 archivos por borrar" in simulacion
    with time_machine.travel(en_bogota(2026, 3, 11, 1), tick=False):
        simulacion = correr("--dry-run")
        assert "expedientes cerrados antes del 11 de marzo de 2016" in simulacion
        assert "pqrs: 1 expedientes por anonimizar, 2 archivos por borrar" in simulacion
        assert not Anonimizacion.objects.exists()  # the dry run changes nothing

        salida = correr()

    assert "pqrs: 1 expedientes anonimizados, 2 archivos borrados" in salida
    a.refresh_from_db()
    b.refresh_from_db()
    en_tramite.refresh_from_db()
    # The petitioner is gone; the numbers, dates and states stay.
    assert a.anonima and a.canal_respuesta == ""
    for campo in (
        "tipo_documento",
        "numero_documento",
        "nombres",
        "apellidos",
        "correo",
        "telefono",
        "direccion",
    ):
        assert getattr(a, campo) == "", campo
    assert a.radicado.startswith("PQRS-2016-") and a.estado == "rechazada"
    assert a.fecha_radicacion_efectiva.isoformat() == "2016-03-03"
    assert a.asunto == "Derecho de petición de [dato suprimido]"
    assert a.descripcion == "[Suprimido por retención de datos personales]"
    # Their files are deleted from storage, with their rows.
    assert not any(default_storage.exists(n) for n in archivos_a)
    assert not Adjunto.objects.filter(solicitud=a).exists()
    # The timeline: the petitioner's own words go whole; staff texts lose the petitioner's values.
    aporte = Evento.objects.get(solicitud=a, tipo=TipoEvento.DOCUMENTO_APORTADO)
    assert aporte.nota == "[Suprimido por retención de datos personales]"
    rechazo = Evento.objects.get(solicitud=a, tipo=TipoEvento.RECHAZADA)
    assert rechazo.nota == (
        "Señora [dato suprimido] (CC [dato suprimido]): la petición usa un lenguaje irrespetuoso."
    )
    texto_a = json.dumps(list(Evento.objects.filter(solicitud=a).values("nota", "datos")), ensure_ascii=False)
    assert "Luz Marina" not in texto_a and "31999001" not in texto_a
    # The outbox keeps that the acuse went out, not to whom nor what it said.
    acuse = Notificacion.objects.get(plantilla="pqrs/emails/acuse", objeto_id=a.pk)
    assert acuse.estado == Notificacion.Estado.ENVIADA
    assert acuse.destinatario == "anonimizado@anonimizado.invalid"
    assert acuse.contexto == {} and acuse.contexto_reservado == {}
    aviso = Notificacion.objects.get(plantilla="pqrs/emails/rechazo", objeto_id=a.pk)
    assert (aviso.estado, aviso.destinatario, aviso.contexto) == (
        Notificacion.Estado.FALLIDA,
        "anonimizado@anonimizado.invalid",
        {},
    )
    assert "anonimizó" in aviso.ultimo_error
    registro = Anonimizacion.objects.get()
    assert (registro.objeto_tipo, registro.objeto_id, registro.radicado) == (
        ContentType.objects.get_for_model(Solicitud),
        a.pk,
        a.radicado,
    )
    assert registro.cerrado_en == en_bogota(2016, 3, 10, 10)
    assert registro.adjuntos_borrados == 2
    # The next day's request and the one in process keep everything.
    assert (b.nombres, b.numero_documento, b.anonima) == ("Luz Marina", "31999002", False)
    assert b.adjuntos.count() == 2
    assert en_tramite.numero_documento == "31999003"

    with time_machine.travel(en_bogota(2026, 3, 11, 2), tick=False):
        assert "pqrs: 0 expedientes anonimizados" in correr()  # idempotent
    with time_machine.travel(en_bogota(2026, 3, 12, 1), tick=False):
        assert "pqrs: 1 expedientes anonimizados, 2 archivos borrados" in correr("--lote", "1")
    b.refresh_from_db()
    assert b.anonima and b.numero_documento == ""
    en_tramite.refresh_from_db()
    assert en_tramite.numero_documento == "31999003" and not en_tramite.anonima
    assert Anonimizacion.objects.count() == 2


def test_sin_periodo_configurado_el_comando_no_anonimiza_nada(settings, django_capture_on_commit_callbacks):
    settings.RETENCION_DATOS_PERSONALES_ANIOS = 0
    a = rechazada_el(10, numero="31999004", entregar=django_capture_on_commit_callbacks)

    with time_machine.travel(en_bogota(2040, 1, 1, 9), tick=False), pytest.raises(CommandError) as error:
        correr()

    assert "Tabla de Retención Documental" in str(error.value)
    a.refresh_from_db()
    assert a.numero_documento == "31999004"


def test_el_registro_de_anonimizaciones_se_ve_y_no_se_edita(admin_client, django_capture_on_commit_callbacks):
    a = rechazada_el(10, numero="31999005", entregar=django_capture_on_commit_callbacks)
    with time_machine.travel(en_bogota(2026, 3, 11, 1), tick=False):
        correr()

    lista = admin_client.get("/admin/civic/anonimizacion/")

    assert a.radicado in lista.content.decode()
    registro = Anonimizacion.objects.get()
    assert (
        admin_client.post(f"/admin/civic/anonimizacion/{registro.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Anonimizacion.objects.filter(pk=registro.pk).exists()


def test_una_respuesta_cerrada_pierde_la_encuesta_y_la_prueba_y_conserva_el_oficio_de_la_oficina():
    actor = FuncionarioFactory()
    with time_machine.travel(en_bogota(2015, 6, 1, 9), tick=False):
        solicitud = SolicitudFactory(ahora=en_bogota(2015, 6, 1, 9), numero_documento="31999006")
    with time_machine.travel(en_bogota(2015, 6, 10, 9), tick=False):
        services.responder(
            solicitud=solicitud, texto="Se programó la reparación.", archivos=[pdf("oficio.pdf")], actor=actor
        )
        services.calificar(solicitud=solicitud, calificacion=2, comentario="Soy Luz Marina, tardaron mucho.")
        services.registrar_notificacion(
            solicitud=solicitud,
            medio="correo_certificado",
            prueba="Guía 7001 a Calle 5 # 38-20, recibió Luz Marina Rentería",
            actor=actor,
        )
    solicitud.refresh_from_db()
    assert solicitud.estado == "cerrada"
    oficio = solicitud.adjuntos.get()

    # Closed on 10 June 2015: kept through 10 June 2025, anonymized on the 11th.
    with time_machine.travel(en_bogota(2025, 6, 10, 20), tick=False):
        assert "pqrs: 0 expedientes anonimizados" in correr()
    with time_machine.travel(en_bogota(2025, 6, 11, 6), tick=False):
        assert "pqrs: 1 expedientes anonimizados, 0 archivos borrados" in correr()

    solicitud.refresh_from_db()
    assert solicitud.anonima and solicitud.numero_documento == ""
    assert solicitud.calificacion.puntaje == 2 and solicitud.calificacion.comentario == ""
    notificada = Evento.objects.get(solicitud=solicitud, tipo=TipoEvento.NOTIFICADA)
    assert "prueba" not in notificada.datos and notificada.datos["medio"] == "correo_certificado"
    # The office's own answer and its letter stay: the entity's record of what it answered.
    assert (
        Evento.objects.get(solicitud=solicitud, tipo=TipoEvento.RESPONDIDA).nota
        == "Se programó la reparación."
    )
    assert default_storage.exists(oficio.archivo.name)
