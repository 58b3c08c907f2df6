"""The public portal of the consejos (being built)."""

from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


inicio = comuna = compromisos_comuna = instancia = acta = acta_pdf = acta_version = buscar = compromiso = (
    _pendiente
)
