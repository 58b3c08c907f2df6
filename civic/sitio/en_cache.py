"""Public pages rendered once per process and served from memory (`civic.memo`), with what belongs to the
visitor put in on every request.

A public page is the same for every visitor except for its security tokens: while a page is rendered for
the cache the context processor `csrf` gives its forms a marker instead of the visitor's CSRF token, and a
view may name more markers (the one-time filing token); each request swaps them for fresh values, so no
token is ever shared. Pages with a pending message (a warning after a redirect), other methods than GET and
HEAD, and anything but a 200 are rendered as usual.
"""

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from civic import memo

MARCA_CSRF = "csrf-de-la-visita-en-cache"
_ATRIBUTO = "_civic_pagina_en_cache"


def csrf(request: HttpRequest) -> dict:
    """Context processor, after Django's own: the marker instead of the visitor's token while rendering a
    page for the cache."""
    return {"csrf_token": MARCA_CSRF} if getattr(request, _ATRIBUTO, False) else {}


def pagina(
    request: HttpRequest,
    renderizar: Callable[[], HttpResponse],
    *,
    clave: str | None = None,
    grupos: Iterable[str] = (),
    segundos: float = 600,
    marcas: dict[str, Callable[[], str]] | None = None,
) -> HttpResponse:
    """The page `renderizar()` makes, from this process's memory when it has it.

    `clave` names the variant (the path by default; a request with a query string is only cached under
    a `clave` the view gives, so made-up parameters cannot fill the memory); `grupos` are the `civic.memo`
    groups whose edits change the page; `marcas` maps each marker the page holds to what replaces it.
    """
    if clave is None and not request.GET:
        clave = request.path
    marcas = {MARCA_CSRF: lambda: get_token(request), **(marcas or {})}
    if clave is None or request.method not in ("GET", "HEAD") or get_messages(request):
        return _con_valores(renderizar(), marcas)
    estado: dict[str, HttpResponse] = {}

    def calcular() -> _Guardada | None:
        setattr(request, _ATRIBUTO, True)
        try:
            respuesta = estado["respuesta"] = renderizar()
        finally:
            setattr(request, _ATRIBUTO, False)
        if respuesta.status_code != 200 or respuesta.streaming or respuesta.cookies:
            return None
        return _Guardada(_partir(respuesta.content, marcas), respuesta["Content-Type"])

    guardada = memo.memo(("pagina", clave), calcular, grupos=grupos, segundos=segundos)
    if guardada is None:
        # Not cacheable: this visitor's own response (if it was just made), and the memory forgets it.
        memo.olvidar(("pagina", clave))
        return _con_valores(estado["respuesta"] if "respuesta" in estado else renderizar(), marcas)
    return HttpResponse(_unir(guardada.partes, marcas), content_type=guardada.tipo)


class _Guardada(NamedTuple):
    # The body in pieces: the text between markers (bytes) and each marker's name (str), in order.
    partes: tuple[bytes | str, ...]
    tipo: str


def _partir(cuerpo: bytes, marcas: dict[str, Callable[[], str]]) -> tuple[bytes | str, ...]:
    """Split once, so each request only joins bytes (no decoding, replacing and encoding the whole page)."""
    patron = re.compile(b"(" + b"|".join(re.escape(m.encode()) for m in marcas) + b")")
    return tuple(p.decode() if i % 2 else p for i, p in enumerate(patron.split(cuerpo)))


def _unir(partes: tuple[bytes | str, ...], marcas: dict[str, Callable[[], str]]) -> bytes:
    valores: dict[str, bytes] = {}  # one value per marker and request (the same CSRF token in every form)
    trozos = []
    for parte in partes:
        if isinstance(parte, str):
            if parte not in valores:
                valores[parte] = marcas[parte]().encode()
            trozos.append(valores[parte])
        else:
            trozos.append(parte)
    return b"".join(trozos)


def _con_valores(respuesta: HttpResponse, marcas: dict[str, Callable[[], str]]) -> HttpResponse:
    """A response that is not kept gets the values too: one rendered for the cache that turned out not
    cacheable, or one the view rendered with its markers and showed with a pending message."""
    if not respuesta.streaming:
        partes = _partir(respuesta.content, marcas)
        if len(partes) > 1:
            respuesta.content = _unir(partes, marcas)
    return respuesta
