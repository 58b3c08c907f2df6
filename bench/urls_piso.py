"""The benchmark's URLconf: the product's URLs plus the floor, a view that answers two bytes through the
same middleware stack. Loaded only by `bench/ajustes_piso.py`, never by the product."""

from django.http import HttpResponse
from django.urls import path

from civic.urls import urlpatterns as urls_del_producto

RUTA_PISO = "__piso__/"


def piso(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(RUTA_PISO, piso), *urls_del_producto]
