"""Reminders of the organizations' terms, declared on the kernel's rules (`civic.plazos`):
the office's term to decide, the organization's month to correct, and an IVC requirement's term."""

from django.conf import settings
from django.urls import reverse

from civic.formato import fecha_larga
from civic.plazos.destinatarios import Cadena
from civic.plazos.recordatorios import Regla

from .emails import contexto, url_admin
from .models import RequerimientoIVC, Tramite
from .roles import ORGANIZACIONES
from .workflow import MAQUINA, Estado


def _url_admin_requerimiento(requerimiento: RequerimientoIVC) -> str:
    return settings.MUNICIPIO["sitio"].rstrip("/") + reverse(
        "admin:organizaciones_requerimientoivc_change", args=[requerimiento.pk]
    )


def reglas() -> list[Regla]:
    cadena = Cadena(ORGANIZACIONES)
    return [
        Regla(
            tipo="organizaciones.tramite",
            consulta=lambda: Tramite.objects.filter(estado__in=MAQUINA.en_curso).select_related(
                "responsable", "organizacion"
            ),
            campo="fecha_vencimiento",
            antes=(3, 1, 0),
            despues=3,
            plantilla="organizaciones/emails/recordatorio_tramite",
            destinatarios=lambda t: cadena.a_cargo(t.responsable, None),
            contexto=lambda t, o: {**contexto(t), "restantes": o.restantes, "url_admin": url_admin(t.pk)},
        ),
        Regla(
            tipo="organizaciones.correccion",
            consulta=lambda: (
                Tramite.objects.filter(estado=Estado.REQUERIMIENTO)
                .exclude(correo="")
                .select_related("organizacion")
            ),
            campo="fecha_limite_correccion",
            antes=(5,),
            una_vez_por_fecha=True,
            plantilla="organizaciones/emails/recordatorio_correccion",
            destinatarios=lambda t: [(t.correo, t.nombre_peticionario)],
            contexto=lambda t, o: {**contexto(t), "limite": fecha_larga(t.fecha_limite_correccion)},
        ),
        Regla(
            tipo="organizaciones.requerimiento_ivc",
            consulta=lambda: RequerimientoIVC.objects.filter(atendido_en__isnull=True).select_related(
                "organizacion", "responsable"
            ),
            campo="vence",
            antes=(3, 0),
            despues=5,
            plantilla="organizaciones/emails/recordatorio_ivc",
            destinatarios=lambda r: cadena.a_cargo(r.responsable, None),
            contexto=lambda r, o: {
                "organizacion": r.organizacion.nombre,
                "descripcion": r.descripcion,
                "vence": fecha_larga(r.vence),
                "restantes": o.restantes,
                "url_admin": _url_admin_requerimiento(r),
            },
        ),
    ]
