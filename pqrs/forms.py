"""Input shape and validation of the public PQRS pages; the services enforce the rules again."""

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from civic import memo
from civic.expedientes.acuse import CampoToken, renovar_token_invalido
from civic.expedientes.formularios import CampoVariosArchivos, FormularioPublico, ayuda_adjuntos
from civic.expedientes.modelos import CanalRespuesta, TipoDocumento, TipoPersona
from civic.expedientes.peticionario import marcar_campos_peticionario
from civic.expedientes.peticionario import validar_documento as _documento
from civic.expedientes.peticionario import validar_telefono as _telefono
from civic.selectors import GRUPO_TERRITORIO, comunas
from pqrs import selectors
from pqrs.models.solicitud import DESCRIPCION_MAX

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

COMENTARIO_MAX = 2000


# The form's catalogues (modalities, population conditions, comunas) are read once per process and read
# again after an edit (civic.memo; pqrs.apps and civic.apps connect the models' signals to these groups).
GRUPOS_CATALOGOS = ("pqrs:catalogos", GRUPO_TERRITORIO)


def _opciones(campo: forms.ModelChoiceField, filas) -> list:
    """What the field's iterator would give, kept: the option values carry their row (the modality's
    explanation is shown under its name)."""
    vacia = [("", campo.empty_label)] if campo.empty_label is not None else []
    return vacia + [
        (ModelChoiceIteratorValue(campo.prepare_value(o), o), campo.label_from_instance(o)) for o in filas
    ]


def _opciones_en_memoria(campo: forms.ModelChoiceField, nombre: str) -> list:
    return memo.memo(
        ("pqrs:opciones", nombre), lambda: _opciones(campo, campo.queryset), grupos=GRUPOS_CATALOGOS
    )


def codigos_de_modalidad() -> frozenset[str]:
    """The codes of the active modalities, for `?tipo=` in the filing form's link."""
    return memo.memo(
        "pqrs:codigos_modalidad",
        lambda: frozenset(selectors.modalidades_activas().values_list("codigo", flat=True)),
        grupos=GRUPOS_CATALOGOS,
    )


