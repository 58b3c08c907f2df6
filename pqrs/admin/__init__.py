# One module per concern: the request's read-only page and its actions, the catalogues, the home's queue.
from . import catalogos, cola, consolidada, solicitud  # noqa: F401
