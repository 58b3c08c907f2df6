"""What the public portal of the consejos reads: published actas (their vigente version only), sessions,
members and commitments, each in a fixed number of queries whatever the number of rows.

An acta is public only through `VersionActa.objects.vigentes()`: a draft, an approved acta not yet
published, or the draft of a correction is never read here. Lists of versions defer the frozen HTML, the
text and the search vector, which only the acta's own page needs.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from civic.busqueda import buscar, en_postgres
from civic.models import Comuna
from civic.plazos import semaforo
from consejos.models import (
    Anexo,
    Compromiso,
    EstadoSesion,
    EventoCompromiso,
    Evidencia,
    Instancia,
    Integrante,
    RolIntegrante,
    Sesion,
    VersionActa,
)
from consejos.workflow import MAQUINA_COMPROMISO, EstadoCompromiso

# How many upcoming sessions and latest actas a page lists (the rest are in the instancia's or comuna's page).
PROXIMAS = 8
RECIENTES = 8

# A list of versions never loads what only the acta's page shows.
_PESADOS = ("html", "texto", "vector")


def _versiones() -> QuerySet[VersionActa]:
    return VersionActa.objects.vigentes().select_related("instancia", "comuna").defer(*_PESADOS)


def _con_acta_publicada(sesiones: QuerySet[Sesion]) -> QuerySet[Sesion]:
    """Each session with `acta_publicada`: the id of its acta when a version of it is published, else None."""
    publicada = VersionActa.objects.vigentes().filter(acta__sesion=OuterRef("pk")).values("acta_id")[:1]
    return sesiones.annotate(acta_publicada=Subquery(publicada))


def _en_comuna(comuna: Comuna) -> Q:
    # Held in the comuna, or of one of its instancias when the session did not say where.
    return Q(comuna=comuna) | Q(comuna__isnull=True, instancia__comuna=comuna)


# ---- Home page ----


@dataclass(frozen=True)
class ComunaConActas:
    comuna: Comuna
    actas: int


def comunas_con_actas() -> list[ComunaConActas]:
    """Every comuna and corregimiento with how many published actas it has (two queries)."""
    cuantas = dict(
        VersionActa.objects.vigentes()
        .filter(comuna__isnull=False)
        .order_by()
        .values_list("comuna_id")
        .annotate(n=Count("id"))
    )
    return [ComunaConActas(c, cuantas.get(c.pk, 0)) for c in Comuna.objects.order_by("tipo", "numero")]


def instancias_municipales() -> QuerySet[Instancia]:
    """The active instancias of municipal scope (those of a comuna are listed on the comuna's page)."""
    return Instancia.objects.filter(activa=True, comuna__isnull=True).order_by("nombre")


def proximas_sesiones(
    *, comuna: Comuna | None = None, instancia: Instancia | None = None, ahora: datetime | None = None
) -> list[Sesion]:
    """The next programmed sessions (from now on), nearest first, at most PROXIMAS."""
    filas = Sesion.objects.filter(
        estado=EstadoSesion.PROGRAMADA, inicio__gte=ahora or timezone.now()
    ).select_related("instancia", "comuna")
    if comuna is not None:
        filas = filas.filter(_en_comuna(comuna))
    if instancia is not None:
        filas = filas.filter(instancia=instancia)
    return list(filas.order_by("inicio", "id")[:PROXIMAS])


def actas_recientes() -> list[VersionActa]:
    """The latest published versions, most recently published first."""
    return list(_versiones().order_by("-publicada_en", "-id")[:RECIENTES])


# ---- A comuna ----


def comuna(pk: int) -> Comuna | None:
    return Comuna.objects.filter(pk=pk).first()


def ultima_sesion(comuna: Comuna, *, ahora: datetime | None = None) -> Sesion | None:
    """The last session held in the comuna, with `acta_publicada` (its acta's id once published)."""
    filas = Sesion.objects.filter(_en_comuna(comuna), estado=EstadoSesion.REALIZADA)
    filas = filas.filter(inicio__lte=ahora or timezone.now()).select_related("instancia", "comuna")
    return _con_acta_publicada(filas).order_by("-inicio", "-id").first()


def actas_de_comuna(comuna: Comuna) -> QuerySet[VersionActa]:
    """Published actas of sessions held in the comuna, or of its instancias; newest session first."""
    return (
        _versiones().filter(Q(comuna=comuna) | Q(instancia__comuna=comuna)).order_by("-fecha_sesion", "-id")
    )


def instancias_de_comuna(comuna: Comuna) -> QuerySet[Instancia]:
    return Instancia.objects.filter(activa=True, comuna=comuna).order_by("nombre")


# ---- An instancia ----


@dataclass(frozen=True)
class AvanceMinimo:
    """The law's minimum of sessions a year against those held so far (CMPS: 4, Ley 1098/2006 art. 207)."""

    minimo: int
    realizadas: int
    esperadas: int  # pro rata by date: how many should have been held by today

    @property
    def atrasada(self) -> bool:
        return self.realizadas < self.esperadas


def esperadas_a_la_fecha(minimo: int, hoy: date) -> int:
    """Sessions due by `hoy` if the minimum is spread evenly over the year (4 a year: one per quarter,
    so the first is due once a quarter of the year has passed)."""
    dias = 366 if calendar.isleap(hoy.year) else 365
    transcurridos = hoy.timetuple().tm_yday
    return minimo * transcurridos // dias


def avance_minimo(instancia: Instancia, *, hoy: date | None = None) -> AvanceMinimo | None:
    """None when no law sets a minimum for the instancia; else its sessions held this year (one query)."""
    if not instancia.sesiones_minimas_anio:
        return None
    hoy = hoy or timezone.localdate()
    realizadas = Sesion.objects.filter(
        instancia=instancia, estado=EstadoSesion.REALIZADA, anio=hoy.year
    ).count()
    minimo = instancia.sesiones_minimas_anio
    return AvanceMinimo(minimo, realizadas, esperadas_a_la_fecha(minimo, hoy))


def instancia(pk: int, *, hoy: date | None = None) -> Instancia | None:
    """An instancia with its current members (`vigentes`), their organizations, and its secretariat."""
    hoy = hoy or timezone.localdate()
    miembros = (
        Integrante.objects.filter(inicio__lte=hoy)
        .exclude(fin__lt=hoy)
        .select_related("organizacion")
        .order_by("nombre", "id")
    )
    encontrada = (
        Instancia.objects.select_related("comuna", "secretaria_tecnica")
        .prefetch_related(Prefetch("integrantes", queryset=miembros, to_attr="vigentes"))
        .filter(pk=pk)
        .first()
    )
    if encontrada is not None:
        # Who presides first, then the secretariat, the members and the permanent guests.
        orden = {rol: i for i, rol in enumerate(RolIntegrante.values)}
        encontrada.vigentes.sort(key=lambda i: orden.get(i.rol, len(orden)))
    return encontrada


def actas_de_instancia(instancia: Instancia) -> QuerySet[VersionActa]:
    return _versiones().filter(instancia=instancia).order_by("-fecha_sesion", "-id")


# ---- An acta ----


@dataclass(frozen=True)
class ActaPublica:
    version: VersionActa  # the one shown: the vigente, or an earlier one
    vigente: VersionActa
    versiones: list[VersionActa]  # every published version, newest first, without their HTML
    anexos: list[Anexo]  # the public annexes of its session

    @property
    def reemplazada(self) -> bool:
        return self.version.pk != self.vigente.pk

    @property
    def anteriores(self) -> list[VersionActa]:
        return [v for v in self.versiones if v.pk != self.vigente.pk]


def acta(pk: int, *, numero: int | None = None) -> ActaPublica | None:
    """The published acta `pk` (its vigente version, or version `numero`); None if it was never published.
    Four queries at most."""
    vigente = (
        VersionActa.objects.vigentes()
        .select_related("acta__sesion", "instancia", "comuna")
        .filter(acta_id=pk)
        .first()
    )
    if vigente is None:
        return None
    versiones = list(VersionActa.objects.filter(acta_id=pk).defer(*_PESADOS).order_by("-numero"))
    version = vigente
    if numero is not None and numero != vigente.numero:
        version = (
            VersionActa.objects.filter(acta_id=pk, numero=numero)
            .select_related("acta__sesion", "instancia", "comuna")
            .first()
        )
        if version is None:
            return None
    anexos = list(Anexo.objects.filter(sesion_id=vigente.acta.sesion_id, publico=True).order_by("id"))
    return ActaPublica(version, vigente, versiones, anexos)


def anexo_publico(acta_pk: int, anexo_pk: int) -> Anexo | None:
    """A public annex of a published acta's session."""
    publicada = VersionActa.objects.vigentes().filter(acta_id=acta_pk).values("acta__sesion_id")
    return Anexo.objects.filter(pk=anexo_pk, publico=True, sesion_id__in=publicada).first()


# ---- Search ----


def buscar_actas(
    texto: str, *, comuna: Comuna | None = None, instancia: Instancia | None = None
) -> QuerySet[VersionActa]:
    """Published actas matching `texto` (civic.busqueda: ranked with snippets on PostgreSQL, a plain
    match on SQLite, newest first), narrowed to a comuna or an instancia."""
    filas = VersionActa.objects.vigentes().select_related("instancia", "comuna")
    if comuna is not None:
        filas = filas.filter(Q(comuna=comuna) | Q(instancia__comuna=comuna))
    if instancia is not None:
        filas = filas.filter(instancia=instancia)
    # PostgreSQL makes the snippet itself: the text stays in the database; SQLite needs it for fragmento_de.
    filas = filas.defer("html", "vector", "texto") if en_postgres() else filas.defer("html", "vector")
    if not en_postgres():
        filas = filas.order_by("-fecha_sesion", "-id")
    encontradas = buscar(
        filas, texto, vector_campo="vector", texto_campo="texto", campos_respaldo=("titulo", "texto")
    )
    return encontradas.order_by("-rango", "-fecha_sesion", "-id") if en_postgres() else encontradas


# ---- Commitments ----

_CORRE = Q(estado__in=MAQUINA_COMPROMISO.en_curso)


@dataclass(frozen=True)
class FilaCompromiso:
    compromiso: Compromiso
    luz: semaforo.Semaforo


@dataclass(frozen=True)
class Tablero:
    totales: dict[str, int]  # per light value, over the whole comuna (not the filters)
    por_estado: dict[str, int]


def _orden_por_luz(hoy: date) -> Case:
    """Most urgent first (red, yellow, green, then the finished ones), in SQL, so pages keep the groups."""
    return Case(
        *(
            When(semaforo.condicion(luz, hoy, en_curso=_CORRE), then=Value(i))
            for i, luz in enumerate(semaforo.POR_URGENCIA)
        ),
        output_field=IntegerField(),
    )


def compromisos_de_comuna(
    comuna: Comuna, *, hoy: date, luz: str = "", estado: str = ""
) -> QuerySet[Compromiso]:
    """The comuna's commitments by light then due date, with who answers for them and where they were
    made; filtered by light (the kernel's date ranges) and by state."""
    filas = Compromiso.objects.filter(comuna=comuna)
    if luz:
        filas = filas.filter(semaforo.condicion(luz, hoy, en_curso=_CORRE))
    if estado:
        filas = filas.filter(estado=estado)
    return filas.select_related("dependencia", "organizacion", "integrante", "sesion__instancia").order_by(
        _orden_por_luz(hoy), "fecha_vencimiento", "id"
    )


def con_luz(compromisos, hoy: date) -> list[FilaCompromiso]:
    corre = MAQUINA_COMPROMISO.en_curso
    return [
        FilaCompromiso(c, semaforo.luz(c.fecha_vencimiento, hoy, en_curso=c.estado in corre))
        for c in compromisos
    ]


def tablero(comuna: Comuna, *, hoy: date) -> Tablero:
    """How many commitments of the comuna are in each light and each state (one query)."""
    condiciones = {luz.value: semaforo.condicion(luz, hoy, en_curso=_CORRE) for luz in semaforo.POR_URGENCIA}
    estados = {e.value: Q(estado=e) for e in EstadoCompromiso}
    totales = Compromiso.objects.filter(comuna=comuna).aggregate(
        **{f"luz_{k}": Count("id", filter=q) for k, q in condiciones.items()},
        **{f"estado_{k}": Count("id", filter=q) for k, q in estados.items()},
    )
    return Tablero(
        {k: totales[f"luz_{k}"] or 0 for k in condiciones},
        {k: totales[f"estado_{k}"] or 0 for k in estados},
    )


@dataclass(frozen=True)
class CompromisoPublico:
    compromiso: Compromiso
    luz: semaforo.Semaforo
    eventos: list[EventoCompromiso]  # public ones, oldest first, each with `publicas` (its evidence)
    revisiones: list[Sesion]  # sessions where it was reviewed, with `acta_publicada`
    sesion: Sesion  # where it was made, with `acta_publicada`


def compromiso(pk: int, *, hoy: date) -> CompromisoPublico | None:
    """A commitment's public page: five queries, whatever the length of its timeline."""
    encontrado = (
        Compromiso.objects.select_related("dependencia", "organizacion", "integrante", "comuna")
        .prefetch_related(
            Prefetch(
                "eventos",
                queryset=EventoCompromiso.objects.publicos()
                .prefetch_related(
                    Prefetch(
                        "evidencias", queryset=Evidencia.objects.filter(publico=True), to_attr="publicas"
                    )
                )
                .order_by("momento", "id"),
                to_attr="publicos",
            )
        )
        .filter(pk=pk)
        .first()
    )
    if encontrado is None:
        return None
    sesiones = _con_acta_publicada(Sesion.objects.select_related("instancia", "comuna"))
    sesion = sesiones.get(pk=encontrado.sesion_id)
    revisiones = list(sesiones.filter(compromisos_revisados=encontrado).order_by("inicio", "id"))
    [fila] = con_luz([encontrado], hoy)
    return CompromisoPublico(encontrado, fila.luz, encontrado.publicos, revisiones, sesion)


def evidencia_publica(compromiso_pk: int, evidencia_pk: int) -> Evidencia | None:
    """A public evidence file of a public follow-up."""
    return (
        Evidencia.objects.filter(pk=evidencia_pk, compromiso_id=compromiso_pk, publico=True)
        .filter(Q(evento__isnull=True) | Q(evento__publico=True, evento__interno=False))
        .first()
    )


def compromisos_publicos(ids, *, hoy: date) -> list[FilaCompromiso]:
    """The commitments of these ids with their light, for another app's page (a plan goal's): one query."""
    filas = (
        Compromiso.objects.filter(pk__in=list(ids))
        .select_related("dependencia", "organizacion", "integrante", "sesion__instancia")
        .order_by(_orden_por_luz(hoy), "fecha_vencimiento", "id")
    )
    return con_luz(filas, hoy)
