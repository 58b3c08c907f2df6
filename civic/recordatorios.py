"""Reminders recorded exactly once, and the batched sweep that finds them.

The reusable part of every reminder in the portal (PQRS deadlines, council commitments, answers to citizens'
questions in a rendición de cuentas): the domain app decides *what* is due and *who* is told; this module
makes sure each occurrence is recorded and mailed once.

Exactly once comes from one rule: the `Recordatorio` row (unique per object, tipo and clave) and its outbox
rows are written in the same transaction. A second sweep, a second beat or a redelivered task that reaches
the same occurrence finds the row (or collides with it on insert) and sends nothing; a sweep killed before
its commit leaves nothing behind, so the next run sends what it had not finished. Delivery itself is the
outbox's job (`civic.services.notificaciones`), which survives broker and mail-server outages.
"""

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from civic import calendario
from civic.models import Recordatorio
from civic.services.notificaciones import encolar_correo

logger = logging.getLogger(__name__)

LOTE_POR_DEFECTO = 200


class Mensaje(NamedTuple):
    """One e-mail of a reminder: rendered from `<plantilla>.asunto.txt/.txt/.html` at send time."""

    destinatario: str
    plantilla: str
    contexto: dict


@dataclass(frozen=True)
class Aviso:
    """An occurrence that is due for an object. `mensajes` is called only when the occurrence is new,
    so a sweep that finds it already recorded does not pay for resolving recipients."""

    tipo: str
    clave: str
    mensajes: Callable[[], Sequence[Mensaje]]


@dataclass
class Resumen:
    """What a sweep did, for logs and benchmarks."""

    revisados: int = 0  # objects locked and re-checked
    registrados: int = 0  # new reminders recorded (and their mail queued)
    repetidos: int = 0  # occurrences already recorded, by this run's lookup or a concurrent insert
    errores: int = 0  # occurrences skipped because their data did not validate (logged)

    def __iadd__(self, otro: "Resumen") -> "Resumen":
        for campo in fields(self):
            setattr(self, campo.name, getattr(self, campo.name) + getattr(otro, campo.name))
        return self

    def como_dict(self) -> dict:
        return {campo.name: getattr(self, campo.name) for campo in fields(self)}


def hoy_en_bogota(ahora: datetime | None = None) -> date:
    """Today's date where the law counts the days, whatever the server's clock zone."""
    return timezone.localtime(ahora or timezone.now(), calendario.ZONA_HORARIA).date()


def es_dia_de_recordatorios(hoy: date) -> bool:
    """Reminders go out on business days only (Ley 4 de 1913 art. 62). Beat's crontab already skips
    weekends; a holiday falls on a weekday, so each sweep checks the calendar itself."""
    return calendario.es_dia_habil(hoy)


def registrar_recordatorio(
    *, objeto: models.Model, tipo: str, clave: str, mensajes: Iterable[Mensaje]
) -> bool:
    """Record the reminder (objeto, tipo, clave) and queue its e-mails; False if it was already recorded.

    Runs in the caller's transaction, so the row and its outbox rows commit or vanish together. The insert
    sits in a savepoint: when another transaction recorded the same occurrence first (a concurrent sweep),
    the unique constraint refuses it, nothing is queued and the caller's transaction goes on.
    Messages to the same address are sent once (the head of a dependencia may also be the responsable).
    Invalid data (a malformed address) raises ValidationError before anything is written.
    """
    unicos: dict[str, Mensaje] = {}
    for mensaje in mensajes:
        correo = mensaje.destinatario.strip().lower()
        validate_email(correo)
        unicos.setdefault(correo, mensaje)
    recordatorio = Recordatorio(objeto=objeto, tipo=tipo, clave=clave, destinatarios=len(unicos))
    # The unique constraint is checked by the insert itself, atomically (a SELECT first would race), and
    # the content type comes from get_for_model: no validation query is worth its round trip here.
    recordatorio.full_clean(exclude=["objeto_tipo"], validate_unique=False, validate_constraints=False)
    return _registrar(recordatorio, unicos)


