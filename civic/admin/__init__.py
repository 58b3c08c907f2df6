# One module per part of the kernel, so each stays small.
from . import calendario, notificaciones, organizacion, retencion, territorio  # noqa: F401
