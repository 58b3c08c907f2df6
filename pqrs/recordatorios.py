"""Reminders of PQRS terms, so that no petition expires unnoticed (Ley 1755 de 2015): six declared rules
and the PQRS section of the daily digest. Recording each reminder exactly once, the sweep, the escalation
chain and the digest itself are the kernel's (`civic.plazos`).

Every reminder is counted in business days from `hoy` and keyed by the date it is about, so a prórroga,
a restarted term or an extended citizen deadline gets reminders of its own. When sweeps were missed, only
the most urgent reminder that applies today goes out, never the whole backlog and never twice.

Configuration: the `PQRS_RECORDATORIOS` setting or environment variable (JSON), each key defaulting to
`POR_DEFECTO`. A setting rather than an admin table: the thresholds are a policy decided once with the
legal office and changed with a deploy, and a sweep must never depend on rows someone can delete.
"""

from dataclasses import dataclass
from functools import partial

import environ
from django.conf import settings
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from civic.formato import fecha_larga
from civic.models import Usuario
from civic.plazos.destinatarios import Cadena
from civic.plazos.recordatorios import Ocurrencia, Regla
from civic.plazos.resumen import SeccionResumen
from pqrs.emails import contexto_solicitud, url_admin
from pqrs.models import CANALES_VERBALES, Solicitud
from pqrs.roles import COORDINACION_PQRS
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
    # Art. 20: priority requests are reminded earlier and more often, and every business day once overdue.
    "umbrales_prioritarias": (5, 3, 2, 1, 0),
    "repetir_prioritarias_cada": 1,
}

TIPO_POR_VENCER = "pqrs.por_vencer"
TIPO_VENCIDA = "pqrs.vencida"
TIPO_POR_VENCER_PRIORITARIA = "pqrs.por_vencer_prioritaria"
TIPO_VENCIDA_PRIORITARIA = "pqrs.vencida_prioritaria"
TIPO_TRASLADO = "pqrs.traslado"
TIPO_PLAZO_CIUDADANO = "pqrs.plazo_ciudadano"
TIPO_DESISTIMIENTO = "pqrs.desistimiento"
TIPO_SIN_CORREGIR = "pqrs.sin_corregir"

PLANTILLAS = "pqrs/emails/recordatorio_"


@dataclass(frozen=True)
class Politica:
    umbrales: tuple[int, ...]
    repetir_vencidas_cada: int
    umbrales_traslado: tuple[int, ...]
    aviso_ciudadano_dias: int
    umbrales_prioritarias: tuple[int, ...]
    repetir_prioritarias_cada: int


def _configurada() -> dict:
    # A test or a settings module may set it; otherwise the environment (JSON), like every setting.
    if hasattr(settings, "PQRS_RECORDATORIOS"):
        return settings.PQRS_RECORDATORIOS
    return environ.Env().json("PQRS_RECORDATORIOS", default={})


def politica() -> Politica:
    """The configured policy, read at call time so tests and deploys can change it."""
    valores = {**POR_DEFECTO, **_configurada()}
    umbrales = tuple(sorted({int(u) for u in valores["umbrales"]}, reverse=True))
    traslado = tuple(sorted({int(u) for u in valores["umbrales_traslado"]}, reverse=True))
    prioritarias = tuple(sorted({int(u) for u in valores["umbrales_prioritarias"]}, reverse=True))
    if not umbrales or umbrales[-1] < 0 or not prioritarias or prioritarias[-1] < 0:
        raise ValueError("PQRS_RECORDATORIOS thresholds need business-day counts >= 0")
    if not traslado or traslado[-1] < 0 or traslado[0] >= DIAS_PARA_TRASLADAR:
        raise ValueError(
            f"PQRS_RECORDATORIOS['umbrales_traslado'] must be within 0..{DIAS_PARA_TRASLADAR - 1}"
        )
    return Politica(
        umbrales=umbrales,
        repetir_vencidas_cada=max(1, int(valores["repetir_vencidas_cada"])),
        umbrales_traslado=traslado,
        aviso_ciudadano_dias=max(0, int(valores["aviso_ciudadano_dias"])),
        umbrales_prioritarias=prioritarias,
        repetir_prioritarias_cada=max(1, int(valores["repetir_prioritarias_cada"])),
    )


