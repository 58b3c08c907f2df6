"""One constructor per PQRS event type, so each event's `datos` has one shape (Saleor's order/events.py).

Each returns an unsaved `Evento` of the request; `civic.expedientes.maquina.transicionar` (or
`registrar_evento`) fills in the states, the actor and the moment and saves it in the service's
transaction. Whether the petitioner sees an event is decided here, once per type.
"""

from datetime import date

from django.utils.translation import gettext

from civic.formato import fecha_larga
from civic.models import Dependencia, Usuario
from pqrs.models import Entidad, Evento, Solicitud, TipoEvento
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


def trasladada(
    solicitud: Solicitud, *, entidad: Entidad, oficio: str, dias_habiles: int, plazo_dias: int
) -> Evento:
    # The name as it was at remission: the catalogue may change later, the letter said this. The business
    # days it took against the art. 21 term, for the record and the reports.
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.TRASLADADA,
        nota=oficio,
        publico=True,
        datos={
            "entidad": entidad.nombre,
            "entidad_id": entidad.pk,
            "correo_entidad": entidad.correo,
            "dias_habiles": dias_habiles,
            "plazo_dias": plazo_dias,
            "a_tiempo": dias_habiles <= plazo_dias,
        },
    )


def devuelta_para_corregir(solicitud: Solicitud, *, que_corregir: str, fecha_limite: date) -> Evento:
    """Ley 1755/2015 art. 19: what the office could not understand, and until when to correct it."""
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.DEVUELTA_PARA_CORREGIR,
        nota=que_corregir,
        publico=True,
        datos={
            "fecha_limite": _fecha(fecha_limite),
            "fecha_vencimiento_suspendida": _fecha(solicitud.fecha_vencimiento),
        },
    )


def corregida(solicitud: Solicitud, *, texto: str, recibida: date, fecha_vencimiento: date | None) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.CORREGIDA,
        nota=texto,
        publico=True,
        datos={"recibida": _fecha(recibida), "fecha_vencimiento": _fecha(fecha_vencimiento)},
    )


def documento_aportado(solicitud: Solicitud, *, texto: str) -> Evento:
    return Evento(solicitud=solicitud, tipo=TipoEvento.DOCUMENTO_APORTADO, nota=texto, publico=True)


def silencio_positivo(solicitud: Solicitud, *, vencio: date, copias_hasta: date) -> Evento:
    """Ley 1755/2015 art. 14 num. 1: recorded by the system, not by a person."""
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.SILENCIO_POSITIVO,
        nota=gettext(
            "El término para responder venció el %(vencio)s sin respuesta: la solicitud se entiende "
            "aceptada y las copias se entregan a más tardar el %(copias)s (Ley 1755 de 2015, art. 14)."
        )
        % {"vencio": fecha_larga(vencio), "copias": fecha_larga(copias_hasta)},
        publico=True,
        datos={"vencio": _fecha(vencio), "copias_hasta": _fecha(copias_hasta)},
    )


def insistencia(solicitud: Solicitud, *, texto: str, medio: str) -> Evento:
    return Evento(
        solicitud=solicitud, tipo=TipoEvento.INSISTENCIA, nota=texto, publico=True, datos={"medio": medio}
    )


def insistencia_remitida(solicitud: Solicitud, *, entidad: Entidad, oficio: str) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.INSISTENCIA_REMITIDA,
        nota=oficio,
        publico=True,
        datos={"entidad": entidad.nombre, "entidad_id": entidad.pk, "correo_entidad": entidad.correo},
    )


def reposicion_interpuesta(solicitud: Solicitud, *, texto: str, medio: str) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.REPOSICION_INTERPUESTA,
        nota=texto,
        publico=True,
        datos={"medio": medio, "decision_recurrida": solicitud.estado},
    )


def reposicion_decidida(solicitud: Solicitud, *, repone: bool, motivacion: str) -> Evento:
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.REPOSICION_DECIDIDA,
        nota=motivacion,
        publico=True,
        datos={"repone": repone, "decision_recurrida": solicitud.estado},
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
    referida: Solicitud | None,
    consolidada: int | None,
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
            # Art. 19 (reference to an earlier answer) and art. 22 (one answer to many).
            "remite_a": referida.radicado if referida else None,
            "consolidada": consolidada,
            "dias_habiles": dias_habiles,
            "a_tiempo": a_tiempo,
            "publicada_hasta": _fecha(publicada_hasta),
        },
    )


def notificada(
    solicitud: Solicitud, *, medio: str, medio_nombre: str, prueba: str, automatica: bool = False
) -> Evento:
    # The proof may name staff or carry guide numbers: kept in the data, out of the public note.
    return Evento(
        solicitud=solicitud,
        tipo=TipoEvento.NOTIFICADA,
        nota=gettext("Notificación por %(medio)s.") % {"medio": medio_nombre},
        publico=True,
        datos={"medio": medio, "prueba": prueba, "automatica": automatica},
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
