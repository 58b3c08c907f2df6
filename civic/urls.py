from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"{settings.MUNICIPIO['nombre']} – Administración del portal"
admin.site.site_title = "Portal de participación"
admin.site.index_title = "Gestión"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("pqrs/", include("pqrs.urls")),
    path("", include("civic.sitio.urls")),
]
