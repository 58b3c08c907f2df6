"""«Verificación en dos pasos»: a staff member enrols an authentication application for their own account."""

import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import NOMBRE_DISPOSITIVO, clave_manual, dispositivo_confirmado, sesion_verificada
from .formularios import FormularioInscripcion


@never_cache
def inscribir(request: HttpRequest) -> HttpResponse:
    """Show the QR code and the secret of a new (unconfirmed) device; a valid code confirms it.

    Wrapped by `admin.site.admin_view` (active staff only). The secret is never logged nor mailed; the page
    is not cached. An account that already has an application but whose session was not verified by it
    signs in again, so the login asks for the code.
    """
    usuario = request.user
    confirmado = dispositivo_confirmado(usuario)
    if confirmado is not None:
        if not sesion_verificada(request):
            logout(request)
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        return _pagina(request, {"activa": True, "dispositivo": confirmado})
    dispositivo = _pendiente(usuario)
    formulario = FormularioInscripcion(
        request.POST if request.method == "POST" else None, dispositivo=dispositivo
    )
    if request.method == "POST" and formulario.is_valid():
        with transaction.atomic():
            dispositivo.confirmed = True
            dispositivo.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=usuario, confirmed=False).delete()
        # This session proved the new factor: it counts as verified from now on.
        otp_login(request, dispositivo)
        messages.success(
            request,
            _(
                "Verificación en dos pasos activada. Desde ahora el ingreso le pedirá el código de su "
                "aplicación."
            ),
        )
        return redirect("admin:index")
    qr = segno.make(dispositivo.config_url, error="m")
    return _pagina(
        request,
        {
            "formulario": formulario,
            "qr": qr.svg_data_uri(scale=5, border=4, dark="#000", light="#fff"),
            "clave": clave_manual(dispositivo),
            "emisor": settings.OTP_TOTP_ISSUER,
            "cuenta": usuario.get_username(),
        },
    )


def _pendiente(usuario) -> TOTPDevice:
    # One unconfirmed device per person, kept between visits so the QR code already scanned stays valid.
    dispositivo = TOTPDevice.objects.filter(user=usuario, confirmed=False).order_by("pk").first()
    if dispositivo is None:
        dispositivo = TOTPDevice.objects.create(user=usuario, name=NOMBRE_DISPOSITIVO, confirmed=False)
    return dispositivo


def _pagina(request: HttpRequest, contexto: dict) -> TemplateResponse:
    titulo = _("Verificación en dos pasos")
    return TemplateResponse(
        request,
        "admin/dos_pasos.html",
        {
            **admin.site.each_context(request),
            "title": titulo,
            "obligatoria": settings.STAFF_TOTP_OBLIGATORIO,
            **contexto,
        },
    )
