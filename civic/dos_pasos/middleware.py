"""STAFF_TOTP_OBLIGATORIO: staff use the admin only after the second factor; until they enrol, only the
enrolment page (and signing out) is open to them."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from . import sesion_verificada


class VerificacionPersonalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.STAFF_TOTP_OBLIGATORIO and self._debe_inscribirse(request):
            # The enrolment page says why the person landed there.
            return redirect("dos_pasos")
        return self.get_response(request)

    @staticmethod
    def _debe_inscribirse(request: HttpRequest) -> bool:
        # Read from the session only: no query on every admin page.
        usuario = getattr(request, "user", None)
        if usuario is None or not usuario.is_authenticated or not usuario.is_staff:
            return False
        inicio = reverse("admin:index")
        libres = (reverse("dos_pasos"), reverse("admin:logout"), reverse("admin:login"))
        if not request.path.startswith(inicio) or request.path in libres:
            return False
        return not sesion_verificada(request)
