"""Inspección, vigilancia y control (Ley 2166/2021 arts. 74, 76): visits with their requirements, and the
training sessions the secretaría gives to organizations."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civic import calendario
from civic.expedientes.servicios import servicio
from organizaciones.models import Capacitacion, Organizacion, RequerimientoIVC, Visita


def vencimiento(fecha: date, plazo_dias: int) -> date:
    """A requirement is due `plazo_dias` business days after its date (its reminder reads `vence`)."""
    return calendario.sumar_dias_habiles(fecha, plazo_dias)


@servicio
def guardar_requerimiento(requerimiento: RequerimientoIVC) -> RequerimientoIVC:
    """Save a requirement typed in the admin (on its own or under its visit) with its term recomputed
    from its date and plazo. The admin, inside its own transaction, calls `.en_transaccion`."""
    requerimiento.vence = vencimiento(requerimiento.fecha, requerimiento.plazo_dias)
    requerimiento.save()
    return requerimiento


@servicio
def registrar_visita(
    *,
    organizacion: Organizacion,
    fecha: date,
    hallazgos: str,
    actor,
    requerimientos: Iterable[Mapping] = (),
) -> Visita:
    """A visit and what it requires of the organization: each requirement `{"descripcion", "plazo_dias"}`
    is due that many business days after the visit (its reminder is `organizaciones.recordatorios`')."""
    if not (hallazgos or "").strip():
        raise ValidationError({"hallazgos": _("Describa lo que se encontró en la visita.")}, code="requerido")
    visita = Visita(organizacion=organizacion, fecha=fecha, funcionario=actor, hallazgos=hallazgos.strip())
    visita.full_clean(exclude=["organizacion", "funcionario"])
    visita.save()
    for requerimiento in requerimientos:
        descripcion = (requerimiento.get("descripcion") or "").strip()
        if not descripcion:
            raise ValidationError(
                {"requerimientos": _("Diga qué se requiere a la organización.")}, code="requerido"
            )
        plazo = int(requerimiento.get("plazo_dias") or 15)
        RequerimientoIVC.objects.create(
            organizacion=organizacion,
            visita=visita,
            descripcion=descripcion,
            fecha=fecha,
            plazo_dias=plazo,
            vence=vencimiento(fecha, plazo),
            responsable=actor,
        )
    # A visit is activity of the organization (art. 36: a year without it is an alert).
    Organizacion.objects.filter(pk=organizacion.pk, ultima_actividad__lt=fecha).update(ultima_actividad=fecha)
    Organizacion.objects.filter(pk=organizacion.pk, ultima_actividad__isnull=True).update(
        ultima_actividad=fecha
    )
    return visita


@servicio
def registrar_capacitacion(
    *, fecha: date, tema: str, asistentes: int, organizaciones: Iterable[Organizacion] = (), comuna=None
) -> Capacitacion:
    capacitacion = Capacitacion(fecha=fecha, tema=(tema or "").strip(), asistentes=asistentes, comuna=comuna)
    capacitacion.full_clean(exclude=["comuna"])
    capacitacion.save()
    capacitacion.organizaciones.set(organizaciones)
    return capacitacion
