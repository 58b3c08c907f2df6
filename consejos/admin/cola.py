"""The technical secretariat's admin home: its work queue (consejos.selectors.cola) above the sections."""

from django.urls import reverse
from django.utils import timezone

from civic.admin import inicio
from consejos.selectors.cola import cola_de_trabajo

from .permisos import PERMISO_ACTA

# Rows listed per group; the rest are counted and one click away in the filtered list.
MAXIMO_POR_GRUPO = 10


def contexto(request) -> dict | None:
    # Only who keeps the actas (the secretariat's role, superusers): every other role's home is unchanged.
    if not request.user.has_perm(PERMISO_ACTA):
        return None
    return {
        "cola": cola_de_trabajo(hoy=timezone.localdate(), maximo=MAXIMO_POR_GRUPO),
        "url_actas": reverse("admin:consejos_acta_changelist"),
        "url_compromisos": reverse("admin:consejos_compromiso_changelist"),
        "url_sesiones": reverse("admin:consejos_sesion_changelist"),
        "url_programar": reverse("admin:consejos_sesion_add"),
    }


inicio.registrar(inicio.Panel("consejos", "admin/consejos/cola.html", contexto))
