"""Notification recorded without staff action (CPACA arts. 56 and 69).

- E-mail: when the petitioner chose e-mail, the outbox's delivery of the decision is the notification and
  its proof (CPACA art. 56: electronic notification is surtida when the message is accessible).
- Publication: an answer that could not be delivered is published for 5 business days; the notification is
  surtida at the end of the (business) day after the publication ends (CPACA art. 69).
"""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from civic import calendario
from civic.expedientes.maquina import TransicionInvalida
from civic.formato import fecha_hora, fecha_larga
from civic.models import Notificacion
from pqrs.models import CanalRespuesta, Solicitud
from pqrs.workflow import Estado

from ._base import hoy_o
from .cierre import MedioNotificacion, registrar_notificacion

# The messages that carry a decision to the petitioner, and the state the request is in while that
# decision waits to be notified (also the decisions published when the petitioner cannot be reached).
DECISIONES_POR_CORREO = {
    "pqrs/emails/respuesta": Estado.RESPONDIDA,
    "pqrs/emails/desistimiento": Estado.DESISTIDA,
    "pqrs/emails/rechazo": Estado.RECHAZADA,
    "pqrs/emails/archivo": Estado.ARCHIVADA,
}


def al_enviar_correo(sender, notificacion: Notificacion, **kwargs) -> None:
    """Receiver of `civic.services.notificaciones.correo_enviado`, inside the outbox's transaction: all of
    it in a savepoint, so that a failure here (logged by the outbox) never aborts the delivery mark."""
    estado = DECISIONES_POR_CORREO.get(notificacion.plantilla)
    if estado is None or notificacion.objeto_tipo_id is None or notificacion.objeto_id is None:
        return
    with transaction.atomic():
        if ContentType.objects.get_for_id(notificacion.objeto_tipo_id).model_class() is not Solicitud:
            return
        # CPACA art. 56: only who accepted e-mail as the way to be notified is notified by it.
        solicitud = Solicitud.objects.filter(
            pk=notificacion.objeto_id,
            estado=estado,
            notificada_en__isnull=True,
            canal_respuesta=CanalRespuesta.CORREO,
        ).first()
        if solicitud is None:
            return  # notified another way already, by another medium, or the request moved on
        enviada = notificacion.enviada_en or timezone.now()
        registrar_notificacion.en_transaccion(
            solicitud=solicitud,
            medio=MedioNotificacion.CORREO_ELECTRONICO,
            # The address is personal data and staff without the permission read this: it is "the one on
            # record"; the outbox row (its number) keeps the address and the Message-ID.
            prueba=gettext(
                "Correo con la decisión aceptado por el servidor de correo para la dirección registrada el "
                "%(momento)s (notificación n.º %(numero)s del buzón de salida)."
            )
            % {"momento": fecha_hora(enviada), "numero": notificacion.pk},
            actor=None,
            ahora=enviada,
            automatica=True,
        )


def fin_de_publicacion(publicada_hasta: date) -> datetime:
    """CPACA art. 69: notified at the end of the business day after the last day of publication."""
    dia = calendario.sumar_dias_habiles(publicada_hasta, 1)
    return timezone.make_aware(datetime.combine(dia, time(23, 59, 59)))


def notificar_publicadas(*, hoy: date | None = None) -> int:
    """Record the notification of every published decision (an answer, a rejection, an archive, a
    desistimiento tácito) whose notification day ended before today."""
    hoy = hoy_o(hoy)
    registradas = 0
    pendientes = Solicitud.objects.filter(
        estado__in=DECISIONES_POR_CORREO.values(), publicada_hasta__lt=hoy, notificada_en__isnull=True
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
                prueba=gettext(
                    "Decisión publicada en el portal hasta el %(hasta)s; notificación surtida al finalizar "
                    "el %(surtida)s (CPACA art. 69)."
                )
                % {"hasta": fecha_larga(solicitud.publicada_hasta), "surtida": fecha_larga(surtida.date())},
                actor=None,
                ahora=surtida,
                automatica=True,
            )
        except TransicionInvalida:
            continue
        registradas += 1
    return registradas
