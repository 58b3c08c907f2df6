"""Reminders of terms, declared as rules by each app and recorded exactly once by the kernel.

An app says *what* is due and *who* is told in `Regla`s (PQRS deadlines, council commitments, answers to
citizens' questions) and registers a function that returns them from its `AppConfig.ready()`; one beat
entry runs every registered rule on business-day mornings (`barrer_todo`).

Exactly once comes from one rule: the `Recordatorio` row (unique per object, tipo and clave) and its outbox
rows are written in the same transaction. A second sweep, a second beat or a redelivered task that reaches
the same occurrence finds the row (or collides with it on insert) and sends nothing; a sweep killed before
its commit leaves nothing behind, so the next run sends what it had not finished. Delivery itself is the
outbox's job (`civic.services.notificaciones`), which survives broker and mail-server outages.

Cost: each rule is one indexed range query on a stored date, read in keyset pages; each page is one short
transaction with a fixed number of statements (lock, lookup, one bulk insert of reminders, one read-back,
one bulk insert of mail), so a sweep costs what is due, not what is open.
"""

import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from civic import bd, calendario
from civic.models import Recordatorio
from civic.services.notificaciones import Correo, encolar_correos

logger = logging.getLogger(__name__)

# Rows locked and written per transaction: long enough that a page's statements are few, short enough that
# a clerk waiting on one of its rows waits for a fraction of a second.
LOTE_POR_DEFECTO = 500


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


def umbral_aplicable(restantes: int, umbrales: Sequence[int]) -> int | None:
    """The most urgent threshold reached with `restantes` business days left, or None if none is.

    With thresholds 3, 1, 0: 2 days left → 3 (the 3-day reminder, late); 1 → 1; 0 → 0. A missed sweep
    therefore never causes a burst of stale reminders, only the current one.
    """
    alcanzados = [u for u in umbrales if restantes <= u]
    if restantes < 0 or not alcanzados:
        return None
    return min(alcanzados)


def ciclo_vencida(dias_vencida: int, cada: int) -> int:
    """Day 1 overdue opens cycle 0; a new cycle (a new reminder) every `cada` business days after."""
    return (dias_vencida - 1) // cada


# --- Declared rules ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ocurrencia:
    """One reminder of a rule for one object: the date it is about and where today stands from it."""

    fecha: date  # the due date the reminder is about
    clave: str  # recorded with the reminder: a new due date (a prórroga) gets reminders of its own
    restantes: int  # business days from today to `fecha` (negative once past)
    hoy: date


