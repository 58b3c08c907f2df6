"""Public pages of the consejos for comuna leaders, no login (being built)."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


inicio = comuna = compromisos_comuna = instancia = acta = acta_pdf = acta_version = buscar = _pendiente
compromiso = calendario_comuna = calendario_instancia = calendario_ayuda = _pendiente
suscribir = suscripcion_enviada = confirmar = baja = _pendiente


class FeedActas(Feed):
    title = "Actas"
    link = "/consejos/"

    def items(self):
        return []
