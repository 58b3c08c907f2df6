"""The page right after filing, and one filing per form, for every app that files on the portal.

Only the browser that filed sees the acknowledgement (its session holds the radicado) and the
consultation code is shown there once; only its HMAC is kept.

A blank filing form carries a one-time token (`CampoToken`) and the expediente keeps it in a unique
column (`modelos.RadicacionUnica`): the service files once per token (`servicios.radicar_una_vez`), so a
double click or a form re-sent with the back button lands on the filing already made. The browser drops
the first response of a double click, and with it the session cookie and the code its session held: the
request that filed leaves the code in the cache for a short while, keyed by the token, until the
acknowledgement shows it.
"""

import time
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar
from uuid import UUID, uuid4

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .modelos import Radicable

SESION_RADICADOS = "civic_radicados"  # {radicado: id} filed by this session
SESION_CODIGOS = "civic_codigos"  # {radicado: code} until the acknowledgement shows it, once
# Stands for the token in a blank form kept in memory (civic.sitio.en_cache): each visit gets its own.
MARCA_TOKEN = "token-de-radicacion-de-la-visita"
# A double click's twin finds the code the first request left in the cache, for this long; and waits for
# it up to 2 s while the filing is this recent.
CODIGO_GEMELA_SEGUNDOS = 120
ESPERA_GEMELA_SEGUNDOS = 10

R = TypeVar("R")

_VENCIDO = gettext_lazy("El formulario venció. Revise sus datos y envíelo de nuevo.")


class CampoToken(forms.UUIDField):
    """The form's one-time token: a fresh one on every blank form."""

    widget = forms.HiddenInput
    default_error_messages = {"required": _VENCIDO, "invalid": _VENCIDO}

    def __init__(self, **kwargs):
        super().__init__(**{"initial": uuid4, **kwargs})


def renovar_token_invalido(form: forms.Form, campo: str = "token_radicacion") -> None:
    """From a form's `clean`: a form without a usable token (from an older version, or tampered with) is
    told at the top, and shown again with a fresh token so that the next send files normally."""
    if campo in form.errors:
        form.add_error(None, form.errors.pop(campo))
        datos = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict, immutable as sent
        datos[campo] = str(uuid4())
        form.data = datos


def token(valor: str | None) -> UUID | None:
    try:
        return UUID(valor or "")
    except ValueError:
        return None


def _clave(token_radicacion) -> str:
    return f"civic:radicacion:{token_radicacion}:codigo"


def radicado_aqui(request: HttpRequest, objeto: Radicable, codigo: str | None) -> None:
    """This browser filed `objeto`: its session may see the acknowledgement, and the code once."""
    radicados = request.session.get(SESION_RADICADOS, {})
    radicados[objeto.radicado] = objeto.pk
    request.session[SESION_RADICADOS] = radicados
    if codigo:
        codigos = request.session.get(SESION_CODIGOS, {})
        codigos[objeto.radicado] = codigo
        request.session[SESION_CODIGOS] = codigos
        token_radicacion = getattr(objeto, "token_radicacion", None)
        if token_radicacion:
            cache.set(_clave(token_radicacion), codigo, timeout=CODIGO_GEMELA_SEGUNDOS)


def radicado_de_la_sesion(request: HttpRequest, radicado: str) -> int | None:
    """The id of `radicado` if this session filed it."""
    return request.session.get(SESION_RADICADOS, {}).get(radicado)


def radicado_de_esta_sesion(
    request: HttpRequest,
    radicado: str,
    buscar: Callable[[int], R | None],
    mensaje: str | None = None,
) -> R:
    """What this session filed as `radicado`, found by `buscar` (its id → the object, or None), or a 404
    with `mensaje`: another browser's radicado is not found here."""
    pk = radicado_de_la_sesion(request, radicado)
    encontrado = buscar(pk) if pk else None
    if encontrado is None:
        raise Http404(mensaje or _("No encontramos ese radicado en esta sesión."))
    return encontrado


def codigo_una_vez(request: HttpRequest, objeto: Radicable) -> str | None:
    """The code, on this one page view, then dropped from the session and from the twin's cache."""
    codigos = request.session.get(SESION_CODIGOS, {})
    codigo = codigos.pop(objeto.radicado, None)
    if codigo is not None:
        request.session[SESION_CODIGOS] = codigos
        token_radicacion = getattr(objeto, "token_radicacion", None)
        if token_radicacion:
            # Shown: a form re-sent later (the back button) lands on the acknowledgement without it.
            cache.set(_clave(token_radicacion), "", timeout=CODIGO_GEMELA_SEGUNDOS)
    return codigo


def _codigo_de_la_gemela(objeto: Radicable) -> str | None:
    """The code a twin request (a double click) left; if it has not landed yet, wait a little for it.
    With the cache down the acknowledgement says the code was already shown (and e-mailed)."""
    clave = _clave(objeto.token_radicacion)  # type: ignore[attr-defined]
    reciente = timezone.now() - objeto.radicada_en < timedelta(seconds=ESPERA_GEMELA_SEGUNDOS)
    for _intento in range(20 if reciente else 1):
        codigo = cache.get(clave)
        if codigo is not None:
            return codigo or None  # "" once shown on the acknowledgement
        time.sleep(0.1)
    return None


def ya_radicado(request: HttpRequest, objeto: Radicable, url_acuse: str) -> HttpResponse:
    """The same form sent again: no second filing; the browser that filed lands on its acknowledgement.

    The token only ever reached the browser that filled the form, but a shared computer's history keeps
    it: after the tracking window (CONSULTA_SEGUNDOS) a re-sent form only tells the radicado.
    """
    if timezone.now() - objeto.radicada_en > timedelta(seconds=settings.CONSULTA_SEGUNDOS):
        messages.info(
            request,
            _("Esto ya se había radicado con el número %(radicado)s. Consúltelo con su código.")
            % {"radicado": objeto.radicado},
        )
        return redirect("expedientes:consultar")
    radicado_aqui(request, objeto, None)
    codigo = _codigo_de_la_gemela(objeto)
    if codigo:
        codigos = request.session.get(SESION_CODIGOS, {})
        codigos[objeto.radicado] = codigo
        request.session[SESION_CODIGOS] = codigos
    return redirect(url_acuse)
