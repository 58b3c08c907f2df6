"""The e-mail outbox: every write to `Notificacion` and its delivery.

A notification row is written in the caller's transaction and a Celery task is enqueued after commit.
The row, not the broker, is the source of truth: if the enqueue is lost (Redis down, worker killed), the
periodic sweep finds the row still pending and enqueues it again.

Delivery is at-least-once with a stable Message-ID. It never talks to the mail server inside a database
transaction: a short transaction claims the due pending row (`enviando`, `reclamada_en`), the message is
sent with no transaction open, and a second short transaction marks it sent (or records the failure).
However many tasks carry a row's id, only one claims it. A duplicate is possible only when the process
dies (or the mark's commit fails) between the mail server's accept and the mark's commit: the row stays
`enviando`, the sweep re-queues it after NOTIFICACIONES_ENVIANDO_TIMEOUT seconds, and the second copy
carries the same Message-ID as the first, so mail servers and people can recognise it.
"""

import logging
import mimetypes
import os
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.dispatch import Signal
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import KombuError

from civic import bd
from civic.models import Notificacion, Usuario

logger = logging.getLogger(__name__)

# Trouble talking to the mail server, worth another attempt later. OSError covers ConnectionError,
# TimeoutError and socket errors; SMTPException (a refusal or a dropped session) is listed for clarity.
ERRORES_TRANSITORIOS = (smtplib.SMTPException, OSError)
# A row younger than this is still expected to be carried by its own on-commit enqueue.
GRACIA_BARRIDO = timedelta(minutes=2)
# Where a row's attachments (storage names and the names to show) travel in its stored context.
CLAVE_ADJUNTOS = "_archivos"
# Where a subscription message keeps its one-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe.
CLAVE_BAJA = "_baja"

# Sent with `notificacion` inside the transaction that marks the row sent, so an app can record the
# delivery as proof (CPACA art. 56: e-mail notification) in the same commit. A receiver's failure is
# logged and does not undo the delivery mark: the message already left.
correo_enviado = Signal()


class EntregaAplazada(Exception):
    """Raised after a transient failure was recorded; the caller should try again in `espera` seconds."""

    def __init__(self, espera: int):
        super().__init__(f"reintentar en {espera} s")
        self.espera = espera


# No transaction or savepoint of its own: one INSERT, in the caller's transaction (a filing's, an
# action's), or committed at once in autocommit, where on_commit publishes right after it. A refused
# address raises before anything is sent to the database, so the caller's transaction stays usable.
def encolar_correo(
    *,
    destinatario: str,
    plantilla: str,
    contexto: dict,
    contexto_reservado: dict | None = None,
    objeto: models.Model | None = None,
    archivos: Iterable[FieldFile] = (),
    baja: str = "",
) -> Notificacion:
    """Write an outbox row in the caller's transaction; its delivery is enqueued once that commits.

    `contexto` must be JSON-serialisable (ids, strings, dates): it is stored and rendered at send time.
    `contexto_reservado` is rendered the same way but erased from the row once the message is sent, for
    secrets such as a request's consultation code that must not outlive their delivery.
    `archivos` are stored files attached at send time (by their storage name, never copied into the row).
    `baja` is a subscription's one-click unsubscribe URL: mail clients show it as an «unsubscribe» button.
    """
    adjuntos = [{"ruta": archivo.name, "nombre": nombre_visible(archivo)} for archivo in archivos]
    contexto = {**contexto, CLAVE_ADJUNTOS: adjuntos} if adjuntos else contexto
    notificacion = Notificacion(
        destinatario=destinatario,
        plantilla=plantilla,
        contexto={**contexto, CLAVE_BAJA: baja} if baja else contexto,
        contexto_reservado=contexto_reservado or {},
    )
    if objeto is not None:
        notificacion.objeto = objeto
    # The content type comes from get_for_model and a new row is pending, so the foreign-key and
    # check-constraint queries of a full validation would only repeat what is already known.
    notificacion.full_clean(exclude=["objeto_tipo"], validate_constraints=False)
    notificacion.save()
    transaction.on_commit(partial(_publicar, notificacion.pk))
    return notificacion


