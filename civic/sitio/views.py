from http import HTTPStatus
from urllib.parse import urlsplit

from django.http import JsonResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import en_cache
from . import salud as sondas
from .politica import POLITICA_DATOS_VERSION
from .secciones import ruta_denuncia_corrupcion, ruta_quejas, todas

# The same for every visitor: rendered once per process (civic.sitio.en_cache); they change with a deploy.


def inicio(request):
    return en_cache.pagina(
        request,
        lambda: render(
            request,
            "civic/sitio/inicio.html",
            {"secciones": todas(), "quejas_ruta": ruta_quejas(), "denuncia_ruta": ruta_denuncia_corrupcion()},
        ),
    )


def privacidad(request):
    return en_cache.pagina(
        request,
        lambda: render(request, "civic/sitio/privacidad.html", {"politica_version": POLITICA_DATOS_VERSION}),
    )


def accesibilidad(request):
    return en_cache.pagina(request, lambda: render(request, "civic/sitio/accesibilidad.html"))


def terminos(request):
    return en_cache.pagina(request, lambda: render(request, "civic/sitio/terminos.html"))


def mapa_del_sitio(request):
    return en_cache.pagina(
        request,
        lambda: render(
            request,
            "civic/sitio/mapa_del_sitio.html",
            {"secciones": todas(), "denuncia_ruta": ruta_denuncia_corrupcion()},
        ),
    )


@never_cache
@require_safe
def salud(request):
    # Load balancers read the status code: 503 only when the database is down (not ready); a degraded
    # cache or broker still serves (200). The body tells an operator which component failed.
    resultado = sondas.revisar_todo()
    estado = HTTPStatus.SERVICE_UNAVAILABLE if resultado["estado"] == "error" else HTTPStatus.OK
    return JsonResponse(resultado, status=estado)


# Technical fields of the portal's forms: never shown back.
_CAMPOS_TECNICOS = ("csrfmiddlewaretoken", "token_radicacion", "sitio_web")
# Short values (a name, a number, a choice) are quick to type again; long texts are what hurts to lose.
_TEXTO_LARGO = 40


def _mismo_origen(request) -> bool:
    """The POST came from a page of this portal: the browser's Origin (or Referer) is this host."""
    origen = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return bool(origen) and url_has_allowed_host_and_scheme(
        origen, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _textos_escritos(request) -> str:
    valores = (
        valor.strip()
        for campo, lista in request.POST.lists()
        if campo not in _CAMPOS_TECNICOS
        for valor in lista
    )
    return "\n\n".join(v for v in valores if len(v) >= _TEXTO_LARGO or "\n" in v)


@never_cache
def csrf_fallido(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: a form sent with an expired or missing security token, in Spanish and with a way
    back. Nothing was saved. What was typed is shown back only when the form was this portal's own (a page
    of another site must not make the portal display its text)."""
    propio = _mismo_origen(request)
    # Back to the page that had the form: reloaded, it comes with a fresh token.
    anterior = urlsplit(request.headers.get("Referer", "") if propio else "")
    volver = anterior.path + (f"?{anterior.query}" if anterior.query else "")
    if not url_has_allowed_host_and_scheme(volver, allowed_hosts={request.get_host()}):
        volver = ""  # a path like //otro.sitio would leave the portal
    return render(
        request,
        "403_csrf.html",
        {
            "sin_cookies": reason == REASON_NO_CSRF_COOKIE,
            "ajeno": not propio,
            "volver": volver,
            "escrito": _textos_escritos(request) if propio and request.method == "POST" else "",
        },
        status=HTTPStatus.FORBIDDEN,
    )
