"""Ley 1755/2015 art. 26: insistence on information or documents denied under legal reserve.

The petitioner insists in writing at the notification or within the 10 days after it; the office does not
decide it: it sends the insistence and the file to the administrative judge, who decides in one instance.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.formato import fecha_larga
from civic.models import Usuario
from pqrs import emails, eventos
from pqrs.models import NEGACIONES, Entidad, Solicitud, TipoEvento
from pqrs.workflow import Accion

from ._base import exigir, hoy_o, limite_tras_notificacion

# Art. 26: "dentro de los diez (10) días siguientes" to the notification.
DIAS_PARA_INSISTIR = 10


def limite_para_insistir(solicitud: Solicitud) -> date | None:
    return limite_tras_notificacion(solicitud, DIAS_PARA_INSISTIR)


def impedimento_para_insistir(solicitud: Solicitud, hoy: date) -> ValidationError | None:
    """Why the petitioner cannot insist (said with what to do instead), or None when they can."""
    if solicitud.sentido_respuesta not in NEGACIONES or solicitud.materia_reservada_id is None:
        return ValidationError(
            gettext(
                "La insistencia procede contra una negación fundada en reserva legal (Ley 1755 de 2015, "
                "art. 26). Si no está conforme con la respuesta, puede presentar una nueva petición."
            ),
            code="no_es_negacion_por_reserva",
        )
    if solicitud.eventos.filter(tipo=TipoEvento.INSISTENCIA).exists():
        return ValidationError(
            gettext(
                "Ya insistió en esta solicitud y su insistencia se envió al juez, que le comunicará su "
                "decisión."
            ),
            code="ya_insistio",
        )
    limite = limite_para_insistir(solicitud)
    if limite is not None and hoy > limite:
        return ValidationError(
            gettext(
                "El plazo para insistir venció el %(fecha)s (10 días hábiles después de la notificación). "
                "Puede presentar una nueva petición."
            )
            % {"fecha": fecha_larga(limite)},
            code="insistencia_extemporanea",
        )
    return None


def puede_insistir(solicitud: Solicitud, hoy: date) -> bool:
    return impedimento_para_insistir(solicitud, hoy) is None


@servicio
def insistir(
    *, solicitud: Solicitud, texto: str, actor: Usuario | None = None, hoy: date | None = None
) -> Solicitud:
    """The petitioner insists: online from the tracking page (`actor` None) or at the ventanilla."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.INSISTIR)
    texto = exigir(texto, "texto", gettext("Escriba por qué insiste en recibir la información."))
    impedimento = impedimento_para_insistir(solicitud, hoy)
    if impedimento is not None:
        raise impedimento
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
    escritos = dict(
        solicitud.eventos.filter(tipo__in=[TipoEvento.RESPONDIDA, TipoEvento.INSISTENCIA])
        .order_by("momento", "id")
        .values_list("tipo", "nota")
    )
    emails.remitir_insistencia(
        solicitud,
        juez,
        oficio,
        evento=evento,
        insistencia=escritos.get(TipoEvento.INSISTENCIA, ""),
        respuesta=escritos.get(TipoEvento.RESPONDIDA, ""),
    )
    return solicitud
