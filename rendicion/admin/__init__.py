"""The rendición staff's workplace: one module per room, each registering its own models."""

from . import (
    audiencias,  # noqa: F401
    cola,  # noqa: F401
    informes,  # noqa: F401
    metas,  # noqa: F401
)
