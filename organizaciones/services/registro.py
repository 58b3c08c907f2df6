"""Writes on the registry itself: state changes with their act, and the activity that keeps it alive."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civic.expedientes.servicios import servicio
from organizaciones.models import CambioEstado, EstadoOrganizacion, Organizacion, Resolucion


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
