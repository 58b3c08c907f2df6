"""Ley 1755/2015 art. 14 num. 1: positive administrative silence on requests for documents or information.

When such a request has no answer at the end of its term (with its prórroga, if any), the law deems it
granted: the office can no longer deny it and must deliver the copies within the next 3 business days. No
one has to decide this; the daily sweep records it and tells whoever handles the request.
"""

from datetime import date, timedelta

from civic import calendario
from civic.expedientes.maquina import TransicionInvalida, bloquear, transicionar
from civic.expedientes.servicios import servicio
from pqrs import emails, eventos
from pqrs.models import Solicitud
from pqrs.workflow import EN_CURSO, Accion

from ._base import hoy_o

# Art. 14 num. 1: "las copias se entregarán dentro de los tres (3) días siguientes".
DIAS_PARA_ENTREGAR_COPIAS = 3


def pendientes_de_silencio(hoy: date):
    """Information requests whose term ended before today, unanswered and not yet recorded as granted."""
    return Solicitud.objects.filter(
        estado__in=EN_CURSO,
        modalidad__es_acceso_informacion=True,
        fecha_vencimiento__lt=hoy,
        silencio_positivo_en__isnull=True,
    ).order_by("fecha_vencimiento", "pk")


@servicio
def declarar_silencio_positivo(*, solicitud: Solicitud, hoy: date | None = None) -> bool:
    """Record that the request counts as granted; False if it no longer qualifies (answered meanwhile)."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.DECLARAR_SILENCIO_POSITIVO)
    vencio = solicitud.fecha_vencimiento
    if solicitud.silencio_positivo_en is not None or vencio is None or vencio >= hoy:
        return False
    # Granted the day after the last day of the term; the 3 days count from that last day.
    copias_hasta = calendario.sumar_dias_habiles(vencio, DIAS_PARA_ENTREGAR_COPIAS)
    transicionar(
        solicitud,
        Accion.DECLARAR_SILENCIO_POSITIVO,
        evento=eventos.silencio_positivo(solicitud, vencio=vencio, copias_hasta=copias_hasta),
        actor=None,
        campos={"silencio_positivo_en": vencio + timedelta(days=1), "copias_hasta": copias_hasta},
        bloqueado=True,
    )
    emails.avisar_silencio_positivo(solicitud)
    return True


def barrer_silencios(*, hoy: date | None = None) -> int:
    """Record every silence due by today, one transaction each; returns how many were recorded."""
    hoy = hoy_o(hoy)
    ids = list(pendientes_de_silencio(hoy).values_list("pk", flat=True))
    registrados = 0
    for solicitud in Solicitud.objects.filter(pk__in=ids).select_related("modalidad").order_by("pk"):
        try:
            registrados += declarar_silencio_positivo(solicitud=solicitud, hoy=hoy)
        except TransicionInvalida:
            continue  # answered, remitted or withdrawn since the lookup
    return registrados
