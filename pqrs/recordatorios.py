"""Reminders of PQRS terms, so that no petition expires unnoticed (Ley 1755 de 2015).

The policy lives here; recording each reminder exactly once and the batched sweep are `civic.recordatorios`.
Every reminder is counted in business days from `hoy` (a parameter) and keyed by the date it is about, so a
prórroga, a restarted term or an extended citizen deadline gets reminders of its own. When sweeps were
missed, only the most urgent reminder that applies today goes out, never the whole backlog and never twice.

Configuration: the `PQRS_RECORDATORIOS` setting (a dict), each key defaulting to `POR_DEFECTO`. A setting
rather than an admin table: the thresholds are a policy decided once with the legal office and changed with
a deploy, and a sweep must never depend on rows someone can delete.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import NoReverseMatch, reverse

from civic import calendario
from civic.models import Usuario
from civic.recordatorios import (
    Aviso,
    Mensaje,
    Resumen,
    barrer,
    es_dia_de_recordatorios,
    hoy_en_bogota,
)
from civic.roles import COORDINACION_PQRS
from pqrs.emails import contexto_solicitud, fecha_larga
from pqrs.models import Solicitud
from pqrs.selectors import Semaforo, semaforo
from pqrs.services.tramite import DIAS_PARA_TRASLADAR
from pqrs.workflow import EN_CURSO, Estado

POR_DEFECTO = {
    # Business days left on the due date's term when the person in charge is reminded (0: the due day).
    "umbrales": (3, 1, 0),
    # An overdue request is reminded the next business day after its due date, then every N business days.
    "repetir_vencidas_cada": 3,
    # Business days left in the art. 21 window (remission to the competent authority), unassigned requests.
    "umbrales_traslado": (2, 0),
    # Business days before the petitioner's art. 17 month ends when they are reminded (5: one working week).
    "aviso_ciudadano_dias": 5,
    # Requests listed per traffic-light group in the daily digest; the rest are counted.
    "resumen_max_por_grupo": 50,
    # Requests locked and processed per transaction.
    "lote": 200,
}

TIPO_POR_VENCER = "pqrs.por_vencer"
TIPO_VENCIDA = "pqrs.vencida"
TIPO_TRASLADO = "pqrs.traslado"
TIPO_PLAZO_CIUDADANO = "pqrs.plazo_ciudadano"
TIPO_DESISTIMIENTO = "pqrs.desistimiento"
TIPO_RESUMEN = "pqrs.resumen_diario"

PLANTILLAS = "pqrs/emails/recordatorio_"


@dataclass(frozen=True)
class Politica:
    umbrales: tuple[int, ...]
    repetir_vencidas_cada: int
    umbrales_traslado: tuple[int, ...]
    aviso_ciudadano_dias: int
    resumen_max_por_grupo: int
    lote: int


def politica() -> Politica:
    """The configured policy, read at call time so tests and deploys can change it."""
    valores = {**POR_DEFECTO, **settings.PQRS_RECORDATORIOS}
    umbrales = tuple(sorted({int(u) for u in valores["umbrales"]}, reverse=True))
    traslado = tuple(sorted({int(u) for u in valores["umbrales_traslado"]}, reverse=True))
    if not umbrales or umbrales[-1] < 0:
        raise ValueError("PQRS_RECORDATORIOS['umbrales'] needs business-day counts >= 0")
    if not traslado or traslado[-1] < 0 or traslado[0] >= DIAS_PARA_TRASLADAR:
        raise ValueError(
            f"PQRS_RECORDATORIOS['umbrales_traslado'] must be within 0..{DIAS_PARA_TRASLADAR - 1}"
        )
    return Politica(
        umbrales=umbrales,
        repetir_vencidas_cada=max(1, int(valores["repetir_vencidas_cada"])),
        umbrales_traslado=traslado,
        aviso_ciudadano_dias=max(0, int(valores["aviso_ciudadano_dias"])),
        resumen_max_por_grupo=max(1, int(valores["resumen_max_por_grupo"])),
        lote=max(1, int(valores["lote"])),
    )


def umbral_aplicable(restantes: int, umbrales: tuple[int, ...]) -> int | None:
    """The most urgent threshold reached with `restantes` business days left, or None if none is.

    With thresholds 3, 1, 0: 2 days left → 3 (the 3-day reminder, late); 1 → 1; 0 → 0. A missed sweep
    therefore never causes a burst of stale reminders, only the current one.
    """
    alcanzados = [u for u in umbrales if restantes <= u]
    if restantes < 0 or not alcanzados:
        return None
    return min(alcanzados)


# --- Recipients ------------------------------------------------------------------------------


@dataclass
class _Destinatarios:
    """Who is told, resolved once per sweep for the shared part (Coordinación PQRS)."""

    _coordinacion: list[tuple[str, str]] | None = field(default=None)

    def coordinacion(self) -> list[tuple[str, str]]:
        if self._coordinacion is None:
            self._coordinacion = [
                (u.email, u.get_full_name())
                for u in Usuario.objects.filter(groups__name=COORDINACION_PQRS, is_active=True)
                .exclude(email="")
                .order_by("pk")
            ]
        return self._coordinacion

    def a_cargo(self, solicitud: Solicitud) -> list[tuple[str, str]]:
        """The responsable; else the dependencia's inbox; else Coordinación PQRS, which assigns requests."""
        responsable = solicitud.responsable
        if responsable is not None and responsable.is_active and responsable.email:
            return [(responsable.email, responsable.get_full_name())]
        if solicitud.dependencia is not None and solicitud.dependencia.correo:
            return [(solicitud.dependencia.correo, "")]
        return self.coordinacion()

    def vencida(self, solicitud: Solicitud) -> list[tuple[str, str]]:
        """An expired term escalates: whoever is in charge, the head of the dependencia and Coordinación."""
        destinatarios = self.a_cargo(solicitud)
        dependencia = solicitud.dependencia
        jefe = dependencia.jefe if dependencia is not None else None
        if jefe is not None and jefe.is_active and jefe.email:
            destinatarios = [*destinatarios, (jefe.email, jefe.get_full_name())]
        return [*destinatarios, *self.coordinacion()]


