from django.urls import path

from . import views

app_name = "sitio"

urlpatterns = [
    path("", views.inicio, name="inicio"),
    path("privacidad/", views.privacidad, name="privacidad"),
    path("accesibilidad/", views.accesibilidad, name="accesibilidad"),
    path("terminos/", views.terminos, name="terminos"),
    path("mapa-del-sitio/", views.mapa_del_sitio, name="mapa_del_sitio"),
    path("salud/", views.salud, name="salud"),
]
