"""Per-IP rate limits kept in Django's cache (Redis in production, shared by every worker).

A fixed window per (action, IP): the first hit creates the counter with the window as its timeout,
later hits increment it. No external service (captcha) is needed: citizens are not asked to prove
anything, and filing stays possible for anyone using a screen reader.

A cache outage must not lift the limits (a lookup is an oracle for the code; filing writes rows and sends
mail). When the cache raises, or django-redis with IGNORE_EXCEPTIONS silently answers nothing, the window
is counted in the database (`ContadorLimite`) instead. The outage is detected by the answer to an `add`
or `incr` on the limit's own key, which a live cache always answers with True/False or a number: no extra
round trip while Redis is healthy.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from civic.models import ContadorLimite

logger = logging.getLogger(__name__)


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
    return _cuenta(limite, _clave(limite, request)) >= limite.maximo


def contar(limite: Limite, request) -> int:
    """Count one try and return how many this IP made in the window."""
    clave = _clave(limite, request)
    cuenta = _contar_en_cache(limite, clave)
    if cuenta is None:
        return _contar_en_bd(limite, clave)
    return cuenta


class _CacheCaida(Exception):
    pass


def _add(clave: str, segundos: int) -> bool:
    """`cache.add` of a zero counter: True when created, False when it exists; _CacheCaida on an outage."""
    try:
        creada = cache.add(clave, 0, timeout=segundos)
    except Exception as error:  # the backend's own connection error: any backend may be configured
        logger.warning("Caché inalcanzable para el límite %s: %s", clave, error)
        raise _CacheCaida from error
    if creada is None:  # django-redis with IGNORE_EXCEPTIONS: True/False from a live server, never None
        logger.warning("Caché inalcanzable para el límite %s (excepción ignorada)", clave)
        raise _CacheCaida
    return bool(creada)


def _cuenta(limite: Limite, clave: str) -> int:
    try:
        if _add(clave, limite.segundos):
            return 0  # a fresh window: nothing counted yet (a live cache answered)
        valor = cache.get(clave)
    except Exception:
        return _cuenta_en_bd(clave)
    # None: the cache went away between the two calls (django-redis ignores it), or the window just ended.
    return _cuenta_en_bd(clave) if valor is None else valor


def _contar_en_cache(limite: Limite, clave: str) -> int | None:
    """The new count, or None when the cache is unreachable."""
    try:
        _add(clave, limite.segundos)
        cuenta = cache.incr(clave)
    except _CacheCaida:
        return None
    except ValueError:  # expired between add and incr
        cache.set(clave, 1, timeout=limite.segundos)
        return 1
    except Exception as error:
        logger.warning("Caché inalcanzable para el límite %s: %s", clave, error)
        return None
    return cuenta  # None when django-redis ignored an outage between add and incr


def _cuenta_en_bd(clave: str) -> int:
    cuenta = (
        ContadorLimite.objects.filter(clave=clave, vence__gt=timezone.now())
        .values_list("cuenta", flat=True)
        .first()
    )
    return cuenta or 0


@transaction.atomic
def _contar_en_bd(limite: Limite, clave: str) -> int:
    """Count one try in the database window of `clave` (the row locked, as radicado numbers are)."""
    ahora = timezone.now()
    ContadorLimite.objects.bulk_create(
        [ContadorLimite(clave=clave, cuenta=0, vence=ahora + timedelta(seconds=limite.segundos))],
        ignore_conflicts=True,
    )
    fila = ContadorLimite.objects.select_for_update().get(clave=clave)
    if fila.vence <= ahora:
        # A new window; expired windows of other addresses go with it, so the table stays small.
        ContadorLimite.objects.filter(vence__lte=ahora).exclude(pk=fila.pk).delete()
        fila.cuenta = 0
        fila.vence = ahora + timedelta(seconds=limite.segundos)
    fila.cuenta += 1
    fila.save(update_fields=["cuenta", "vence"])
    return fila.cuenta


def radicar() -> Limite:
    """Filings per IP address, whatever the app: one person files PQRS and procedures alike."""
    return Limite("radicar", settings.LIMITE_RADICAR, settings.LIMITE_RADICAR_SEGUNDOS)


def consultar() -> Limite:
    """Lookups per IP address on the one tracking form: a code check is an oracle."""
    return Limite("consultar", settings.LIMITE_CONSULTAR, settings.LIMITE_CONSULTAR_SEGUNDOS)


def recuperar() -> Limite:
    """Requests for a new code per IP address: each one e-mails the petitioner and voids their code."""
    return Limite("recuperar", settings.LIMITE_RECUPERAR, settings.LIMITE_RECUPERAR_SEGUNDOS)