def url_admin(solicitud_id: int) -> str:
    """Absolute link to the request's admin change page, for staff mail."""
    try:
        ruta = reverse("admin:pqrs_solicitud_change", args=[solicitud_id])
    except NoReverseMatch:  # the PQRS admin is registered by its own module; the URL shape is Django's
        ruta = f"{reverse('admin:index')}pqrs/solicitud/{solicitud_id}/change/"
    return settings.MUNICIPIO["sitio"].rstrip("/") + ruta


def _contexto_interno(solicitud: Solicitud, hoy: date) -> dict:
    """What staff mail says about a request; no personal data of the petitioner (Ley 1581 de 2012)."""
    return {
        "radicado": solicitud.radicado,
        "asunto": solicitud.asunto,
        "modalidad": solicitud.modalidad.nombre,
        "dependencia": solicitud.dependencia.nombre if solicitud.dependencia else "",
        "fecha_radicacion": fecha_larga(solicitud.fecha_radicacion_efectiva),
        "fecha_vencimiento": fecha_larga(solicitud.fecha_vencimiento),
        "prorrogada": solicitud.prorrogada,
        "url_admin": url_admin(solicitud.pk),
        "hoy": fecha_larga(hoy),
    }


def _mensajes(destinatarios: list[tuple[str, str]], plantilla: str, contexto: dict) -> list[Mensaje]:
    return [
        Mensaje(correo, PLANTILLAS + plantilla, {**contexto, "nombre": nombre})
        for correo, nombre in destinatarios
    ]


# --- The sweep -------------------------------------------------------------------------------


def _solicitudes() -> QuerySet[Solicitud]:
    return Solicitud.objects.select_related("modalidad", "dependencia__jefe", "responsable")


def barrer_recordatorios(*, hoy: date | None = None, lote: int | None = None) -> dict[str, Resumen]:
    """Record and queue every PQRS reminder due today; nothing on a non-business day.

    Each kind is one indexed range query on a stored date, swept in batches: the cost follows the
    requests that are due, not the open total.
    """
    hoy = hoy or hoy_en_bogota()
    if not es_dia_de_recordatorios(hoy):
        return {}
    p = politica()
    lote = lote or p.lote
    quien = _Destinatarios()
    return {
        TIPO_POR_VENCER: _barrer_por_vencer(hoy, p, quien, lote),
        TIPO_VENCIDA: _barrer_vencidas(hoy, p, quien, lote),
        TIPO_TRASLADO: _barrer_traslados(hoy, p, quien, lote),
        TIPO_PLAZO_CIUDADANO: _barrer_plazo_ciudadano(hoy, p, lote),
        TIPO_DESISTIMIENTO: _barrer_desistimientos(hoy, quien, lote),
    }


def seleccion_por_vencer(hoy: date, p: Politica | None = None) -> QuerySet[Solicitud]:
    """Running requests whose due date is within the largest threshold (index pqrs_estado_vence_idx)."""
    p = p or politica()
    return _solicitudes().filter(
        estado__in=EN_CURSO,
        fecha_vencimiento__gte=hoy,
        fecha_vencimiento__lte=calendario.sumar_dias_habiles(hoy, p.umbrales[0]),
    )


