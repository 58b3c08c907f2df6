"""Messages to petitioners and dependencias, queued in the civic outbox (delivered after commit).

Contexts are stored as JSON and rendered at send time, so dates travel already written out in Spanish.
Templates: templates/pqrs/emails/<nombre>.asunto.txt, .txt and .html.
"""

from datetime import date
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import EventoBase
from civic.formato import fecha_larga
from civic.plazos.destinatarios import Cadena
from civic.services.notificaciones import encolar_correo
from civic.sitio.enlaces import url_consulta
from pqrs.models import Entidad, Solicitud
from pqrs.roles import COORDINACION_PQRS

# What staff read in the outbox instead of the template's path (civic.services.plantillas).
NOMBRES_DE_PLANTILLAS = {
    f"pqrs/emails/{plantilla}": nombre
    for plantilla, nombre in {
        "acuse": _("Acuse de recibo al peticionario"),
        "asignacion": _("Asignación a la dependencia"),
        "requerimiento": _("Requerimiento de información (art. 17)"),
        "informacion_recibida": _("Información recibida, al peticionario"),
        "informacion_recibida_funcionario": _("Aporte del peticionario, al responsable"),
        "devolucion": _("Devolución para corregir (art. 19)"),
        "remision_entidad": _("Oficio remisorio a la entidad competente (art. 21)"),
        "silencio_positivo": _("Silencio positivo: copias por entregar (art. 14)"),
        "silencio_positivo_peticionario": _("Silencio positivo, al peticionario (art. 14)"),
        "insistencia_tribunal": _("Insistencia remitida al juez (art. 26)"),
        "insistencia_remitida": _("Insistencia remitida, al peticionario"),
        "reposicion_decidida": _("Decisión del recurso de reposición"),
        "plazo_ampliado": _("Ampliación del plazo del peticionario"),
        "desistimiento": _("Desistimiento tácito"),
        "traslado": _("Traslado por competencia"),
        "prorroga": _("Prórroga del término"),
        "respuesta": _("Respuesta al peticionario"),
        "rechazo": _("Rechazo"),
        "archivo": _("Archivo"),
        "recordatorio_por_vencer": _("Recordatorio: por vencer"),
        "recordatorio_vencida": _("Recordatorio: vencida"),
        "recordatorio_traslado": _("Recordatorio: plazo de traslado (art. 21)"),
        "recordatorio_plazo_ciudadano": _("Recordatorio al peticionario (art. 17)"),
        "recordatorio_desistimiento": _("Recordatorio: plazo del peticionario vencido"),
        "recordatorio_sin_corregir": _("Recordatorio: plazo para corregir vencido (art. 19)"),
        "riesgo_vida": _("Alerta: vida en riesgo (art. 20)"),
    }.items()
}


def url_admin(solicitud_id: int) -> str:
    """Absolute link to the request's admin change page, for staff mail."""
    return f"{settings.MUNICIPIO['sitio'].rstrip('/')}{_lista_admin()}{solicitud_id}/change/"


# One reverse() per process, not one per reminder: the change page hangs from the changelist in
# Django's admin URL scheme (`<object_id>/change/`).
@lru_cache(maxsize=1)
def _lista_admin() -> str:
    try:
        return reverse("admin:pqrs_solicitud_changelist")
    except NoReverseMatch:  # the PQRS admin is registered by its own module
        return f"{reverse('admin:index')}pqrs/solicitud/"


def contexto_solicitud(solicitud: Solicitud) -> dict:
    return {
        "radicado": solicitud.radicado,
        "nombre": "" if solicitud.anonima else solicitud.nombre_peticionario,
        "modalidad": solicitud.modalidad.nombre,
        "asunto": solicitud.asunto,
        "fecha_radicacion": fecha_larga(solicitud.fecha_radicacion_efectiva),
        "fecha_vencimiento": fecha_larga(solicitud.fecha_vencimiento),
        "plazo_dias": solicitud.plazo_dias,
        "url_consulta": url_consulta(),
    }


def notificar_peticionario(
    solicitud: Solicitud, nombre: str, *, reservado: dict | None = None, **extra
) -> None:
    """Queue `pqrs/emails/<nombre>` to the petitioner when they gave an e-mail address.

    `reservado` holds secrets the outbox erases once the message is sent.
    """
    if not solicitud.correo:
        return
    encolar_correo(
        destinatario=solicitud.correo,
        plantilla=f"pqrs/emails/{nombre}",
        contexto={**contexto_solicitud(solicitud), **extra},
        contexto_reservado=reservado,
        objeto=solicitud,
    )


