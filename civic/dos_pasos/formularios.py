"""The admin login with the second factor, and the enrolment form."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from . import dispositivo_confirmado


def _campo_codigo(**extra) -> forms.CharField:
    return forms.CharField(
        label=_("Código de verificación"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8, "maxlength": 6}
        ),
        **extra,
    )


class FormularioIngreso(AdminAuthenticationForm):
    """Username and password, then the application's code when the account has one enrolled.

    The password goes first through `authenticate` (django-axes refuses a locked account there and counts
    a wrong password). A wrong code is reported to axes as a failed login too, so guessing codes with a
    known password runs into the same lockout; the device's own throttling slows it further.
    """

    codigo = _campo_codigo(
        required=False,
        help_text=_("Solo si activó la verificación en dos pasos: los 6 dígitos que muestra su aplicación."),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "codigo_requerido": _(
            "Su cuenta tiene verificación en dos pasos: escriba el código de 6 dígitos de su aplicación."
        ),
        "codigo_invalido": _(
            "El código no es válido o ya se usó. Espere el siguiente código de su aplicación y escríbalo."
        ),
    }

    def clean(self):
        datos = super().clean()
        usuario = self.get_user()
        dispositivo = dispositivo_confirmado(usuario) if usuario is not None else None
        if dispositivo is None:
            return datos
        codigo = (datos.get("codigo") or "").strip()
        # The code field takes the focus (its template sets autofocus when it has an error), not the username.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        if not codigo:
            # Keep what was typed: the person only has to add the code.
            self.fields["password"].widget.render_value = True
            self.add_error("codigo", forms.ValidationError(self.error_messages["codigo_requerido"]))
        elif dispositivo.verify_token(codigo):
            # django-otp's user_logged_in receiver stores the device in the session: verified.
            usuario.otp_device = dispositivo  # type: ignore[attr-defined]
        else:
            user_login_failed.send(
                sender=type(self),
                credentials={"username": datos.get("username")},
                request=self.request,
            )
            self.fields["password"].widget.render_value = True
            self.add_error("codigo", forms.ValidationError(self.error_messages["codigo_invalido"]))
        return datos


class FormularioInscripcion(forms.Form):
    codigo = _campo_codigo(
        help_text=_("Los 6 dígitos que muestra la aplicación después de agregar la cuenta."),
        error_messages={"required": _("Escriba el código de 6 dígitos que muestra su aplicación.")},
    )

    def __init__(self, *args, dispositivo, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispositivo = dispositivo

    def clean_codigo(self):
        codigo = self.cleaned_data["codigo"].strip()
        if not self.dispositivo.verify_token(codigo):
            raise forms.ValidationError(
                _(
                    "El código no coincide. Revise la hora de su teléfono y escriba el código que se ve "
                    "ahora."
                ),
                code="codigo_invalido",
            )
        return codigo
