"""Small helpers the PQRS services share; locking, transitions, events and files are the kernel's."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from civic import calendario
from civic.formato import fecha_larga
from pqrs.models import Solicitud


def ahora_o(ahora: datetime | None) -> datetime:
    return ahora or timezone.now()


def hoy_o(hoy: date | None) -> date:
    return hoy or timezone.localdate()


def exigir(texto: str, campo: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje}, code="requerido")
    return texto


def termino_nuevo(plazo_dias: int | None, recibida: date) -> dict:
    """The fields of a full new term counted from `recibida` (arts. 17 and 19: the term starts again when
    the petitioner completes or corrects the petition; its first day is the next business day)."""
    vencimiento = calendario.sumar_dias_habiles(recibida, plazo_dias) if plazo_dias else None
    return {
        "fecha_inicio_termino": recibida,
        "fecha_vencimiento": vencimiento,
        "fecha_vencimiento_original": vencimiento,
        "prorrogada": False,
    }


def limite_tras_notificacion(solicitud: Solicitud, dias: int) -> date | None:
    """The last of the `dias` business days after the decision's notification, or None while it is not
    notified (the days have not started): the term to insist (art. 26) or to appeal (CPACA art. 76)."""
    if solicitud.notificada_en is None:
        return None
    return calendario.sumar_dias_habiles(timezone.localdate(solicitud.notificada_en), dias)


# CPACA art. 69: a decision that cannot be delivered is published for 5 days.
DIAS_PUBLICACION = 5


def publicada_hasta(solicitud: Solicitud, hoy: date, *, publicar: bool = False) -> date | None:
    """The last day a decision stays published (CPACA art. 69) when the petitioner cannot be reached: an
    anonymous request without e-mail, or `publicar` when staff know the contact data to be useless."""
    if publicar or (solicitud.anonima and not solicitud.correo):
        return calendario.sumar_dias_habiles(hoy, DIAS_PUBLICACION)
    return None


def exigir_sin_silencio(solicitud: Solicitud, que: str) -> None:
    """Ley 1755/2015 art. 14 num. 1: a request granted by silence can no longer be refused."""
    if solicitud.silencio_positivo_en is not None:
        raise ValidationError(
            gettext(
                "Esta solicitud se entiende aceptada por silencio desde el %(fecha)s: ya no puede %(que)s y "
                "las copias deben entregarse (Ley 1755 de 2015, art. 14 num. 1)."
            )
            % {"fecha": fecha_larga(solicitud.silencio_positivo_en), "que": que},
            code="aceptada_por_silencio",
        )


def persona(solicitud: Solicitud) -> tuple:
    """Who asked: the identity document, else the e-mail; an anonymous request without either is its own."""
    if solicitud.numero_documento:
        return ("documento", solicitud.tipo_documento, solicitud.numero_documento)
    if solicitud.correo:
        return ("correo", solicitud.correo.lower())
    return ("solicitud", solicitud.pk)