@dataclass(frozen=True)
class Regla:
    """A kind of reminder, declared by an app.

    Which rows: `consulta()` (state conditions and the related rows the messages read) whose date field
    `campo` must be indexed. The date the reminder is about is that field, or `dias_despues` business
    days after it (art. 21's window counts from the filing date). Before that date, one reminder per
    threshold of `antes` (0: the day itself); after it, with `despues` set, one the next business day
    and, if `despues` > 0, one more every `despues` business days while the row stays selected.
    Who is told: `destinatarios(objeto)` as (address, name) pairs, usually an escalation chain of
    `civic.plazos.destinatarios`. What they read: `plantilla` rendered with `contexto(objeto, ocurrencia)`.
    """

    tipo: str
    consulta: Callable[[], QuerySet]
    campo: str
    plantilla: str
    destinatarios: Callable[[Any], list[tuple[str, str]]]
    contexto: Callable[[Any, Ocurrencia], dict]
    antes: tuple[int, ...] = ()
    despues: int | None = None
    dias_despues: int = 0
    # One reminder per date, whatever the threshold or cycle: the key is the date alone (a deadline the
    # petitioner is told about once, a lapse the office is told about once).
    una_vez_por_fecha: bool = False

    def fecha(self, objeto) -> date:
        return self._fecha_de(getattr(objeto, self.campo))

    def _fecha_de(self, valor: date) -> date:
        return calendario.sumar_dias_habiles(valor, self.dias_despues) if self.dias_despues else valor

    def ocurrencia(self, objeto, hoy: date) -> Ocurrencia | None:
        return self.ocurrencia_en(getattr(objeto, self.campo), hoy)

    def ocurrencia_en(self, valor: date, hoy: date) -> Ocurrencia | None:
        """The reminder due today for a row whose date field holds `valor`, if any: it depends on that
        date alone, so a sweep can tell recorded occurrences apart before loading any row."""
        fecha = self._fecha_de(valor)
        restantes = calendario.dias_habiles_entre(hoy, fecha)
        if restantes >= 0:
            umbral = umbral_aplicable(restantes, self.antes)
            if umbral is None:
                return None
            return Ocurrencia(fecha, self._clave(fecha, f"{umbral}:{fecha.isoformat()}"), restantes, hoy)
        if self.despues is None:
            return None
        ciclo = ciclo_vencida(-restantes, self.despues) if self.despues else 0
        return Ocurrencia(fecha, self._clave(fecha, f"{fecha.isoformat()}:{ciclo}"), restantes, hoy)

    def _clave(self, fecha: date, clave: str) -> str:
        return fecha.isoformat() if self.una_vez_por_fecha else clave

    def seleccion(self, hoy: date) -> QuerySet | None:
        """The rows that may have a reminder today, as a range on `campo` (None when none can)."""
        condiciones = Q()
        if self.antes:
            rango = self._rango_del_campo(hoy, calendario.sumar_dias_habiles(hoy, max(self.antes)))
            if rango is not None:
                condiciones |= Q(**{f"{self.campo}__range": rango})
        if self.despues is not None:
            condiciones |= Q(**{f"{self.campo}__lt": self._rango_del_campo_antes(hoy)})
        if not condiciones:
            return None
        return self.consulta().filter(condiciones)

    def _rango_del_campo(self, desde: date, hasta: date) -> tuple[date, date] | None:
        """The values of `campo` whose reminder date falls in [desde, hasta]."""
        if not self.dias_despues:
            return desde, hasta
        # The date grows with the field, so the values form one interval; N business days never span
        # more than N weeks plus the longest run of holidays (three weeks covers art. 21's five days).
        semanas = self.dias_despues + 3
        candidatas = [
            desde - timedelta(days=n)
            for n in range(semanas * 7 + 1)
            if desde <= calendario.sumar_dias_habiles(desde - timedelta(days=n), self.dias_despues) <= hasta
        ]
        return (min(candidatas), max(candidatas)) if candidatas else None

    def _rango_del_campo_antes(self, hoy: date) -> date:
        """The first value of `campo` whose reminder date is today or later."""
        if not self.dias_despues:
            return hoy
        valor = hoy
        while calendario.sumar_dias_habiles(valor - timedelta(days=1), self.dias_despues) >= hoy:
            valor -= timedelta(days=1)
        return valor

    def avisos(self, objeto, hoy: date) -> list[Aviso]:
        ocurrencia = self.ocurrencia(objeto, hoy)
        if ocurrencia is None:
            return []

        def mensajes() -> list[Mensaje]:
            contexto = self.contexto(objeto, ocurrencia)
            return [
                Mensaje(correo, self.plantilla, {**contexto, "nombre": nombre})
                for correo, nombre in self.destinatarios(objeto)
            ]

        return [Aviso(self.tipo, ocurrencia.clave, mensajes)]


_FUENTES_DE_REGLAS: list[Callable[[], Iterable[Regla]]] = []


def registrar_reglas(fuente: Callable[[], Iterable[Regla]]) -> None:
    """Register a function that returns an app's rules. It is called at each sweep, so the rules can
    read the settings and resolve shared recipients once per sweep."""
    if fuente not in _FUENTES_DE_REGLAS:
        _FUENTES_DE_REGLAS.append(fuente)


def reglas() -> list[Regla]:
    return [regla for fuente in _FUENTES_DE_REGLAS for regla in fuente()]


def barrer_regla(regla: Regla, *, hoy: date, lote: int = LOTE_POR_DEFECTO) -> Resumen:
    """Record the rule's reminders due today, page by page.

    Each page is read as (date, pk) only; the occurrence each row is due for follows from its date, so the
    reminders already recorded are known from one lookup before any row is loaded or locked. Only the rows
    with a new occurrence are locked, re-checked and written, in one short transaction: a second sweep the
    same day costs two queries a page and loads nothing.
    """
    consulta = regla.seleccion(hoy)
    if consulta is None:
        return Resumen()
    tipo_objeto = ContentType.objects.get_for_model(consulta.model)
    resumen = Resumen()
    for filas in bd.paginas(consulta, (regla.campo, "pk"), lote):
        debidas = {pk: oc for valor, pk in filas if (oc := regla.ocurrencia_en(valor, hoy)) is not None}
        if not debidas:
            continue
        registradas = set(
            Recordatorio.objects.filter(
                objeto_tipo=tipo_objeto,
                objeto_id__in=list(debidas),
                tipo=regla.tipo,
                clave__in={oc.clave for oc in debidas.values()},
            ).values_list("objeto_id", "clave")
        )
        nuevas = [pk for pk, oc in debidas.items() if (pk, oc.clave) not in registradas]
        resumen.repetidos += len(debidas) - len(nuevas)
        if nuevas:
            resumen += _procesar_pagina(
                consulta,
                nuevas,
                lambda objeto: regla.avisos(objeto, hoy),
                tipo_objeto,
                buscar_registrados=False,
            )
    return resumen