@dataclass(frozen=True)
class Correo:
    """One message for `encolar_correos`: the arguments of `encolar_correo`, as a value."""

    destinatario: str
    plantilla: str
    contexto: dict
    objeto: models.Model | None = None
    baja: str = ""  # a subscription's one-click unsubscribe URL


@transaction.atomic(savepoint=False)
def encolar_correos(correos: Iterable[Correo]) -> int:
    """Write many outbox rows with one INSERT (a reminder sweep's page), delivered after commit by one task.

    For callers that already validated the addresses (`validate_email`) and name templates from code: the
    rows are not validated one by one, which on a sweep of thousands costs more than the INSERT. One task
    carries the page's ids; each row still keeps its own attempts and back-off, and the sweep re-queues a
    row whose delivery was postponed.
    """
    tipos: dict[type, int] = {}
    filas = []
    for correo in correos:
        fila: dict[str, object] = {
            "destinatario": correo.destinatario,
            "plantilla": correo.plantilla,
            "contexto": {**correo.contexto, CLAVE_BAJA: correo.baja} if correo.baja else correo.contexto,
        }
        if correo.objeto is not None:
            modelo = type(correo.objeto)
            if modelo not in tipos:
                tipos[modelo] = ContentType.objects.get_for_model(modelo).pk
            fila.update(objeto_tipo_id=tipos[modelo], objeto_id=correo.objeto.pk)
        filas.append(fila)
    if not filas:
        return 0
    ids = [id_ for (id_,) in bd.insertar(Notificacion, filas)]
    transaction.on_commit(partial(_publicar_lote, ids))
    return len(ids)


def _publicar_lote(ids: list[int]) -> bool:
    """Hand a page's rows to the broker in one message; on an outage the sweep sends them later."""
    from civic.tasks import entregar_notificaciones_task

    try:
        entregar_notificaciones_task.delay(ids)
    except (KombuError, OSError) as error:
        logger.warning(
            "No se pudieron encolar %s notificaciones; el barrido las enviará: %s", len(ids), error
        )
        return False
    return True


def _publicar(notificacion_id: int) -> bool:
    """Hand the row to the broker; a broker outage must never fail the request that wrote the row."""
    # Imported here: civic.tasks imports this module.
    from civic.tasks import entregar_notificacion_task

    try:
        entregar_notificacion_task.delay(notificacion_id)
    except (KombuError, OSError) as error:
        logger.warning(
            "No se pudo encolar la notificación %s; el barrido la enviará: %s", notificacion_id, error
        )
        return False
    return True


def entregar_notificacion(*, notificacion_id: int) -> None:
    """Send one due pending notification: at-least-once delivery with a stable Message-ID.

    Three steps, so that no database transaction is open while the mail server is talked to (a slow server
    would hold a connection, and a commit failing after the send would leave the row pending to be sent
    again): claim the row (`enviando`) in a short transaction, send outside any transaction, mark the
    outcome in another short transaction. Both transactions are durable, so calling this inside the caller's
    transaction is refused (RuntimeError) instead of silently sending inside it.

    Does nothing when the row is not pending, not yet due, or another worker holds it. A transient failure
    is recorded on the row and then raised as `EntregaAplazada` unless the attempts are used up, in which
    case the row is left failed. If the process dies (or the mark fails) after the claim, the row stays
    `enviando` until the sweep re-queues it (NOTIFICACIONES_ENVIANDO_TIMEOUT); the message may then be
    sent twice, both copies with the same Message-ID.
    """
    reclamada = _reclamar(notificacion_id)
    if reclamada is None:
        return
    try:
        mensaje = _construir_mensaje(reclamada)
    except (TemplateDoesNotExist, TemplateSyntaxError, FileNotFoundError) as error:
        # A broken or missing template, or an attached file no longer stored (deleted by the retention of
        # personal data, civic.expedientes.retencion), fails the same way every time: no point in
        # retrying, and the row ends failed at once, its reserved context erased, instead of waiting for
        # the sweep to use up its attempts.
        _marcar_fallo(reclamada, error, definitivo=True)
        return
    try:
        mensaje.send(fail_silently=False)
    except ERRORES_TRANSITORIOS as error:
        definitivo = reclamada.intentos + 1 >= settings.NOTIFICACIONES_MAX_INTENTOS
        espera = _marcar_fallo(reclamada, error, definitivo=definitivo)
        if espera is not None:
            raise EntregaAplazada(espera) from error
        return
    _marcar_enviada(reclamada)


