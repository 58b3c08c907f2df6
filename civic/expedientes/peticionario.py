"""The petitioner's identity and contact fields as every filing form asks them: one format rule for an
ID number and a phone, and the browser hints (autocomplete, keyboard) that fill them for the person."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validar_documento = RegexValidator(
    r"^[0-9A-Za-z.\- ]{3,20}$",
    _("Escriba el número de documento con letras, números, puntos o guiones (entre 3 y 20 caracteres)."),
)
validar_telefono = RegexValidator(
    r"^[0-9+()\- ]{7,30}$",
    _("Escriba un teléfono de al menos 7 dígitos; puede usar espacios, guiones, paréntesis y el signo +."),
)

# WCAG 2.1 SC 1.3.5 (identify input purpose): the tokens of the petitioner's own data.
AUTOCOMPLETAR = {
    "nombres": "given-name",
    "apellidos": "family-name",
    "razon_social": "organization",
    "correo": "email",
    "telefono": "tel",
    "direccion": "street-address",
}


def marcar_campos_peticionario(form: forms.Form) -> None:
    """Set the autocomplete tokens (and the phone keyboard) on the petitioner fields `form` has."""
    for nombre, token in AUTOCOMPLETAR.items():
        if nombre in form.fields:
            form.fields[nombre].widget.attrs["autocomplete"] = token
    if "telefono" in form.fields:
        form.fields["telefono"].widget.input_type = "tel"
