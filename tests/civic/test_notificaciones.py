import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail.backends import locmem
from django.db import OperationalError, transaction
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from civic import roles
from civic.celery import app
from civic.models import Notificacion
from civic.services import notificaciones
from civic.services.notificaciones import (
    EntregaAplazada,
    barrer_pendientes,
    encolar_correo,
    entregar_notificacion,
    reenviar,
)
from civic.tasks import barrer_notificaciones_task, entregar_notificacion_task
from pqrs.roles import COORDINACION_PQRS
from tests.apoyo import BROKER_CAIDO, apuntar_a_smtp_caido, configurar_celery

pytestmark = pytest.mark.django_db

PRUEBA = "civic/emails/prueba"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
ANOTADOR = f"{__name__}.CorreoQueAnotaTransacciones"


class CorreoQueAnotaTransacciones(locmem.EmailBackend):
    """The test outbox, noting on every send whether a database transaction was open at that moment."""

    en_transaccion: list[bool] = []

    def send_messages(self, messages):
        self.en_transaccion.append(transaction.get_connection().in_atomic_block)
        return super().send_messages(messages)


def mensaje_id(correo) -> str:
    # The header the service sets and the one the serialised message carries must be the same.
    assert correo.message()["Message-ID"] == correo.extra_headers["Message-ID"]
    return correo.extra_headers["Message-ID"]


def despues_de_la_gracia():
    return timezone.now() + timedelta(minutes=3)


@pytest.fixture
def smtp_caido(settings):
    return apuntar_a_smtp_caido(settings)


