"""Per-IP rate limits kept in Django's cache (Redis in production, shared by every worker).

A fixed window per (action, IP): the first hit creates the counter with the window as its timeout,
later hits increment it. No external service (captcha) is needed: citizens are not asked to prove
anything, and filing stays possible for anyone using a screen reader.
"""

from dataclasses import dataclass

from django.core.cache import cache

from pqrs import config


@dataclass(frozen=True)
class Limite:
    accion: str
    maximo: int
    segundos: int


def ip_cliente(request) -> str:
    """The client's address. Behind N trusted proxies, the N-th address from the right of X-Forwarded-For:
    the ones further left are written by the client and cannot be trusted."""
    n = config.proxies_confiables()
    if n > 0:
        cabecera = request.META.get("HTTP_X_FORWARDED_FOR", "")
        reenviadas = [ip.strip() for ip in cabecera.split(",") if ip.strip()]
        if len(reenviadas) >= n:
            return reenviadas[-n]
    return request.META.get("REMOTE_ADDR", "") or "desconocida"


def _clave(limite: Limite, request) -> str:
    return f"pqrs:limite:{limite.accion}:{ip_cliente(request)}"


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
    maximo, segundos = config.limite_radicar()
    return Limite("radicar", maximo, segundos)


def consultar() -> Limite:
    maximo, segundos = config.limite_consultar()
    return Limite("consultar", maximo, segundos)
