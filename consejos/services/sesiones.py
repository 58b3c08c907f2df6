"""Sessions: programmed with their number, held (which opens the acta), or cancelled."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.maquina import registrar_evento
from civic.expedientes.radicados import siguiente_consecutivo
from civic.expedientes.servicios import servicio
from consejos import eventos
from consejos.models import Acta, EstadoSesion, Instancia, Sesion


def _serie(clase: str, instancia_id: int) -> str:
    # Kernel counters (gap-free, locked): one series per instancia for its sessions and for its actas.
    return f"consejos.{clase}.{instancia_id}"


@servicio
def programar(*, instancia: Instancia, inicio: datetime, lugar: str, actor, **campos) -> Sesion:
    """A session of `instancia`, numbered in its year (ordinary or extraordinary; the convocation date,
    the comuna where it is held…); `campos` are the other fields of `Sesion`."""
    if not instancia.activa:
        raise ValidationError({"instancia": _("La instancia no está activa.")}, code="inactiva")
    if not (lugar or "").strip():
        raise ValidationError({"lugar": _("Indique dónde se reúne.")}, code="requerido")
    anio = timezone.localtime(inicio).year
    sesion = Sesion(instancia=instancia, inicio=inicio, lugar=lugar.strip(), anio=anio, numero=1, **campos)
    sesion.full_clean(exclude=["instancia", "comuna"], validate_unique=False, validate_constraints=True)
    sesion.numero = siguiente_consecutivo(_serie("sesion", instancia.pk), anio)
    sesion.save()
    return sesion


@servicio
def realizar(*, sesion: Sesion, actor, fin: datetime | None = None, ahora: datetime | None = None) -> Acta:
    """The session took place: its acta opens as a draft, numbered in the instancia's year."""
    sesion = Sesion.objects.select_for_update().select_related("instancia").get(pk=sesion.pk)
    if sesion.estado != EstadoSesion.PROGRAMADA:
        raise ValidationError(
            _("Solo una sesión programada puede registrarse como realizada."), code="estado"
        )
    sesion.estado = EstadoSesion.REALIZADA
    sesion.fin = fin or sesion.fin
    sesion.save(update_fields=["estado", "fin"])
    anio = sesion.anio
    acta = Acta(
        sesion=sesion,
        anio=anio,
        numero=siguiente_consecutivo(_serie("acta", sesion.instancia_id), anio),
        fecha_sesion=timezone.localtime(sesion.inicio).date(),
    )
    acta.save()
    registrar_evento(eventos.acta_creada(acta), actor=actor, momento=ahora)
    return acta


@servicio
def cancelar(*, sesion: Sesion, motivo: str, actor) -> Sesion:
    sesion = Sesion.objects.select_for_update().get(pk=sesion.pk)
    if sesion.estado != EstadoSesion.PROGRAMADA:
        raise ValidationError(_("Solo una sesión programada puede cancelarse."), code="estado")
    if not (motivo or "").strip():
        raise ValidationError({"motivo": _("Diga por qué se cancela.")}, code="requerido")
    sesion.estado = EstadoSesion.CANCELADA
    sesion.motivo_cancelacion = motivo.strip()[:300]
    sesion.save(update_fields=["estado", "motivo_cancelacion"])
    return sesion
