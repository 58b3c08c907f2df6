"""E-mail subscriptions without an account (being built)."""

from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


suscribir = suscripcion_enviada = confirmar = baja = _pendiente