@transaction.atomic(durable=True)
def _reclamar(notificacion_id: int) -> Notificacion | None:
    """Take the due pending row for this worker (`enviando`) and commit at once; None if not ours to send."""
    ahora = timezone.now()
    notificacion = (
        Notificacion.objects.select_for_update(skip_locked=True)
        .filter(pk=notificacion_id, estado=Notificacion.Estado.PENDIENTE, proximo_intento__lte=ahora)
        .first()
    )
    if notificacion is None:
        return None
    notificacion.estado = Notificacion.Estado.ENVIANDO
    notificacion.reclamada_en = ahora
    # Both values are set right here and valid by construction: a full validation would only add queries.
    notificacion.save(update_fields=["estado", "reclamada_en"])
    return notificacion


@transaction.atomic(durable=True)
def _marcar_enviada(reclamada: Notificacion) -> None:
    """Record that the mail server accepted the message and erase the reserved context."""
    notificacion = Notificacion.objects.select_for_update().get(pk=reclamada.pk)
    if notificacion.estado == Notificacion.Estado.ENVIADA:
        # A copy sent after a re-queue got here first; the first date of delivery stands.
        return
    # Whatever the row says now (re-queued by the sweep or by staff after a slow send), this message was
    # accepted: recording it keeps another copy from going out.
    notificacion.estado = Notificacion.Estado.ENVIADA
    notificacion.enviada_en = timezone.now()
    notificacion.reclamada_en = None
    notificacion.ultimo_error = ""
    notificacion.contexto_reservado = {}
    _guardar(notificacion)
    for receptor, resultado in correo_enviado.send_robust(sender=Notificacion, notificacion=notificacion):
        if isinstance(resultado, Exception):
            logger.error(
                "Notificación %s enviada; %s falló al registrarla: %r", notificacion.pk, receptor, resultado
            )


@transaction.atomic(durable=True)
def _marcar_fallo(reclamada: Notificacion, error: Exception, *, definitivo: bool) -> int | None:
    """Record a failed attempt on a row this worker still holds; return the back-off as `_registrar_fallo`."""
    notificacion = (
        Notificacion.objects.select_for_update()
        .filter(pk=reclamada.pk, estado=Notificacion.Estado.ENVIANDO, reclamada_en=reclamada.reclamada_en)
        .first()
    )
    if notificacion is None:
        # The claim expired and the row was re-queued (sweep or staff): its new holder decides.
        logger.warning("Notificación %s: fallo de un envío ya reasignado: %s", reclamada.pk, error)
        return None
    return _registrar_fallo(notificacion, error, definitivo=definitivo)


def _mensaje_id(notificacion: Notificacion) -> str:
    """The Message-ID of this row's e-mail: the same for every copy, so a re-send is recognisable."""
    dominio = urlsplit(settings.MUNICIPIO.get("sitio") or "").hostname or str(DNS_NAME)
    creada = notificacion.creada.astimezone(UTC)
    return f"<notificacion-{notificacion.pk}.{creada:%Y%m%d%H%M%S%f}@{dominio}>"


