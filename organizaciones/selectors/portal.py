"""Reads of the portal's procedure pages: what can be filed, the organization named by a NIT, and the
procedure a petitioner proved, with its documents and act."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from stdnum.co import nit as stdnum_nit

from organizaciones.models import (
    DE_OFICIO,
    Adjunto,
    DocumentoRequerido,
    Organizacion,
    Resolucion,
    TipoTramite,
    Tramite,
)


def tipos_en_linea() -> QuerySet[TipoTramite]:
    """The types an organization files on the portal, each with its checklist (two queries)."""
    return (
        TipoTramite.objects.filter(en_linea=True)
        .exclude(clase__in=DE_OFICIO)
        .prefetch_related(Prefetch("documentos", queryset=DocumentoRequerido.objects.order_by("orden", "id")))
    )


def tipo_en_linea(clase: str) -> TipoTramite | None:
    return tipos_en_linea().filter(clase=clase).first()


def _formas(nit: str) -> list[str]:
    """How a NIT may have been written in the registry: compact, with the dash, with dots."""
    compacto = stdnum_nit.compact(nit or "")
    if len(compacto) < 2:
        return [nit]
    return list({compacto, f"{compacto[:-1]}-{compacto[-1]}", stdnum_nit.format(compacto)})


def organizacion_por_nit(nit: str) -> Organizacion | None:
    return Organizacion.objects.filter(nit__in=_formas(nit)).first()


def organizaciones_por_nit(nits: Iterable[str]) -> dict[str, Organizacion]:
    """{normalized NIT as asked: organization} for the ones registered, in one query."""
    formas = {forma: nit for nit in nits for forma in _formas(nit)}
    return {formas[o.nit]: o for o in Organizacion.objects.filter(nit__in=formas)}


def resolucion(numero: int, anio: int) -> Resolucion | None:
    return Resolucion.objects.filter(numero=numero, anio=anio).first()


def tramite_para_peticionario(pk: int) -> Tramite | None:
    return (
        Tramite.objects.select_related("organizacion__comuna", "organizacion__barrio").filter(pk=pk).first()
    )


def documentos_publicos(tramite: Tramite) -> list[Adjunto]:
    """The procedure's public files, oldest first, with their checklist line (one query)."""
    return list(tramite.adjuntos.filter(publico=True).select_related("requisito").order_by("creado", "id"))


def resolucion_de(tramite: Tramite) -> Resolucion | None:
    return Resolucion.objects.filter(tramite=tramite).first()
