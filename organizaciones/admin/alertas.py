"""The IVC alerts in the admin: a panel on the home with a count per alert, and the list page
(`organizaciones.selectors.alertas`). Only for the IVC role (who may change organizations)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.admin import inicio
from organizaciones.selectors import alertas as selector

from .permisos import PERMISO_CAMBIAR_ORGANIZACION

# Rows shown per alert on the list page; the total says how many more there are.
MAXIMO_POR_ALERTA = 100


def es_ivc(usuario) -> bool:
    return usuario.is_active and usuario.is_staff and usuario.has_perm(PERMISO_CAMBIAR_ORGANIZACION)


def contexto_panel(request) -> dict | None:
    if not es_ivc(request.user):
        return None
    url = reverse("admin:organizaciones_organizacion_alertas")
    totales = selector.conteos(timezone.localdate())
    return {
        "alertas": [
            {
                "clave": clave,
                "titulo": selector.TITULOS[clave],
                "total": totales[clave],
                "url": f"{url}#{clave}",
            }
            for clave in selector.CLAVES
        ],
        "url_alertas": url,
        "url_importar": reverse("admin:organizaciones_organizacion_importar"),
        "url_mininterior": reverse("admin:organizaciones_organizacion_exportar_mininterior"),
    }


inicio.registrar(
    inicio.Panel("organizaciones_alertas", "admin/organizaciones/alertas_panel.html", contexto_panel)
)


def alertas_view(model_admin, request):
    if not es_ivc(request.user):
        raise PermissionDenied
    hoy = timezone.localdate()
    contexto = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Alertas de inspección, vigilancia y control"),
        "hoy": hoy,
        "secciones": selector.alertas(hoy, maximo=MAXIMO_POR_ALERTA),
    }
    return TemplateResponse(request, "admin/organizaciones/alertas.html", contexto)
