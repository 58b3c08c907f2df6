"""The answer to a requirement, from the tracking page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.expedientes.formularios import CampoVariosArchivos, FormularioPublico, ayuda_adjuntos

from .comunes import TEXTO_MAX


class CorregirForm(FormularioPublico):
    """The organization's answer to a requirement, on the tracking page."""

    texto = forms.CharField(
        label=_("Su respuesta al requerimiento"),
        max_length=TEXTO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Explique qué corrigió o complementó. Máximo 5000 caracteres."),
    )
    adjuntos = CampoVariosArchivos(label=_("Documentos corregidos o que faltaban"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjuntos"].help_text = ayuda_adjuntos()

    def clean(self):
        datos = super().clean()
        vacio = not (datos.get("texto") or "").strip() and not datos.get("adjuntos")
        if vacio and not self.errors:
            self.add_error("texto", _("Escriba la corrección o adjunte al menos un documento."))
        return datos