def _contexto_interno(solicitud: Solicitud, ocurrencia: Ocurrencia) -> dict:
    """What staff mail says about a request; no personal data of the petitioner (Ley 1581 de 2012)."""
    return {
        "radicado": solicitud.radicado,
        "asunto": solicitud.asunto,
        "modalidad": solicitud.modalidad_nombre,
        "dependencia": solicitud.dependencia.nombre if solicitud.dependencia else "",
        "fecha_radicacion": fecha_larga(solicitud.fecha_radicacion_efectiva),
        "fecha_vencimiento": fecha_larga(solicitud.fecha_vencimiento),
        "prorrogada": solicitud.prorrogada,
        "url_admin": url_admin(solicitud.pk),
        "hoy": fecha_larga(ocurrencia.hoy),
        "restantes": ocurrencia.restantes,
        "dias_vencida": -ocurrencia.restantes,
    }


# What the reminders read of a request and of the people told: a sweep locks and loads thousands of rows,
# and a model instance costs in proportion to its columns (descripcion alone can be 5,000 characters).
_CAMPOS = (
    "estado",
    "canal",
    "radicado",
    "asunto",
    "fecha_radicacion_efectiva",
    "fecha_vencimiento",
    "prorrogada",
    "plazo_dias",
    "fecha_limite_ciudadano",
    "plazo_ciudadano_ampliado",
    *("anonima", "tipo_persona", "nombres", "apellidos", "razon_social", "correo"),
)
_PERSONA = ("email", "first_name", "last_name", "is_active")
# Who is in charge (responsable → the dependencia's inbox); an escalation also reads the head.
_A_CARGO = (
    "dependencia__nombre",
    "dependencia__correo",
    *(f"responsable__{campo}" for campo in _PERSONA),
)
_ESCALADA = (*_A_CARGO, *(f"dependencia__jefe__{campo}" for campo in _PERSONA))


def _solicitudes(*campos: str) -> QuerySet[Solicitud]:
    """Requests with only what their reminders read (see _CAMPOS), their relations joined; the modality's
    name comes as a column, not as one more model instance per row."""
    relaciones = {campo.rsplit("__", 1)[0] for campo in (*_CAMPOS, *campos) if "__" in campo}
    return (
        Solicitud.objects.select_related(*relaciones)
        .only(*_CAMPOS, *campos)
        .annotate(modalidad_nombre=F("modalidad__nombre"))
    )


def _en_curso(campos: tuple[str, ...], prioritaria: bool) -> QuerySet[Solicitud]:
    return _solicitudes(*campos).filter(estado__in=EN_CURSO, prioritaria=prioritaria)


