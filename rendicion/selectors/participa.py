"""The «Participa» page (Res. MinTIC 1519 de 2020, anexo 2): what the portal publishes for participation
and accountability, gathered in a fixed number of queries: the year's audiencias with how many questions
were published and answered (2), the published informes and PQRS reports (1), the plan's goals by traffic
light (1)."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from rendicion.models import Informe, Pregunta
from rendicion.plantillas import PLANTILLAS
from rendicion.selectors import audiencias as sel_audiencias
from rendicion.selectors import metas as sel_metas
from rendicion.workflow import EstadoInforme, EstadoPregunta

RECIENTES = 8


@dataclass
class Participa:
    anio: int
    anio_audiencias: sel_audiencias.Anio
    proximas: list
    preguntas: dict[int, dict[str, int]]  # audiencia id → {"publicadas", "respondidas"}
    informes: list[Informe]
    reportes_pqrs: list[Informe]
    luces: dict[str, int]
    total_metas: int
    avance_plan: Decimal | None
    esperado: Decimal
    minimo_audiencias: int = sel_audiencias.MINIMO_ANUAL


def _preguntas_por_audiencia(ids: list[int]) -> dict[int, dict[str, int]]:
    """Public questions (the audiencias selector's rule) and answered ones, per audiencia: one query."""
    if not ids:
        return {}
    filas = (
        Pregunta.objects.filter(audiencia_id__in=ids)
        .annotate(publicada=sel_audiencias._fue_publicada())
        .filter(Q(estado=EstadoPregunta.PUBLICADA) | Q(estado=EstadoPregunta.RESPONDIDA, publicada=True))
        .values("audiencia_id")
        .annotate(publicadas=Count("id"), respondidas=Count("id", filter=Q(estado=EstadoPregunta.RESPONDIDA)))
        .order_by()
    )
    return {
        f["audiencia_id"]: {"publicadas": f["publicadas"], "respondidas": f["respondidas"]} for f in filas
    }


def participa(*, ahora: datetime | None = None) -> Participa:
    ahora = ahora or timezone.now()
    hoy = timezone.localdate(ahora)
    calendario = sel_audiencias.calendario(ahora)
    anio = calendario.anios[0] if calendario.anios else sel_audiencias.Anio(hoy.year)
    for candidato in calendario.anios:
        if candidato.anio == hoy.year:
            anio = candidato
    ids = [a.pk for a in anio.audiencias] + [a.pk for a in calendario.proximas]
    publicados = list(
        Informe.objects.filter(estado=EstadoInforme.PUBLICADO)
        .only("id", "titulo", "fecha", "desde", "hasta", "version", "plantilla")
        .order_by("-fecha", "-id")
    )
    # The saved templates are the legally required PQRS reports (Ley 1474 art. 76, Ley 1712).
    informes = [i for i in publicados if i.plantilla not in PLANTILLAS][:RECIENTES]
    reportes = [i for i in publicados if i.plantilla in PLANTILLAS][:RECIENTES]
    arbol = sel_metas.arbol(hoy=hoy)
    avance_plan = None
    if arbol.raices:
        peso = sum((n.meta.peso for n in arbol.raices), Decimal(0))
        avance_plan = (sum((n.avance * n.meta.peso for n in arbol.raices), Decimal(0)) / peso).quantize(
            Decimal("0.1")
        )
    preguntas = _preguntas_por_audiencia(ids)
    for audiencia in [*anio.audiencias, *calendario.proximas]:
        cuenta = preguntas.get(audiencia.pk, {})
        audiencia.preguntas_publicadas = cuenta.get("publicadas", 0)  # type: ignore[attr-defined]
        audiencia.preguntas_respondidas = cuenta.get("respondidas", 0)  # type: ignore[attr-defined]
    return Participa(
        anio=hoy.year,
        anio_audiencias=anio,
        proximas=calendario.proximas,
        preguntas=preguntas,
        informes=informes,
        reportes_pqrs=reportes,
        luces=arbol.luces(),
        total_metas=len(arbol.por_pk),
        avance_plan=avance_plan,
        esperado=arbol.esperado,
    )
