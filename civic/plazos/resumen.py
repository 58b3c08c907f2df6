"""One digest a day per person, across every app: each app contributes a section.

An app registers a `SeccionResumen` from its `AppConfig.ready()`: who has something in it, their rows and
how a row reads. The kernel groups each section's rows by traffic light (most urgent first), sends one
e-mail per person with every section, and records it like any reminder (objeto = the person, clave = the
day), so a second run the same day sends nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse

from civic.formato import fecha_larga
from civic.models import Usuario

from . import semaforo
from .recordatorios import Aviso, Mensaje, Resumen, barrer, es_dia_de_recordatorios, hoy_en_bogota

TIPO_RESUMEN = "civic.resumen_diario"
PLANTILLA = "civic/emails/resumen_diario"
PLANTILLA_GRUPOS = "civic/emails/_resumen_grupos"


@dataclass(frozen=True)
class SeccionResumen:
    clave: str
    titulo: str
    # The active users with at least one row in this section (an EXISTS on an indexed column).
    usuarios: Callable[[], QuerySet]
    # One user's rows, ordered by due date.
    pendientes: Callable[[Usuario], QuerySet]
    # Whether a row's term runs (for its light) and its due date.
    en_curso: Callable[[object], bool]
    vencimiento: Callable[[object], date | None]
    # What the e-mail says of one row: radicado, asunto, url_admin (no personal data, Ley 1581 de 2012).
    fila: Callable[[object], dict]
    plantilla: str = PLANTILLA_GRUPOS


_SECCIONES: dict[str, SeccionResumen] = {}


def registrar_seccion(seccion: SeccionResumen) -> None:
    _SECCIONES[seccion.clave] = seccion


def secciones() -> list[SeccionResumen]:
    return list(_SECCIONES.values())


def maximo_por_grupo() -> int:
    """Rows listed per traffic-light group; the rest are counted."""
    return max(1, settings.RESUMEN_MAX_POR_GRUPO)


def grupos_de(seccion: SeccionResumen, usuario: Usuario, hoy: date, *, maximo: int) -> list[dict]:
    """A user's rows of one section grouped by traffic light, most urgent group first."""
    grupos: dict[str, list[dict]] = {luz.value: [] for luz in semaforo.POR_URGENCIA}
    for objeto in seccion.pendientes(usuario):
        vencimiento = seccion.vencimiento(objeto)
        luz = semaforo.luz(vencimiento, hoy, en_curso=seccion.en_curso(objeto))
        grupos[luz.value].append(
            {
                **seccion.fila(objeto),
                "fecha_vencimiento": fecha_larga(vencimiento),
                "restantes": semaforo.dias_restantes(vencimiento, hoy) if vencimiento else None,
            }
        )
    return [
        {
            "semaforo": luz.value,
            "nombre": str(luz.label),
            "total": len(grupos[luz.value]),
            "elementos": grupos[luz.value][:maximo],
            "ocultas": max(0, len(grupos[luz.value]) - maximo),
        }
        for luz in semaforo.POR_URGENCIA
        if grupos[luz.value]
    ]


def resumen_de(usuario: Usuario, hoy: date, *, maximo: int | None = None) -> list[dict]:
    """Every section with something for `usuario` today, as the digest e-mail shows them."""
    maximo = maximo or maximo_por_grupo()
    resultado = []
    for seccion in secciones():
        grupos = grupos_de(seccion, usuario, hoy, maximo=maximo)
        if grupos:
            resultado.append(
                {
                    "clave": seccion.clave,
                    "titulo": str(seccion.titulo),
                    "plantilla_txt": f"{seccion.plantilla}.txt",
                    "plantilla_html": f"{seccion.plantilla}.html",
                    "total": sum(g["total"] for g in grupos),
                    "datos": {"grupos": grupos},
                }
            )
    return resultado


def enviar_resumenes_diarios(*, hoy: date | None = None, lote: int = 200) -> Resumen:
    """One digest per person with something pending, once per business day."""
    hoy = hoy or hoy_en_bogota()
    if not es_dia_de_recordatorios(hoy) or not _SECCIONES:
        return Resumen()

    def avisos(usuario: Usuario) -> list[Aviso]:
        def mensajes() -> list[Mensaje]:
            contenido = resumen_de(usuario, hoy)
            if not contenido:
                return []
            contexto = {
                "nombre": usuario.get_full_name(),
                "hoy": fecha_larga(hoy),
                "secciones": contenido,
                "total": sum(s["total"] for s in contenido),
                "url_admin": settings.MUNICIPIO["sitio"].rstrip("/") + reverse("admin:index"),
            }
            return [Mensaje(usuario.email, PLANTILLA, contexto)]

        return [Aviso(TIPO_RESUMEN, hoy.isoformat(), mensajes)]

    alguna = Q()
    for seccion in secciones():
        alguna |= Q(pk__in=seccion.usuarios().values("pk"))
    consulta = Usuario.objects.filter(alguna, is_active=True).exclude(email="")
    # The people are read, not locked: logins write their rows, and a digest depends on nothing in them.
    return barrer(consulta, avisos, lote=lote, bloquear=False)
