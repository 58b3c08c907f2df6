"""The plan de desarrollo as shown: every goal with its progress and its traffic light, in one query.

Progress of a leaf goal: (last published milestone − baseline) / (four-year target − baseline), bounded to
0–100 %; without a published milestone, its status's default % (0 without a status). A parent's progress
is the average of its children weighted by their `peso`. A milestone is public from its `publicar_desde`.

Traffic light (the one place of the rule): the progress is compared with the share of the four-year plan
already elapsed (`esperado`, in %). Cumplimiento = progress / esperado:
  - verde («al día»): cumplimiento ≥ 80 %, or nothing is expected yet (esperado < 1 %), or 100 % reached;
  - amarillo («con retraso»): 60 % ≤ cumplimiento < 80 %;
  - rojo («rezagada»): cumplimiento < 60 %.
The plan runs four years from PLAN_DESARROLLO_DESDE (settings; by default 1 January of the current
constitutional period: 2024, 2028…) to PLAN_DESARROLLO_HASTA (default: 31 December three years later).

The goals are few (hundreds at most): all of them and their last public milestone come in one query
(two subqueries on the goals' own query) and the tree is computed in Python, never a query per goal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Case, OuterRef, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consejos.selectors.publico import compromisos_publicos
from rendicion.models import Avance, MetaPlan

CIEN = Decimal(100)
UMBRAL_VERDE = Decimal("0.8")
UMBRAL_AMARILLO = Decimal("0.6")


class Luz(models.TextChoices):
    VERDE = "verde", _("Al día")
    AMARILLO = "amarillo", _("Con retraso")
    ROJO = "rojo", _("Rezagada")


class Origen(models.TextChoices):
    AVANCE = "avance", _("último avance publicado")
    ESTADO = "estado", _("avance por defecto de su estado")
    HIJAS = "hijas", _("promedio ponderado de sus metas hijas")


@dataclass
class NodoMeta:
    meta: MetaPlan
    avance: Decimal  # 0–100, two decimals
    origen: str
    luz: str
    ultimo_valor: Decimal | None = None
    ultima_fecha: date | None = None
    hijas: list[NodoMeta] = field(default_factory=list)
    nivel: int = 0

    @property
    def porcentaje(self) -> int:
        """Rounded for the bar and the screen reader (the text shows one decimal)."""
        return int(self.avance.quantize(Decimal(1)))


@dataclass
class Arbol:
    raices: list[NodoMeta]
    por_pk: dict[int, NodoMeta]
    esperado: Decimal  # % of the plan's time elapsed
    desde: date
    hasta: date

    def nodos(self) -> list[NodoMeta]:
        """Every goal, in tree order (a parent before its children)."""
        salida: list[NodoMeta] = []

        def recorrer(nodos: list[NodoMeta]) -> None:
            for nodo in nodos:
                salida.append(nodo)
                recorrer(nodo.hijas)

        recorrer(self.raices)
        return salida

    def luces(self) -> dict[str, int]:
        conteo = Counter(n.luz for n in self.por_pk.values())
        return {luz.value: conteo.get(luz.value, 0) for luz in Luz}

    def ancestros(self, nodo: NodoMeta) -> list[NodoMeta]:
        camino: list[NodoMeta] = []
        padre = nodo.meta.padre_id
        while padre is not None and padre in self.por_pk and len(camino) < len(self.por_pk):
            camino.insert(0, self.por_pk[padre])
            padre = self.por_pk[padre].meta.padre_id
        return camino


# ---- the plan's time -----------------------------------------------------------------------------------


def periodo_plan(hoy: date) -> tuple[date, date]:
    desde = getattr(settings, "PLAN_DESARROLLO_DESDE", None) or date(hoy.year - hoy.year % 4, 1, 1)
    hasta = getattr(settings, "PLAN_DESARROLLO_HASTA", None) or date(desde.year + 3, 12, 31)
    return desde, hasta


def esperado(hoy: date) -> Decimal:
    """The share of the plan's four years elapsed on `hoy`, in %."""
    desde, hasta = periodo_plan(hoy)
    total = (hasta - desde).days + 1
    corridos = min(max((hoy - desde).days + 1, 0), total)
    return (Decimal(corridos) * CIEN / Decimal(total)).quantize(Decimal("0.01"))


