"""One constructor per event type of an acta and of a commitment: each event's `datos` has one shape."""

from datetime import date

from django.utils.translation import gettext as _

from .models import Acta, Compromiso, EventoActa, EventoCompromiso


def acta_creada(acta: Acta) -> EventoActa:
    return EventoActa(
        acta=acta, tipo="creada", estado_nuevo=acta.estado, nota=_("Se abrió el borrador del acta.")
    )


def acta_aprobada(acta: Acta, *, nota: str = "") -> EventoActa:
    return EventoActa(acta=acta, tipo="aprobada", publico=True, nota=nota or _("Acta aprobada."))


def acta_devuelta(acta: Acta, *, motivo: str) -> EventoActa:
    return EventoActa(acta=acta, tipo="devuelta", interno=True, nota=motivo)


def acta_publicada(acta: Acta, *, version: int) -> EventoActa:
    return EventoActa(
        acta=acta,
        tipo="publicada",
        publico=True,
        nota=_("Publicada la versión %(version)s.") % {"version": version},
        datos={"version": version},
    )


def acta_en_correccion(acta: Acta, *, motivo: str, version: int) -> EventoActa:
    return EventoActa(acta=acta, tipo="correccion", publico=True, nota=motivo, datos={"version": version})


def compromiso_registrado(compromiso: Compromiso) -> EventoCompromiso:
    return EventoCompromiso(
        compromiso=compromiso,
        tipo="registrado",
        estado_nuevo=compromiso.estado,
        publico=True,
        nota=_("Compromiso adquirido en la sesión."),
        datos={"vence": compromiso.fecha_vencimiento},
    )


def compromiso_cambio(compromiso: Compromiso, *, nota: str) -> EventoCompromiso:
    return EventoCompromiso(compromiso=compromiso, tipo="estado", publico=True, nota=nota)


def seguimiento(compromiso: Compromiso, *, texto: str, fecha: date) -> EventoCompromiso:
    return EventoCompromiso(
        compromiso=compromiso,
        tipo="seguimiento",
        estado_nuevo=compromiso.estado,
        publico=True,
        nota=texto,
        datos={"fecha": fecha},
    )


def revisado(compromiso: Compromiso, *, sesion_id: int, sesion: str, nota: str) -> EventoCompromiso:
    return EventoCompromiso(
        compromiso=compromiso,
        tipo="revisado",
        estado_nuevo=compromiso.estado,
        publico=True,
        nota=nota or _("Revisado en la %(sesion)s.") % {"sesion": sesion},
        datos={"sesion": sesion_id},
    )
