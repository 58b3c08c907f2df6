"""Optional second factor for staff: a TOTP application (django-otp's TOTP plugin).

A staff member enrols from «Verificación en dos pasos» in the admin (`vistas.inscribir`); from then on the
admin login asks for the application's 6-digit code (`formularios.FormularioIngreso`). With
STAFF_TOTP_OBLIGATORIO the admin lets a staff member without a verified session in only to enrol
(`middleware.VerificacionPersonalMiddleware`). A wrong code counts as a failed login for django-axes, so
the account lockout covers the second factor too.
"""

import base64

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

NOMBRE_DISPOSITIVO = "Aplicación de autenticación"


def dispositivo_confirmado(usuario) -> TOTPDevice | None:
    """The user's enrolled application, or None."""
    return TOTPDevice.objects.devices_for_user(usuario, confirmed=True).first()


def sesion_verificada(request) -> bool:
    """Whether this session passed the second factor (django-otp keeps the device's id in it)."""
    return DEVICE_ID_SESSION_KEY in request.session


def clave_manual(dispositivo: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing it into the application by hand."""
    clave = base64.b32encode(dispositivo.bin_key).decode().rstrip("=")
    return " ".join(clave[i : i + 4] for i in range(0, len(clave), 4))
