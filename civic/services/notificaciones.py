"""The e-mail outbox: every write to `Notificacion` and its delivery.

A notification row is written in the caller's transaction and a Celery task is enqueued after commit.
The row, not the broker, is the source of truth: if the enqueue is lost (Redis down, worker killed), the
periodic sweep finds the row still pending and enqueues it again. Delivery locks the pending row, so a
message is sent at most once however many tasks carry its id.
"""

import logging
import smtplib
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import KombuError

from civic.models import Notificacion, Usuario

logger = logging.getLogger(__name__)

# Trouble talking to the mail server, worth another attempt later. OSError covers ConnectionError,
# TimeoutError and socket errors; SMTPException (a refusal or a dropped session) is listed for clarity.
ERRORES_TRANSITORIOS = (smtplib.SMTPException, OSError)
# A row younger than this is still expected to be carried by its own on-commit enqueue.
GRACIA_BARRIDO = timedelta(minutes=2)


class EntregaAplazada(Exception):
    """Raised after a transient failure was recorded; the caller should try again in `espera` seconds."""

    def __init__(self, espera: int):
        super().__init__(f"reintentar en {espera} s")
        self.espera = espera


@transaction.atomic
def encolar_correo(
    *,
    destinatario: str,
    plantilla: str,
    contexto: dict,
    contexto_reservado: dict | None = None,
    objeto: models.Model | None = None,
) -> Notificacion:
    """Write an outbox row in the caller's transaction; its delivery is enqueued once that commits.

    `contexto` must be JSON-serialisable (ids, strings, dates): it is stored and rendered at send time.
    `contexto_reservado` is rendered the same way but erased from the row once the message is sent, for
    secrets such as a request's consultation code that must not outlive their delivery.
    """
    notificacion = Notificacion(
        destinatario=destinatario,
        plantilla=plantilla,
        contexto=contexto,
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
    """Send one pending notification, at most once.

    Does nothing when the row is no longer pending or another worker holds it. A transient failure is
    recorded on the row and then raised as `EntregaAplazada` (after the transaction commits, so the
    record survives) unless the attempts are used up, in which case the row is left failed.
    """
    espera = _intentar_entrega(notificacion_id)
    if espera is not None:
        raise EntregaAplazada(espera)


@transaction.atomic
def _intentar_entrega(notificacion_id: int) -> int | None:
    notificacion = (
        Notificacion.objects.select_for_update(skip_locked=True)
        .filter(pk=notificacion_id, estado=Notificacion.Estado.PENDIENTE)
        .first()
    )
    if notificacion is None:
        return None
    try:
        mensaje = _construir_mensaje(notificacion)
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        # A broken or missing template fails the same way every time: no point in retrying.
        _registrar_fallo(notificacion, error, definitivo=True)
        return None
    try:
        mensaje.send(fail_silently=False)
    except ERRORES_TRANSITORIOS as error:
        definitivo = notificacion.intentos + 1 >= settings.NOTIFICACIONES_MAX_INTENTOS
        return _registrar_fallo(notificacion, error, definitivo=definitivo)
    notificacion.estado = Notificacion.Estado.ENVIADA
    notificacion.enviada_en = timezone.now()
    notificacion.ultimo_error = ""
    notificacion.contexto_reservado = {}
    _guardar(notificacion)
    return None


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
    )
    try:
        html = get_template(f"{notificacion.plantilla}.html")
    except TemplateDoesNotExist:
        return mensaje
    mensaje.attach_alternative(html.render(contexto), "text/html")
    return mensaje


def _renderizar_texto(nombre: str, contexto: dict) -> str:
    # Plain text is not HTML: autoescaping would turn "Pérez & Cía" into "Pérez &amp; Cía".
    return get_template(nombre).template.render(Context(contexto, autoescape=False))


def _registrar_fallo(notificacion: Notificacion, error: Exception, *, definitivo: bool) -> int | None:
    """Count the attempt; return the back-off in seconds, or None when the row is now failed."""
    notificacion.intentos += 1
    notificacion.ultimo_error = f"{type(error).__name__}: {error}"[:2000]
    if definitivo:
        notificacion.estado = Notificacion.Estado.FALLIDA
        espera = None
        logger.error("Notificación %s fallida: %s", notificacion.pk, notificacion.ultimo_error)
    else:
        # Exponential back-off, so a mail server that is down is not hammered.
        espera = settings.NOTIFICACIONES_ESPERA_BASE * 2 ** (notificacion.intentos - 1)
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
            "enviada_en",
            "contexto_reservado",
        ]
    )


@transaction.atomic
def reenviar(*, notificacion: Notificacion, actor: Usuario) -> Notificacion:
    """Put a failed (or stuck pending) notification back in the queue with a fresh count of attempts."""
    notificacion = Notificacion.objects.select_for_update().get(pk=notificacion.pk)
    if notificacion.estado == Notificacion.Estado.ENVIADA:
        # Sent mail is proof that the person was notified; sending it again would blur that record.
        raise ValidationError(_("La notificación ya fue enviada; no se reenvía."), code="ya_enviada")
    notificacion.estado = Notificacion.Estado.PENDIENTE
    notificacion.intentos = 0
    notificacion.proximo_intento = timezone.now()
    _guardar(notificacion)
    logger.info("Notificación %s puesta de nuevo en cola por %s", notificacion.pk, actor)
    transaction.on_commit(partial(_publicar, notificacion.pk))
    return notificacion


def barrer_pendientes(*, ahora: datetime | None = None, lote: int = 500) -> int:
    """Enqueue every pending row whose enqueue was lost or whose retry is overdue; return how many.

    Rows go through the delivery task rather than being sent here, so one slow or failing mail server
    does not stall the sweep and each delivery keeps its own retries. A row that gets enqueued twice
    (sweep and a late retry) is still sent once: delivery locks it and re-checks its state.
    """
    ahora = ahora or timezone.now()
    # The grace keeps the sweep from racing the normal on-commit enqueue of a fresh row.
    vencidas = Notificacion.objects.filter(
        estado=Notificacion.Estado.PENDIENTE, proximo_intento__lte=ahora - GRACIA_BARRIDO
    ).order_by("proximo_intento", "pk")
    encoladas = 0
    cursor = None
    while True:
        # Keyset pagination over the partial index of pending rows (notificacion_pendientes_idx).
        pagina = vencidas
        if cursor is not None:
            pagina = pagina.filter(
                Q(proximo_intento__gt=cursor[0]) | Q(proximo_intento=cursor[0], pk__gt=cursor[1])
            )
        filas = list(pagina.values_list("proximo_intento", "pk")[:lote])
        for _proximo, notificacion_id in filas:
            if not _publicar(notificacion_id):
                # The broker is down: the next sweep tries again.
                return encoladas
            encoladas += 1
        if len(filas) < lote:
            return encoladas
        cursor = filas[-1]
