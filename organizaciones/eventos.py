"""One constructor per event type of an organization's procedure: each event's `datos` has one shape."""

from datetime import date

from django.utils.translation import gettext as _

from civic.formato import fecha_larga

from .models import Evento, Resolucion, Tramite


class Tipo:
    RADICADO = "radicado"
    REVISION = "revision"
    REQUERIMIENTO = "requerimiento"
    CORREGIDO = "corregido"
    APROBADO = "aprobado"
    NEGADO = "negado"
    NOTIFICADO = "notificado"


def radicado(tramite: Tramite) -> Evento:
    return Evento(
        tramite=tramite,
        tipo=Tipo.RADICADO,
        estado_nuevo=tramite.estado,
        publico=True,
        nota=_("Trámite radicado: %(clase)s.") % {"clase": tramite.get_clase_display()},
        datos={"canal": tramite.canal, "vence": tramite.fecha_vencimiento},
    )


def revision(tramite: Tramite) -> Evento:
    return Evento(
        tramite=tramite, tipo=Tipo.REVISION, publico=True, nota=_("La secretaría revisa el trámite.")
    )


def requerimiento(tramite: Tramite, *, texto: str, limite: date, dias_suspendidos: int) -> Evento:
    return Evento(
        tramite=tramite,
        tipo=Tipo.REQUERIMIENTO,
        publico=True,
        nota=texto,
        datos={"limite": limite, "dias_suspendidos": dias_suspendidos},
    )


def corregido(tramite: Tramite, *, texto: str, recibido: date, vence: date) -> Evento:
    return Evento(
        tramite=tramite,
        tipo=Tipo.CORREGIDO,
        publico=True,
        nota=texto,
        datos={"recibido": recibido, "vence": vence},
    )


def decidido(tramite: Tramite, *, resolucion: Resolucion, aprobado: bool) -> Evento:
    return Evento(
        tramite=tramite,
        tipo=Tipo.APROBADO if aprobado else Tipo.NEGADO,
        publico=True,
        nota=_("%(resolucion)s del %(fecha)s.")
        % {"resolucion": resolucion, "fecha": fecha_larga(resolucion.fecha)},
        datos={"resolucion": resolucion.pk, "numero": str(resolucion)},
    )


def notificado(tramite: Tramite, *, medio: str, fecha: date) -> Evento:
    return Evento(
        tramite=tramite,
        tipo=Tipo.NOTIFICADO,
        publico=True,
        nota=_("Decisión notificada (%(medio)s) el %(fecha)s.")
        % {"medio": medio, "fecha": fecha_larga(fecha)},
        datos={"medio": medio, "fecha": fecha},
    )