def barrer_todo(
    *, hoy: date | None = None, lote: int | None = None, tipos: Iterable[str] | None = None
) -> dict[str, Resumen]:
    """Record and queue every reminder due today of every registered rule; nothing on a non-business day."""
    hoy = hoy or hoy_en_bogota()
    if not es_dia_de_recordatorios(hoy):
        return {}
    tipos = set(tipos) if tipos is not None else None
    return {
        regla.tipo: barrer_regla(regla, hoy=hoy, lote=lote or LOTE_POR_DEFECTO)
        for regla in reglas()
        if tipos is None or regla.tipo in tipos
    }


def describir(resultado: dict[str, Resumen] | Resumen) -> dict:
    """A JSON-friendly summary for task results and logs."""
    if isinstance(resultado, Resumen):
        return resultado.como_dict()
    return {tipo: resumen.como_dict() for tipo, resumen in resultado.items()}


# --- Recording, one occurrence or a page at a time -------------------------------------------------


def _unicos(mensajes: Iterable[Mensaje]) -> dict[str, Mensaje]:
    """Messages to the same address are sent once (the head of a dependencia may also be in charge).
    A malformed address raises ValidationError before anything is written."""
    unicos: dict[str, Mensaje] = {}
    for mensaje in mensajes:
        correo = mensaje.destinatario.strip().lower()
        _validar_correo(correo)
        unicos.setdefault(correo, mensaje)
    return unicos


# The same few staff addresses recur on every page of a sweep; an address's validity never changes.
@lru_cache(maxsize=4096)
def _validar_correo(correo: str) -> None:
    validate_email(correo)


def registrar_recordatorio(
    *, objeto: models.Model, tipo: str, clave: str, mensajes: Iterable[Mensaje]
) -> bool:
    """Record one reminder (objeto, tipo, clave) and queue its e-mails; False if it was already recorded.

    Runs in the caller's transaction, so the row and its outbox rows commit or vanish together. When another
    transaction recorded the same occurrence first (a concurrent sweep), the unique constraint refuses the
    insert (ON CONFLICT DO NOTHING), nothing is queued and the caller's transaction goes on.
    """
    validos = list(_unicos(mensajes).values())
    tipo_objeto = ContentType.objects.get_for_model(objeto)
    return bool(_registrar_lote(tipo_objeto, [(objeto, Aviso(tipo, clave, lambda: validos))]).registrados)


@transaction.atomic(savepoint=False)
def _registrar_lote(tipo_objeto: ContentType, pendientes: list[tuple[models.Model, Aviso]]) -> Resumen:
    """Insert the reminders of `pendientes` in one statement, learn which ones this statement wrote (a
    concurrent sweep's are skipped by the unique key: RETURNING on PostgreSQL, a read-back by the page's
    `lote` elsewhere), and queue their mail in one more."""
    resumen = Resumen()
    lote = uuid.uuid4()
    filas: list[dict] = []
    destinatarios: dict[tuple[int, str, str], tuple[models.Model, dict[str, Mensaje]]] = {}
    for objeto, aviso in pendientes:
        try:
            unicos = _unicos(aviso.mensajes())
        except ValidationError as error:
            # A bad address is refused before anything is written: it must not hold back the page.
            resumen.errores += 1
            logger.error("Recordatorio %s %s de %r no registrado: %s", aviso.tipo, aviso.clave, objeto, error)
            continue
        if not unicos:
            logger.error(
                "Recordatorio %s %s de %r registrado sin destinatarios", aviso.tipo, aviso.clave, objeto
            )
        filas.append(
            {
                "objeto_tipo_id": tipo_objeto.pk,
                "objeto_id": objeto.pk,
                "tipo": aviso.tipo,
                "clave": aviso.clave,
                "destinatarios": len(unicos),
                "lote": lote,
            }
        )
        destinatarios[(objeto.pk, aviso.tipo, aviso.clave)] = (objeto, unicos)
    if not filas:
        return resumen
    if bd.es_postgresql():
        # ON CONFLICT DO NOTHING RETURNING: exactly the rows this statement wrote.
        escritos = bd.insertar(
            Recordatorio, filas, devolver=("objeto_id", "tipo", "clave"), ignorar_conflictos=True
        )
        nuevos = set(escritos)
    else:
        bd.insertar(Recordatorio, filas, ignorar_conflictos=True)
        nuevos = set(
            Recordatorio.objects.filter(
                objeto_tipo=tipo_objeto,
                objeto_id__in={fila["objeto_id"] for fila in filas},
                tipo__in={fila["tipo"] for fila in filas},
                lote=lote,
            ).values_list("objeto_id", "tipo", "clave")
        )
    correos: list[Correo] = []
    for llave, (objeto, unicos) in destinatarios.items():
        if llave not in nuevos:
            continue
        correos.extend(
            Correo(destinatario=correo, plantilla=m.plantilla, contexto=m.contexto, objeto=objeto)
            for correo, m in unicos.items()
        )
    encolar_correos(correos)
    resumen.registrados = len(nuevos)
    resumen.repetidos = len(destinatarios) - len(nuevos)
    return resumen


