"""Per-IP rate limits kept in Django's cache (Redis in production, shared by every worker).

A fixed window per (action, IP): the first hit creates the counter with the window as its timeout,
later hits increment it. No external service (captcha) is needed: citizens are not asked to prove
anything, and filing stays possible for anyone using a screen reader.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limite:
    accion: str
    maximo: int
    segundos: int


def ip_cliente(request) -> str:
    """The client's address. Behind N trusted proxies, the N-th address from the right of X-Forwarded-For:
    the ones further left are written by the client and cannot be trusted."""
    n = settings.PROXIES_CONFIABLES
    if n > 0:
        cabecera = request.META.get("HTTP_X_FORWARDED_FOR", "")
        reenviadas = [ip.strip() for ip in cabecera.split(",") if ip.strip()]
        if len(reenviadas) >= n:
            return reenviadas[-n]
    return request.META.get("REMOTE_ADDR", "") or "desconocida"


def _clave(limite: Limite, request) -> str:
    return f"civic:limite:{limite.accion}:{ip_cliente(request)}"


def agotado(limite: Limite, request) -> bool:
    """True when this IP already used all its tries in the current window (does not count one)."""
    return (cache.get(_clave(limite, request)) or 0) >= limite.maximo


def contar(limite: Limite, request) -> int:
    """Count one try and return how many this IP made in the window."""
    clave = _clave(limite, request)
    cache.add(clave, 0, timeout=limite.segundos)
    try:
        return cache.incr(clave)
    except ValueError:  # expired between add and incr
        cache.set(clave, 1, timeout=limite.segundos)
        return 1


def radicar() -> Limite:
    """Filings per IP address, whatever the app: one person files PQRS and procedures alike."""
    return Limite("radicar", settings.LIMITE_RADICAR, settings.LIMITE_RADICAR_SEGUNDOS)


def consultar() -> Limite:
    """Lookups per IP address on the one tracking form: a code check is an oracle."""
    return Limite("consultar", settings.LIMITE_CONSULTAR, settings.LIMITE_CONSULTAR_SEGUNDOS)


def recuperar() -> Limite:
    """Requests for a new code per IP address: each one e-mails the petitioner and voids their code."""
    return Limite("recuperar", settings.LIMITE_RECUPERAR, settings.LIMITE_RECUPERAR_SEGUNDOS)
