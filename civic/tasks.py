"""Thin Celery tasks of the kernel: load by id, let the service re-check the state, retry transient errors."""

from celery import shared_task

from civic.services import exportaciones, notificaciones


@shared_task(bind=True, name="civic.entregar_notificacion", acks_late=True, max_retries=None)
def entregar_notificacion_task(self, notificacion_id: int) -> None:
    # The row counts the attempts (NOTIFICACIONES_MAX_INTENTOS), so Celery's own retry limit is off.
    # Never wrap this in a transaction: the service claims and marks the row in transactions of its own and
    # talks to the mail server between them. A redelivered task (acks_late) finds the row `enviando` or sent
    # and does nothing; a claim whose worker died is re-queued by the sweep.
    try:
        notificaciones.entregar_notificacion(notificacion_id=notificacion_id)
    except notificaciones.EntregaAplazada as aplazada:
        if self.request.is_eager:
            # Without a broker a retry would run at once, burning every attempt in the caller's request;
            # the row keeps its proximo_intento and the sweep picks it up.
            return
        raise self.retry(countdown=aplazada.espera) from aplazada


@shared_task(name="civic.entregar_notificaciones", acks_late=True, ignore_result=True)
def entregar_notificaciones_task(notificacion_ids: list[int]) -> int:
    """A reminder page's mail, in one task. A postponed row keeps its proximo_intento and back-off, and the
    outbox sweep re-queues it; a row already taken by another delivery is skipped. Returns how many were
    postponed."""
    aplazadas = 0
    for notificacion_id in notificacion_ids:
        try:
            notificaciones.entregar_notificacion(notificacion_id=notificacion_id)
        except notificaciones.EntregaAplazada:
            aplazadas += 1
    return aplazadas


@shared_task(name="civic.barrer_notificaciones", ignore_result=True)
def barrer_notificaciones_task() -> int:
    return notificaciones.barrer_pendientes()


@shared_task(name="civic.exportar", ignore_result=True)
def exportar_task(exportacion_id: int) -> None:
    # Never inside a transaction: the job's page reads each batch's progress as it is written.
    exportaciones.ejecutar(exportacion_id)


@shared_task(name="civic.limpiar_exportaciones", ignore_result=True)
def limpiar_exportaciones_task() -> tuple[int, int]:
    return exportaciones.limpiar()
