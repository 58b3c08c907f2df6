"""Forms shared by the citizen pages of every expediente: accessible fields, checked uploads, and the one
tracking form."""

from django import forms
from django.conf import settings
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.formato import tamano_legible

from . import archivos, radicados, registro

RADICADO_MAX = 30


class CampoAccesible(BoundField):
    """Adds Bootstrap's `is-invalid` next to the widget's own classes; Django already sets aria-invalid
    and aria-describedby (help text and error ids) on the input, or on the fieldset for option sets."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            widget = widget or self.field.widget
            clases = attrs.get("class") or widget.attrs.get("class", "")
            attrs["class"] = f"{clases} is-invalid".strip()
        return attrs


# Django's widget templates include attrs.html, and each option its own input and attrs: ~260 templates for
# the filing form. These (civic/templates/civic/widgets) write the same HTML in one template per widget.
_PLANTILLAS_EN_UNA = "civic/widgets/"


def _en_una_plantilla(widget: forms.Widget) -> None:
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        widget.option_template_name = f"{_PLANTILLAS_EN_UNA}opcion.html"
    elif isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple):
        widget.template_name = f"{_PLANTILLAS_EN_UNA}lista.html"
    elif isinstance(widget, forms.Textarea):
        widget.template_name = f"{_PLANTILLAS_EN_UNA}texto.html"
    elif isinstance(widget, forms.widgets.Input) and not isinstance(widget, forms.ClearableFileInput):
        widget.template_name = f"{_PLANTILLAS_EN_UNA}entrada.html"


class FormularioPublico(forms.Form):
    bound_field_class = CampoAccesible

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for campo in self.fields.values():
            widget = campo.widget
            _en_una_plantilla(widget)
            if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.CheckboxInput)):
                clase = "form-check-input"
            elif isinstance(widget, forms.Select):
                clase = "form-select"
            else:
                clase = "form-control"
            widget.attrs.setdefault("class", clase)


class EntradaVariosArchivos(forms.FileInput):
    allow_multiple_selected = True


class CampoVariosArchivos(forms.FileField):
    """Several files in one input; the checks of `civic.expedientes.archivos` run on the whole list."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", EntradaVariosArchivos(attrs={"multiple": True, "accept": archivos.ACEPTA})
        )
        # Empty files get our message, which names the file, instead of Django's generic one.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            recibidos = [super(CampoVariosArchivos, self).clean(d, initial) for d in data]
        else:
            recibidos = [super().clean(data, initial)]
        return archivos.validar_adjuntos([a for a in recibidos if a])


def ayuda_adjuntos():
    return _(
        "Hasta %(n)s archivos de máximo %(tamano)s cada uno. Tipos permitidos: %(tipos)s. "
        "Se revisa el contenido de cada archivo, no solo su nombre."
    ) % {
        "n": settings.ADJUNTOS_MAX,
        "tamano": tamano_legible(settings.ADJUNTO_MAX_BYTES),
        "tipos": archivos.DESCRIPCION_TIPOS,
    }


class RecuperarCodigoForm(FormularioPublico):
    """The radicado whose code was lost: nothing else, so the answer cannot reveal anything about it."""

    radicado = forms.CharField(
        label=_("Número de radicado"),
        max_length=RADICADO_MAX,
        error_messages={"required": _("Escriba el número de radicado.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["radicado"].widget.attrs.update({"autocapitalize": "characters", "spellcheck": "false"})
        self.fields["radicado"].help_text = _("Aparece en el acuse de recibo, por ejemplo %(ejemplo)s.") % {
            "ejemplo": ejemplo_radicado()
        }


class ConsultaForm(RecuperarCodigoForm):
    """The one tracking form: the radicado, and the code that proves it is the petitioner's."""

    codigo = forms.CharField(
        label=_("Código de consulta"),
        max_length=30,
        help_text=_("El código de 10 caracteres que recibió al radicar, en pantalla o por correo."),
        error_messages={"required": _("Escriba el código de consulta.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


def ejemplo_radicado() -> str:
    """A radicado as the visitor will see one: the first registered expediente's prefix, this year."""
    expedientes = registro.todos()
    prefijo = expedientes[0].prefijo_radicado if expedientes else "RAD"
    return radicados.formatear_radicado(prefijo, timezone.localdate().year, 123)