def _barrer_por_vencer(hoy: date, p: Politica, quien: _Destinatarios, lote: int) -> Resumen:
    def avisos(s: Solicitud) -> list[Aviso]:
        restantes = calendario.dias_habiles_entre(hoy, s.fecha_vencimiento)
        umbral = umbral_aplicable(restantes, p.umbrales)
        if umbral is None:
            return []
        contexto = {**_contexto_interno(s, hoy), "restantes": restantes}
        return [
            Aviso(
                TIPO_POR_VENCER,
                f"{umbral}:{s.fecha_vencimiento.isoformat()}",
                lambda: _mensajes(quien.a_cargo(s), "por_vencer", contexto),
            )
        ]

    return barrer(seleccion_por_vencer(hoy, p), avisos, orden=("fecha_vencimiento", "pk"), lote=lote)


def ciclo_vencida(dias_vencida: int, cada: int) -> int:
    """Day 1 overdue opens cycle 0; a new cycle (a new reminder) every `cada` business days after."""
    return (dias_vencida - 1) // cada


def _barrer_vencidas(hoy: date, p: Politica, quien: _Destinatarios, lote: int) -> Resumen:
    def avisos(s: Solicitud) -> list[Aviso]:
        dias = calendario.dias_habiles_entre(s.fecha_vencimiento, hoy)
        if dias < 1:
            return []
        ciclo = ciclo_vencida(dias, p.repetir_vencidas_cada)
        contexto = {**_contexto_interno(s, hoy), "dias_vencida": dias}
        return [
            Aviso(
                TIPO_VENCIDA,
                f"{s.fecha_vencimiento.isoformat()}:{ciclo}",
                lambda: _mensajes(quien.vencida(s), "vencida", contexto),
            )
        ]

    # A suspended term (art. 17, en espera) is not running, hence not overdue: only EN_CURSO counts.
    consulta = _solicitudes().filter(estado__in=EN_CURSO, fecha_vencimiento__lt=hoy)
    return barrer(consulta, avisos, orden=("fecha_vencimiento", "pk"), lote=lote)


def limite_traslado(fecha_radicacion_efectiva: date) -> date:
    # Ley 1755/2015 art. 21: remission to the competent authority within 5 days of the radicación.
    return calendario.sumar_dias_habiles(fecha_radicacion_efectiva, DIAS_PARA_TRASLADAR)


def _radicadas_con_limite_entre(desde: date, hasta: date) -> tuple[date, date] | None:
    """The effective filing dates whose art. 21 limit falls in [desde, hasta], as a range.

    The limit grows with the filing date, so the dates form one interval; 5 business days never span
    more than three weeks of calendar, whatever the holidays.
    """
    candidatas = [
        desde - timedelta(days=n)
        for n in range(3 * 7 + 1)
        if desde <= limite_traslado(desde - timedelta(days=n)) <= hasta
    ]
    if not candidatas:
        return None
    return min(candidatas), max(candidatas)


def _barrer_traslados(hoy: date, p: Politica, quien: _Destinatarios, lote: int) -> Resumen:
    rango = _radicadas_con_limite_entre(hoy, calendario.sumar_dias_habiles(hoy, p.umbrales_traslado[0]))
    if rango is None:
        return Resumen()

    def avisos(s: Solicitud) -> list[Aviso]:
        limite = limite_traslado(s.fecha_radicacion_efectiva)
        restantes = calendario.dias_habiles_entre(hoy, limite)
        umbral = umbral_aplicable(restantes, p.umbrales_traslado)
        if umbral is None:
            return []
        contexto = {
            **_contexto_interno(s, hoy),
            "restantes": restantes,
            "limite_traslado": fecha_larga(limite),
        }
        return [
            Aviso(
                TIPO_TRASLADO,
                f"{umbral}:{limite.isoformat()}",
                lambda: _mensajes(quien.a_cargo(s), "traslado", contexto),
            )
        ]

    # Still unassigned (radicada): nobody has yet decided whether the entity is competent.
    consulta = _solicitudes().filter(estado=Estado.RADICADA, fecha_radicacion_efectiva__range=rango)
    return barrer(consulta, avisos, orden=("fecha_radicacion_efectiva", "pk"), lote=lote)


