"""Reminders of rendición (civic.plazos rules): a question's 15 business days before they run out, and an
improvement action's due date."""

from django.conf import settings
from django.urls import reverse

from civic.formato import fecha_larga
from civic.plazos.destinatarios import Cadena
from civic.plazos.recordatorios import Regla

from .models import AccionMejora, Pregunta
from .roles import RENDICION
from .workflow import MAQUINA_ACCION, MAQUINA_PREGUNTA


def _admin(nombre: str, pk: int) -> str:
    return settings.MUNICIPIO["sitio"].rstrip("/") + reverse(f"admin:rendicion_{nombre}_change", args=[pk])


def reglas() -> list[Regla]:
    cadena = Cadena(RENDICION)
    return [
        Regla(
            tipo="rendicion.pregunta",
            consulta=lambda: Pregunta.objects.filter(estado__in=MAQUINA_PREGUNTA.en_curso).select_related(
                "audiencia", "responsable"
            ),
            campo="fecha_vencimiento",
            antes=(5, 2, 0),
            despues=2,
            plantilla="rendicion/emails/recordatorio_pregunta",
            destinatarios=lambda p: cadena.a_cargo(p.responsable, None),
            contexto=lambda p, o: {
                "radicado": p.radicado,
                "audiencia": str(p.audiencia),
                "vence": fecha_larga(p.fecha_vencimiento),
                "restantes": o.restantes,
                "url_admin": _admin("pregunta", p.pk),
            },
        ),
        Regla(
            tipo="rendicion.accion_mejora",
            consulta=lambda: AccionMejora.objects.filter(estado__in=MAQUINA_ACCION.en_curso).select_related(
                "dependencia", "audiencia"
            ),
            campo="fecha_vencimiento",
            antes=(5, 0),
            despues=5,
            plantilla="rendicion/emails/recordatorio_accion",
            destinatarios=lambda a: cadena.a_cargo(None, a.dependencia),
            contexto=lambda a, o: {
                "descripcion": a.descripcion,
                "audiencia": str(a.audiencia),
                "vence": fecha_larga(a.fecha_vencimiento),
                "restantes": o.restantes,
                "url_admin": _admin("accionmejora", a.pk),
            },
        ),
    ]
