"""Input shape of the public audiencia pages (a topic, a question, the survey); the services enforce the
rules again and a refusal of theirs is put back next to its field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civic.expedientes.acuse import CampoToken, renovar_token_invalido
from civic.expedientes.formularios import FormularioPublico
from civic.expedientes.modelos import CanalRespuesta, TipoDocumento, TipoPersona
from civic.expedientes.peticionario import marcar_campos_peticionario, validar_documento
from civic.sitio.politica import POLITICA_DATOS_VERSION

from .models import Evaluacion
from .services.audiencias import COMENTARIO_MAX, TEMA_MAX
from .services.preguntas import TEXTO_MAX


def volcar(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal next to the field it names; the rest on top."""
    if hasattr(error, "error_dict"):
        for campo, errores in error.error_dict.items():
            form.add_error(campo if campo in form.fields else None, errores)
    else:
        form.add_error(None, error)


class PropuestaTemaForm(FormularioPublico):
    texto = forms.CharField(
        label=_("Tema que propone"),
        max_length=TEMA_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Un tema que quiere que la Alcaldía explique en la audiencia. Se publica tras revisarlo."
        ),
        error_messages={
            "required": _("Escriba el tema que propone."),
            "max_length": _(
                "El tema admite hasta %(limit_value)d caracteres y el suyo tiene %(show_value)d."
            ),
        },
    )


class PreguntaForm(FormularioPublico):
    """A question to the audiencia: anonymous, or with name, document and e-mail for the written answer
    (Ley 1757/2015 art. 56) and the data authorization (Ley 1581/2012 art. 9)."""

    # One filing per form (civic.expedientes.acuse): a double click lands on the question already filed.
    token_radicacion = CampoToken()
    texto = forms.CharField(
        label=_("Su pregunta"),
        max_length=TEXTO_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Máximo %(n)s caracteres. Se publica en la página de la audiencia tras revisarla.")
        % {"n": TEXTO_MAX},
        error_messages={
            "required": _("Escriba su pregunta."),
            "max_length": _(
                "La pregunta admite hasta %(limit_value)d caracteres y la suya tiene %(show_value)d."
            ),
        },
    )
    anonima = forms.BooleanField(
        label=_("Quiero preguntar de forma anónima"),
        required=False,
        help_text=_(
            "No tendrá que dar sus datos. La respuesta se publica en la página de la audiencia y la "
            "consulta con el radicado y el código."
        ),
    )
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=[("", _("Seleccione…")), *[(v, n) for v, n in TipoDocumento.choices if v != "NIT"]],
        required=False,
        help_text=_("Obligatorio si no pregunta de forma anónima."),
    )
    numero_documento = forms.CharField(
        label=_("Número de documento"),
        max_length=20,
        required=False,
        validators=[validar_documento],
        help_text=_("Obligatorio si no pregunta de forma anónima. Sin espacios, por ejemplo 31999888."),
    )
    nombres = forms.CharField(label=_("Nombres"), max_length=120, required=False)
    apellidos = forms.CharField(label=_("Apellidos"), max_length=120, required=False)
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        required=False,
        help_text=_("Allí le enviamos la respuesta escrita. Ejemplo: nombre@correo.com"),
        error_messages={"invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@correo.com.")},
    )
    # Ley 1581/2012 art. 9: prior, express and informed authorization.
    autorizacion = forms.BooleanField(
        label=_("Autorizo el tratamiento de mis datos personales"),
        required=False,
        help_text=_("Necesaria si deja sus datos: la Alcaldía los usa solo para responderle."),
    )

    PETICIONARIO = ("tipo_documento", "numero_documento", "nombres", "apellidos", "correo")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        marcar_campos_peticionario(self)
        self.fields["numero_documento"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    @property
    def campos_peticionario(self):
        return [self[n] for n in self.PETICIONARIO]

    def clean(self):
        datos = super().clean()
        renovar_token_invalido(self)
        if not datos.get("anonima"):
            # Ley 1755/2015 art. 16: a named petition identifies the petitioner (the kernel's CHECK).
            faltan = {
                "tipo_documento": _("Elija el tipo de documento, o marque la opción anónima."),
                "numero_documento": _("Escriba el número de documento, o marque la opción anónima."),
                "nombres": _("Escriba sus nombres, o marque la opción anónima."),
                "apellidos": _("Escriba sus apellidos, o marque la opción anónima."),
                "correo": _("Escriba su correo electrónico: allí le llega la respuesta."),
                "autorizacion": _("Para dejar sus datos debe autorizar su tratamiento."),
            }
            for campo, mensaje in faltan.items():
                if campo not in self.errors and not datos.get(campo):
                    self.add_error(campo, ValidationError(mensaje, code="requerido"))
        return datos

    def peticionario(self) -> dict:
        """The kernel's petitioner fields for `services.preguntas.radicar`."""
        d = self.cleaned_data
        if d.get("anonima"):
            return {"anonima": True}
        return {
            "anonima": False,
            "tipo_persona": TipoPersona.NATURAL,
            **{n: d[n].strip() if isinstance(d[n], str) else d[n] for n in self.PETICIONARIO},
            "canal_respuesta": CanalRespuesta.CORREO,
            "autorizacion_datos_version": POLITICA_DATOS_VERSION,
        }


def _escala(campo: str) -> forms.TypedChoiceField:
    modelo = Evaluacion._meta.get_field(campo)
    return forms.TypedChoiceField(
        label=modelo.verbose_name,
        choices=[(v, f"{v} – {n}") for v, n in reversed(Evaluacion.Escala.choices)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una calificación de 1 a 5.")},
    )


class EvaluacionForm(FormularioPublico):
    informacion_clara = _escala("informacion_clara")
    preguntas_atendidas = _escala("preguntas_atendidas")
    organizacion = _escala("organizacion")
    comentario = forms.CharField(
        label=_("Comentario (opcional)"),
        max_length=COMENTARIO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "El comentario admite hasta %(limit_value)d caracteres y el suyo tiene %(show_value)d."
            ),
        },
    )

    @property
    def escalas(self):
        return [self[n] for n in ("informacion_clara", "preguntas_atendidas", "organizacion")]
