"""Public pages of the organizations registry (being built)."""

from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


directorio = organizacion = tramites = radicar = radicado = corregir = _pendiente
verificar_formulario = verificar = certificado_pdf = _pendiente
