"""How an expediente's public services take their transaction."""

import functools

from django.db import transaction


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
