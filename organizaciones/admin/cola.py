"""The admin home of the IVC office: its work queue (organizaciones.selectors.cola) above the sections."""

from django.urls import reverse
from django.utils import timezone

from civic.admin import inicio
from organizaciones.selectors.cola import cola_de_trabajo

from .permisos import PERMISO_TRAMITE

# Rows listed per light; the rest are counted and one click away in the filtered list.
MAXIMO_POR_GRUPO = 15


def contexto(request) -> dict | None:
    # Only who works the procedures (the IVC role, superusers): every other role's home is unchanged.
    if not request.user.has_perm(PERMISO_TRAMITE):
        return None
    return {
        "cola": cola_de_trabajo(hoy=timezone.localdate(), maximo=MAXIMO_POR_GRUPO),
        "url_lista": reverse("admin:organizaciones_tramite_changelist"),
        "url_requerimientos": reverse("admin:organizaciones_requerimientoivc_changelist"),
    }


inicio.registrar(inicio.Panel("organizaciones", "admin/organizaciones/cola.html", contexto))