def enviar_acuse(solicitud: Solicitud, codigo: str) -> None:
    # The code is the petitioner's key to the tracking page: shown once on screen, mailed once, and only
    # its HMAC is kept (the outbox erases the clear code after sending).
    notificar_peticionario(
        solicitud,
        "acuse",
        reservado={"codigo": codigo},
        explicacion_modalidad=solicitud.modalidad.explicacion,
    )


def enviar_asignacion(solicitud: Solicitud) -> None:
    """Tell the dependencia's mailbox it has a new request (no personal data in the message)."""
    dependencia = solicitud.dependencia
    if dependencia is None or not dependencia.correo:
        return
    contexto = contexto_solicitud(solicitud)
    contexto["nombre"] = ""
    contexto["dependencia"] = dependencia.nombre
    contexto["url_admin"] = url_admin(solicitud.pk)
    encolar_correo(
        destinatario=dependencia.correo,
        plantilla="pqrs/emails/asignacion",
        contexto=contexto,
        objeto=solicitud,
    )


def alertar_riesgo_vida(solicitud: Solicitud, *, solo_jefe: bool = False) -> None:
    """Ley 1755/2015 art. 20: a life at risk is told at once to Coordinación PQRS and to the head of the
    dependencia in charge, with a link to the request (no personal data in the message)."""
    cadena = Cadena(COORDINACION_PQRS)
    jefe = solicitud.dependencia.jefe if solicitud.dependencia else None
    # A copy: the chain caches its coordination list for the whole sweep or request.
    destinatarios = [] if solo_jefe else list(cadena.coordinacion())
    if jefe is not None and jefe.is_active and jefe.email:
        destinatarios.append((jefe.email, jefe.get_full_name()))
    contexto = {**contexto_solicitud(solicitud), "url_admin": url_admin(solicitud.pk)}
    for correo in dict(destinatarios):
        encolar_correo(
            destinatario=correo,
            plantilla="pqrs/emails/riesgo_vida",
            contexto={**contexto, "nombre": dict(destinatarios)[correo]},
            objeto=solicitud,
        )


def enviar_requerimiento(solicitud: Solicitud, requerimiento: str) -> None:
    notificar_peticionario(
        solicitud,
        "requerimiento",
        requerimiento=requerimiento,
        fecha_limite=fecha_larga(solicitud.fecha_limite_ciudadano),
    )


def enviar_informacion_recibida(solicitud: Solicitud) -> None:
    notificar_peticionario(solicitud, "informacion_recibida")
    # Ley 1755/2015 art. 17: the term runs again from today; whoever handles the request must know.
    avisar_a_cargo(solicitud, aporte="informacion")


def avisar_a_cargo(solicitud: Solicitud, *, aporte: str) -> None:
    """Tell whoever handles the request that the petitioner did something: sent the art. 17 information
    (`informacion`), the art. 19 correction (`correccion`) or a forgotten document (`documento`), withdrew
    (`desistimiento`, art. 18), insisted (`insistencia`, art. 26) or appealed (`reposicion`)."""
    _a_cargo(solicitud, "informacion_recibida_funcionario", aporte=aporte)


def _a_cargo(solicitud: Solicitud, plantilla: str, **extra) -> None:
    """`pqrs/emails/<plantilla>` to whoever handles the request (person in charge, the dependencia's mailbox
    or Coordinación PQRS), with a link to it and no personal data."""
    contexto = {**contexto_solicitud(solicitud), "url_admin": url_admin(solicitud.pk), **extra}
    for correo, nombre in Cadena(COORDINACION_PQRS).a_cargo(solicitud.responsable, solicitud.dependencia):
        encolar_correo(
            destinatario=correo,
            plantilla=f"pqrs/emails/{plantilla}",
            contexto={**contexto, "nombre": nombre},
            objeto=solicitud,
        )


def enviar_devolucion(solicitud: Solicitud, que_corregir: str) -> None:
    notificar_peticionario(
        solicitud,
        "devolucion",
        que_corregir=que_corregir,
        fecha_limite=fecha_larga(solicitud.fecha_limite_ciudadano),
    )


def remitir_a_entidad(solicitud: Solicitud, entidad: Entidad, oficio: str, *, evento: EventoBase) -> None:
    """Ley 1755/2015 art. 21: the remission letter and the petition, with its attachments, to the competent
    entity. The petitioner's identity and contact go too: the entity must answer them."""
    _remitir(solicitud, entidad, oficio, evento=evento, plantilla="remision_entidad")


