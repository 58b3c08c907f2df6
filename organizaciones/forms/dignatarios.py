"""The list of dignatarios of an inscription: one row per person, rows added without JavaScript."""

from django import forms
from django.forms import formset_factory
from django.forms.formsets import BaseFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.expedientes.formularios import FormularioPublico
from civic.expedientes.modelos import TipoDocumento
from civic.expedientes.peticionario import validar_documento

from .. import periodos
from ..models import (
    Cargo,
    Genero,
    TipoOrganizacion,
)
from .comunes import campo_fecha

FILAS_DIGNATARIOS = 6  # a blank form's rows; «Agregar filas» adds FILAS_MAS each time
FILAS_MAS = 3
FILAS_MAX = 60


class DignatarioForm(FormularioPublico):
    """One proposed dignatario; the row's dates start on the running period of the juntas."""

    nombres = forms.CharField(label=_("Nombres"), max_length=120)
    apellidos = forms.CharField(label=_("Apellidos"), max_length=120)
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"), choices=TipoDocumento.choices, initial=TipoDocumento.CC
    )
    numero_documento = forms.CharField(
        label=_("Número de documento"), max_length=20, validators=[validar_documento]
    )
    genero = forms.ChoiceField(label=_("Género"), choices=[("", _("Seleccione…")), *Genero.choices])
    cargo = forms.ChoiceField(label=_("Cargo"), choices=[("", _("Seleccione…")), *Cargo.choices])
    comision = forms.CharField(
        label=_("Comisión de trabajo"),
        max_length=120,
        required=False,
        help_text=_("Solo para coordinadores de comisión."),
    )
    inicio = campo_fecha(label=_("Inicio del periodo"))
    fin = campo_fecha(label=_("Fin del periodo"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        periodo = periodos.periodo(TipoOrganizacion.JAC, timezone.localdate())
        if periodo:
            self.fields["inicio"].initial, self.fields["fin"].initial = periodo
        for campo in self.fields.values():
            # Only the rows a person fills count: a blank row is ignored, a started one is complete.
            campo.error_messages["required"] = _("Complete este dato del dignatario o deje la fila vacía.")

    # A row counts as filled by its person, not by the period it comes with.
    PERSONA = ("nombres", "apellidos", "numero_documento", "genero", "cargo", "comision")

    def has_changed(self):
        return any(n in self.changed_data for n in self.PERSONA)

    def clean(self):
        datos = super().clean()
        inicio, fin = datos.get("inicio"), datos.get("fin")
        if inicio and fin and fin <= inicio:
            self.add_error("fin", _("El fin del periodo debe ser posterior a su inicio."))
        return datos


class _Filas(BaseFormSet):
    """Rows with no existing object behind them: every row may stay blank."""

    def initial_form_count(self):
        return 0 if not self.is_bound else super().initial_form_count()

    def agregar_error(self, mensajes) -> None:
        if self._non_form_errors is None:
            self.full_clean()
        self._non_form_errors.extend(mensajes)


DignatariosFormSet = formset_factory(
    DignatarioForm, formset=_Filas, extra=FILAS_DIGNATARIOS, max_num=FILAS_MAX, absolute_max=FILAS_MAX
)


def dignatarios_limpios(formset) -> list[dict]:
    """The filled rows, in the service's shape."""
    return [f.cleaned_data for f in formset.forms if f.cleaned_data and f.has_changed()]


def filas_de(data) -> int:
    """How many dignatario rows the sent form had (the management form), within bounds."""
    try:
        return min(max(int(data.get("dignatarios-TOTAL_FORMS", FILAS_DIGNATARIOS)), 1), FILAS_MAX)
    except (TypeError, ValueError):
        return FILAS_DIGNATARIOS
