"""Audiencias as the public sees them: the calendar, an audiencia with what was published of it (topics,
questions and answers, memorias, the survey's results, the improvement actions with their traffic light),
in a fixed number of queries; and a question as its petitioner tracks it."""

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet

from civic.plazos import semaforo
from rendicion.models import (
    AccionMejora,
    Audiencia,
    Evaluacion,
    EventoPregunta,
    Informe,
    Pregunta,
    PropuestaTema,
)
from rendicion.workflow import MAQUINA_ACCION, EstadoInforme, EstadoPregunta

# Ley 1757/2015 art. 53: at least two dialogue spaces a year.
MINIMO_ANUAL = 2

PREGUNTAS_EVALUACION = ("informacion_clara", "preguntas_atendidas", "organizacion")
ESCALA = range(1, 6)


def _anio(momento: datetime) -> int:
    return momento.astimezone(ZoneInfo(settings.TIME_ZONE)).year


@dataclass
class Anio:
    anio: int
    audiencias: list[Audiencia] = field(default_factory=list)

    @property
    def cuantas(self) -> int:
        return len(self.audiencias)

    @property
    def pocas(self) -> bool:
        return self.cuantas < MINIMO_ANUAL


@dataclass
class Calendario:
    proximas: list[Audiencia]
    pasadas: list[Audiencia]
    anios: list[Anio]  # newest first, the current year always present

    @property
    def anios_con_pocas(self) -> list[Anio]:
        return [a for a in self.anios if a.pocas]


def calendario(ahora: datetime) -> Calendario:
    """Every audiencia (one query: a handful a year), split around `ahora` and grouped by year."""
    todas = list(Audiencia.objects.only("id", "titulo", "fecha", "lugar").order_by("fecha", "id"))
    anios: dict[int, Anio] = {_anio(ahora): Anio(_anio(ahora))}
    for audiencia in todas:
        anios.setdefault(_anio(audiencia.fecha), Anio(_anio(audiencia.fecha))).audiencias.append(audiencia)
    return Calendario(
        proximas=[a for a in todas if a.fecha >= ahora],
        pasadas=[a for a in reversed(todas) if a.fecha < ahora],
        anios=[anios[k] for k in sorted(anios, reverse=True)],
    )


def audiencia(pk: int) -> Audiencia | None:
    return Audiencia.objects.filter(pk=pk).first()


def _fue_publicada() -> Exists:
    return Exists(EventoPregunta.objects.filter(pregunta=OuterRef("pk"), tipo="publicada"))


def preguntas_publicas(audiencia_id: int) -> QuerySet[Pregunta]:
    """Published questions (still open, or answered after being published), with how many equal ones were
    merged into each. Only public fields: never who asked."""
    return (
        Pregunta.objects.filter(audiencia_id=audiencia_id)
        .annotate(publicada=_fue_publicada(), unidas=Count("fusionadas"))
        .filter(Q(estado=EstadoPregunta.PUBLICADA) | Q(estado=EstadoPregunta.RESPONDIDA, publicada=True))
        .only("id", "radicado", "texto", "estado", "respuesta", "respondida_en", "radicada_en")
        .order_by("radicada_en", "id")
    )


@dataclass
class ConteoPreguntas:
    recibidas: int
    respondidas: int
    respondidas_sin_publicar: int
    por_responder: int


def conteo_preguntas(audiencia_id: int) -> ConteoPreguntas:
    d = (
        Pregunta.objects.filter(audiencia_id=audiencia_id)
        .annotate(publicada=_fue_publicada())
        .aggregate(
            recibidas=Count("id"),
            respondidas=Count("id", filter=Q(estado=EstadoPregunta.RESPONDIDA)),
            sin_publicar=Count("id", filter=Q(estado=EstadoPregunta.RESPONDIDA, publicada=False)),
            por_responder=Count(
                "id",
                filter=Q(
                    estado__in=[EstadoPregunta.RECIBIDA, EstadoPregunta.PUBLICADA, EstadoPregunta.RECHAZADA]
                ),
            ),
        )
    )
    return ConteoPreguntas(d["recibidas"], d["respondidas"], d["sin_publicar"], d["por_responder"])


@dataclass
class ResultadoPregunta:
    campo: str
    texto: str
    promedio: float | None
    respuestas: int
    por_valor: list[tuple[int, int]]  # (1..5, how many)


def _texto_pregunta(campo: str) -> str:
    modelo = Evaluacion._meta.get_field(campo)
    return str(getattr(modelo, "verbose_name", campo))


def resultados_evaluacion(audiencia_id: int) -> tuple[int, list[ResultadoPregunta]]:
    """(answers, per question: average, count and the count of each score), in one aggregate query."""
    agregados: dict = {"total": Count("id")}
    for campo in PREGUNTAS_EVALUACION:
        agregados[f"{campo}__avg"] = Avg(campo)
        for valor in ESCALA:
            agregados[f"{campo}__{valor}"] = Count("id", filter=Q(**{campo: valor}))
    d = Evaluacion.objects.filter(audiencia_id=audiencia_id).aggregate(**agregados)
    resultados = [
        ResultadoPregunta(
            campo=campo,
            texto=_texto_pregunta(campo),
            promedio=round(d[f"{campo}__avg"], 1) if d[f"{campo}__avg"] is not None else None,
            respuestas=d["total"],
            por_valor=[(v, d[f"{campo}__{v}"]) for v in ESCALA],
        )
        for campo in PREGUNTAS_EVALUACION
    ]
    return d["total"], resultados


@dataclass
class FilaAccion:
    accion: AccionMejora
    luz: str


def acciones(audiencia_id: int, hoy: date) -> list[FilaAccion]:
    """Improvement actions with their owner and light: overdue by itself once its date passes."""
    filas = AccionMejora.objects.filter(audiencia_id=audiencia_id).select_related("dependencia")
    return [
        FilaAccion(
            a,
            semaforo.luz(a.fecha_vencimiento, hoy, en_curso=a.estado in MAQUINA_ACCION.en_curso).value,
        )
        for a in filas
    ]


def detalle(pk: int) -> Audiencia | None:
    """The audiencia with its published informes and published topics prefetched (3 queries)."""
    return (
        Audiencia.objects.prefetch_related(
            Prefetch(
                "informes",
                queryset=Informe.objects.filter(estado=EstadoInforme.PUBLICADO).order_by("-fecha"),
                to_attr="informes_publicados",
            ),
            Prefetch(
                "propuestas",
                queryset=PropuestaTema.objects.filter(publicada=True).order_by("creada", "id"),
                to_attr="temas_publicados",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def pregunta_para_peticionario(pk: int) -> Pregunta | None:
    """The question the browser that filed it may see on its acknowledgement."""
    return Pregunta.objects.select_related("audiencia").filter(pk=pk).first()
