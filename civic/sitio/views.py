from http import HTTPStatus

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import salud as sondas
from .politica import POLITICA_DATOS_VERSION
from .secciones import ruta_denuncia_corrupcion, ruta_quejas, todas


def inicio(request):
    return render(
        request,
        "civic/sitio/inicio.html",
        {"secciones": todas(), "quejas_ruta": ruta_quejas(), "denuncia_ruta": ruta_denuncia_corrupcion()},
    )


def privacidad(request):
    return render(request, "civic/sitio/privacidad.html", {"politica_version": POLITICA_DATOS_VERSION})


def accesibilidad(request):
    return render(request, "civic/sitio/accesibilidad.html")


def terminos(request):
    return render(request, "civic/sitio/terminos.html")


def mapa_del_sitio(request):
    return render(
        request,
        "civic/sitio/mapa_del_sitio.html",
        {"secciones": todas(), "denuncia_ruta": ruta_denuncia_corrupcion()},
    )


@never_cache
@require_safe
def salud(request):
    # Load balancers read the status code: 503 only when the database is down (not ready); a degraded
    # cache or broker still serves (200). The body tells an operator which component failed.
    resultado = sondas.revisar_todo()
    estado = HTTPStatus.SERVICE_UNAVAILABLE if resultado["estado"] == "error" else HTTPStatus.OK
    return JsonResponse(resultado, status=estado)
