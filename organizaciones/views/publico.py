"""The public directory, an organization's page and certificate verification (being built)."""

from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


directorio = organizacion = verificar_formulario = verificar = certificado_pdf = _pendiente
