"""Recurso de reposición against the decisions that end a request without an answer (CPACA arts. 74-80):
desistimiento tácito (Ley 1755/2015 art. 17), rechazo and archivo (art. 19).

It is filed within the 10 business days after the decision's notification (art. 76) and decided by a
reasoned decision: reponer (the request goes back to work with a new term) or confirmar.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from civic.calendario import habil_o_siguiente
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.formato import fecha_larga
from civic.models import Dependencia, Usuario
from pqrs import emails, eventos
from pqrs.models import Solicitud, TipoEvento
from pqrs.workflow import RECURRIBLES, Accion, Estado

from ._base import exigir, hoy_o, limite_tras_notificacion, termino_nuevo
from .tramite import desistio_expresamente

# CPACA art. 76: "dentro de los diez (10) días siguientes" to the notification.
DIAS_PARA_REPONER = 10
# The decisions an appeal is about, and the appeal's own decision.
DECISIONES = (
    TipoEvento.DESISTIMIENTO,
    TipoEvento.RECHAZADA,
    TipoEvento.ARCHIVADA,
    TipoEvento.REPOSICION_DECIDIDA,
)


def limite_para_reponer(solicitud: Solicitud) -> date | None:
    return limite_tras_notificacion(solicitud, DIAS_PARA_REPONER)


def impedimento_para_reponer(solicitud: Solicitud, hoy: date) -> ValidationError | None:
    """Why the decision that ended the request cannot be appealed (said to the petitioner, with what to do
    instead), or None when it can."""
    if solicitud.estado not in RECURRIBLES:
        return ValidationError(
            gettext("Esta solicitud no terminó con una decisión que admita recurso de reposición."),
            code="no_recurrible",
        )
    if solicitud.reposicion_pendiente:
        return ValidationError(
            gettext("Ya hay un recurso de reposición en trámite contra esta decisión."), code="ya_interpuesto"
        )
    if _ultima_decision(solicitud) == TipoEvento.REPOSICION_DECIDIDA:
        return ValidationError(
            gettext(
                "El recurso de reposición contra esta decisión ya se decidió y la decisión quedó en firme. "
                "Puede presentar una nueva solicitud en cualquier momento."
            ),
            code="ya_decidido",
        )
    if solicitud.estado == Estado.DESISTIDA and desistio_expresamente(solicitud):
        return ValidationError(
            gettext(
                "Usted desistió de esta solicitud; no hay decisión que recurrir. Puede presentar una nueva "
                "solicitud en cualquier momento."
            ),
            code="desistimiento_expreso",
        )
    limite = limite_para_reponer(solicitud)
    if limite is not None and hoy > limite:
        return ValidationError(
            gettext(
                "El plazo para el recurso de reposición venció el %(fecha)s (10 días hábiles después de la "
                "notificación, CPACA art. 76). Puede presentar una nueva solicitud."
            )
            % {"fecha": fecha_larga(limite)},
            code="reposicion_extemporanea",
        )
    return None


def _ultima_decision(solicitud: Solicitud) -> str | None:
    """The last decision on the request: the one that ended it, or the appeal's against it."""
    return (
        solicitud.eventos.filter(tipo__in=DECISIONES)
        .order_by("-momento", "-id")
        .values_list("tipo", flat=True)
        .first()
    )


def puede_reponer(solicitud: Solicitud, hoy: date) -> bool:
    return impedimento_para_reponer(solicitud, hoy) is None


@servicio
def interponer_reposicion(
    *, solicitud: Solicitud, texto: str, actor: Usuario | None = None, hoy: date | None = None
) -> Solicitud:
    """The petitioner appeals: online from the tracking page (`actor` None) or at the ventanilla."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.INTERPONER_REPOSICION)
    texto = exigir(texto, "texto", gettext("Escriba por qué no está de acuerdo con la decisión."))
    impedimento = impedimento_para_reponer(solicitud, hoy)
    if impedimento is not None:
        raise impedimento
    transicionar(
        solicitud,
        Accion.INTERPONER_REPOSICION,
        evento=eventos.reposicion_interpuesta(
            solicitud, texto=texto, medio="ventanilla" if actor else "portal"
        ),
        actor=actor,
        campos={"reposicion_pendiente": True},
        bloqueado=True,
    )
    emails.avisar_a_cargo(solicitud, aporte="reposicion")
    return solicitud


def _exigir_pendiente(solicitud: Solicitud) -> None:
    if not solicitud.reposicion_pendiente:
        raise ValidationError(
            gettext("Esta solicitud no tiene un recurso de reposición por decidir."), code="sin_recurso"
        )


@servicio
def reponer(
    *,
    solicitud: Solicitud,
    motivacion: str,
    dependencia: Dependencia,
    actor: Usuario,
    hoy: date | None = None,
) -> Solicitud:
    """Grant the appeal: the decision is revoked and the request is studied again, with a new term."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.REPONER)
    _exigir_pendiente(solicitud)
    motivacion = exigir(motivacion, "motivacion", gettext("Motive la decisión del recurso."))
    if not dependencia.activa:
        raise ValidationError({"dependencia": gettext("La dependencia no está activa.")}, code="inactiva")
    transicionar(
        solicitud,
        Accion.REPONER,
        evento=eventos.reposicion_decidida(solicitud, repone=True, motivacion=motivacion),
        actor=actor,
        campos={
            **termino_nuevo(solicitud.plazo_dias, habil_o_siguiente(hoy)),
            "reposicion_pendiente": False,
            # The revoked decision's notification no longer stands; the coming answer will have its own.
            "notificada_en": None,
            "dependencia": dependencia,
            "responsable": solicitud.responsable if solicitud.dependencia_id == dependencia.pk else None,
        },
        bloqueado=True,
    )
    emails.enviar_reposicion_decidida(solicitud, repone=True, motivacion=motivacion)
    emails.enviar_asignacion(solicitud)
    return solicitud


@servicio
def confirmar_decision(*, solicitud: Solicitud, motivacion: str, actor: Usuario) -> Solicitud:
    """Deny the appeal: the decision stands, with the reasons."""
    bloquear(solicitud, Accion.CONFIRMAR_DECISION)
    _exigir_pendiente(solicitud)
    motivacion = exigir(motivacion, "motivacion", gettext("Motive la decisión del recurso."))
    transicionar(
        solicitud,
        Accion.CONFIRMAR_DECISION,
        evento=eventos.reposicion_decidida(solicitud, repone=False, motivacion=motivacion),
        actor=actor,
        campos={"reposicion_pendiente": False},
        bloqueado=True,
    )
    emails.enviar_reposicion_decidida(solicitud, repone=False, motivacion=motivacion)
    return solicitud
