"""Messages of the organizations' procedures, queued in the kernel's outbox (sent after commit).

Templates: templates/organizaciones/emails/<nombre>.asunto.txt, .txt and .html.
"""

from django.utils.translation import gettext_lazy as _

from civic.formato import fecha_larga
from civic.plazos.destinatarios import Cadena
from civic.services.notificaciones import encolar_correo
from civic.sitio.enlaces import absoluta, url_consulta

from .models import Resolucion, Tramite
from .roles import ORGANIZACIONES

NOMBRES_DE_PLANTILLAS = {
    f"organizaciones/emails/{plantilla}": nombre
    for plantilla, nombre in {
        "acuse": _("Trámite de organización: acuse de recibo"),
        "requerimiento": _("Trámite de organización: requerimiento"),
        "correccion_recibida": _("Trámite de organización: corrección recibida, al responsable"),
        "decision": _("Trámite de organización: resolución"),
        "recordatorio_tramite": _("Recordatorio: trámite de organización por vencer o vencido"),
        "recordatorio_correccion": _("Recordatorio a la organización: plazo para corregir"),
        "recordatorio_ivc": _("Recordatorio: requerimiento de IVC"),
    }.items()
}


def url_admin(tramite_id: int) -> str:
    return absoluta("admin:organizaciones_tramite_change", tramite_id)


def contexto(tramite: Tramite) -> dict:
    return {
        "radicado": tramite.radicado,
        "clase": tramite.get_clase_display(),
        "organizacion": tramite.organizacion.nombre,
        "nombre": tramite.nombre_peticionario,
        "fecha_radicacion": fecha_larga(tramite.fecha_radicacion_efectiva),
        "fecha_vencimiento": fecha_larga(tramite.fecha_vencimiento) if tramite.fecha_vencimiento else "",
        "plazo_dias": tramite.plazo_dias,
        "url_consulta": url_consulta(),
    }


def _a_la_organizacion(tramite: Tramite, nombre: str, *, reservado=None, archivos=(), **extra) -> None:
    if not tramite.correo:
        return  # on paper: the office notifies by post or in person
    encolar_correo(
        destinatario=tramite.correo,
        plantilla=f"organizaciones/emails/{nombre}",
        contexto={**contexto(tramite), **extra},
        contexto_reservado=reservado,
        objeto=tramite,
        archivos=archivos,
    )


def enviar_acuse(tramite: Tramite, codigo: str) -> None:
    # The code opens the tracking page: shown once on screen, mailed once, erased from the outbox after.
    _a_la_organizacion(tramite, "acuse", reservado={"codigo": codigo})


def enviar_requerimiento(tramite: Tramite, requerimiento: str) -> None:
    _a_la_organizacion(
        tramite,
        "requerimiento",
        requerimiento=requerimiento,
        limite=fecha_larga(tramite.fecha_limite_correccion) if tramite.fecha_limite_correccion else "",
        dias_suspendidos=tramite.dias_suspendidos or 0,
    )


def enviar_correccion_recibida(tramite: Tramite) -> None:
    for correo, nombre in Cadena(ORGANIZACIONES).a_cargo(tramite.responsable, None):
        encolar_correo(
            destinatario=correo,
            plantilla="organizaciones/emails/correccion_recibida",
            contexto={**contexto(tramite), "nombre": nombre, "url_admin": url_admin(tramite.pk)},
            objeto=tramite,
        )


def enviar_decision(tramite: Tramite, resolucion: Resolucion) -> None:
    archivos = [resolucion.pdf, *(c.pdf for c in tramite.certificados.all())]
    _a_la_organizacion(
        tramite,
        "decision",
        archivos=archivos,
        resolucion=str(resolucion),
        aprobado=resolucion.sentido == "aprueba",
    )
