# The staff's workplace for the organizations registry, one module per concern: the registry, the
# procedures and their actions, certificates, catalogues, IVC, and the home's work queue.
from . import catalogos, certificado, cola, ivc, organizacion, tramite  # noqa: F401