def barrer(
    consulta: QuerySet,
    avisos: Callable[[Any], Iterable[Aviso]],
    *,
    orden: Sequence[str] = ("pk",),
    lote: int = LOTE_POR_DEFECTO,
    bloquear: bool = True,
) -> Resumen:
    """Record every reminder due for the objects `consulta` selects, in batches of `lote`.

    `consulta` must be an indexed, selective query (the due ones, not every open object): it is read in
    keyset pages ordered by `orden` (non-null fields, ending in "pk"), so no page re-reads earlier rows and
    the cost follows the number selected. Each page is one short transaction that locks its rows and
    evaluates `consulta` again on them: an object that left the selection since the page was read (a
    request answered meanwhile) is dropped, and `avisos(objeto)` decides from the fresh row.

    The lock waits rather than skipping locked rows: a row held by a clerk's short transaction would
    otherwise miss its reminder for the day, and two concurrent sweeps simply take turns on a page,
    the second finding the first one's reminders already recorded. `bloquear=False` reads without
    locking, for objects whose state the reminder does not depend on (the people a digest goes to, whose
    rows logins update): exactly-once then rests on the reminder's unique key alone, as it always does.
    """
    tipo_objeto = ContentType.objects.get_for_model(consulta.model)
    resumen = Resumen()
    for filas in bd.paginas(consulta, orden, lote):
        resumen += _procesar_pagina(
            consulta, [fila[-1] for fila in filas], avisos, tipo_objeto, bloquear=bloquear
        )
    return resumen


@transaction.atomic
def _procesar_pagina(
    consulta: QuerySet,
    ids: list[int],
    avisos: Callable[[Any], Iterable[Aviso]],
    tipo_objeto: ContentType,
    *,
    buscar_registrados: bool = True,
    bloquear: bool = True,
) -> Resumen:
    # Lock in primary-key order (two sweeps never deadlock) and re-check the selection on the locked rows.
    seleccion = consulta.filter(pk__in=ids).order_by("pk")
    objetos = list(seleccion.select_for_update(of=("self",)) if bloquear else seleccion)
    pendientes = [(objeto, aviso) for objeto in objetos for aviso in avisos(objeto)]
    resumen = Resumen(revisados=len(objetos))
    if not pendientes:
        return resumen
    if not buscar_registrados:
        # The caller looked the page's keys up already; a concurrent sweep's rows are skipped by the
        # insert's unique key (ON CONFLICT DO NOTHING), so exactly-once does not rest on this lookup.
        resumen += _registrar_lote(tipo_objeto, pendientes)
        return resumen
    # One lookup for the page, so a re-run over recorded occurrences costs no insert at all.
    registrados = set(
        Recordatorio.objects.filter(
            objeto_tipo=tipo_objeto,
            objeto_id__in=[objeto.pk for objeto, _ in pendientes],
            tipo__in={aviso.tipo for _, aviso in pendientes},
            clave__in={aviso.clave for _, aviso in pendientes},
        ).values_list("objeto_id", "tipo", "clave")
    )
    nuevos = [(o, a) for o, a in pendientes if (o.pk, a.tipo, a.clave) not in registrados]
    resumen.repetidos = len(pendientes) - len(nuevos)
    resumen += _registrar_lote(tipo_objeto, nuevos)
    return resumen
