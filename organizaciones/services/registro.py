"""Writes on the registry itself: state changes with their act, and the activity that keeps it alive."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civic.expedientes.servicios import restricciones_en_espanol, servicio
from organizaciones.models import CambioEstado, EstadoOrganizacion, Organizacion, Resolucion

ACTO_ANTERIOR_AL_PORTAL = "Registro anterior al portal"


@servicio
def cambiar_estado(
    *,
    organizacion: Organizacion,
    estado: str,
    fecha: date,
    actor,
    resolucion: Resolucion | None = None,
    acto: str = "",
    motivo: str = "",
    hasta: date | None = None,
) -> CambioEstado:
    """Record an act that changes the organization's state (a liquidation closed, an act issued on paper
    before the portal): the state never changes without the act behind it."""
    return cambiar_en_transaccion(
        organizacion,
        estado,
        fecha=fecha,
        actor=actor,
        resolucion=resolucion,
        acto=acto,
        motivo=motivo,
        hasta=hasta,
    )


def cambiar_en_transaccion(
    organizacion: Organizacion,
    estado: str,
    *,
    fecha: date,
    actor,
    resolucion: Resolucion | None = None,
    acto: str = "",
    motivo: str = "",
    hasta: date | None = None,
    campos: dict | None = None,
) -> CambioEstado:
    """The state change inside the caller's transaction (a procedure's approval, or the service above)."""
    organizacion = Organizacion.objects.select_for_update().get(pk=organizacion.pk)
    if estado == EstadoOrganizacion.SUSPENDIDA:
        if hasta is None or hasta <= fecha:
            raise ValidationError(
                {"hasta": _("Indique hasta qué fecha se suspende; debe ser posterior a la del acto.")},
                code="suspension_sin_fecha",
            )
    else:
        hasta = None
    if not resolucion and not acto.strip():
        raise ValidationError({"acto": _("Cite el acto que ordena el cambio de estado.")}, code="sin_acto")
    cambio = CambioEstado(
        organizacion=organizacion,
        estado_anterior=organizacion.estado,
        estado_nuevo=estado,
        hasta=hasta,
        resolucion=resolucion,
        acto=acto.strip(),
        motivo=motivo.strip(),
        fecha=fecha,
        actor=actor,
    )
    cambio.full_clean(exclude=["organizacion", "resolucion", "actor"])
    cambio.save()
    organizacion.estado = estado
    organizacion.suspendida_hasta = hasta
    for campo, valor in (campos or {}).items():
        setattr(organizacion, campo, valor)
    organizacion.save(update_fields=["estado", "suspendida_hasta", *(campos or {})])
    return cambio


@servicio
def registrar_existente(
    *, datos: Mapping, actor, afiliadas: Iterable[Organizacion] = (), acto: str = ""
) -> Organizacion:
    """Register an organization recognized on paper before the portal existed (the office's folders, an
    admin form): in the state `datos` gives (active by default) from its personería, with the act that
    recognized it as the first entry of its state history. The art. 11 minimums applied when it was
    constituted, under the law of its time: they are not checked again here."""
    organizacion = Organizacion(**{"estado": EstadoOrganizacion.ACTIVA, **datos})
    errores = {
        campo: _("Indique la personería jurídica que reconoció a la organización.")
        for campo in ("personeria_numero", "personeria_fecha")
        if not getattr(organizacion, campo)
    }
    if organizacion.estado == EstadoOrganizacion.EN_TRAMITE:
        errores["estado"] = _(
            "Una organización sin personería jurídica se registra con su trámite de reconocimiento."
        )
    if errores:
        raise ValidationError(errores, code="requerido")
    # A staff form: the NIT's uniqueness and the suspension's date are checked here, next to their fields.
    organizacion.full_clean()
    with restricciones_en_espanol(Organizacion, campo="nit"):
        organizacion.save()
    organizacion.afiliadas.set(afiliadas)
    assert organizacion.personeria_fecha is not None  # checked above
    CambioEstado.objects.create(
        organizacion=organizacion,
        estado_nuevo=organizacion.estado,
        hasta=organizacion.suspendida_hasta,
        acto=(acto or f"{ACTO_ANTERIOR_AL_PORTAL}: {organizacion.personeria_numero}").strip()[:200],
        motivo=_("Registro de una organización que existía antes del portal."),
        fecha=organizacion.personeria_fecha,
        actor=actor,
    )
    return organizacion


@servicio
def levantar_suspensiones_vencidas(*, hoy: date) -> int:
    """Art. 36 par. 1: a suspension lasts until the date its act set; the day after, the organization is
    active again, recorded as a change whose act is the suspension's own resolution."""
    vencidas = list(
        Organizacion.objects.filter(estado=EstadoOrganizacion.SUSPENDIDA, suspendida_hasta__lt=hoy)
        .select_for_update(skip_locked=True)
        .order_by("pk")
    )
    for organizacion in vencidas:
        ultima = organizacion.cambios_estado.filter(estado_nuevo=EstadoOrganizacion.SUSPENDIDA).last()
        cambiar_en_transaccion(
            organizacion,
            EstadoOrganizacion.ACTIVA,
            fecha=hoy,
            actor=None,
            resolucion=ultima.resolucion if ultima else None,
            acto="" if ultima and ultima.resolucion_id else _("Vencimiento del término de la suspensión"),
            motivo=_("Terminó la suspensión ordenada hasta el %(fecha)s.")
            % {"fecha": organizacion.suspendida_hasta},
        )
    return len(vencidas)
