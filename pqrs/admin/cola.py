"""The admin home of whoever works PQRS: their work queue (pqrs.selectors.cola) above the sections."""

from django.urls import reverse
from django.utils import timezone

from civic.admin import inicio
from pqrs.selectors.cola import cola_de_trabajo

from .permisos import PERMISO_TRAMITE

# Rows listed per light and queue; the rest are counted and one click away in the filtered list.
MAXIMO_POR_GRUPO = 15


def contexto(request) -> dict | None:
    usuario = request.user
    # The queue is for the roles that work requests (Funcionario, Coordinación PQRS); Ventanilla files
    # them and the other apps' roles never see PQRS: their home stays Django's.
    if not usuario.has_perm(PERMISO_TRAMITE):
        return None
    return {
        "secciones": cola_de_trabajo(usuario, hoy=timezone.localdate(), maximo=MAXIMO_POR_GRUPO),
        "url_lista": reverse("admin:pqrs_solicitud_changelist"),
    }


inicio.registrar(inicio.Panel("pqrs", "admin/pqrs/cola.html", contexto))
