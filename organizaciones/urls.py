from django.urls import path

from . import views

app_name = "organizaciones"

urlpatterns = [
    path("", views.directorio, name="inicio"),
    path("<int:pk>/", views.organizacion, name="organizacion"),
    path("tramites/", views.tramites, name="tramites"),
    path("tramites/<slug:clase>/", views.radicar, name="radicar"),
    path("tramites/radicado/<str:radicado>/", views.radicado, name="radicado"),
    path("seguimiento/corregir/", views.corregir, name="corregir"),
    path("seguimiento/documento/<int:pk>/", views.documento, name="documento"),
    path("seguimiento/resolucion/", views.resolucion_pdf, name="resolucion_pdf"),
    path("verificar/", views.verificar_formulario, name="verificar_formulario"),
    path("verificar/<str:codigo>/", views.verificar, name="verificar"),
    path("verificar/<str:codigo>/pdf/", views.certificado_pdf, name="certificado_pdf"),
]
