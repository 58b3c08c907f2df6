"""Public pages of rendición de cuentas: one module per room, re-exported here for the URL conf."""

from django.http import HttpResponse

from .audiencias import *  # noqa: F403
from .informes import *  # noqa: F403
from .metas import *  # noqa: F403
from .participa import *  # noqa: F403


def inicio(request):
    return HttpResponse(status=501)