def luz(avance: Decimal, esperado_pct: Decimal) -> str:
    if avance >= CIEN or esperado_pct < 1:
        return Luz.VERDE
    cumplimiento = avance / esperado_pct
    if cumplimiento >= UMBRAL_VERDE:
        return Luz.VERDE
    if cumplimiento >= UMBRAL_AMARILLO:
        return Luz.AMARILLO
    return Luz.ROJO


# ---- progress ------------------------------------------------------------------------------------------


def avance_de_hoja(meta: MetaPlan, valor: Decimal | None) -> tuple[Decimal, str]:
    """(progress in %, where it comes from) of a goal without children."""
    if valor is None:
        defecto = meta.estado.avance_por_defecto if meta.estado is not None else Decimal(0)
        return _acotar(defecto), Origen.ESTADO
    recorrido = meta.meta_cuatrienio - meta.linea_base
    if recorrido == 0:  # nothing to travel: reached or not
        return (CIEN if valor >= meta.meta_cuatrienio else Decimal(0)), Origen.AVANCE
    return _acotar((valor - meta.linea_base) * CIEN / recorrido), Origen.AVANCE


def _acotar(valor: Decimal) -> Decimal:
    return min(max(Decimal(valor), Decimal(0)), CIEN).quantize(Decimal("0.01"))


def _publicados(hoy: date) -> QuerySet[Avance]:
    return Avance.objects.filter(publicar_desde__lte=hoy)


def metas_con_ultimo_avance(hoy: date) -> QuerySet[MetaPlan]:
    """Every goal with the value and date of its last public milestone, in one query."""
    ultimo = _publicados(hoy).filter(meta=OuterRef("pk")).order_by("-fecha", "-id")
    return MetaPlan.objects.select_related("dependencia", "comuna", "estado").annotate(
        ultimo_valor=Subquery(ultimo.values("valor")[:1]),
        ultima_fecha=Subquery(ultimo.values("fecha")[:1]),
    )


def arbol(*, hoy: date | None = None) -> Arbol:
    """The whole plan with every goal's progress and light: one query."""
    hoy = hoy or timezone.localdate()
    esperado_pct = esperado(hoy)
    metas = list(metas_con_ultimo_avance(hoy).order_by("codigo"))
    hijas: dict[int | None, list[MetaPlan]] = {}
    pks = {m.pk for m in metas}
    for meta in metas:
        # A parent outside the list cannot happen (PROTECT); be safe and treat it as a root.
        hijas.setdefault(meta.padre_id if meta.padre_id in pks else None, []).append(meta)
    por_pk: dict[int, NodoMeta] = {}

    def construir(meta: MetaPlan, nivel: int, camino: frozenset[int]) -> NodoMeta:
        propias = [h for h in hijas.get(meta.pk, []) if h.pk not in camino]  # a cycle never loops
        nodos = [construir(h, nivel + 1, camino | {h.pk}) for h in propias]
        avance: Decimal
        origen: str
        if nodos:
            total_peso = sum((n.meta.peso for n in nodos), Decimal(0))
            ponderado = sum((n.avance * n.meta.peso for n in nodos), Decimal(0))
            avance, origen = _acotar(ponderado / total_peso), Origen.HIJAS
        else:
            avance, origen = avance_de_hoja(meta, meta.ultimo_valor)  # type: ignore[attr-defined]
        nodo = NodoMeta(
            meta=meta,
            avance=avance,
            origen=origen,
            luz=luz(avance, esperado_pct),
            ultimo_valor=meta.ultimo_valor,  # type: ignore[attr-defined]
            ultima_fecha=meta.ultima_fecha,  # type: ignore[attr-defined]
            hijas=nodos,
            nivel=nivel,
        )
        por_pk[meta.pk] = nodo
        return nodo

    raices = [construir(m, 0, frozenset({m.pk})) for m in hijas.get(None, [])]
    desde, hasta = periodo_plan(hoy)
    return Arbol(raices, por_pk, esperado_pct, desde, hasta)


