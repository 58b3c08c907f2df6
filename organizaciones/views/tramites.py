"""Filing a procedure on the portal and answering a requirement (being built)."""

from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


tramites = radicar = radicado = corregir = _pendiente