class CampoModalidad(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nombre


class RadicarForm(FormularioPublico):
    """The web filing form (Ley 1755/2015 arts. 13-16)."""

    tipo = CampoModalidad(
        label=_("Tipo de solicitud"),
        queryset=selectors.modalidades_activas(),
        to_field_name="codigo",
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("Elija la opción que mejor describe lo que necesita."),
        error_messages={
            "required": _("Elija el tipo de solicitud."),
            "invalid_choice": _("Elija uno de los tipos de solicitud de la lista."),
        },
    )
    # Ley 962/2005 art. 81 and Ley 1755/2015 art. 16: anonymous petitions are accepted.
    anonima = forms.BooleanField(
        label=_("Quiero presentar la solicitud de forma anónima"),
        required=False,
        help_text=_(
            "No tendrá que dar su nombre ni su documento. Si tampoco deja un correo electrónico, la "
            "respuesta se publicará en este portal durante 5 días hábiles (CPACA, art. 69)."
        ),
    )
    tipo_persona = forms.ChoiceField(
        label=_("Tipo de persona"),
        choices=TipoPersona.choices,
        initial=TipoPersona.NATURAL,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Persona jurídica es una empresa, fundación, junta o asociación."),
    )
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=[("", _("Seleccione…")), *TipoDocumento.choices],
        required=False,
        help_text=_("Obligatorio si no es anónima. Las personas jurídicas usan el NIT."),
    )
    numero_documento = forms.CharField(
        label=_("Número de documento"),
        max_length=20,
        required=False,
        validators=[_documento],
        help_text=_("Obligatorio si no es anónima. Sin espacios, por ejemplo 1144000000."),
    )
    nombres = forms.CharField(
        label=_("Nombres"), max_length=120, required=False, help_text=_("Obligatorio para persona natural.")
    )
    apellidos = forms.CharField(
        label=_("Apellidos"), max_length=120, required=False, help_text=_("Obligatorio para persona natural.")
    )
    razon_social = forms.CharField(
        label=_("Razón social"),
        max_length=200,
        required=False,
        help_text=_("Obligatoria para persona jurídica."),
    )
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        required=False,
        help_text=_("Le enviaremos el acuse de recibo y la respuesta. Ejemplo: nombre@correo.com"),
        error_messages={"invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@correo.com.")},
    )
    telefono = forms.CharField(
        label=_("Teléfono"),
        max_length=30,
        required=False,
        validators=[_telefono],
        help_text=_("Fijo o celular, por si necesitamos contactarle."),
    )
    direccion = forms.CharField(
        label=_("Dirección"),
        max_length=200,
        required=False,
        help_text=_("Necesaria si quiere recibir la respuesta por correo postal."),
    )
    comuna = forms.ModelChoiceField(
        label=_("Comuna o corregimiento"),
        queryset=comunas(),
        required=False,
        empty_label=_("Seleccione…"),
        help_text=_("Dónde ocurre lo que nos cuenta o dónde vive."),
    )
    barrio = forms.CharField(
        label=_("Barrio o vereda"), max_length=120, required=False, help_text=_("Por ejemplo: San Antonio.")
    )
    canal_respuesta = forms.ChoiceField(
        label=_("¿Cómo quiere recibir la respuesta?"),
        choices=CanalRespuesta.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Obligatorio si no es anónima. El medio elegido necesita su correo o su dirección."),
    )
    # Ley 1581/2012 arts. 5-6: sensitive data, always optional.
    condiciones = forms.ModelMultipleChoiceField(
        label=_("Condiciones poblacionales"),
        queryset=selectors.condiciones_activas(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Opcional. Son datos sensibles (Ley 1581 de 2012): no está obligado a responder. Algunas "
            "condiciones dan atención preferente."
        ),
    )
    asunto = forms.CharField(
        label=_("Asunto"),
        max_length=200,
        help_text=_("Una frase corta, por ejemplo: Luminaria dañada en la calle 5."),
        error_messages={"required": _("Escriba el asunto de su solicitud.")},
    )
    descripcion = forms.CharField(
        label=_("Descripción"),
        max_length=DESCRIPCION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Escriba la descripción de su solicitud."),
            "max_length": _(
                "La descripción admite hasta %(limit_value)d caracteres y la suya tiene %(show_value)d. "
                "Resúmala o adjunte un documento con el detalle."
            ),
        },
    )
    # Ley 1755/2015 art. 20: a life at risk calls for immediate measures; it also makes the request priority.
    riesgo_vida = forms.BooleanField(
        label=_("Hay una vida en riesgo"),
        required=False,
        help_text=_(
            "Márquelo solo si la situación pone en peligro la vida de una persona: la Alcaldía recibe una "
            "alerta inmediata. En una emergencia llame también a la línea 123."
        ),
    )
    adjuntos = CampoVariosArchivos(label=_("Archivos adjuntos"), required=False)
    # Ley 1581/2012 art. 9: prior, express and informed authorization.
    autorizacion = forms.BooleanField(
        label=_("Autorizo el tratamiento de mis datos personales"),
        error_messages={"required": _("Para radicar debe autorizar el tratamiento de datos personales.")},
    )
    # Honeypot: invisible to people and to assistive technology; bots fill every field.
    sitio_web = forms.CharField(
        label=_("No escriba en este campo"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    # One-time token (a fresh one on every blank form): the service files once per token, so a double
    # click or a form re-sent with the back button lands on the filing already made.
    token_radicacion = CampoToken()

    SECCIONES = {
        "peticionario": ("tipo_documento", "numero_documento", "nombres", "apellidos", "razon_social"),
        "contacto": ("correo", "telefono", "direccion", "comuna", "barrio"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nombre in ("tipo", "comuna", "condiciones"):
            # Shown from memory; a sent value is still checked against the database (the field's queryset).
            self.fields[nombre].choices = _opciones_en_memoria(self.fields[nombre], nombre)
        self.fields["adjuntos"].help_text = ayuda_adjuntos()
        marcar_campos_peticionario(self)
        self.fields["descripcion"].widget.attrs["data-contador"] = "id_descripcion_contador"
        self.fields["descripcion"].help_text = _(
            "Cuente qué pasa, dónde y qué pide. Máximo %(n)s caracteres."
        ) % {"n": DESCRIPCION_MAX}

    @property
    def campos_peticionario(self):
        return [self[n] for n in self.SECCIONES["peticionario"]]

    @property
    def campos_contacto(self):
        return [self[n] for n in self.SECCIONES["contacto"]]

    @property
    def es_trampa(self) -> bool:
        return bool(self.data.get("sitio_web"))

    def clean(self):
        datos = super().clean()
        renovar_token_invalido(self)
        if datos.get("sitio_web"):
            raise ValidationError(
                _(
                    "No pudimos recibir el formulario. Si usa un programa que llena formularios "
                    "automáticamente, desactívelo y envíelo de nuevo."
                ),
                code="trampa",
            )
        anonima = datos.get("anonima", False)
        tipo_persona = datos.get("tipo_persona") or TipoPersona.NATURAL
        datos["tipo_persona"] = tipo_persona
        if not anonima:
            # Ley 1755/2015 art. 16 num. 2: a named petition identifies the petitioner.
            self._exigir("tipo_documento", _("Elija el tipo de documento, o marque la opción anónima."))
            self._exigir("numero_documento", _("Escriba el número de documento, o marque la opción anónima."))
            if tipo_persona == TipoPersona.JURIDICA:
                self._exigir("razon_social", _("Escriba la razón social de la persona jurídica."))
            else:
                self._exigir("nombres", _("Escriba sus nombres, o marque la opción anónima."))
                self._exigir("apellidos", _("Escriba sus apellidos, o marque la opción anónima."))
            self._exigir("canal_respuesta", _("Elija cómo quiere recibir la respuesta."))
        canal = datos.get("canal_respuesta")
        if canal == CanalRespuesta.CORREO:
            self._exigir("correo", _("Escriba su correo electrónico: lo eligió para recibir la respuesta."))
        elif canal == CanalRespuesta.DIRECCION:
            self._exigir("direccion", _("Escriba su dirección: la eligió para recibir la respuesta."))
        return datos

    def _exigir(self, campo: str, mensaje) -> None:
        if campo in self.errors:
            return  # one message per field: the format error already says what is wrong
        if not self.cleaned_data.get(campo):
            self.add_error(campo, ValidationError(mensaje, code="requerido"))


class AportarInformacionForm(FormularioPublico):
    """The petitioner's answer to a requirement of information (Ley 1755/2015 art. 17)."""

    texto = forms.CharField(
        label=_("Información que aporta"),
        max_length=DESCRIPCION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "El texto admite hasta %(limit_value)d caracteres y el suyo tiene %(show_value)d. "
                "Resúmalo o adjunte un documento."
            ),
        },
    )
    adjuntos = CampoVariosArchivos(label=_("Documentos"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjuntos"].help_text = ayuda_adjuntos()
        self.fields["texto"].help_text = _("Responda lo que se le pidió. Máximo %(n)s caracteres.") % {
            "n": DESCRIPCION_MAX
        }

    def clean(self):
        datos = super().clean()
        vacio = not (datos.get("texto") or "").strip() and not datos.get("adjuntos")
        if vacio and "texto" not in self.errors and "adjuntos" not in self.errors:
            self.add_error("texto", _("Escriba la información o adjunte al menos un documento."))
        return datos


class CalificarForm(FormularioPublico):
    calificacion = forms.TypedChoiceField(
        label=_("¿Qué tan satisfecho está con la atención recibida?"),
        choices=[
            (5, _("5 – Muy satisfecho")),
            (4, _("4 – Satisfecho")),
            (3, _("3 – Ni satisfecho ni insatisfecho")),
            (2, _("2 – Insatisfecho")),
            (1, _("1 – Muy insatisfecho")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Elija una opción de 1 a 5."),
        error_messages={"required": _("Elija una calificación de 1 a 5.")},
    )
    comentario = forms.CharField(
        label=_("Comentario"),
        max_length=COMENTARIO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comentario"].help_text = _("Opcional. Máximo %(n)s caracteres.") % {"n": COMENTARIO_MAX}


class DesistirForm(FormularioPublico):
    """The petitioner's express withdrawal (Ley 1755/2015 art. 18), confirmed on purpose."""

    confirmo = forms.BooleanField(
        label=_("Entiendo que la Alcaldía dejará de tramitar mi solicitud"),
        error_messages={"required": _("Para desistir, marque la casilla que confirma que lo entiende.")},
    )
    motivo = forms.CharField(
        label=_("Motivo (opcional)"),
        required=False,
        max_length=COMENTARIO_MAX,
        widget=forms.Textarea({"rows": 3}),
    )


class _TextoDelPeticionario(FormularioPublico):
    """What the petitioner writes on the tracking page; the label, help and required message per form."""

    etiqueta: "StrOrPromise" = ""
    ayuda: "StrOrPromise" = ""
    falta: "StrOrPromise" = ""

    texto = forms.CharField(
        max_length=DESCRIPCION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "El texto admite hasta %(limit_value)d caracteres y el suyo tiene %(show_value)d. "
                "Resúmalo o adjunte un documento."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campo = self.fields["texto"]
        campo.label = self.etiqueta
        campo.help_text = f"{self.ayuda} " + _("Máximo %(n)s caracteres.") % {"n": DESCRIPCION_MAX}
        campo.error_messages["required"] = self.falta


class CorregirForm(_TextoDelPeticionario):
    """The petitioner's correction of a petition returned as obscure (Ley 1755/2015 art. 19)."""

    etiqueta = _("Su petición corregida o aclarada")
    ayuda = _("Escriba de nuevo su petición, aclarando lo que la Alcaldía le indicó.")
    falta = _("Escriba su petición corregida o aclarada.")
    adjuntos = CampoVariosArchivos(label=_("Documentos (opcional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjuntos"].help_text = ayuda_adjuntos()


class AportarDocumentoForm(FormularioPublico):
    """A document the petitioner forgot, while the request is studied (the term does not change)."""

    # Marked required; `services.aportar_documento` is the one that refuses without a file, next to it.
    adjuntos = CampoVariosArchivos(label=_("Documento"), required=True)
    texto = forms.CharField(
        label=_("Nota (opcional)"),
        max_length=COMENTARIO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjuntos"].help_text = ayuda_adjuntos()
        self.fields["texto"].help_text = _(
            "Por ejemplo, qué documento es y por qué lo envía. Máximo %(n)s caracteres."
        ) % {"n": COMENTARIO_MAX}


class InsistirForm(_TextoDelPeticionario):
    """The petitioner's insistence on information denied under legal reserve (Ley 1755/2015 art. 26)."""

    etiqueta = _("Por qué insiste")
    ayuda = _("Explique por qué considera que debe recibir la información o los documentos.")
    falta = _("Escriba por qué insiste en recibir la información.")


class ReposicionForm(_TextoDelPeticionario):
    """The recurso de reposición against desistimiento tácito, rechazo or archivo (CPACA arts. 74-77)."""

    etiqueta = _("Por qué no está de acuerdo")
    ayuda = _("Explique por qué no está de acuerdo con la decisión y qué pide que se haga.")
    falta = _("Escriba por qué no está de acuerdo con la decisión.")