def encolar_sin_publicar(django_capture_on_commit_callbacks, **campos):
    """Write the row but drop its on-commit enqueue, as a crash right after commit would."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notificacion = encolar_correo(
            destinatario=campos.pop("destinatario", "ana@example.com"),
            plantilla=campos.pop("plantilla", PRUEBA),
            contexto=campos.pop("contexto", {"nombre": "Ana"}),
            **campos,
        )
    assert len(callbacks) == 1
    return notificacion


def test_se_escribe_y_se_entrega_una_vez_firmada_por_el_municipio(
    django_capture_on_commit_callbacks, mailoutbox, django_user_model
):
    sobre = django_user_model.objects.create_user(username="sobre")
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(
            destinatario="ana@example.com", plantilla=PRUEBA, contexto={"nombre": "Ana & Cía"}, objeto=sobre
        )

    assert len(mailoutbox) == 1
    correo = mailoutbox[0]
    assert correo.to == ["ana@example.com"]
    assert correo.subject == f"Mensaje de prueba de {django_settings.MUNICIPIO['nombre']}"
    # Plain text is not escaped; the HTML alternative is.
    assert "Hola Ana & Cía:" in correo.body
    assert django_settings.MUNICIPIO["nombre"] in correo.body
    assert django_settings.MUNICIPIO["entidad"] in correo.body
    html, tipo = correo.alternatives[0]
    assert tipo == "text/html"
    assert "Ana &amp; Cía" in html
    assert correo.reply_to == [django_settings.MUNICIPIO["correo"]]
    dominio = urlsplit(django_settings.MUNICIPIO["sitio"]).hostname
    assert mensaje_id(correo).startswith(f"<notificacion-{notificacion.pk}.")
    assert mensaje_id(correo).endswith(f"@{dominio}>")
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    assert notificacion.enviada_en is not None
    assert notificacion.reclamada_en is None
    assert notificacion.objeto == sobre


def test_destinatario_invalido_no_escribe_nada():
    with pytest.raises(ValidationError):
        encolar_correo(destinatario="no-es-un-correo", plantilla=PRUEBA, contexto={})
    assert not Notificacion.objects.exists()


def test_la_tarea_ejecutada_dos_veces_envia_un_solo_correo(django_capture_on_commit_callbacks, mailoutbox):
    notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks)

    entregar_notificacion_task.apply(args=[notificacion.pk])
    entregar_notificacion_task.apply(args=[notificacion.pk])

    assert len(mailoutbox) == 1
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA


def test_un_encolado_perdido_lo_recupera_el_barrido(django_capture_on_commit_callbacks, mailoutbox):
    notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks)

    # A fresh row is left to its own enqueue.
    assert barrer_pendientes() == 0
    assert barrer_pendientes(ahora=despues_de_la_gracia()) == 1
    assert barrer_pendientes(ahora=despues_de_la_gracia()) == 0

    assert len(mailoutbox) == 1
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA


def test_el_barrido_recorre_todas_las_pendientes_por_lotes(django_capture_on_commit_callbacks, mailoutbox):
    for numero in range(5):
        encolar_sin_publicar(django_capture_on_commit_callbacks, destinatario=f"p{numero}@example.com")

    assert barrer_pendientes(ahora=despues_de_la_gracia(), lote=2) == 5

    assert sorted(correo.to[0] for correo in mailoutbox) == [f"p{numero}@example.com" for numero in range(5)]


def test_con_el_broker_caido_la_peticion_sigue_y_el_barrido_entrega_despues(
    django_capture_on_commit_callbacks, mailoutbox, caplog
):
    with configurar_celery(task_always_eager=False, broker_url=BROKER_CAIDO):
        with django_capture_on_commit_callbacks(execute=True):
            notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})
        # While the broker is down the sweep cannot hand anything over either.
        assert barrer_pendientes(ahora=despues_de_la_gracia()) == 0

    assert f"No se pudo encolar la notificación {notificacion.pk}" in caplog.text
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.PENDIENTE
    assert mailoutbox == []

    assert barrer_pendientes(ahora=despues_de_la_gracia()) == 1
    assert len(mailoutbox) == 1


def test_fallos_smtp_espaciados_hasta_fallida_y_reenviar_la_entrega(
    smtp_caido, django_capture_on_commit_callbacks, mailoutbox, admin_user
):
    smtp_caido.NOTIFICACIONES_MAX_INTENTOS = 3
    smtp_caido.NOTIFICACIONES_ESPERA_BASE = 60
    momento = datetime(2026, 3, 20, 15, 0, tzinfo=UTC)
    with time_machine.travel(momento, tick=False):
        notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks)

    for intento, espera in [(1, 60), (2, 120)]:
        with time_machine.travel(momento, tick=False):
            with pytest.raises(EntregaAplazada) as aplazada:
                entregar_notificacion(notificacion_id=notificacion.pk)
            assert aplazada.value.espera == espera
            notificacion.refresh_from_db()
            assert notificacion.estado == Notificacion.Estado.PENDIENTE
            assert notificacion.intentos == intento
            assert notificacion.proximo_intento == momento + timedelta(seconds=espera)
            # A stray task before the back-off is over does not spend an attempt.
            entregar_notificacion(notificacion_id=notificacion.pk)
            notificacion.refresh_from_db()
            assert notificacion.intentos == intento
        momento = notificacion.proximo_intento
    with time_machine.travel(momento, tick=False):
        # The last attempt gives up instead of asking for another retry.
        entregar_notificacion(notificacion_id=notificacion.pk)
    inicio = momento

    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.intentos == 3
    assert "ConnectionRefusedError" in notificacion.ultimo_error
    # A failed row is left alone by the sweep and by a stray task.
    assert barrer_pendientes(ahora=inicio + timedelta(days=1)) == 0

    smtp_caido.EMAIL_BACKEND = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        reenviar(notificacion=notificacion, actor=admin_user)

    assert len(mailoutbox) == 1
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    assert notificacion.intentos == 0


def test_sin_broker_un_fallo_smtp_no_rompe_la_peticion(smtp_caido, django_capture_on_commit_callbacks):
    # Eager mode: the delivery runs inside the request that wrote the row; a mail outage must not fail it.
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})

    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.PENDIENTE
    assert notificacion.intentos == 1
    assert notificacion.proximo_intento > timezone.now()


def test_una_plantilla_inexistente_falla_sin_reintentos(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(
            destinatario="ana@example.com", plantilla="civic/emails/no-existe", contexto={}
        )

    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.intentos == 1
    assert "TemplateDoesNotExist" in notificacion.ultimo_error
    assert mailoutbox == []


def test_no_se_reenvia_lo_ya_enviado(django_capture_on_commit_callbacks, mailoutbox, admin_user):
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})

    with pytest.raises(ValidationError):
        reenviar(notificacion=notificacion, actor=admin_user)
    assert len(mailoutbox) == 1


def test_la_tarea_periodica_barre(django_capture_on_commit_callbacks, mailoutbox):
    encolar_sin_publicar(django_capture_on_commit_callbacks)
    with time_machine.travel(despues_de_la_gracia()):
        assert barrer_notificaciones_task.apply().get() == 1
    assert len(mailoutbox) == 1


# The scheduler closes "old" connections, which ends a test wrapped in a transaction.
@pytest.mark.django_db(transaction=True)
def test_beat_toma_el_programa_del_codigo():
    # django_celery_beat's DatabaseScheduler copies the in-code schedule into its table when beat starts.
    DatabaseScheduler(app=app)
    periodica = PeriodicTask.objects.get(name="barrer-notificaciones")
    assert periodica.task == "civic.barrer_notificaciones"
    assert periodica.crontab.minute == "*/5"
    assert periodica.enabled


def _fallida(smtp_caido, django_capture_on_commit_callbacks, destinatario):
    smtp_caido.NOTIFICACIONES_MAX_INTENTOS = 1
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(destinatario=destinatario, plantilla=PRUEBA, contexto={})
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    return notificacion


def test_admin_lista_solo_lectura_y_reenvia_las_fallidas(
    admin_client, smtp_caido, django_capture_on_commit_callbacks, mailoutbox
):
    fallida = _fallida(smtp_caido, django_capture_on_commit_callbacks, "fallida@example.com")
    smtp_caido.EMAIL_BACKEND = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        enviada = encolar_correo(destinatario="enviada@example.com", plantilla=PRUEBA, contexto={})
    lista = reverse("admin:civic_notificacion_changelist")

    respuesta = admin_client.get(lista)
    assert respuesta.status_code == 200
    assert "fallida@example.com" in respuesta.text
    assert "Reenviar notificaciones seleccionadas" in respuesta.text
    assert admin_client.get(lista, {"q": "enviada@"}).text.count("fallida@example.com") == 0
    detalle = admin_client.get(reverse("admin:civic_notificacion_change", args=[fallida.pk]))
    assert detalle.status_code == 200
    assert "ConnectionRefusedError" in detalle.text
    assert 'name="_save"' not in detalle.text
    assert admin_client.get(reverse("admin:civic_notificacion_add")).status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = admin_client.post(
            lista,
            {"action": "reenviar_seleccionadas", "_selected_action": [fallida.pk, enviada.pk]},
            follow=True,
        )

    assert respuesta.status_code == 200
    assert "1 notificación puesta de nuevo en cola." in respuesta.text
    assert "1 notificación ya estaba enviada y no se reenvió." in respuesta.text
    fallida.refresh_from_db()
    assert fallida.estado == Notificacion.Estado.ENVIADA
    assert [correo.to for correo in mailoutbox] == [["enviada@example.com"], ["fallida@example.com"]]


@pytest.mark.parametrize(("rol", "ve_la_lista"), [(COORDINACION_PQRS, True), (roles.VENTANILLA, False)])
def test_admin_de_notificaciones_segun_el_rol(client, django_user_model, rol, ve_la_lista):
    from django.contrib.auth.models import Group

    usuario = django_user_model.objects.create_user(username="funcionaria", is_staff=True)
    usuario.groups.add(Group.objects.get(name=rol))
    client.force_login(usuario)

    respuesta = client.get(reverse("admin:civic_notificacion_changelist"))

    assert respuesta.status_code == (200 if ve_la_lista else 403)


def test_el_contexto_reservado_se_envia_y_luego_se_borra(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(
            destinatario="ana@example.com",
            plantilla=PRUEBA,
            contexto={},
            contexto_reservado={"nombre": "Ana-secreto-7Q4"},
        )

    assert len(mailoutbox) == 1
    assert "Ana-secreto-7Q4" in mailoutbox[0].body
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    assert notificacion.contexto_reservado == {}


# --- claim, send outside any transaction, mark -------------------------------------------------------


@pytest.fixture
def anotador(settings):
    settings.EMAIL_BACKEND = ANOTADOR
    CorreoQueAnotaTransacciones.en_transaccion.clear()
    yield CorreoQueAnotaTransacciones.en_transaccion
    CorreoQueAnotaTransacciones.en_transaccion.clear()


@pytest.mark.django_db(transaction=True)
def test_el_servidor_de_correo_nunca_se_usa_dentro_de_una_transaccion(anotador, mailoutbox):
    # Written and committed like any request does; the eager task runs after the commit.
    notificacion = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})

    assert anotador == [False]
    assert [correo.to for correo in mailoutbox] == [["ana@example.com"]]
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA


@pytest.mark.django_db(transaction=True)
def test_entregar_dentro_de_una_transaccion_se_rechaza_sin_enviar(anotador, mailoutbox):
    notificacion = Notificacion.objects.create(destinatario="ana@example.com", plantilla=PRUEBA)

    with pytest.raises(RuntimeError), transaction.atomic():
        entregar_notificacion(notificacion_id=notificacion.pk)

    assert anotador == []
    assert mailoutbox == []
    notificacion.refresh_from_db()
    assert (notificacion.estado, notificacion.intentos) == (Notificacion.Estado.PENDIENTE, 0)

    entregar_notificacion(notificacion_id=notificacion.pk)
    assert anotador == [False]
    assert len(mailoutbox) == 1


def enviar_y_perder_la_marca(notificacion, monkeypatch):
    """Deliver, then lose the commit that records it, as a crash or a dropped DB connection would."""

    def commit_perdido(reclamada):
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as parche:
        parche.setattr(notificaciones, "_marcar_enviada", commit_perdido)
        with pytest.raises(OperationalError):
            entregar_notificacion(notificacion_id=notificacion.pk)


def test_si_se_pierde_la_marca_el_barrido_reenvia_tras_el_plazo_con_el_mismo_message_id(
    django_capture_on_commit_callbacks, mailoutbox, monkeypatch, settings
):
    settings.NOTIFICACIONES_ENVIANDO_TIMEOUT = 300
    notificacion = encolar_sin_publicar(
        django_capture_on_commit_callbacks, contexto={}, contexto_reservado={"nombre": "Ana-secreto-7Q4"}
    )
    inicio = timezone.now()

    with time_machine.travel(inicio, tick=False):
        enviar_y_perder_la_marca(notificacion, monkeypatch)
        # A redelivered task finds the row claimed and leaves it alone.
        entregar_notificacion(notificacion_id=notificacion.pk)

    assert len(mailoutbox) == 1
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIANDO
    assert notificacion.reclamada_en == inicio
    assert notificacion.intentos == 0

    with time_machine.travel(inicio + timedelta(seconds=299), tick=False):
        assert barrer_pendientes() == 0
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIANDO
    assert len(mailoutbox) == 1

    with time_machine.travel(inicio + timedelta(seconds=301), tick=False):
        assert barrer_pendientes() == 1

    assert len(mailoutbox) == 2
    primero, segundo = mailoutbox
    assert mensaje_id(segundo) == mensaje_id(primero)
    assert mensaje_id(primero).startswith(f"<notificacion-{notificacion.pk}.")
    assert "Ana-secreto-7Q4" in segundo.body
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    # The interrupted attempt counts.
    assert notificacion.intentos == 1
    assert notificacion.ultimo_error == ""
    assert notificacion.reclamada_en is None
    assert notificacion.contexto_reservado == {}
    with time_machine.travel(inicio + timedelta(days=1), tick=False):
        assert barrer_pendientes() == 0
    assert len(mailoutbox) == 2


def test_sin_intentos_el_reclamo_vencido_queda_fallido_sin_secretos(
    django_capture_on_commit_callbacks, mailoutbox, monkeypatch, settings
):
    # A process that dies on every attempt must not be re-queued forever.
    settings.NOTIFICACIONES_MAX_INTENTOS = 1
    notificacion = encolar_sin_publicar(
        django_capture_on_commit_callbacks, contexto_reservado={"codigo": "secreto-7Q4"}
    )
    inicio = timezone.now()
    with time_machine.travel(inicio, tick=False):
        enviar_y_perder_la_marca(notificacion, monkeypatch)

    # The timeout's default is 600 seconds.
    with time_machine.travel(inicio + timedelta(seconds=601), tick=False):
        assert barrer_pendientes() == 0

    assert len(mailoutbox) == 1
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.intentos == 1
    assert "Entrega interrumpida" in notificacion.ultimo_error
    assert notificacion.contexto_reservado == {}


def test_el_contexto_reservado_se_borra_tambien_si_la_entrega_falla(
    smtp_caido, django_capture_on_commit_callbacks
):
    smtp_caido.NOTIFICACIONES_MAX_INTENTOS = 1
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(
            destinatario="ana@example.com",
            plantilla=PRUEBA,
            contexto={"nombre": "Ana"},
            contexto_reservado={"codigo": "secreto-7Q4"},
        )

    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.contexto_reservado == {}
    assert notificacion.contexto == {"nombre": "Ana"}


def test_una_plantilla_inexistente_tambien_borra_el_contexto_reservado(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notificacion = encolar_correo(
            destinatario="ana@example.com",
            plantilla="civic/emails/no-existe",
            contexto={},
            contexto_reservado={"codigo": "secreto-7Q4"},
        )

    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.contexto_reservado == {}


def test_el_message_id_sale_de_la_fila_y_del_sitio_del_municipio(
    django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.MUNICIPIO = {**settings.MUNICIPIO, "sitio": "https://participa.cali.gov.co/"}
    with django_capture_on_commit_callbacks(execute=True):
        primera = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})
        segunda = encolar_correo(destinatario="ana@example.com", plantilla=PRUEBA, contexto={})

    primero, segundo = (mensaje_id(correo) for correo in mailoutbox)
    assert primero.startswith(f"<notificacion-{primera.pk}.")
    assert segundo.startswith(f"<notificacion-{segunda.pk}.")
    assert primero.endswith("@participa.cali.gov.co>")
    assert primero != segundo


def test_reenviar_una_fila_atascada_en_enviando(
    django_capture_on_commit_callbacks, mailoutbox, monkeypatch, admin_user
):
    notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks)
    enviar_y_perder_la_marca(notificacion, monkeypatch)

    with django_capture_on_commit_callbacks(execute=True):
        reenviar(notificacion=notificacion, actor=admin_user)

    assert len(mailoutbox) == 2
    assert mensaje_id(mailoutbox[1]) == mensaje_id(mailoutbox[0])
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    with pytest.raises(ValidationError):
        reenviar(notificacion=notificacion, actor=admin_user)


def test_admin_muestra_y_filtra_las_que_se_estan_enviando(
    admin_client, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    enviando = encolar_sin_publicar(django_capture_on_commit_callbacks, destinatario="enviando@example.com")
    enviar_y_perder_la_marca(enviando, monkeypatch)
    encolar_sin_publicar(django_capture_on_commit_callbacks, destinatario="pendiente@example.com")
    lista = reverse("admin:civic_notificacion_changelist")

    respuesta = admin_client.get(lista, {"estado__exact": "enviando"})

    assert respuesta.status_code == 200
    assert "?estado__exact=enviando" in respuesta.text
    assert "enviando@example.com" in respuesta.text
    assert "pendiente@example.com" not in respuesta.text
    assert ">Enviando<" in respuesta.text
    detalle = admin_client.get(reverse("admin:civic_notificacion_change", args=[enviando.pk]))
    assert "Reclamada en" in detalle.text

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = admin_client.post(
            lista, {"action": "reenviar_seleccionadas", "_selected_action": [enviando.pk]}, follow=True
        )

    assert "1 notificación puesta de nuevo en cola." in respuesta.text
    enviando.refresh_from_db()
    assert enviando.estado == Notificacion.Estado.ENVIADA
    assert len(mailoutbox) == 2


def test_adjunta_archivos_guardados_al_enviar(
    django_capture_on_commit_callbacks, mailoutbox, settings, tmp_path
):
    """The row keeps the storage name and the name to show, not the bytes; the file is read at send time."""
    settings.MEDIA_ROOT = tmp_path
    ruta = default_storage.save("adjuntos/acta.pdf", ContentFile(b"%PDF-1.4 acta"))
    # A stored file of a model without `nombre_original`: the stored name is shown.
    archivo = FieldFile(instance=None, field=FileField(), name=ruta)

    notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks, archivos=[archivo])
    assert notificacion.contexto[notificaciones.CLAVE_ADJUNTOS] == [{"ruta": ruta, "nombre": "acta.pdf"}]
    entregar_notificacion(notificacion_id=notificacion.pk)
    (correo,) = mailoutbox
    assert correo.attachments == [("acta.pdf", b"%PDF-1.4 acta", "application/pdf")]


def test_un_receptor_que_falla_no_deshace_la_entrega(django_capture_on_commit_callbacks, mailoutbox, caplog):
    def receptor_roto(sender, notificacion, **kwargs):
        raise RuntimeError("receptor roto")

    notificaciones.correo_enviado.connect(receptor_roto)
    try:
        notificacion = encolar_sin_publicar(django_capture_on_commit_callbacks)
        entregar_notificacion(notificacion_id=notificacion.pk)
    finally:
        notificaciones.correo_enviado.disconnect(receptor_roto)
    notificacion.refresh_from_db()
    assert (notificacion.estado, len(mailoutbox)) == (Notificacion.Estado.ENVIADA, 1)
    assert "receptor roto" in caplog.text


def test_un_adjunto_que_ya_no_existe_deja_la_fila_fallida_sin_el_codigo_en_claro(
    django_capture_on_commit_callbacks, mailoutbox, settings, tmp_path
):
    # The consultation code must not outlive a delivery that cannot happen (Ley 1581/2012 art. 4 lit. g):
    # a missing stored file fails at once, not after the sweep re-queues the row NOTIFICACIONES_MAX_INTENTOS
    # times with the code still in it.
    settings.MEDIA_ROOT = tmp_path
    ruta = default_storage.save("adjuntos/cedula.pdf", ContentFile(b"%PDF-1.4 cedula"))
    archivo = FieldFile(instance=None, field=FileField(), name=ruta)
    notificacion = encolar_sin_publicar(
        django_capture_on_commit_callbacks, archivos=[archivo], contexto_reservado={"codigo": "secreto-7Q4"}
    )
    default_storage.delete(ruta)

    entregar_notificacion(notificacion_id=notificacion.pk)

    assert mailoutbox == []
    notificacion.refresh_from_db()
    assert notificacion.estado == Notificacion.Estado.FALLIDA
    assert notificacion.intentos == 1
    assert notificacion.ultimo_error.startswith("FileNotFoundError")
    assert notificacion.contexto_reservado == {}
    assert "secreto-7Q4" not in json.dumps([notificacion.contexto, notificacion.ultimo_error])