def _construir_mensaje(notificacion: Notificacion) -> EmailMultiAlternatives:
    """Render `<plantilla>.asunto.txt`, `.txt` (required) and `.html` (optional) at send time."""
    # Every message can sign with the municipality's identity, as the web pages do.
    contexto = {**notificacion.contexto, **notificacion.contexto_reservado, "MUNICIPIO": settings.MUNICIPIO}
    asunto = " ".join(_renderizar_texto(f"{notificacion.plantilla}.asunto.txt", contexto).split())
    mensaje = EmailMultiAlternatives(
        subject=asunto,
        body=_renderizar_texto(f"{notificacion.plantilla}.txt", contexto),
        to=[notificacion.destinatario],
        reply_to=[settings.MUNICIPIO["correo"]],
        headers={"Message-ID": _mensaje_id(notificacion), **_cabeceras_de_baja(notificacion)},
    )
    for adjunto in notificacion.contexto.get(CLAVE_ADJUNTOS, ()):
        with default_storage.open(adjunto["ruta"], "rb") as archivo:
            mensaje.attach(adjunto["nombre"], archivo.read(), mimetypes.guess_type(adjunto["nombre"])[0])
    try:
        html = get_template(f"{notificacion.plantilla}.html")
    except TemplateDoesNotExist:
        return mensaje
    mensaje.attach_alternative(html.render(contexto), "text/html")
    return mensaje


