"""What the portal's forms of the procedures share: limits and the date field."""

from django import forms
from django.utils.translation import gettext_lazy as _

TEXTO_MAX = 5000


def campo_fecha(*, error_messages=None, **kwargs) -> forms.DateField:
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Escriba una fecha válida, por ejemplo 2026-04-26."),
            **(error_messages or {}),
        },
        **kwargs,
    )
