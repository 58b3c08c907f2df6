"""Reminders of the consejos, declared on the kernel's rules (`civic.plazos`): a commitment's due date
to its responsible dependencia (before and after it), and an acta still unpublished 3 and 7 business
days after its session to the instancia's technical secretariat."""

from django.conf import settings
from django.urls import reverse

from civic.formato import fecha_larga
from civic.plazos.destinatarios import Cadena
from civic.plazos.recordatorios import Regla

from .models import Acta, Compromiso
from .roles import SECRETARIA_CONSEJOS
from .workflow import MAQUINA_ACTA, MAQUINA_COMPROMISO


def _admin(nombre: str, pk: int) -> str:
    return settings.MUNICIPIO["sitio"].rstrip("/") + reverse(f"admin:consejos_{nombre}_change", args=[pk])


def _contexto_compromiso(c: Compromiso, o) -> dict:
    return {
        "descripcion": c.descripcion,
        "instancia": str(c.sesion.instancia),
        "sesion": str(c.sesion),
        "vence": fecha_larga(c.fecha_vencimiento),
        "restantes": o.restantes,
        "url_admin": _admin("compromiso", c.pk),
    }


def reglas() -> list[Regla]:
    cadena = Cadena(SECRETARIA_CONSEJOS)

    def acta_sin_publicar(dias: int) -> Regla:
        return Regla(
            tipo=f"consejos.acta_sin_publicar_{dias}",
            consulta=lambda: Acta.objects.filter(estado__in=MAQUINA_ACTA.en_curso).select_related(
                "sesion__instancia__secretaria_tecnica"
            ),
            campo="fecha_sesion",
            dias_despues=dias,
            antes=(0,),
            plantilla="consejos/emails/recordatorio_acta",
            destinatarios=lambda a: cadena.a_cargo(None, a.sesion.instancia.secretaria_tecnica),
            contexto=lambda a, o: {
                "acta": str(a),
                "fecha": fecha_larga(a.fecha_sesion),
                "dias": dias,
                "url_admin": _admin("acta", a.pk),
            },
        )

    return [
        Regla(
            tipo="consejos.compromiso",
            # Only a dependencia is reminded: an organization or a member answers in the next session.
            consulta=lambda: Compromiso.objects.filter(
                estado__in=MAQUINA_COMPROMISO.en_curso, dependencia__isnull=False
            ).select_related("dependencia", "sesion__instancia"),
            campo="fecha_vencimiento",
            antes=(5, 1, 0),
            despues=5,
            plantilla="consejos/emails/recordatorio_compromiso",
            destinatarios=lambda c: cadena.a_cargo(None, c.dependencia),
            contexto=_contexto_compromiso,
        ),
        acta_sin_publicar(3),
        acta_sin_publicar(7),
    ]