def _remitir(
    solicitud: Solicitud, entidad: Entidad, oficio: str, *, evento: EventoBase, plantilla: str, **extra
):
    """Send another authority the letter and the file, with the petitioner's attachments; the outbox row is
    the proof of sending, and the event keeps its number."""
    notificacion = encolar_correo(
        destinatario=entidad.correo,
        plantilla=f"pqrs/emails/{plantilla}",
        contexto={
            **contexto_solicitud(solicitud),
            "entidad": entidad.nombre,
            "oficio": oficio,
            "descripcion": solicitud.descripcion,
            "peticionario": _datos_de_contacto(solicitud),
            **extra,
        },
        objeto=solicitud,
        archivos=[adjunto.archivo for adjunto in solicitud.adjuntos.filter(origen="ciudadano")],
    )
    evento.datos = {**evento.datos, "notificacion": notificacion.pk}
    evento.save(update_fields=["datos"])


def _datos_de_contacto(solicitud: Solicitud) -> dict:
    if solicitud.anonima:
        return {}
    return {
        "nombre": solicitud.nombre_peticionario,
        "documento": f"{solicitud.tipo_documento} {solicitud.numero_documento}".strip(),
        "correo": solicitud.correo,
        "telefono": solicitud.telefono,
        "direccion": solicitud.direccion,
    }


def avisar_silencio_positivo(solicitud: Solicitud) -> None:
    """Ley 1755/2015 art. 14 num. 1: the dependencia must deliver the copies within 3 more days, and the
    petitioner learns that their request counts as granted."""
    copias_hasta = fecha_larga(solicitud.copias_hasta)
    _a_cargo(solicitud, "silencio_positivo", copias_hasta=copias_hasta)
    notificar_peticionario(solicitud, "silencio_positivo_peticionario", copias_hasta=copias_hasta)


def remitir_insistencia(
    solicitud: Solicitud, juez: Entidad, oficio: str, *, evento: EventoBase, insistencia: str, respuesta: str
) -> None:
    """Ley 1755/2015 art. 26: the petition, the denial with its norm and the insistence go to the
    administrative judge, who decides; the petitioner is told where it went."""
    materia = solicitud.materia_reservada
    _remitir(
        solicitud,
        juez,
        oficio,
        evento=evento,
        plantilla="insistencia_tribunal",
        insistencia=insistencia,
        respuesta=respuesta,
        norma_reserva=materia.norma if materia else "",
    )
    notificar_peticionario(solicitud, "insistencia_remitida", entidad=juez.nombre)


def enviar_reposicion_decidida(solicitud: Solicitud, *, repone: bool, motivacion: str) -> None:
    notificar_peticionario(solicitud, "reposicion_decidida", repone=repone, motivacion=motivacion)


def enviar_plazo_ampliado(solicitud: Solicitud) -> None:
    notificar_peticionario(
        solicitud, "plazo_ampliado", fecha_limite=fecha_larga(solicitud.fecha_limite_ciudadano)
    )


def enviar_desistimiento(solicitud: Solicitud, motivacion: str) -> None:
    notificar_peticionario(solicitud, "desistimiento", motivacion=motivacion)


def enviar_traslado(solicitud: Solicitud, entidad: str, oficio: str) -> None:
    notificar_peticionario(solicitud, "traslado", entidad=entidad, oficio=oficio)


def enviar_prorroga(solicitud: Solicitud, motivo: str, fecha_anterior: date) -> None:
    notificar_peticionario(solicitud, "prorroga", motivo=motivo, fecha_anterior=fecha_larga(fecha_anterior))


def enviar_respuesta(solicitud: Solicitud, texto: str, con_adjuntos: bool) -> None:
    # Ley 1755/2015 arts. 25-26: a denial under reserve says its norm and the right to insist, whose term
    # this very message starts when it notifies (CPACA art. 56).
    materia = solicitud.materia_reservada
    notificar_peticionario(
        solicitud,
        "respuesta",
        respuesta=texto,
        con_adjuntos=con_adjuntos,
        norma_reserva=materia.norma if materia else "",
    )


def enviar_rechazo(solicitud: Solicitud, motivo: str) -> None:
    notificar_peticionario(solicitud, "rechazo", motivo=motivo)


def enviar_archivo(solicitud: Solicitud, motivo: str) -> None:
    notificar_peticionario(solicitud, "archivo", motivo=motivo)
