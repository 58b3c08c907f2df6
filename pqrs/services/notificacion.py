"""Notification recorded without staff action (CPACA arts. 56 and 69).

- E-mail: when the petitioner chose e-mail, the outbox's delivery of the decision is the notification and
  its proof (CPACA art. 56: electronic notification is surtida when the message is accessible).
- Publication: an answer that could not be delivered is published for 5 business days; the notification is
  surtida at the end of the (business) day after the publication ends (CPACA art. 69).
"""

import logging
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from civic import calendario
from civic.expedientes.maquina import TransicionInvalida
from civic.models import Notificacion
from pqrs.models import Solicitud
from pqrs.workflow import Estado

from ._base import hoy_o
from .cierre import MedioNotificacion, registrar_notificacion

logger = logging.getLogger(__name__)

# The messages that carry a decision to the petitioner, and the state the request is in while that
# decision waits to be notified.
DECISIONES_POR_CORREO = {
    "pqrs/emails/respuesta": Estado.RESPONDIDA,
    "pqrs/emails/desistimiento": Estado.DESISTIDA,
    "pqrs/emails/rechazo": Estado.RECHAZADA,
    "pqrs/emails/archivo": Estado.ARCHIVADA,
}


def al_enviar_correo(sender, notificacion: Notificacion, **kwargs) -> None:
    """Receiver of `civic.services.notificaciones.correo_enviado`: runs inside the outbox's transaction."""
    estado = DECISIONES_POR_CORREO.get(notificacion.plantilla)
    if estado is None or notificacion.objeto_tipo_id is None or notificacion.objeto_id is None:
        return
    if ContentType.objects.get_for_id(notificacion.objeto_tipo_id).model_class() is not Solicitud:
        return
    solicitud = Solicitud.objects.filter(
        pk=notificacion.objeto_id, estado=estado, notificada_en__isnull=True
    ).first()
    if solicitud is None:
        return  # notified another way already, or the request moved on
    enviada = notificacion.enviada_en or timezone.now()
    # A savepoint: a failure here is logged by the outbox and must not undo its delivery mark.
    registrar_notificacion.en_transaccion(
        solicitud=solicitud,
        medio=MedioNotificacion.CORREO_ELECTRONICO,
        prueba=(
            f"Correo {notificacion.contexto.get('radicado', '')} a {notificacion.destinatario}, aceptado por "
            f"el servidor de correo el {timezone.localtime(enviada):%Y-%m-%d %H:%M} (notificación "
            f"#{notificacion.pk})."
        ),
        actor=None,
        ahora=enviada,
        automatica=True,
    )


def fin_de_publicacion(publicada_hasta: date) -> datetime:
    """CPACA art. 69: notified at the end of the business day after the last day of publication."""
    dia = calendario.sumar_dias_habiles(publicada_hasta, 1)
    return timezone.make_aware(datetime.combine(dia, time(23, 59, 59)))


def notificar_publicadas(*, hoy: date | None = None) -> int:
    """Record the notification of every published answer whose notification day ended before today."""
    hoy = hoy_o(hoy)
    registradas = 0
    pendientes = Solicitud.objects.filter(
        estado=Estado.RESPONDIDA, publicada_hasta__lt=hoy, notificada_en__isnull=True
    ).order_by("publicada_hasta", "pk")
    for solicitud in pendientes:
        assert solicitud.publicada_hasta is not None  # filtered above
        surtida = fin_de_publicacion(solicitud.publicada_hasta)
        if surtida.date() >= hoy:
            continue
        try:
            registrar_notificacion(
                solicitud=solicitud,
                medio=MedioNotificacion.AVISO,
                prueba=(
                    f"Respuesta publicada en el portal y en la cartelera hasta el "
                    f"{solicitud.publicada_hasta:%Y-%m-%d}; notificación surtida al finalizar el "
                    f"{surtida:%Y-%m-%d} (CPACA art. 69)."
                ),
                actor=None,
                ahora=surtida,
                automatica=True,
            )
        except TransicionInvalida:
            continue
        registradas += 1
    return registradas
