from django.urls import path

from . import vistas

app_name = "expedientes"

urlpatterns = [
    path("consultar/", vistas.consultar, name="consultar"),
    path("consultar/salir/", vistas.salir, name="salir"),
    path("consultar/recuperar/", vistas.recuperar, name="recuperar"),
    path("consultar/recuperar/enviado/", vistas.recuperar_enviado, name="recuperar_enviado"),
    path("consultar/<slug:clave>/", vistas.seguimiento, name="seguimiento"),
]