# No savepoint around the whole write: inside a sweep it joins the page's transaction and only the insert
# needs one (two round trips fewer per reminder); called alone it still opens a transaction.
@transaction.atomic(savepoint=False)
def _registrar(recordatorio: Recordatorio, unicos: dict[str, Mensaje]) -> bool:
    try:
        with transaction.atomic():
            recordatorio.save()
    except IntegrityError:
        return False
    if not unicos:
        logger.error(
            "Recordatorio %s %s de %r registrado sin destinatarios",
            recordatorio.tipo,
            recordatorio.clave,
            recordatorio.objeto,
        )
    for correo, mensaje in unicos.items():
        encolar_correo(
            destinatario=correo,
            plantilla=mensaje.plantilla,
            contexto=mensaje.contexto,
            objeto=recordatorio.objeto,
        )
    return True


def barrer(
    consulta: QuerySet,
    avisos: Callable[[models.Model], Iterable[Aviso]],
    *,
    orden: Sequence[str] = ("pk",),
    lote: int = LOTE_POR_DEFECTO,
) -> Resumen:
    """Record every reminder due for the objects `consulta` selects, in batches of `lote`.

    `consulta` must be an indexed, selective query (the due ones, not every open object): it is read in
    keyset pages ordered by `orden` (non-null fields, ending in "pk"), so no page re-reads earlier rows and
    the cost follows the number selected. Each page is one short transaction that locks its rows and
    evaluates `consulta` again on them: an object that left the selection since the page was read (a
    request answered meanwhile) is dropped, and `avisos(objeto)` decides from the fresh row.

    The lock waits rather than skipping locked rows: a row held by a clerk's short transaction would
    otherwise miss its reminder for the day, and two concurrent sweeps simply take turns on a page,
    the second finding the first one's reminders already recorded.
    """
    orden = tuple(orden)
    if orden[-1] != "pk":
        orden = (*orden, "pk")
    tipo_objeto = ContentType.objects.get_for_model(consulta.model)
    resumen = Resumen()
    cursor: tuple | None = None
    while True:
        pagina = consulta.order_by(*orden)
        if cursor is not None:
            pagina = pagina.filter(_despues_de(orden, cursor))
        filas = list(pagina.values_list(*orden)[:lote])
        if not filas:
            return resumen
        resumen += _procesar_pagina(consulta, [fila[-1] for fila in filas], avisos, tipo_objeto)
        if len(filas) < lote:
            return resumen
        cursor = filas[-1]


def _despues_de(orden: Sequence[str], valores: Sequence) -> Q:
    """Rows strictly after `valores` in the order `orden` (row-value comparison spelled out for the ORM)."""
    despues = Q()
    for i, campo in enumerate(orden):
        iguales = {orden[j]: valores[j] for j in range(i)}
        despues |= Q(**iguales, **{f"{campo}__gt": valores[i]})
    # The redundant bound on the leading field lets the database walk its index from the cursor.
    return Q(**{f"{orden[0]}__gte": valores[0]}) & despues


@transaction.atomic
def _procesar_pagina(
    consulta: QuerySet,
    ids: list[int],
    avisos: Callable[[models.Model], Iterable[Aviso]],
    tipo_objeto: ContentType,
) -> Resumen:
    resumen = Resumen()
    # Lock in primary-key order (two sweeps never deadlock) and re-check the selection on the locked rows.
    objetos = list(consulta.filter(pk__in=ids).order_by("pk").select_for_update(of=("self",)))
    pendientes = [(objeto, aviso) for objeto in objetos for aviso in avisos(objeto)]
    resumen.revisados = len(objetos)
    if not pendientes:
        return resumen
    # One lookup for the page, so a re-run over recorded occurrences costs no insert attempts.
    registrados = set(
        Recordatorio.objects.filter(
            objeto_tipo=tipo_objeto,
            objeto_id__in=[objeto.pk for objeto, _ in pendientes],
            tipo__in={aviso.tipo for _, aviso in pendientes},
            clave__in={aviso.clave for _, aviso in pendientes},
        ).values_list("objeto_id", "tipo", "clave")
    )
    for objeto, aviso in pendientes:
        if (objeto.pk, aviso.tipo, aviso.clave) in registrados:
            resumen.repetidos += 1
            continue
        try:
            # A bad address is refused before anything is written: it must not hold back the page.
            nuevo = registrar_recordatorio(
                objeto=objeto, tipo=aviso.tipo, clave=aviso.clave, mensajes=aviso.mensajes()
            )
        except ValidationError as error:
            resumen.errores += 1
            logger.error("Recordatorio %s %s de %r no registrado: %s", aviso.tipo, aviso.clave, objeto, error)
            continue
        if nuevo:
            resumen.registrados += 1
        else:
            resumen.repetidos += 1
    return resumen
