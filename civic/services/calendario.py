"""Writes to the declared non-working days. Every edit refreshes the business-day calendar of every
process once committed (see civic.calendario)."""

from datetime import date

from django.db import transaction

from civic import calendario
from civic.models import DiaNoHabil, Usuario


@transaction.atomic
def declarar_dia_no_habil(
    *, fecha: date, motivo: str, acto_administrativo: str = "", actor: Usuario | None
) -> DiaNoHabil:
    """Declare a municipal non-working day. `actor` is None only for loads without a person (demo data)."""
    dia = DiaNoHabil(fecha=fecha, motivo=motivo, acto_administrativo=acto_administrativo)
    _guardar(dia, actor=actor)
    return dia


@transaction.atomic
def modificar_dia_no_habil(
    *, dia: DiaNoHabil, fecha: date, motivo: str, acto_administrativo: str, actor: Usuario | None
) -> DiaNoHabil:
    dia.fecha, dia.motivo, dia.acto_administrativo = fecha, motivo, acto_administrativo
    _guardar(dia, actor=actor)
    return dia


@transaction.atomic
def eliminar_dia_no_habil(*, dia: DiaNoHabil, actor: Usuario | None) -> None:
    # simple_history (untyped) reads it: who deleted it.
    dia._history_user = actor  # type: ignore[attr-defined]
    dia.delete()
    transaction.on_commit(calendario.notificar_cambio)


def _guardar(dia: DiaNoHabil, *, actor: Usuario | None) -> None:
    dia.full_clean()
    # simple_history (untyped) reads it: who made the change.
    dia._history_user = actor  # type: ignore[attr-defined]
    dia.save()
    # After commit only: a rolled-back edit must not reach any process's calendar.
    transaction.on_commit(calendario.notificar_cambio)