def reglas() -> list[Regla]:
    """The PQRS reminders, read from the policy at each sweep (registered in pqrs.apps)."""
    p = politica()
    cadena = Cadena(COORDINACION_PQRS)
    return [
        # Running terms, twice: ordinary requests with the policy's thresholds, priority ones (art. 20)
        # earlier and more often. Before the due date the person in charge is told; once overdue (a
        # suspended term, art. 17, is not running, hence never overdue), the chain up to Coordinación.
        *(
            regla
            for prioritaria, por_vencer, vencida, antes, cada in (
                (False, TIPO_POR_VENCER, TIPO_VENCIDA, p.umbrales, p.repetir_vencidas_cada),
                (
                    True,
                    TIPO_POR_VENCER_PRIORITARIA,
                    TIPO_VENCIDA_PRIORITARIA,
                    p.umbrales_prioritarias,
                    p.repetir_prioritarias_cada,
                ),
            )
            for regla in (
                Regla(
                    tipo=por_vencer,
                    consulta=partial(_en_curso, _A_CARGO, prioritaria),
                    campo="fecha_vencimiento",
                    antes=antes,
                    plantilla=PLANTILLAS + "por_vencer",
                    destinatarios=lambda s: cadena.a_cargo(s.responsable, s.dependencia),
                    contexto=_contexto_interno,
                ),
                Regla(
                    tipo=vencida,
                    consulta=partial(_en_curso, _ESCALADA, prioritaria),
                    campo="fecha_vencimiento",
                    despues=cada,
                    plantilla=PLANTILLAS + "vencida",
                    destinatarios=lambda s: cadena.escalada(s.responsable, s.dependencia),
                    contexto=_contexto_interno,
                ),
            )
        ),
        # Ley 1755/2015 art. 21: remission to the competent authority within 5 days of the radicación,
        # while nobody has yet decided whether the entity is competent (still unassigned).
        Regla(
            tipo=TIPO_TRASLADO,
            # A verbal petition has no window to remind of: it is remitted the day it is received.
            consulta=lambda: (
                _solicitudes(*_A_CARGO).filter(estado=Estado.RADICADA).exclude(canal__in=CANALES_VERBALES)
            ),
            campo="fecha_radicacion_efectiva",
            dias_despues=DIAS_PARA_TRASLADAR,
            antes=p.umbrales_traslado,
            plantilla=PLANTILLAS + "traslado",
            destinatarios=lambda s: cadena.a_cargo(s.responsable, s.dependencia),
            contexto=lambda s, o: {**_contexto_interno(s, o), "limite_traslado": fecha_larga(o.fecha)},
        ),
        # Ley 1755/2015 art. 17: the petitioner, before their month to complete the request ends.
        Regla(
            tipo=TIPO_PLAZO_CIUDADANO,
            # The petitioner's mail names the modality the way every PQRS letter does (contexto_solicitud).
            consulta=lambda: (
                _solicitudes("modalidad__nombre").filter(estado=Estado.EN_ESPERA_CIUDADANO).exclude(correo="")
            ),
            campo="fecha_limite_ciudadano",
            antes=(p.aviso_ciudadano_dias,),
            una_vez_por_fecha=True,
            plantilla=PLANTILLAS + "plazo_ciudadano",
            destinatarios=lambda s: [(s.correo, "" if s.anonima else s.nombre_peticionario)],
            contexto=lambda s, o: {
                **contexto_solicitud(s),
                "fecha_limite": fecha_larga(o.fecha),
                "restantes": o.restantes,
                "puede_ampliar": not s.plazo_ciudadano_ampliado,
            },
        ),
        # The petitioner's time ran out: Ley 1755/2015 art. 17, the month to complete the request (the
        # authority may declare desistimiento tácito); art. 19, the 10 days to correct it (it may archive).
        *(
            Regla(
                tipo=tipo,
                consulta=partial(_a_cargo_en, estado),
                campo="fecha_limite_ciudadano",
                despues=0,
                una_vez_por_fecha=True,
                plantilla=PLANTILLAS + plantilla,
                destinatarios=lambda s: cadena.a_cargo(s.responsable, s.dependencia),
                contexto=lambda s, o: {**_contexto_interno(s, o), "fecha_limite": fecha_larga(o.fecha)},
            )
            for tipo, estado, plantilla in (
                (TIPO_DESISTIMIENTO, Estado.EN_ESPERA_CIUDADANO, "desistimiento"),
                (TIPO_SIN_CORREGIR, Estado.POR_CORREGIR, "sin_corregir"),
            )
        ),
    ]


def _a_cargo_en(estado: Estado) -> QuerySet[Solicitud]:
    return _solicitudes(*_A_CARGO).filter(estado=estado)


def _pendientes(usuario: Usuario) -> QuerySet[Solicitud]:
    return (
        Solicitud.objects.filter(responsable=usuario, estado__in=EN_CURSO)
        .select_related("modalidad")
        .order_by("fecha_vencimiento", "pk")
    )


SECCION_RESUMEN = SeccionResumen(
    clave="pqrs",
    titulo=_("Solicitudes PQRS"),
    # Users who are responsable of a running request (index pqrs_responsable_idx answers it).
    usuarios=lambda: Usuario.objects.filter(solicitudes_a_cargo__estado__in=EN_CURSO),
    pendientes=_pendientes,
    en_curso=lambda s: s.estado in EN_CURSO,
    vencimiento=lambda s: s.fecha_vencimiento,
    fila=lambda s: {"radicado": s.radicado, "asunto": s.asunto, "url_admin": url_admin(s.pk)},
)
