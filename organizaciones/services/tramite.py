"""The life of a procedure after filing: review, requirement (the term pauses), correction (it resumes),
the act that decides it and its notification. Locking, transitions and events are the kernel's."""

from collections.abc import Iterable
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.calendario import habil_o_siguiente
from civic.expedientes.archivos import adjuntar
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import restricciones_en_espanol, servicio
from civic.plazos import suspension
from organizaciones import emails, eventos
from organizaciones.models import Adjunto, Dignatario, Sentido, Tramite
from organizaciones.workflow import Accion

from . import efectos, resoluciones


class MedioNotificacion:
    CORREO = "correo electrónico"
    PERSONAL = "personal"
    AVISO = "aviso"
    OPCIONES = (CORREO, PERSONAL, AVISO)


def _dia(ahora: datetime | None) -> date:
    # Services take the moment (the event's time, the act's date): now unless a caller records the past.
    return timezone.localdate(ahora) if ahora else timezone.localdate()


def _texto(texto: str, campo: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje}, code="requerido")
    return texto


@servicio
def revisar(*, tramite: Tramite, actor, ahora: datetime | None = None) -> Tramite:
    """A staff member takes the procedure and starts reviewing it."""
    transicionar(
        tramite,
        Accion.REVISAR,
        evento=eventos.revision(tramite),
        actor=actor,
        campos={"responsable": actor},
        momento=ahora,
    )
    return tramite


@servicio
def requerir(*, tramite: Tramite, requerimiento: str, actor, ahora: datetime | None = None) -> Tramite:
    """Ask the organization to correct or complete the filing: the term pauses with the days it had left,
    and the organization has one month to answer (CPACA art. 17, applied to procedures)."""
    hoy = _dia(ahora)
    bloquear(tramite, Accion.REQUERIR)
    requerimiento = _texto(
        requerimiento, "requerimiento", _("Diga qué debe corregir o completar la organización.")
    )
    # A requirement made before the term started (filed on a non-business day) keeps the whole term.
    campos = suspension.suspender(tramite.fecha_vencimiento, max(hoy, tramite.fecha_radicacion_efectiva))
    limite = habil_o_siguiente(hoy + relativedelta(months=1))
    transicionar(
        tramite,
        Accion.REQUERIR,
        evento=eventos.requerimiento(
            tramite, texto=requerimiento, limite=limite, dias_suspendidos=campos["dias_suspendidos"]
        ),
        actor=actor,
        campos={**campos, "fecha_limite_correccion": limite},
        bloqueado=True,
        momento=ahora,
    )
    emails.enviar_requerimiento(tramite, requerimiento)
    return tramite


@servicio
def corregir(
    *,
    tramite: Tramite,
    texto: str,
    archivos: Iterable[File] = (),
    actor=None,
    ahora: datetime | None = None,
) -> Tramite:
    """The organization answers the requirement (on the tracking page, or at the window through staff):
    the term resumes with the days it had left, counted from the day the correction arrives."""
    hoy = _dia(ahora)
    bloquear(tramite, Accion.CORREGIR)
    archivos = list(archivos)
    if not (texto or "").strip() and not archivos:
        raise ValidationError(
            {"texto": _("Escriba la corrección o adjunte al menos un documento.")}, code="requerido"
        )
    campos = suspension.reanudar(tramite.dias_suspendidos, hoy)
    evento = transicionar(
        tramite,
        Accion.CORREGIR,
        evento=eventos.corregido(
            tramite,
            texto=(texto or "").strip(),
            recibido=habil_o_siguiente(hoy),
            vence=campos["fecha_vencimiento"],
        ),
        actor=actor,
        campos={**campos, "fecha_limite_correccion": None},
        bloqueado=True,
        momento=ahora,
    )
    adjuntar(Adjunto, archivos, tramite=tramite, evento=evento, origen=Adjunto.Origen.CIUDADANO, publico=True)
    emails.enviar_correccion_recibida(tramite)
    return tramite


@servicio
def aprobar(*, tramite: Tramite, considerandos: str, actor, ahora: datetime | None = None) -> Tramite:
    """Approve by resolution: the act, its effect on the registry and its PDF, in one transaction."""
    return _decidir(tramite, Accion.APROBAR, Sentido.APRUEBA, considerandos, actor, ahora)


@servicio
def negar(*, tramite: Tramite, considerandos: str, actor, ahora: datetime | None = None) -> Tramite:
    """Deny by a reasoned resolution (CPACA art. 42): nothing changes in the registry."""
    return _decidir(tramite, Accion.NEGAR, Sentido.NIEGA, considerandos, actor, ahora)


def _decidir(
    tramite: Tramite, accion: str, sentido: str, considerandos: str, actor, ahora: datetime | None
) -> Tramite:
    hoy = _dia(ahora)
    bloquear(tramite, accion)
    considerandos = _texto(
        considerandos,
        "considerandos",
        _("Escriba los considerandos: los hechos y las razones de la decisión."),
    )
    resolucion = resoluciones.numerar(
        tramite, sentido=sentido, considerandos=considerandos, actor=actor, hoy=hoy
    )
    if sentido == Sentido.APRUEBA:
        # What the database enforces (a person active in two organizations) refuses the act whole.
        with restricciones_en_espanol(Dignatario):
            efectos.aplicar(tramite, resolucion, actor=actor, hoy=hoy, ahora=ahora)
    resoluciones.generar_pdf(resolucion)
    transicionar(
        tramite,
        accion,
        evento=eventos.decidido(tramite, resolucion=resolucion, aprobado=sentido == Sentido.APRUEBA),
        actor=actor,
        bloqueado=True,
        momento=ahora,
    )
    emails.enviar_decision(tramite, resolucion)
    return tramite


@servicio
def notificar(
    *, tramite: Tramite, medio: str, actor, fecha: date | None = None, ahora: datetime | None = None
) -> Tramite:
    """Record the notification of the decision (CPACA arts. 66-69) made on `fecha` (staff may record a
    personal notification days later): from then the appeals' terms run."""
    fecha = fecha or _dia(ahora)
    if medio not in MedioNotificacion.OPCIONES:
        raise ValidationError({"medio": _("Elija cómo se notificó la decisión.")}, code="medio")
    if fecha > _dia(ahora):
        raise ValidationError({"fecha": _("La notificación no puede tener fecha futura.")}, code="futura")
    transicionar(
        tramite,
        Accion.NOTIFICAR,
        evento=eventos.notificado(tramite, medio=medio, fecha=fecha),
        actor=actor,
        momento=ahora,
    )
    return tramite
