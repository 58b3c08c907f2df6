"""The subscription form: an e-mail address, what to follow (a comuna or an instancia) and the Ley 1581
authorization."""

from django import forms
from django.utils.translation import gettext_lazy as _

from civic.expedientes.formularios import FormularioPublico
from civic.models import Comuna
from consejos.models import Instancia

COMUNA, INSTANCIA = "c", "i"


def opciones_a_seguir() -> list:
    """One select with two groups; a value is "c<pk>" for a comuna or "i<pk>" for an instancia."""
    comunas = [(f"{COMUNA}{c.pk}", str(c)) for c in Comuna.objects.order_by("tipo", "numero")]
    instancias = [
        (f"{INSTANCIA}{i.pk}", i.nombre) for i in Instancia.objects.filter(activa=True).order_by("nombre")
    ]
    return [
        ("", _("Elija una comuna o una instancia")),
        (_("Comunas y corregimientos"), comunas),
        (_("Consejos, comités y mesas"), instancias),
    ]


def valor_inicial(consulta) -> str:
    """The choice preset from ?comuna=<pk> or ?instancia=<pk> (ignored when it is not a number)."""
    for parametro, prefijo in (("comuna", COMUNA), ("instancia", INSTANCIA)):
        valor = consulta.get(parametro, "")
        if valor.isdigit():
            return f"{prefijo}{valor}"
    return ""


class SuscripcionForm(FormularioPublico):
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        help_text=_("Le enviaremos un enlace para confirmar. Nada más llegará hasta que lo confirme."),
        error_messages={
            "required": _("Escriba su correo electrónico."),
            "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@correo.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    seguir = forms.ChoiceField(
        label=_("¿Qué quiere seguir?"),
        help_text=_(
            "Una comuna trae todo lo que se reúne o se decide en ella; una instancia, solo sus sesiones."
        ),
        error_messages={
            "required": _("Elija la comuna o la instancia de la que quiere recibir las actas."),
            "invalid_choice": _("Esa opción ya no está disponible: elija otra de la lista."),
        },
    )
    # Ley 1581/2012 art. 9: prior, express and informed authorization.
    autorizacion = forms.BooleanField(
        label=_("Autorizo el tratamiento de mi correo electrónico para este fin"),
        error_messages={
            "required": _("Para enviarle correos necesitamos su autorización: marque la casilla.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seguir"].choices = opciones_a_seguir()

    def destino(self) -> dict:
        """The service's keyword: comuna=<Comuna> or instancia=<Instancia> (one query)."""
        valor = self.cleaned_data["seguir"]
        pk = int(valor[1:])
        if valor[0] == COMUNA:
            return {"comuna": Comuna.objects.get(pk=pk)}
        return {"instancia": Instancia.objects.get(pk=pk)}
