# One module per part of the kernel, so each stays small.
from . import calendario, exportaciones, notificaciones, organizacion, retencion, territorio  # noqa: F401
