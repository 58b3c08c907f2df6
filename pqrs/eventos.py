"""One constructor per PQRS event type, so each event's `datos` has one shape (Saleor's order/events.py).

Each returns an unsaved `Evento` of the request; `civic.expedientes.maquina.transicionar` (or
`registrar_evento`) fills in the states, the actor and the moment and saves it in the service's
transaction. Whether the petitioner sees an event is decided here, once per type.
"""

from datetime import date

from django.utils.translation import gettext

from civic.models import Dependencia, Usuario
from pqrs.models import Evento, Solicitud, TipoEvento
from pqrs.workflow import Estado


def _fecha(valor: date | None) -> str | None:
    """ISO date for event data (JSON)."""
    return valor.isoformat() if valor else None


def radicada(solicitud: Solicitud, *, canal: str, fecha_vencimiento: date | None) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.RADICADA,
        estado_anterior="",
        estado_nuevo=Estado.RADICADA,
        publico=True,
        datos={"canal": canal, "fecha_vencimiento": _fecha(fecha_vencimiento)},
    )


def asignada(
    solicitud: Solicitud,
    *,
    dependencia: Dependencia,
    responsable: Usuario | None,
    nota: str,
    reasignacion: bool,
) -> Evento:
    # Internal: the petitioner sees the state ("En trámite"), not who handles it.
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.REASIGNADA if reasignacion else TipoEvento.ASIGNADA,
        nota=nota,
        publico=False,
        datos={
            "dependencia_anterior": solicitud.dependencia_id,
            "dependencia": dependencia.pk,
            "responsable": responsable.pk if responsable else None,
        },
    )


def requerimiento(solicitud: Solicitud, *, requerimiento: str, fecha_limite: date) -> Evento:
    """Ley 1755/2015 art. 17: what is missing, and until when the petitioner may send it."""
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.REQUERIMIENTO_INFORMACION,
        nota=requerimiento,
        publico=True,
        datos={
            "fecha_limite": _fecha(fecha_limite),
            "fecha_vencimiento_suspendida": _fecha(solicitud.fecha_vencimiento),
        },
    )


def informacion_recibida(
    solicitud: Solicitud, *, texto: str, recibida: date, fecha_vencimiento: date | None
) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.INFORMACION_RECIBIDA,
        nota=texto,
        publico=True,
        datos={"recibida": _fecha(recibida), "fecha_vencimiento": _fecha(fecha_vencimiento)},
    )


def plazo_ciudadano_ampliado(solicitud: Solicitud, *, nota: str, fecha_limite: date) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.PLAZO_CIUDADANO_PRORROGADO,
        nota=nota,
        publico=True,
        datos={
            "fecha_anterior": _fecha(solicitud.fecha_limite_ciudadano),
            "fecha_limite": _fecha(fecha_limite),
        },
    )


def desistimiento(solicitud: Solicitud, *, motivacion: str) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.DESISTIMIENTO,
        nota=motivacion,
        publico=True,
        datos={"fecha_limite": _fecha(solicitud.fecha_limite_ciudadano)},
    )


def desistimiento_expreso(solicitud: Solicitud, *, manifestacion: str, medio: str) -> Evento:
    """Ley 1755/2015 art. 18: the petitioner's own withdrawal, as they expressed it and where."""
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.DESISTIMIENTO_EXPRESO,
        nota=manifestacion,
        publico=True,
        datos={"medio": medio, "estado_al_desistir": solicitud.estado},
    )


def continuada_de_oficio(solicitud: Solicitud, *, motivacion: str, dependencia: Dependencia) -> Evento:
    """Ley 1755/2015 art. 18: the reasoned decision to go on although the petitioner withdrew."""
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.CONTINUADA_DE_OFICIO,
        nota=motivacion,
        publico=True,
        datos={"dependencia": dependencia.pk},
    )


def trasladada(solicitud: Solicitud, *, entidad: str, oficio: str) -> Evento:
    return Evento(
        solicitud=solicitud, tipo=TipoEvento.TRASLADADA, nota=oficio, publico=True, datos={"entidad": entidad}
    )


def prorroga(solicitud: Solicitud, *, motivo: str, nueva_fecha: date) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.PRORROGA,
        nota=motivo,
        publico=True,
        datos={
            "fecha_anterior": _fecha(solicitud.fecha_vencimiento),
            "fecha_vencimiento": _fecha(nueva_fecha),
        },
    )


def respondida(
    solicitud: Solicitud,
    *,
    texto: str,
    sentido: str,
    norma_reserva: str,
    dias_habiles: int,
    a_tiempo: bool,
    publicada_hasta: date | None,
) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.RESPONDIDA,
        nota=texto,
        publico=True,
        datos={
            "sentido": sentido,
            "norma_reserva": norma_reserva,
            "dias_habiles": dias_habiles,
            "a_tiempo": a_tiempo,
            "publicada_hasta": _fecha(publicada_hasta),
        },
    )


def notificada(solicitud: Solicitud, *, medio: str, medio_nombre: str, prueba: str) -> Evento:
    # The proof may name staff or carry guide numbers: kept in the data, out of the public note.
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.NOTIFICADA,
        nota=gettext("Notificación por %(medio)s.") % {"medio": medio_nombre},
        publico=True,
        datos={"medio": medio, "prueba": prueba},
    )


def rechazada(solicitud: Solicitud, *, motivo: str) -> Evento:
    return Evento(solicitud=solicitud, tipo=TipoEvento.RECHAZADA, nota=motivo, publico=True)


def archivada(solicitud: Solicitud, *, motivo: str) -> Evento:
    return Evento(solicitud=solicitud, tipo=TipoEvento.ARCHIVADA, nota=motivo, publico=True)


def nota_interna(solicitud: Solicitud, *, nota: str) -> Evento:
    """For staff only: never shown to the petitioner (the CHECK on `interno` makes sure)."""
    return Evento(solicitud=solicitud, tipo=TipoEvento.NOTA_INTERNA, nota=nota, publico=False, interno=True)


def calificada(solicitud: Solicitud, *, puntaje: int) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.CALIFICADA,
        estado_anterior=solicitud.estado,
        estado_nuevo=solicitud.estado,
        publico=False,
        datos={"puntaje": puntaje},
    )
