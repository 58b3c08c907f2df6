# One module per concern: the request's read-only page and its actions, the catalogues.
from . import catalogos, solicitud  # noqa: F401