def podar(nodos: list[NodoMeta], coincide) -> list[NodoMeta]:
    """The tree keeping the goals that match and their ancestors (copies: the whole tree is untouched)."""
    salida = []
    for nodo in nodos:
        hijas = podar(nodo.hijas, coincide)
        if hijas or coincide(nodo.meta):
            salida.append(
                NodoMeta(
                    nodo.meta,
                    nodo.avance,
                    nodo.origen,
                    nodo.luz,
                    nodo.ultimo_valor,
                    nodo.ultima_fecha,
                    hijas,
                    nodo.nivel,
                )
            )
    return salida


def filtrado(arbol_: Arbol, *, dependencia_id: int | None = None, comuna_id: int | None = None):
    def coincide(meta: MetaPlan) -> bool:
        return (dependencia_id is None or meta.dependencia_id == dependencia_id) and (
            comuna_id is None or meta.comuna_id == comuna_id
        )

    return podar(arbol_.raices, coincide)


def de_dependencia(arbol_: Arbol, dependencia_id: int) -> list[NodoMeta]:
    return [n for n in arbol_.nodos() if n.meta.dependencia_id == dependencia_id]


def de_comuna(arbol_: Arbol, comuna_id: int) -> list[NodoMeta]:
    return [n for n in arbol_.nodos() if n.meta.comuna_id == comuna_id]


def dependencias_con_metas(arbol_: Arbol) -> list:
    vistas = {n.meta.dependencia_id: n.meta.dependencia for n in arbol_.por_pk.values()}
    return sorted(vistas.values(), key=lambda d: d.nombre)


def comunas_con_metas(arbol_: Arbol) -> list:
    vistas = {n.meta.comuna_id: n.meta.comuna for n in arbol_.por_pk.values() if n.meta.comuna is not None}
    return sorted(vistas.values(), key=lambda c: (c.tipo, c.numero))


def en_orden_de_arbol() -> QuerySet[MetaPlan]:
    """Every goal, each parent before its children (the order an import of the exported file needs)."""
    filas = list(MetaPlan.objects.order_by("codigo").values_list("pk", "padre_id"))
    hijas: dict[int | None, list[int]] = {}
    pks = {pk for pk, _padre in filas}
    for pk, padre in filas:
        hijas.setdefault(padre if padre in pks else None, []).append(pk)
    orden: list[int] = []
    pendientes = list(reversed(hijas.get(None, [])))
    while pendientes:
        pk = pendientes.pop()
        if pk in orden:
            continue
        orden.append(pk)
        pendientes.extend(reversed(hijas.get(pk, [])))
    posicion = Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(orden)), default=Value(len(orden)))
    return MetaPlan.objects.order_by(posicion, "codigo")


# ---- one goal ------------------------------------------------------------------------------------------


@dataclass
class DetalleMeta:
    nodo: NodoMeta
    ancestros: list[NodoMeta]
    avances: list[Avance]  # published, oldest first
    compromisos: list  # consejos.selectors.publico.FilaCompromiso
    esperado: Decimal


def detalle(pk: int, *, hoy: date | None = None) -> DetalleMeta | None:
    """A goal's public page: the tree (1), its published milestones (1), its commitments' ids (1) and
    the commitments through consejos' selector (1)."""
    hoy = hoy or timezone.localdate()
    todo = arbol(hoy=hoy)
    nodo = todo.por_pk.get(pk)
    if nodo is None:
        return None
    avances = list(_publicados(hoy).filter(meta_id=pk).order_by("fecha", "id"))
    ids = list(
        MetaPlan.compromisos.through.objects.filter(metaplan_id=pk).values_list("compromiso_id", flat=True)
    )
    compromisos = compromisos_publicos(ids, hoy=hoy) if ids else []
    return DetalleMeta(nodo, todo.ancestros(nodo), avances, compromisos, todo.esperado)
