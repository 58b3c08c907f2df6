"""Commitments: registered in a session, followed up with dated evidence, fulfilled or cancelled.

Whether one is overdue is never written: it is the kernel's traffic light over `fecha_vencimiento`
while it is pending or in progress, so it turns red by itself on the business day after its due date.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.archivos import adjuntar, validar_adjuntos
from civic.expedientes.maquina import bloquear, registrar_evento, transicionar
from civic.expedientes.servicios import restricciones_en_espanol, servicio
from consejos import eventos
from consejos.models import Compromiso, EventoCompromiso, Evidencia, Sesion
from consejos.workflow import AccionCompromiso

from . import suscripciones


@servicio
def registrar(
    *,
    sesion: Sesion,
    descripcion: str,
    fecha_vencimiento: date,
    actor,
    dependencia=None,
    organizacion=None,
    integrante=None,
    ahora: datetime | None = None,
) -> Compromiso:
    return registrar_en_transaccion(
        sesion=sesion,
        descripcion=descripcion,
        fecha_vencimiento=fecha_vencimiento,
        actor=actor,
        dependencia=dependencia,
        organizacion=organizacion,
        integrante=integrante,
        ahora=ahora,
    )


def registrar_en_transaccion(
    *,
    sesion: Sesion,
    descripcion: str,
    fecha_vencimiento: date,
    actor,
    dependencia,
    organizacion,
    integrante,
    ahora: datetime | None = None,
) -> Compromiso:
    """The commitment, promised to the session's comuna (else its instancia's), with its first event."""
    if not (descripcion or "").strip():
        raise ValidationError({"descripcion": _("Escriba qué se comprometió.")}, code="requerido")
    if integrante is not None and integrante.instancia_id != sesion.instancia_id:
        raise ValidationError(
            {"integrante": _("El integrante responsable debe ser de esta instancia.")}, code="otra_instancia"
        )
    compromiso = Compromiso(
        sesion=sesion,
        descripcion=descripcion.strip(),
        fecha_vencimiento=fecha_vencimiento,
        dependencia=dependencia,
        organizacion=organizacion,
        integrante=integrante,
        comuna_id=sesion.comuna_id or sesion.instancia.comuna_id,
    )
    compromiso.full_clean(exclude=["sesion", "dependencia", "organizacion", "integrante", "comuna"])
    with restricciones_en_espanol(Compromiso):
        compromiso.save()
    registrar_evento(eventos.compromiso_registrado(compromiso), actor=actor, momento=ahora)
    return compromiso


def _cambiar(compromiso: Compromiso, accion: str, nota: str, actor, ahora: datetime | None) -> Compromiso:
    bloquear(compromiso, accion)
    nota = (nota or "").strip()
    if accion in (AccionCompromiso.CANCELAR, AccionCompromiso.REABRIR) and not nota:
        raise ValidationError(
            {"nota": _("Explique el motivo: queda en el seguimiento público.")}, code="requerido"
        )
    evento: EventoCompromiso = transicionar(  # type: ignore[assignment]  # the event we built
        compromiso,
        accion,
        evento=eventos.compromiso_cambio(compromiso, nota=nota),
        actor=actor,
        momento=ahora,
        bloqueado=True,
    )
    suscripciones.avisar_compromiso(compromiso, evento)
    return compromiso


@servicio
def iniciar(*, compromiso: Compromiso, actor, nota: str = "", ahora: datetime | None = None) -> Compromiso:
    return _cambiar(compromiso, AccionCompromiso.INICIAR, nota, actor, ahora)


@servicio
def cumplir(*, compromiso: Compromiso, actor, nota: str = "", ahora: datetime | None = None) -> Compromiso:
    return _cambiar(compromiso, AccionCompromiso.CUMPLIR, nota, actor, ahora)


@servicio
def cancelar(*, compromiso: Compromiso, actor, nota: str, ahora: datetime | None = None) -> Compromiso:
    return _cambiar(compromiso, AccionCompromiso.CANCELAR, nota, actor, ahora)


@servicio
def reabrir(*, compromiso: Compromiso, actor, nota: str, ahora: datetime | None = None) -> Compromiso:
    return _cambiar(compromiso, AccionCompromiso.REABRIR, nota, actor, ahora)


@servicio
def seguimiento(
    *,
    compromiso: Compromiso,
    texto: str,
    fecha: date,
    actor,
    evidencias: Iterable[UploadedFile] = (),
    ahora: datetime | None = None,
) -> Compromiso:
    """A dated follow-up with its evidence, on the commitment's public timeline."""
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({"texto": _("Escriba qué se avanzó.")}, code="requerido")
    if fecha > timezone.localdate():
        raise ValidationError({"fecha": _("El seguimiento no puede tener fecha futura.")}, code="futura")
    archivos = validar_adjuntos(list(evidencias))
    compromiso = Compromiso.objects.select_for_update().get(pk=compromiso.pk)
    evento = registrar_evento(
        eventos.seguimiento(compromiso, texto=texto, fecha=fecha), actor=actor, momento=ahora
    )
    adjuntar(
        Evidencia,
        archivos,
        compromiso=compromiso,
        evento=evento,
        origen=Evidencia.Origen.FUNCIONARIO,
        publico=True,
    )
    return compromiso


@servicio
def revisar_en(
    *, compromiso: Compromiso, sesion: Sesion, actor, nota: str = "", ahora: datetime | None = None
) -> Compromiso:
    """A later session reviewed the commitment: the session is linked and the timeline says so."""
    compromiso = Compromiso.objects.select_for_update().get(pk=compromiso.pk)
    compromiso.revisado_en.add(sesion)
    registrar_evento(
        eventos.revisado(compromiso, sesion_id=sesion.pk, sesion=str(sesion), nota=(nota or "").strip()),
        actor=actor,
        momento=ahora,
    )
    return compromiso
