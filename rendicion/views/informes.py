"""Informes de gestión in public: the list of published ones, an informe with its sections, indicator
tables and server-drawn charts, and its exports (PDF, CSV, JSON). Drafts are never public; a published
informe reads only its frozen figures, so each page costs the same few queries however big the data."""

import json
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from civic.indicadores import Resultado
from rendicion import exportar
from rendicion.models import Informe, Seccion
from rendicion.selectors import graficos
from rendicion.selectors.informes import Cifra, cifras, informe_completo, publicados
from rendicion.texto import html_de

POR_PAGINA = 20


@dataclass
class CifraVista:
    """A figure as the page shows it: its numbers, its chart's geometry and the breakdown table."""

    cifra: Cifra
    unidad: str
    grafico: graficos.Grafico | None
    filas: tuple[tuple[str, str], ...]

    @property
    def indicador(self):
        return self.cifra.indicador

    @property
    def descripcion(self) -> str:
        """The chart's <desc>: what it shows, said in words (the table beside it has the same)."""
        datos = "; ".join(f"{etiqueta}: {valor}" for etiqueta, valor in self.filas)
        return _("Gráfico de barras. %(datos)s.") % {"datos": datos}

    @property
    def valor(self) -> str:
        return graficos.texto_numero(self.cifra.valor)

    @property
    def meta(self) -> str:
        return (
            graficos.texto_numero(self.cifra.indicador.meta) if self.cifra.indicador.meta is not None else ""
        )

    @property
    def cumplimiento(self) -> str:
        c = self.cifra.cumplimiento
        return "" if c is None else graficos.texto_numero(c)


@dataclass
class SeccionVista:
    seccion: Seccion
    narrativa: str
    cifras: list[CifraVista]

    @property
    def con_meta(self) -> bool:
        """Meta and cumplimiento columns only where some indicator has a target (narrow screens)."""
        return any(c.indicador.meta is not None for c in self.cifras)


def _vista(resultado: Resultado | None, cifra: Cifra) -> CifraVista:
    dibujar = cifra.indicador.grafico == "barras"
    return CifraVista(
        cifra=cifra,
        unidad=exportar.unidad(cifra),
        grafico=graficos.barras(resultado) if dibujar else None,
        filas=tuple((str(e), graficos.texto_numero(v)) for e, v in (resultado.filas if resultado else ())),
    )


def contexto_informe(informe: Informe) -> dict:
    """What the page, the PDF and the admin's preview show (figures live only for a draft)."""
    secciones = cifras(informe)
    return {
        "informe": informe,
        "secciones": [
            SeccionVista(s, html_de(s.narrativa), [_vista(c.resultado, c) for c in lista])
            for s, lista in secciones
        ],
        "datos": secciones,
    }


def _publicado(pk: int) -> Informe:
    try:
        return informe_completo(pk, consulta=publicados().select_related("correccion"))
    except Informe.DoesNotExist:
        raise Http404 from None


@require_GET
def informes(request):
    pagina = Paginator(
        publicados().select_related("correccion").prefetch_related("dependencias").order_by("-fecha", "-id"),
        POR_PAGINA,
    ).get_page(request.GET.get("pagina"))
    return render(request, "rendicion/informes/lista.html", {"pagina": pagina})


@require_GET
def informe(request, pk: int):
    return render(request, "rendicion/informes/informe.html", contexto_informe(_publicado(pk)))


def _nombre(informe: Informe, extension: str) -> str:
    return f"{slugify(informe.titulo)[:80] or 'informe'}-v{informe.version}.{extension}"


@require_GET
def informe_pdf(request, pk: int):
    encontrado = _publicado(pk)
    contexto = contexto_informe(encontrado)
    respuesta = HttpResponse(exportar.pdf(contexto), content_type="application/pdf")
    respuesta["Content-Disposition"] = f'attachment; filename="{_nombre(encontrado, "pdf")}"'
    return respuesta


@require_GET
def informe_csv(request, pk: int):
    encontrado = _publicado(pk)
    respuesta = StreamingHttpResponse(
        exportar.lineas_csv(encontrado, cifras(encontrado)), content_type="text/csv; charset=utf-8"
    )
    respuesta["Content-Disposition"] = f'attachment; filename="{_nombre(encontrado, "csv")}"'
    return respuesta


@require_GET
def informe_json(request, pk: int):
    encontrado = _publicado(pk)
    datos = exportar.como_json(
        encontrado,
        cifras(encontrado),
        url=request.build_absolute_uri(reverse("rendicion:informe", args=[encontrado.pk])),
    )
    respuesta = HttpResponse(
        json.dumps(datos, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    respuesta["Content-Disposition"] = f'attachment; filename="{_nombre(encontrado, "json")}"'
    respuesta["Access-Control-Allow-Origin"] = "*"  # open data
    return respuesta
