"""The root URLconf: the admin, the kernel's pages, and each app's pages under the prefix its AppConfig
declares (`prefijo_url`), so the kernel names no app."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from civic.dos_pasos.formularios import FormularioIngreso
from civic.dos_pasos.vistas import inscribir

admin.site.site_header = f"{settings.MUNICIPIO['nombre']} – Administración del portal"
admin.site.site_title = "Portal de participación"
admin.site.index_title = "Gestión"
# The work queues need the width of a 1280-px screen; the home page and breadcrumbs lead everywhere.
admin.site.enable_nav_sidebar = False
# The staff login asks for the second factor's code when the account has one (civic.dos_pasos).
admin.site.login_form = FormularioIngreso
admin.site.login_template = "admin/ingreso.html"

urlpatterns = [
    path("admin/verificacion-en-dos-pasos/", admin.site.admin_view(inscribir), name="dos_pasos"),
    path("admin/", admin.site.urls),
    *(
        path(prefijo, include(f"{config.name}.urls"))
        for config in apps.get_app_configs()
        if (prefijo := getattr(config, "prefijo_url", None))
    ),
    path("", include("civic.expedientes.urls")),
    path("", include("civic.sitio.urls")),
]
