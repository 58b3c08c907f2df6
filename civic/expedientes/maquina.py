"""The state machine every expediente moves through, and the one way to move it.

An app declares its states, its actions and one transition table in a `Maquina` (its `workflow.py`) and
hangs it on its model as `maquina`. Only its services change the state, always through `transicionar`,
which locks the row, guards the action, saves only the changed fields and writes the event, all in the
caller's transaction.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext

from .modelos import EventoBase


class TransicionInvalida(Exception):
    """An action that the expediente's current state does not allow. The message is Spanish, for people."""


@dataclass(frozen=True)
class Maquina:
    estados: type[models.TextChoices]
    acciones: type[models.TextChoices]
    # accion → {estado de origen: estado de destino}: the one place that says what may happen when.
    transiciones: Mapping[str, Mapping[str, str]]
    # How a message names one expediente: "una solicitud", "un trámite"; and a given one: "la solicitud".
    sujeto: str | Promise
    sujeto_definido: str | Promise
    # The states in which the term runs: they count for due dates, the traffic light and overdue lists.
    en_curso: frozenset[str] = frozenset()
    campo: str = "estado"

    def destino(self, estado_actual: str, accion: str) -> str:
        """The state `accion` leads to from `estado_actual`, or TransicionInvalida."""
        accion = self.acciones(accion)
        estado = self.estados(estado_actual)
        destino = self.transiciones.get(accion, {}).get(estado)
        if destino is None:
            raise TransicionInvalida(
                gettext("No se puede %(accion)s %(sujeto)s en estado «%(estado)s».")
                % {"accion": accion.label, "sujeto": self.sujeto, "estado": estado.label}
            )
        return destino

    def permite(self, estado_actual: str, accion: str) -> bool:
        return self.estados(estado_actual) in self.transiciones.get(self.acciones(accion), {})

    def permitidas(self, estado_actual: str) -> list:
        """The actions available from a state, for the buttons of the staff pages."""
        estado = self.estados(estado_actual)
        return [self.acciones(a) for a, origenes in self.transiciones.items() if estado in origenes]


def maquina_de(objeto: models.Model) -> Maquina:
    return type(objeto).maquina  # type: ignore[attr-defined]


def bloquear(objeto: models.Model, accion: str) -> models.Model:
    """Reload the caller's instance with its row locked until the transaction ends, and check that
    `accion` is allowed in its current state (before any other check, so the refusal is the same
    whatever the dates say). Services call it first when their checks read the row."""
    objeto.refresh_from_db(from_queryset=type(objeto)._default_manager.select_for_update())
    maquina = maquina_de(objeto)
    maquina.destino(getattr(objeto, maquina.campo), accion)
    return objeto


@transaction.atomic(savepoint=False)
def transicionar(
    objeto: models.Model,
    accion: str,
    *,
    evento: EventoBase,
    actor=None,
    campos: Mapping[str, object] | None = None,
    momento: datetime | None = None,
    bloqueado: bool = False,
) -> EventoBase:
    """Apply `accion` to `objeto`: new state and fields, validated and saved, plus its event.

    Locks and reloads the row first, unless the service says it called `bloquear` already in this
    transaction (`bloqueado=True`, one query fewer). The guard runs before anything is
    written, so a refused action changes nothing. Only the changed fields are validated and saved; the
    database enforces the foreign keys and CHECK constraints, which services never rely on for messages.
    `evento` comes unsaved from the app's constructor for its type; its states, actor and moment are
    filled in here.
    """
    if not bloqueado:
        bloquear(objeto, accion)
    maquina = maquina_de(objeto)
    anterior = getattr(objeto, maquina.campo)
    nuevo = maquina.destino(anterior, accion)
    cambiados = {maquina.campo}
    for campo, valor in (campos or {}).items():
        setattr(objeto, campo, valor)
        cambiados.add(campo)
    setattr(objeto, maquina.campo, nuevo)
    _validar_campos(objeto, cambiados)
    objeto.save(update_fields=sorted(cambiados))
    evento.estado_anterior = anterior
    evento.estado_nuevo = nuevo
    return registrar_evento(evento, actor=actor, momento=momento)


def registrar_evento(evento: EventoBase, *, actor=None, momento: datetime | None = None) -> EventoBase:
    """Save an event that is not a transition (the filing, a rating), or the one `transicionar` built."""
    evento.actor = actor
    evento.momento = momento or timezone.now()
    if not evento.estado_nuevo:
        evento.estado_nuevo = evento.estado_anterior
    _validar_campos(evento, {f.name for f in evento._meta.concrete_fields})
    evento.save()
    return evento


def _validar_campos(objeto: models.Model, campos: set[str]) -> None:
    # Field validation (choices, lengths, validators) of what changes; relations and constraints are the
    # database's to enforce, with no query per foreign key first.
    excluir = [
        f.name for f in objeto._meta.concrete_fields if f.name not in campos or f.is_relation or f.primary_key
    ]
    objeto.full_clean(exclude=excluir, validate_unique=False, validate_constraints=False)
