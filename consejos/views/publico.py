"""The public portal of the consejos for comuna leaders, no login: comunas, instancias, published actas
(readable, printable, PDF, earlier versions), the search over actas and the commitments board.

Each view reads through `consejos.selectors.publico`, which only sees published versions of actas.
"""

import mimetypes
from typing import TypeVar

import magic
from django.core.files import File
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from civic.busqueda import en_postgres, fragmento_de, resaltar
from civic.expedientes.archivos import respuesta_archivo
from civic.sitio.paginas import pagina_y_consulta
from consejos.forms import BuscarActasForm, FiltroCompromisosForm
from consejos.selectors import publico as selectores

POR_PAGINA = 20
COMPROMISOS_POR_PAGINA = 50
T = TypeVar("T")


def _pagina(request, filas, por_pagina: int = POR_PAGINA):
    return pagina_y_consulta(request, filas, por_pagina)


def _o_404(encontrado: T | None) -> T:
    """What a public selector found, or the 404 when it found nothing (or nothing public)."""
    if encontrado is None:
        raise Http404
    return encontrado


def _descarga(archivo: File, nombre: str) -> FileResponse:
    """A stored file as a download named after its title, with the type its content shows."""
    with archivo.open("rb") as f:
        tipo = magic.from_buffer(f.read(2048), mime=True)
    extension = mimetypes.guess_extension(tipo) or ""
    respuesta = FileResponse(
        archivo.open("rb"), as_attachment=True, filename=f"{slugify(nombre) or 'archivo'}{extension}"
    )
    respuesta["Content-Type"] = tipo
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta


@require_GET
def inicio(request):
    return render(
        request,
        "consejos/inicio.html",
        {
            "comunas": selectores.comunas_con_actas(),
            "instancias": selectores.instancias_municipales(),
            "proximas": selectores.proximas_sesiones(),
            "recientes": selectores.actas_recientes(),
            "form": BuscarActasForm(),
        },
    )


@require_GET
def comuna(request, pk: int):
    encontrada = _o_404(selectores.comuna(pk))
    pagina, consulta = _pagina(request, selectores.actas_de_comuna(encontrada))
    return render(
        request,
        "consejos/comuna.html",
        {
            "comuna": encontrada,
            "ultima": selectores.ultima_sesion(encontrada),
            "proximas": selectores.proximas_sesiones(comuna=encontrada),
            "instancias": selectores.instancias_de_comuna(encontrada),
            "tablero": selectores.tablero(encontrada, hoy=timezone.localdate()),
            "pagina": pagina,
            "consulta": consulta,
        },
    )


@require_GET
def compromisos_comuna(request, pk: int):
    encontrada = _o_404(selectores.comuna(pk))
    hoy = timezone.localdate()
    form = FiltroCompromisosForm(request.GET or None)
    filtros = form.filtros()
    filas = selectores.compromisos_de_comuna(
        encontrada, hoy=hoy, luz=filtros["luz"] or "", estado=filtros["estado"] or ""
    )
    pagina, consulta = _pagina(request, filas, COMPROMISOS_POR_PAGINA)
    return render(
        request,
        "consejos/compromisos.html",
        {
            "comuna": encontrada,
            "form": form,
            "filtrado": any(filtros.values()),
            "tablero": selectores.tablero(encontrada, hoy=hoy),
            "pagina": pagina,
            "filas": selectores.con_luz(pagina.object_list, hoy),
            "consulta": consulta,
            "hoy": hoy,
        },
    )


@require_GET
def instancia(request, pk: int):
    encontrada = _o_404(selectores.instancia(pk))
    pagina, consulta = _pagina(request, selectores.actas_de_instancia(encontrada))
    return render(
        request,
        "consejos/instancia.html",
        {
            "instancia": encontrada,
            "avance": selectores.avance_minimo(encontrada),
            "proximas": selectores.proximas_sesiones(instancia=encontrada),
            "pagina": pagina,
            "consulta": consulta,
        },
    )


@require_GET
def acta(request, pk: int):
    publica = _o_404(selectores.acta(pk))
    return render(request, "consejos/acta.html", {"a": publica, "v": publica.version})


@require_GET
def acta_version(request, pk: int, numero: int):
    publica = _o_404(selectores.acta(pk, numero=numero))
    if not publica.reemplazada:
        return redirect("consejos:acta", pk=pk)
    return render(request, "consejos/acta.html", {"a": publica, "v": publica.version})


@require_GET
def acta_pdf(request, pk: int):
    publica = _o_404(selectores.acta(pk))
    v = publica.vigente
    acta = v.acta
    respuesta = FileResponse(
        v.pdf.open("rb"),
        filename=f"acta-{acta.anio}-{acta.numero:03d}-v{v.numero}.pdf",
        content_type="application/pdf",
    )
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta


@require_GET
def acta_escaneo(request, pk: int):
    publica = selectores.acta(pk)
    if publica is None or not publica.vigente.acta.escaneo_firmado:
        raise Http404
    acta = publica.vigente.acta
    return _descarga(acta.escaneo_firmado, f"acta-{acta.anio}-{acta.numero:03d}-firmada")


@require_GET
def acta_anexo(request, pk: int, anexo: int):
    encontrado = _o_404(selectores.anexo_publico(pk, anexo))
    return _descarga(encontrado.archivo, encontrado.titulo)


@require_GET
def buscar(request):
    form = BuscarActasForm(request.GET or None)
    filtros = form.filtros()
    texto = (filtros["q"] or "").strip()
    resultados = []
    pagina = consulta = None
    if texto:
        filas = selectores.buscar_actas(texto, comuna=filtros["comuna"], instancia=filtros["instancia"])
        pagina, consulta = _pagina(request, filas)
        for version in pagina.object_list:
            fragmento = version.fragmento if en_postgres() else fragmento_de(version.texto, texto)
            resultados.append((version, resaltar(fragmento)))
    return render(
        request,
        "consejos/buscar.html",
        {"form": form, "texto": texto, "pagina": pagina, "resultados": resultados, "consulta": consulta},
    )


@require_GET
def compromiso(request, pk: int):
    publico = _o_404(selectores.compromiso(pk, hoy=timezone.localdate()))
    return render(request, "consejos/compromiso.html", {"p": publico, "c": publico.compromiso})


@require_GET
def evidencia(request, pk: int, evidencia: int):
    encontrada = _o_404(selectores.evidencia_publica(pk, evidencia))
    return respuesta_archivo(encontrada)
