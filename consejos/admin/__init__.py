# The technical secretariat's workplace, one module per concern: instancias and their members, sessions
# with their record, actas and their actions, commitments, catalogues, subscriptions, the home's queue.
from . import actas, catalogos, cola, compromisos, instancias, sesiones, suscripciones  # noqa: F401
