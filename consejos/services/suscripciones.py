"""Subscriptions without an account: a leader follows a comuna or an instancia by e-mail.

Double opt-in (nothing is sent but the confirmation until the link in it is opened), the Ley 1581
authorization recorded, and every message carries its one-click unsubscribe link (List-Unsubscribe).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.servicios import servicio
from civic.formato import fecha_larga
from civic.services.notificaciones import Correo, encolar_correo, encolar_correos
from civic.sitio.enlaces import absoluta
from consejos.models import Compromiso, EventoCompromiso, Suscripcion, VersionActa

PLANTILLAS = "consejos/emails/"


def url_baja(suscripcion: Suscripcion) -> str:
    return absoluta("consejos:baja", suscripcion.llave)


@servicio
def suscribir(*, correo: str, autorizacion_datos_version: str, comuna=None, instancia=None) -> Suscripcion:
    """Record the request and send the confirmation link. Asking again for the same thing re-sends the
    link (the same row); the answer never tells whether the address was already subscribed."""
    correo = (correo or "").strip().lower()
    try:
        validate_email(correo)
    except ValidationError:
        raise ValidationError({"correo": _("Escriba un correo electrónico válido.")}, code="correo") from None
    if not autorizacion_datos_version:
        raise ValidationError(
            {"autorizacion": _("Para enviarle correos necesitamos su autorización de tratamiento de datos.")},
            code="autorizacion",
        )
    if (comuna is None) == (instancia is None):
        raise ValidationError(_("Suscríbase a una comuna o a una instancia."), code="destino")
    ahora = timezone.now()
    existente = (
        Suscripcion.objects.select_for_update()
        .filter(correo=correo, comuna=comuna, instancia=instancia, baja_en__isnull=True)
        .first()
    )
    suscripcion = existente or Suscripcion(correo=correo, comuna=comuna, instancia=instancia)
    suscripcion.autorizacion_datos_version = autorizacion_datos_version
    suscripcion.autorizacion_datos_en = ahora
    suscripcion.save()
    if suscripcion.confirmada_en is None:
        encolar_correo(
            destinatario=correo,
            plantilla=f"{PLANTILLAS}confirmar",
            contexto={
                "que": str(comuna or instancia),
                "url": absoluta("consejos:confirmar", suscripcion.llave),
            },
            objeto=suscripcion,
        )
    return suscripcion


@servicio
def confirmar(*, llave: str) -> Suscripcion | None:
    suscripcion = Suscripcion.objects.select_for_update().filter(llave=llave, baja_en__isnull=True).first()
    if suscripcion is not None and suscripcion.confirmada_en is None:
        suscripcion.confirmada_en = timezone.now()
        suscripcion.save(update_fields=["confirmada_en"])
    return suscripcion


@servicio
def dar_de_baja(*, llave: str) -> Suscripcion | None:
    """One click, no questions (RFC 8058): the address stops receiving this subscription."""
    suscripcion = Suscripcion.objects.select_for_update().filter(llave=llave).first()
    if suscripcion is not None and suscripcion.baja_en is None:
        suscripcion.baja_en = timezone.now()
        suscripcion.save(update_fields=["baja_en"])
    return suscripcion


def _suscriptores(comuna_id: int | None, instancia_id: int | None) -> list[Suscripcion]:
    condicion = Q(instancia_id=instancia_id)
    if comuna_id is not None:
        condicion |= Q(comuna_id=comuna_id)
    activas = Suscripcion.objects.filter(condicion, confirmada_en__isnull=False, baja_en__isnull=True)
    # One message per address even if it follows both the comuna and the instancia.
    unicas: dict[str, Suscripcion] = {}
    for suscripcion in activas.order_by("id"):
        unicas.setdefault(suscripcion.correo, suscripcion)
    return list(unicas.values())


def avisar_acta(version: VersionActa) -> int:
    """Queue the newly published acta to the followers of its comuna and of its instancia."""
    contexto = {
        "titulo": version.titulo,
        "fecha": fecha_larga(version.fecha_sesion),
        "url": absoluta("consejos:acta", version.acta_id),
        "correccion": version.numero > 1,
    }
    return _avisar(version, "acta_publicada", contexto, version.comuna_id, version.instancia_id)


def avisar_compromiso(compromiso: Compromiso, evento: EventoCompromiso) -> int:
    """Queue a commitment's change of state to the followers of its comuna and of its instancia."""
    sesion = compromiso.sesion
    contexto = {
        "descripcion": compromiso.descripcion,
        "estado": compromiso.get_estado_display(),
        "nota": evento.nota,
        "responsable": str(compromiso.responsable),
        "vence": fecha_larga(compromiso.fecha_vencimiento),
        "url": absoluta("consejos:compromiso", compromiso.pk),
    }
    return _avisar(compromiso, "compromiso", contexto, compromiso.comuna_id, sesion.instancia_id)


def _avisar(objeto, plantilla: str, contexto: dict, comuna_id: int | None, instancia_id: int | None) -> int:
    """Queue one message per follower of the comuna or of the instancia, each with its own unsubscribe
    link."""
    return encolar_correos(
        Correo(
            destinatario=s.correo,
            plantilla=f"{PLANTILLAS}{plantilla}",
            contexto={**contexto, "url_baja": url_baja(s)},
            objeto=objeto,
            baja=url_baja(s),
        )
        for s in _suscriptores(comuna_id, instancia_id)
    )
