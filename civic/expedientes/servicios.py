"""How an expediente's public services take their transaction."""

import functools

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
        if restriccion.name == nombre and propio:
            return ValidationError(
                restriccion.get_violation_error_message(), code=restriccion.violation_error_code or nombre
            )
    return None


def _nombre_de_restriccion(error: IntegrityError) -> str:
    # PostgreSQL (psycopg) names it in the diagnostics; SQLite only in the message:
    # "CHECK constraint failed: <app>_<modelo>_<nombre>".
    diagnostico = getattr(error.__cause__, "diag", None)
    if diagnostico is not None:
        return diagnostico.constraint_name or ""
    return str(error).rsplit(":", 1)[-1].strip()
