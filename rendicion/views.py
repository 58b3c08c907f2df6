"""Public pages of rendición de cuentas (being built)."""

from django.http import HttpResponse


def inicio(request):
    return HttpResponse(status=501)