def _barrer_plazo_ciudadano(hoy: date, p: Politica, lote: int) -> Resumen:
    """Ley 1755/2015 art. 17: remind the petitioner before their month to complete the request ends."""

    def avisos(s: Solicitud) -> list[Aviso]:
        limite = s.fecha_limite_ciudadano
        contexto = {
            **contexto_solicitud(s),
            "fecha_limite": fecha_larga(limite),
            "restantes": calendario.dias_habiles_entre(hoy, limite),
            "puede_ampliar": not s.plazo_ciudadano_ampliado,
        }
        return [
            Aviso(
                TIPO_PLAZO_CIUDADANO,
                limite.isoformat(),
                lambda: [Mensaje(s.correo, PLANTILLAS + "plazo_ciudadano", contexto)],
            )
        ]

    consulta = (
        _solicitudes()
        .filter(
            estado=Estado.EN_ESPERA_CIUDADANO,
            fecha_limite_ciudadano__gte=hoy,
            fecha_limite_ciudadano__lte=calendario.sumar_dias_habiles(hoy, p.aviso_ciudadano_dias),
        )
        .exclude(correo="")
    )
    return barrer(consulta, avisos, orden=("fecha_limite_ciudadano", "pk"), lote=lote)


def _barrer_desistimientos(hoy: date, quien: _Destinatarios, lote: int) -> Resumen:
    """Ley 1755/2015 art. 17: the month ran out; the authority may now declare desistimiento tácito."""

    def avisos(s: Solicitud) -> list[Aviso]:
        limite = s.fecha_limite_ciudadano
        contexto = {**_contexto_interno(s, hoy), "fecha_limite": fecha_larga(limite)}
        return [
            Aviso(
                TIPO_DESISTIMIENTO,
                limite.isoformat(),
                lambda: _mensajes(quien.a_cargo(s), "desistimiento", contexto),
            )
        ]

    consulta = _solicitudes().filter(estado=Estado.EN_ESPERA_CIUDADANO, fecha_limite_ciudadano__lt=hoy)
    return barrer(consulta, avisos, orden=("fecha_limite_ciudadano", "pk"), lote=lote)


# --- Daily digest ------------------------------------------------------------------------------

GRUPOS_RESUMEN = (Semaforo.ROJO, Semaforo.AMARILLO, Semaforo.VERDE, Semaforo.GRIS)


def resumen_de(usuario: Usuario, hoy: date, *, maximo: int) -> list[dict]:
    """A funcionario's running requests grouped by traffic light, most urgent group first."""
    grupos: dict[str, list[dict]] = {g.value: [] for g in GRUPOS_RESUMEN}
    solicitudes = (
        Solicitud.objects.filter(responsable=usuario, estado__in=EN_CURSO)
        .select_related("modalidad")
        .order_by("fecha_vencimiento", "pk")
    )
    for s in solicitudes:
        restantes = calendario.dias_habiles_entre(hoy, s.fecha_vencimiento) if s.fecha_vencimiento else None
        grupos[semaforo(s, hoy).value].append(
            {
                "radicado": s.radicado,
                "asunto": s.asunto,
                "fecha_vencimiento": fecha_larga(s.fecha_vencimiento),
                "restantes": restantes,
                "url_admin": url_admin(s.pk),
            }
        )
    return [
        {
            "semaforo": g.value,
            "nombre": str(g.label),
            "total": len(grupos[g.value]),
            "solicitudes": grupos[g.value][:maximo],
            "ocultas": max(0, len(grupos[g.value]) - maximo),
        }
        for g in GRUPOS_RESUMEN
        if grupos[g.value]
    ]


def enviar_resumenes_diarios(*, hoy: date | None = None, lote: int | None = None) -> Resumen:
    """One digest per funcionario with running requests, once per business day (objeto = the user)."""
    hoy = hoy or hoy_en_bogota()
    if not es_dia_de_recordatorios(hoy):
        return Resumen()
    p = politica()

    def avisos(usuario: Usuario) -> list[Aviso]:
        def mensajes() -> list[Mensaje]:
            grupos = resumen_de(usuario, hoy, maximo=p.resumen_max_por_grupo)
            contexto = {
                "nombre": usuario.get_full_name(),
                "hoy": fecha_larga(hoy),
                "grupos": grupos,
                "total": sum(g["total"] for g in grupos),
                "url_admin": settings.MUNICIPIO["sitio"].rstrip("/") + reverse("admin:index"),
            }
            return [Mensaje(usuario.email, PLANTILLAS + "resumen_diario", contexto)]

        return [Aviso(TIPO_RESUMEN, hoy.isoformat(), mensajes)]

    # Users who are responsable of a running request (index pqrs_responsable_idx answers the EXISTS).
    consulta = (
        Usuario.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Exists(Solicitud.objects.filter(responsable=OuterRef("pk"), estado__in=EN_CURSO)))
    )
    return barrer(consulta, avisos, lote=lote or p.lote)


def describir(resultado: dict[str, Resumen] | Resumen) -> dict:
    """A JSON-friendly summary for task results and logs."""
    if isinstance(resultado, Resumen):
        return resultado.como_dict()
    return {tipo: resumen.como_dict() for tipo, resumen in resultado.items()}
