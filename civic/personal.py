"""Staff accounts: the locked-account page and the idle timeout of staff sessions.

Failed logins are counted by django-axes (settings: AXES_*). A locked account gets a page in Spanish that
says how long it lasts and whom to call; the lock is per username, so colleagues behind the same address
keep working.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def cuenta_bloqueada(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): what happened and what to do next."""
    espera = settings.AXES_COOLOFF_TIME
    minutos = max(1, int(espera.total_seconds() // 60))
    respuesta = render(
        request,
        "civic/cuenta_bloqueada.html",
        {"minutos": minutos, "intentos": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    respuesta["Retry-After"] = str(int(espera.total_seconds()))
    return respuesta


class SesionPersonalMiddleware:
    """A staff session ends after SESION_PERSONAL_SEGUNDOS without activity, not after Django's 14 days.

    Each request of a signed-in staff member moves the expiry forward (sliding), so a working day is never
    cut short while a computer left signed in closes by itself. Citizens' sessions are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        respuesta = self.get_response(request)
        usuario = getattr(request, "user", None)
        if usuario is not None and usuario.is_authenticated and usuario.is_staff:
            request.session.set_expiry(settings.SESION_PERSONAL_SEGUNDOS)
        return respuesta


def ip_para_auditoria(request: HttpRequest) -> str | None:
    """The client's address for axes' login records, or None when there is no valid one (a request built
    in code, a garbled X-Forwarded-For): the audit tables store real addresses (PostgreSQL `inet`)."""
    from civic.expedientes.limites import ip_cliente

    candidata = ip_cliente(request)
    try:
        return str(ipaddress.ip_address(candidata))
    except ValueError:
        return None
