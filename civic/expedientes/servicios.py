"""How an expediente's public services take their transaction."""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction


def servicio(funcion):
    """Mark a public entry-point service: it is the outermost transaction (`durable=True`), so its
    commit is the moment the change is real and its after-commit mail goes out.

    A caller that composes several services in one transaction of its own (a consolidated answer, a
    clerk's lock held across an answer) calls `servicio.en_transaccion(...)`, the same body joining the
    caller's transaction.
    """
    durable = transaction.atomic(durable=True)(funcion)
    durable.en_transaccion = functools.wraps(funcion)(transaction.atomic(funcion))
    return durable


def error_de_restriccion(error: IntegrityError, modelo: type[models.Model]) -> ValidationError | None:
    """The Spanish message a constraint of `modelo` declares, for the database's refusal `error`.

    Services do not re-check by a query what the database enforces (a CHECK, a unique index): they write,
    and a refusal that a person's input can cause becomes the constraint's own `violation_error_message`
    next to the form. None when `error` names no constraint of `modelo` with a message of its own (a bug,
    not an input: the caller lets it rise).
    """
    nombre = _nombre_de_restriccion(error)
    for restriccion in modelo._meta.constraints:
        propio = restriccion.violation_error_message != restriccion.default_violation_error_message
        if propio and (restriccion.name == nombre or _columnas_unicas(restriccion, modelo) == nombre):
            return ValidationError(
                restriccion.get_violation_error_message(), code=restriccion.violation_error_code or nombre
            )
    return None


def radicar_una_vez(modelo: type[models.Model], token_radicacion, radicar: Callable[[], tuple]) -> tuple:
    """File once per form (`civic.expedientes.acuse`): `radicar()` is the app's durable filing service; a
    resend of the same form (a double click, the back button) finds the filing it made and returns it
    with no code (None).

    The token's unique index decides, not a lookup first: the second insert fails, its transaction rolls
    back whole, its number too, so nothing is written and the numbering keeps no gap. A constraint the
    input breaks comes back as the constraint's Spanish message.
    """
    try:
        return radicar()
    except IntegrityError as error:
        previa = ya_radicado(modelo, token_radicacion)
        if previa is not None:
            return previa, None
        rechazo = error_de_restriccion(error, modelo)
        if rechazo is None:
            raise
        raise rechazo from error


def ya_radicado(modelo: type[models.Model], token_radicacion):
    """The filing this form's token already made, if any."""
    if token_radicacion is None:
        return None
    return modelo._default_manager.filter(token_radicacion=token_radicacion).first()


@contextmanager
def restricciones_en_espanol(*modelos: type[models.Model], campo: str | None = None) -> Iterator[None]:
    """Run the block's writes in a savepoint; a constraint of one of `modelos` that the database refuses
    comes back as its Spanish message (under `campo` when the form shows it next to a field), and the
    caller's transaction stays usable. Any other integrity error is a bug and rises as it is."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        for modelo in modelos:
            traducido = error_de_restriccion(error, modelo)
            if traducido is not None:
                raise (ValidationError({campo: traducido.messages}) if campo else traducido) from error
        raise


def _columnas_unicas(restriccion, modelo: type[models.Model]) -> str | None:
    # How SQLite names a unique index it refuses: "<table>.<column>, <table>.<column>".
    campos = getattr(restriccion, "fields", ())
    if not campos:
        return None
    tabla = modelo._meta.db_table
    columnas = (getattr(modelo._meta.get_field(campo), "column", campo) for campo in campos)
    return ", ".join(f"{tabla}.{columna}" for columna in columnas)


def _nombre_de_restriccion(error: IntegrityError) -> str:
    # PostgreSQL (psycopg) names it in the diagnostics; SQLite only in the message:
    # "CHECK constraint failed: <app>_<modelo>_<nombre>".
    diagnostico = getattr(error.__cause__, "diag", None)
    if diagnostico is not None:
        return diagnostico.constraint_name or ""
    return str(error).rsplit(":", 1)[-1].strip()
