"""The rendición staff's admin home: its work queue (rendicion.selectors.cola) above the sections."""

from django.urls import reverse
from django.utils import timezone

from civic.admin import inicio
from rendicion.selectors.cola import cola_de_trabajo

# Rows listed per light; the rest are counted and one click away in the filtered list.
MAXIMO_POR_GRUPO = 10


def contexto(request) -> dict | None:
    # Only who answers the questions (the rendición role, superusers): every other home is unchanged.
    if not request.user.has_perm("rendicion.change_pregunta"):
        return None
    return {
        "cola": cola_de_trabajo(hoy=timezone.localdate(), maximo=MAXIMO_POR_GRUPO),
        "url_preguntas": reverse("admin:rendicion_pregunta_changelist"),
        "url_acciones": reverse("admin:rendicion_accionmejora_changelist"),
        "url_informes": reverse("admin:rendicion_informe_changelist"),
        "url_audiencias": reverse("admin:rendicion_audiencia_changelist"),
    }


inicio.registrar(inicio.Panel("rendicion", "admin/rendicion/cola.html", contexto))
