"""The public forms: the directory's search and the certificate code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.expedientes.formularios import FormularioPublico
from civic.models import Comuna
from organizaciones.models import TipoOrganizacion
from organizaciones.selectors.publico import estados_publicos
from organizaciones.services.certificados import ALFABETO, normalizar_codigo

LARGO_CODIGO = 12


class BuscarForm(FormularioPublico):
    """GET form: a bad value is dropped (the directory still answers), never an error page."""

    nombre = forms.CharField(
        label=_("Nombre"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    tipo = forms.ChoiceField(
        label=_("Tipo"), required=False, choices=[("", _("Todos los tipos")), *TipoOrganizacion.choices]
    )
    comuna = forms.ModelChoiceField(
        label=_("Comuna o corregimiento"),
        required=False,
        queryset=Comuna.objects.all(),
        empty_label=_("Todas"),
    )
    estado = forms.ChoiceField(label=_("Estado"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["estado"].choices = [("", _("Todos los estados")), *estados_publicos()]

    def filtros(self) -> dict:
        """The valid filters; what did not validate is left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        datos = getattr(self, "cleaned_data", {})
        return {
            "nombre": (datos.get("nombre") or "").strip(),
            "tipo": datos.get("tipo") or "",
            "comuna": datos.get("comuna"),
            "estado": datos.get("estado") or "",
        }


class VerificarForm(FormularioPublico):
    codigo = forms.CharField(
        label=_("Código de verificación"),
        max_length=40,
        help_text=_(
            "Está al pie del certificado, junto al código QR: 12 letras y números, "
            "por ejemplo ABCD-EFGH-JKMN. No importa si lo escribe con o sin guiones, "
            "en mayúsculas o minúsculas."
        ),
        error_messages={"required": _("Escriba el código de verificación que aparece en el certificado.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_codigo(self) -> str:
        codigo = normalizar_codigo(self.cleaned_data["codigo"])
        crudo = codigo.replace("-", "")
        if len(crudo) != LARGO_CODIGO:
            raise forms.ValidationError(
                _(
                    "El código tiene 12 letras y números y usted escribió %(n)s. "
                    "Revise que lo haya copiado completo."
                ),
                params={"n": len(crudo)},
                code="largo",
            )
        ajenos = sorted({c for c in crudo if c not in ALFABETO})
        if ajenos:
            raise forms.ValidationError(
                _(
                    "Los códigos no usan %(ajenos)s: no llevan los números 0 ni 1 ni las letras I, L ni O. "
                    "Revise cada carácter."
                ),
                params={"ajenos": ", ".join(ajenos)},
                code="caracteres",
            )
        return codigo
