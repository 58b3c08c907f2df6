"""Small helpers the PQRS services share; locking, transitions, events and files are the kernel's."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from civic import calendario


def ahora_o(ahora: datetime | None) -> datetime:
    return ahora or timezone.now()


def hoy_o(hoy: date | None) -> date:
    return hoy or timezone.localdate()


def exigir(texto: str, campo: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje}, code="requerido")
    return texto


def habil_o_siguiente(fecha: date) -> date:
    # Ley 4/1913 art. 62: a term that ends on a non-business day runs to the next business day.
    return fecha if calendario.es_dia_habil(fecha) else calendario.sumar_dias_habiles(fecha, 1)


def termino_nuevo(plazo_dias: int | None, recibida: date) -> dict:
    """The fields of a full new term counted from `recibida` (arts. 17 and 19: the term starts again when
    the petitioner completes or corrects the petition; its first day is the next business day)."""
    vencimiento = calendario.sumar_dias_habiles(recibida, plazo_dias) if plazo_dias else None
    return {
        "fecha_inicio_termino": recibida,
        "fecha_vencimiento": vencimiento,
        "fecha_vencimiento_original": vencimiento,
        "prorrogada": False,
    }
