"""Ley 1755/2015 art. 26: insistence on information or documents denied under legal reserve.

The petitioner insists in writing at the notification or within the 10 days after it; the office does not
decide it: it sends the insistence and the file to the administrative judge, who decides in one instance.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from civic import calendario
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.formato import fecha_larga
from civic.models import Usuario
from pqrs import emails, eventos
from pqrs.models import Entidad, SentidoRespuesta, Solicitud
from pqrs.workflow import Accion

from ._base import exigir, hoy_o

# Art. 26: "dentro de los diez (10) días siguientes" to the notification.
DIAS_PARA_INSISTIR = 10


def limite_para_insistir(solicitud: Solicitud) -> date | None:
    """The last day to insist, or None while the denial is not notified (the days have not started)."""
    if solicitud.notificada_en is None:
        return None
    return calendario.sumar_dias_habiles(timezone.localdate(solicitud.notificada_en), DIAS_PARA_INSISTIR)


def puede_insistir(solicitud: Solicitud, hoy: date) -> bool:
    limite = limite_para_insistir(solicitud)
    return (
        solicitud.sentido_respuesta == SentidoRespuesta.NIEGA
        and solicitud.materia_reservada_id is not None
        and (limite is None or hoy <= limite)
    )


@servicio
def insistir(
    *, solicitud: Solicitud, texto: str, actor: Usuario | None = None, hoy: date | None = None
) -> Solicitud:
    """The petitioner insists: online from the tracking page (`actor` None) or at the ventanilla."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.INSISTIR)
    texto = exigir(texto, "texto", gettext("Escriba por qué insiste en recibir la información."))
    if solicitud.sentido_respuesta != SentidoRespuesta.NIEGA or solicitud.materia_reservada_id is None:
        raise ValidationError(
            gettext(
                "La insistencia procede contra una negación fundada en reserva legal (Ley 1755 de 2015, "
                "art. 26). Si no está conforme con la respuesta, puede presentar una nueva petición."
            ),
            code="no_es_negacion_por_reserva",
        )
    limite = limite_para_insistir(solicitud)
    if limite is not None and hoy > limite:
        raise ValidationError(
            gettext(
                "El plazo para insistir venció el %(fecha)s (10 días hábiles después de la notificación). "
                "Puede presentar una nueva petición."
            )
            % {"fecha": fecha_larga(limite)},
            code="insistencia_extemporanea",
        )
    transicionar(
        solicitud,
        Accion.INSISTIR,
        evento=eventos.insistencia(solicitud, texto=texto, medio="ventanilla" if actor else "portal"),
        actor=actor,
        bloqueado=True,
    )
    emails.avisar_a_cargo(solicitud, aporte="insistencia")
    return solicitud


@servicio
def remitir_insistencia(*, solicitud: Solicitud, juez: Entidad, oficio: str, actor: Usuario) -> Solicitud:
    """Send the insistence and the file to the administrative judge (art. 26); the request ends here."""
    bloquear(solicitud, Accion.REMITIR_INSISTENCIA)
    oficio = exigir(oficio, "oficio", gettext("Incluya el oficio con que se remite la insistencia."))
    if not juez.activa or juez.tipo != Entidad.Tipo.TRIBUNAL:
        raise ValidationError(
            {
                "juez": gettext(
                    "Escoja un tribunal o juzgado administrativo activo del catálogo de entidades."
                )
            },
            code="no_es_tribunal",
        )
    evento = transicionar(
        solicitud,
        Accion.REMITIR_INSISTENCIA,
        evento=eventos.insistencia_remitida(solicitud, entidad=juez, oficio=oficio),
        actor=actor,
        bloqueado=True,
    )
    emails.remitir_insistencia(solicitud, juez, oficio, evento=evento)
    return solicitud