def _cabeceras_de_baja(notificacion: Notificacion) -> dict:
    # RFC 2369 and RFC 8058: the client's «unsubscribe» button POSTs to the URL, no page to read first.
    baja = notificacion.contexto.get(CLAVE_BAJA)
    if not baja:
        return {}
    return {"List-Unsubscribe": f"<{baja}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def nombre_visible(archivo: FieldFile) -> str:
    """The name the person gave the file when the model keeps it (`nombre_original`), else the stored one."""
    return str(getattr(archivo.instance, "nombre_original", "") or os.path.basename(archivo.name or ""))


def _renderizar_texto(nombre: str, contexto: dict) -> str:
    # Plain text is not HTML: autoescaping would turn "Pérez & Cía" into "Pérez &amp; Cía".
    # The Django engine's wrapper; its `.template` is the engine-level Template, which takes a Context.
    plantilla = cast(DjangoTemplate, get_template(nombre))
    return plantilla.template.render(Context(contexto, autoescape=False))


def _registrar_fallo(
    notificacion: Notificacion, error: Exception | str, *, definitivo: bool, espera_base: int | None = None
) -> int | None:
    """Count the attempt; return the back-off in seconds, or None when the row is now failed."""
    notificacion.intentos += 1
    texto = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    notificacion.ultimo_error = texto[:2000]
    notificacion.reclamada_en = None
    if definitivo:
        notificacion.estado = Notificacion.Estado.FALLIDA
        # The secrets were only kept to be delivered; a failed delivery must not keep them either.
        notificacion.contexto_reservado = {}
        espera = None
        logger.error("Notificación %s fallida: %s", notificacion.pk, notificacion.ultimo_error)
    else:
        notificacion.estado = Notificacion.Estado.PENDIENTE
        # Exponential back-off, so a mail server that is down is not hammered.
        if espera_base is None:
            espera_base = settings.NOTIFICACIONES_ESPERA_BASE
        espera = espera_base * 2 ** (notificacion.intentos - 1)
        notificacion.proximo_intento = timezone.now() + timedelta(seconds=espera)
        logger.warning(
            "Notificación %s aplazada %s s: %s", notificacion.pk, espera, notificacion.ultimo_error
        )
    _guardar(notificacion)
    return espera


def _guardar(notificacion: Notificacion) -> None:
    notificacion.full_clean()
    notificacion.save(
        update_fields=[
            "estado",
            "intentos",
            "ultimo_error",
            "proximo_intento",
            "reclamada_en",
            "enviada_en",
            "contexto_reservado",
        ]
    )


@transaction.atomic
def reenviar(*, notificacion: Notificacion, actor: Usuario) -> Notificacion:
    """Put a failed (or stuck pending or sending) notification back in the queue with fresh attempts.

    A failed row has lost its reserved context: it is re-sent without it, as its template allows.
    """
    notificacion = Notificacion.objects.select_for_update().get(pk=notificacion.pk)
    if notificacion.estado == Notificacion.Estado.ENVIADA:
        # Sent mail is proof that the person was notified; sending it again would blur that record.
        raise ValidationError(_("La notificación ya fue enviada; no se reenvía."), code="ya_enviada")
    notificacion.estado = Notificacion.Estado.PENDIENTE
    notificacion.intentos = 0
    notificacion.proximo_intento = timezone.now()
    # A worker still holding an old claim can no longer record a failure over this one.
    notificacion.reclamada_en = None
    _guardar(notificacion)
    logger.info("Notificación %s puesta de nuevo en cola por %s", notificacion.pk, actor)
    transaction.on_commit(partial(_publicar, notificacion.pk))
    return notificacion


def barrer_pendientes(*, ahora: datetime | None = None, lote: int = 500) -> int:
    """Enqueue every row whose enqueue was lost, whose retry is due or whose claim expired; return how many.

    A row left `enviando` longer than NOTIFICACIONES_ENVIANDO_TIMEOUT seconds was claimed by a worker that
    died (or could not record the outcome): it goes back to pending, counting the attempt, and is
    enqueued again; it may already have reached the mail server, so the copy carries the same Message-ID.

    Rows go through the delivery task rather than being sent here, so one slow or failing mail server
    does not stall the sweep and each delivery keeps its own retries. A row that gets enqueued twice
    (sweep and a late retry) is still claimed once: delivery locks it and re-checks its state.
    """
    ahora = ahora or timezone.now()
    encoladas, broker_caido = _recuperar_reclamos_vencidos(ahora=ahora, lote=lote)
    if broker_caido:
        return encoladas
    # The grace keeps the sweep from racing the normal on-commit enqueue of a fresh row.
    vencidas = Notificacion.objects.filter(
        estado=Notificacion.Estado.PENDIENTE, proximo_intento__lte=ahora - GRACIA_BARRIDO
    ).order_by("proximo_intento", "pk")
    # Keyset pagination over the partial index of pending rows (notificacion_pendientes_idx).
    for filas in bd.paginas(vencidas, ("proximo_intento", "pk"), lote):
        for _proximo, notificacion_id in filas:
            if not _publicar(notificacion_id):
                # The broker is down: the next sweep tries again.
                return encoladas
            encoladas += 1
    return encoladas


def _recuperar_reclamos_vencidos(*, ahora: datetime, lote: int) -> tuple[int, bool]:
    """Re-queue expired `enviando` claims; return how many were enqueued and whether the broker failed."""
    limite = ahora - timedelta(seconds=settings.NOTIFICACIONES_ENVIANDO_TIMEOUT)
    vencidos = Notificacion.objects.filter(
        estado=Notificacion.Estado.ENVIANDO, reclamada_en__lte=limite
    ).order_by("reclamada_en", "pk")
    encoladas = 0
    # Keyset pagination over the partial index of claimed rows (notificacion_enviando_idx).
    for filas in bd.paginas(vencidos, ("reclamada_en", "pk"), lote):
        for notificacion_id in _devolver_a_la_cola([pk for _reclamada, pk in filas], limite=limite):
            if not _publicar(notificacion_id):
                # The row is pending again: the pending sweep enqueues it once the broker is back.
                return encoladas, True
            encoladas += 1
    return encoladas, False


@transaction.atomic
def _devolver_a_la_cola(ids: list[int], *, limite: datetime) -> list[int]:
    """Re-queue the expired claims among `ids` (counting the attempt); return the ones now pending."""
    pendientes = []
    # Re-checked under the lock: a worker that marked its row meanwhile keeps its outcome.
    filas = Notificacion.objects.select_for_update(skip_locked=True).filter(
        pk__in=ids, estado=Notificacion.Estado.ENVIANDO, reclamada_en__lte=limite
    )
    for notificacion in filas.order_by("pk"):
        definitivo = notificacion.intentos + 1 >= settings.NOTIFICACIONES_MAX_INTENTOS
        reclamada = notificacion.reclamada_en
        assert reclamada is not None  # the filter's reclamada_en__lte excludes NULL
        motivo = _("Entrega interrumpida sin confirmación del envío (reclamada en %(reclamada)s).") % {
            "reclamada": reclamada.isoformat()
        }
        # No back-off: the attempt did not fail at the mail server, it was cut short.
        if _registrar_fallo(notificacion, motivo, definitivo=definitivo, espera_base=0) is not None:
            pendientes.append(notificacion.pk)
    return pendientes
