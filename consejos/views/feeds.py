"""iCalendar and Atom feeds (being built)."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse


def _pendiente(request, *args, **kwargs):
    return HttpResponse(status=501)


calendario_comuna = calendario_instancia = calendario_ayuda = _pendiente


class FeedActas(Feed):
    title = "Actas"
    link = "/consejos/"

    def items(self):
        return []
