"""The public portal's GET forms: the actas' search and the commitments board's filters.

A bad value is dropped (the page still answers with what it can), never an error page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.expedientes.formularios import FormularioPublico
from civic.models import Comuna
from civic.plazos.semaforo import POR_URGENCIA
from consejos.models import Instancia
from consejos.workflow import EstadoCompromiso


class _Filtros(FormularioPublico):
    def filtros(self) -> dict:
        """The valid values; what did not validate is left out (empty)."""
        if not self.is_bound:
            return {nombre: campo.initial for nombre, campo in self.fields.items()}
        self.is_valid()
        datos = getattr(self, "cleaned_data", {})
        return {nombre: datos.get(nombre) for nombre in self.fields}


class BuscarActasForm(_Filtros):
    q = forms.CharField(
        label=_("Palabras a buscar"),
        required=False,
        max_length=200,
        help_text=_("Por ejemplo: transporte, vivienda, alumbrado. No importan las tildes."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    comuna = forms.ModelChoiceField(
        label=_("Comuna o corregimiento"),
        required=False,
        queryset=Comuna.objects.order_by("tipo", "numero"),
        empty_label=_("Todas"),
    )
    instancia = forms.ModelChoiceField(
        label=_("Instancia"),
        required=False,
        queryset=Instancia.objects.order_by("nombre"),
        empty_label=_("Todas"),
    )


class FiltroCompromisosForm(_Filtros):
    luz = forms.ChoiceField(
        label=_("Semáforo"),
        required=False,
        choices=[("", _("Todos")), *[(luz.value, luz.label) for luz in POR_URGENCIA]],
    )
    estado = forms.ChoiceField(
        label=_("Estado"), required=False, choices=[("", _("Todos")), *EstadoCompromiso.choices]
    )
