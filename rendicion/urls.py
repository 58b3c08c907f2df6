from django.urls import path

from . import views

app_name = "rendicion"

urlpatterns = [
    path("", views.inicio, name="inicio"),
]
