"""Public pages of rendición de cuentas, one module per area: the Participa page (the section's home),
informes de gestión, plan goals and audiencias."""

from . import audiencias, informes, metas, participa

__all__ = ["audiencias", "informes", "metas", "participa"]
