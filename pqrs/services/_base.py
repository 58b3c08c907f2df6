"""Shared steps of the PQRS services: lock, check the transition, save, write the event, attach files."""

import mimetypes
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext

from civic.models import Usuario
from pqrs.models import Adjunto, Evento, Solicitud
from pqrs.workflow import Accion, verificar_transicion


def ahora_o(ahora: datetime | None) -> datetime:
    return ahora or timezone.now()


def hoy_o(hoy: date | None) -> date:
    return hoy or timezone.localdate()


def bloquear(solicitud: Solicitud, accion: Accion) -> Solicitud:
    """Reload the caller's instance with its row locked until the transaction ends, and check that
    `accion` is allowed in its current state (before any other check, so the refusal is the same
    whatever the dates say)."""
    solicitud.refresh_from_db(from_queryset=Solicitud.objects.select_for_update())
    verificar_transicion(solicitud.estado, accion)
    return solicitud


def exigir(texto: str, campo: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje}, code="requerido")
    return texto


def transicionar(
    solicitud: Solicitud,
    accion: Accion,
    *,
    tipo: str,
    actor: Usuario | None,
    nota: str = "",
    publico: bool,
    datos: dict | None = None,
    momento: datetime | None = None,
    campos: dict | None = None,
) -> Evento:
    """Apply `accion` to a locked request: new state and fields, validated and saved, plus one event.

    The guard runs first, so a refused action changes nothing.
    """
    anterior = solicitud.estado
    nuevo = verificar_transicion(anterior, accion)
    for campo, valor in (campos or {}).items():
        setattr(solicitud, campo, valor)
    solicitud.estado = nuevo
    solicitud.full_clean()
    solicitud._history_user = actor  # simple_history records who made the change
    solicitud.save()
    return registrar_evento(
        solicitud,
        tipo=tipo,
        estado_anterior=anterior,
        estado_nuevo=nuevo,
        actor=actor,
        nota=nota,
        publico=publico,
        datos=datos,
        momento=momento,
    )


def registrar_evento(
    solicitud: Solicitud,
    *,
    tipo: str,
    estado_anterior: str,
    estado_nuevo: str,
    actor: Usuario | None,
    nota: str = "",
    publico: bool,
    datos: dict | None = None,
    momento: datetime | None = None,
) -> Evento:
    evento = Evento(
        solicitud=solicitud,
        tipo=tipo,
        estado_anterior=estado_anterior,
        estado_nuevo=estado_nuevo,
        actor=actor,
        nota=nota,
        publico=publico,
        datos=datos or {},
        momento=ahora_o(momento),
    )
    evento.full_clean()
    evento.save()
    return evento


def adjuntar(
    solicitud: Solicitud, evento: Evento | None, archivos: Iterable[File], *, origen: str, publico: bool
) -> list[Adjunto]:
    adjuntos = []
    for archivo in archivos:
        nombre = getattr(archivo, "name", "") or gettext("archivo")
        tipo = getattr(archivo, "content_type", None) or mimetypes.guess_type(nombre)[0] or ""
        adjunto = Adjunto(
            solicitud=solicitud,
            evento=evento,
            archivo=archivo,
            nombre_original=nombre.rsplit("/", 1)[-1][:255],
            tipo_contenido=tipo[:100],
            tamano=archivo.size,
            origen=origen,
            publico=publico,
        )
        adjunto.full_clean()
        adjunto.save()
        adjuntos.append(adjunto)
    return adjuntos


def en_fecha(valor: date | None) -> str | None:
    """ISO date for event data (JSON)."""
    return valor.isoformat() if valor else None
