"""The filing form of each type of procedure, built from data (the type's checklist). The services
enforce every rule again; a refusal of theirs is put back next to the field it names."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from stdnum.co import nit as stdnum_nit

from civic.expedientes.acuse import CampoToken, renovar_token_invalido
from civic.expedientes.formularios import CampoVariosArchivos, FormularioPublico
from civic.expedientes.modelos import TipoDocumento
from civic.expedientes.peticionario import marcar_campos_peticionario, validar_documento, validar_telefono
from civic.models import Barrio
from civic.selectors import comunas
from civic.sitio.politica import POLITICA_DATOS_VERSION

from ..models import (
    Canal,
    ClaseTerritorio,
    ClaseTramite,
    TipoLibro,
    TipoOrganizacion,
    TipoTramite,
    normalizar_nit,
    validar_nit,
)
from ..selectors import portal
from .comunes import TEXTO_MAX, campo_fecha
from .dignatarios import DignatariosFormSet

# What an organization may ask recognition for here: the communal grades 1-2 the municipality supervises
# and the other registered organizations; a JAL is created by law and a federación by the department.
TIPOS_RECONOCIMIENTO = [(t.value, t.label) for t in TipoOrganizacion if t not in {"jal", "federacion"}]

# A service's error key → the form field it belongs next to.
_CAMPO_DEL_SERVICIO = {
    "organizacion": "nit",
    "resolucion_impugnada": "resolucion_numero",
    "afiliadas": "afiliadas_nit",
}
# Keys the lists answer for (shown at the top of their group).
_GRUPO_DEL_SERVICIO = {"dignatarios": "dignatarios", "inicio": "dignatarios", "fin": "dignatarios"}


class RadicarTramiteForm(FormularioPublico):
    """The filing form of one type. Its fields depend on the type (`tipo`): the petitioner and the
    authorization always; the new organization's data for a recognition, the registered one's NIT for the
    others; the type's own data; and one file field per checklist line (`documento_<pk>`)."""

    # One filing per form (civic.expedientes.acuse): a double click lands on the procedure already filed.
    token_radicacion = CampoToken()

    # --- the legal representative, petitioner ---
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=[("", _("Seleccione…")), *[(v, n) for v, n in TipoDocumento.choices if v != "NIT"]],
        error_messages={"required": _("Elija su tipo de documento.")},
    )
    numero_documento = forms.CharField(
        label=_("Número de documento"),
        max_length=20,
        validators=[validar_documento],
        help_text=_("Sin espacios, por ejemplo 31999888."),
        error_messages={"required": _("Escriba su número de documento.")},
    )
    nombres = forms.CharField(
        label=_("Nombres"), max_length=120, error_messages={"required": _("Escriba sus nombres.")}
    )
    apellidos = forms.CharField(
        label=_("Apellidos"), max_length=120, error_messages={"required": _("Escriba sus apellidos.")}
    )
    correo = forms.EmailField(
        label=_("Correo electrónico"),
        max_length=254,
        help_text=_("Allí le enviamos el acuse, los requerimientos y la resolución."),
        error_messages={
            "required": _("Escriba su correo electrónico: allí le llegan el acuse y la resolución."),
            "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@correo.com."),
        },
    )
    telefono = forms.CharField(
        label=_("Teléfono"), max_length=30, required=False, validators=[validar_telefono]
    )
    direccion = forms.CharField(label=_("Dirección de notificación"), max_length=200, required=False)

    # --- the organization ---
    tipo = forms.ChoiceField(
        label=_("Tipo de organización"),
        choices=[("", _("Seleccione…")), *TIPOS_RECONOCIMIENTO],
        error_messages={"required": _("Elija el tipo de organización.")},
    )
    nombre = forms.CharField(
        label=_("Nombre de la organización"),
        max_length=200,
        help_text=_("Como aparece en el acta de constitución."),
        error_messages={"required": _("Escriba el nombre de la organización.")},
    )
    nit = forms.CharField(
        label=_("NIT de la organización"),
        max_length=20,
        validators=[validar_nit],
        help_text=_("Con dígito de verificación, por ejemplo 900373913-4."),
        error_messages={"required": _("Escriba el NIT de la organización.")},
    )
    comuna = forms.ModelChoiceField(
        label=_("Comuna o corregimiento"),
        queryset=comunas(),
        empty_label=_("Seleccione…"),
        error_messages={"required": _("Elija la comuna o el corregimiento.")},
    )
    barrio = forms.ModelChoiceField(
        label=_("Barrio o vereda"),
        queryset=Barrio.objects.select_related("comuna").order_by("comuna__tipo", "comuna__numero", "nombre"),
        required=False,
        empty_label=_("Seleccione…"),
        help_text=_("Los barrios y veredas están agrupados por comuna o corregimiento."),
    )
    clase_territorio = forms.ChoiceField(
        label=_("Clase de territorio"),
        choices=[("", _("Seleccione…")), *ClaseTerritorio.choices],
        required=False,
        help_text=_("Obligatoria para una junta de acción comunal: de ella depende el mínimo de afiliados."),
    )
    afiliados = forms.IntegerField(
        label=_("Número de afiliados"),
        min_value=0,
        error_messages={"required": _("Escriba cuántos afiliados tiene la organización.")},
    )
    familias = forms.IntegerField(
        label=_("Número de familias"),
        min_value=0,
        required=False,
        help_text=_("Solo juntas de vivienda comunitaria."),
    )
    afiliadas_nit = forms.CharField(
        label=_("NIT de las juntas afiliadas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Solo asociaciones de juntas (Asocomunal): un NIT por línea."),
    )
    fecha_constitucion = campo_fecha(label=_("Fecha de constitución"), required=False)
    direccion_organizacion = forms.CharField(label=_("Dirección de la sede"), max_length=200, required=False)
    correo_contacto = forms.EmailField(
        label=_("Correo de contacto de la organización"),
        required=False,
        error_messages={"invalid": _("Escriba un correo electrónico válido, por ejemplo junta@correo.com.")},
    )
    telefono_contacto = forms.CharField(
        label=_("Teléfono de contacto de la organización"),
        max_length=30,
        required=False,
        validators=[validar_telefono],
    )
    contacto_publico = forms.BooleanField(
        label=_(
            "Autorizo publicar la dirección, el correo y el teléfono de la organización en el directorio"
        ),
        required=False,
        help_text=_("Sin esta autorización el directorio no muestra el contacto (Ley 1581 de 2012)."),
    )

    # --- each type's own data ---
    fecha_asamblea = campo_fecha(
        label=_("Fecha de la asamblea que aprobó la reforma"),
        error_messages={"required": _("Indique la fecha de la asamblea que aprobó la reforma.")},
    )
    fecha_eleccion = campo_fecha(
        label=_("Fecha propuesta para la elección"),
        error_messages={"required": _("Indique la fecha propuesta para la elección.")},
    )
    causa = forms.CharField(
        label=_("Causa justificada para elegir fuera de término"),
        max_length=TEXTO_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ley 2166 de 2021, art. 36, parágrafo 2."),
        error_messages={"required": _("Explique la causa justificada para elegir fuera de término.")},
    )
    resolucion_numero = forms.IntegerField(
        label=_("Número de la resolución que impugna"),
        min_value=1,
        error_messages={"required": _("Escriba el número de la resolución que impugna.")},
    )
    resolucion_anio = forms.IntegerField(
        label=_("Año de la resolución"),
        min_value=2000,
        max_value=2100,
        error_messages={"required": _("Escriba el año de la resolución.")},
    )
    folios_tesoreria = forms.IntegerField(label=TipoLibro.TESORERIA.label, min_value=1, required=False)
    folios_inventarios = forms.IntegerField(label=TipoLibro.INVENTARIOS.label, min_value=1, required=False)
    folios_actas_asamblea = forms.IntegerField(
        label=TipoLibro.ACTAS_ASAMBLEA.label, min_value=1, required=False
    )
    folios_afiliados = forms.IntegerField(label=TipoLibro.AFILIADOS.label, min_value=1, required=False)
    folios_convivencia = forms.IntegerField(label=TipoLibro.CONVIVENCIA.label, min_value=1, required=False)
    folios_junta_directiva = forms.IntegerField(
        label=TipoLibro.JUNTA_DIRECTIVA.label, min_value=1, required=False
    )
    descripcion = forms.CharField(
        label=_("Observaciones"),
        max_length=TEXTO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Opcional. Lo que quiera que la secretaría sepa de su solicitud."),
    )

    # Ley 1581/2012 art. 9: prior, express and informed authorization.
    autorizacion = forms.BooleanField(
        label=_("Autorizo el tratamiento de mis datos personales"),
        error_messages={"required": _("Para radicar debe autorizar el tratamiento de datos personales.")},
    )

    PETICIONARIO = (
        "tipo_documento",
        "numero_documento",
        "nombres",
        "apellidos",
        "correo",
        "telefono",
        "direccion",
    )
    NUEVA = (
        "tipo",
        "nombre",
        "nit",
        "comuna",
        "barrio",
        "clase_territorio",
        "afiliados",
        "familias",
        "afiliadas_nit",
        "fecha_constitucion",
        "direccion_organizacion",
        "correo_contacto",
        "telefono_contacto",
    )
    PROPIOS = {
        ClaseTramite.REFORMA_ESTATUTOS: ("fecha_asamblea",),
        ClaseTramite.ELECCION_FUERA_TERMINO: ("fecha_eleccion", "causa"),
        ClaseTramite.IMPUGNACION: ("resolucion_numero", "resolucion_anio"),
        ClaseTramite.REGISTRO_LIBROS: tuple(f"folios_{t}" for t in TipoLibro.values),
    }

    def __init__(self, *args, tipo: TipoTramite, **kwargs):
        self.errores_libros: list[str] = []
        self.tipo = tipo
        self.clase = ClaseTramite(tipo.clase)
        super().__init__(*args, **kwargs)
        propios = set(self.PROPIOS.get(self.clase, ()))
        for nombre in [n for lista in self.PROPIOS.values() for n in lista]:
            if nombre not in propios:
                del self.fields[nombre]
        if not self.es_reconocimiento:
            for nombre in (*self.NUEVA, "contacto_publico"):
                if nombre != "nit":
                    del self.fields[nombre]
            self.fields["nit"].help_text = _(
                "El NIT con que la organización está registrada, con dígito de verificación "
                "(por ejemplo 900373913-4). Si no tiene NIT, radique el trámite en la ventanilla."
            )
        else:
            self.fields["nit"].required = False
            self.fields["nit"].help_text = _(
                "Opcional: si ya lo tiene, con dígito de verificación (por ejemplo 900373913-4)."
            )
            self.fields["barrio"].choices = _barrios_por_comuna(self.fields["barrio"])
        for requisito in self.requisitos:
            self.fields[f"documento_{requisito.pk}"] = CampoVariosArchivos(
                label=requisito.nombre,
                required=requisito.obligatorio,
                help_text=requisito.ayuda,
                error_messages={
                    "required": _("Adjunte «%(documento)s»: es obligatorio para este trámite.")
                    % {"documento": requisito.nombre}
                },
            )
            self.fields[f"documento_{requisito.pk}"].widget.attrs["class"] = "form-control"
        marcar_campos_peticionario(self)
        self.fields["numero_documento"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["direccion"].widget.attrs["autocomplete"] = "street-address"

    @cached_property
    def requisitos(self):
        return list(self.tipo.documentos.all())

    @property
    def es_reconocimiento(self) -> bool:
        return self.clase == ClaseTramite.RECONOCIMIENTO

    @property
    def con_dignatarios(self) -> bool:
        return self.clase == ClaseTramite.INSCRIPCION_DIGNATARIOS

    @property
    def con_libros(self) -> bool:
        return self.clase == ClaseTramite.REGISTRO_LIBROS

    # Sections the template renders, each a list of bound fields.
    @property
    def campos_peticionario(self):
        return [self[n] for n in self.PETICIONARIO]

    @property
    def campos_organizacion(self):
        return [self[n] for n in self.NUEVA if n in self.fields] if self.es_reconocimiento else [self["nit"]]

    @property
    def campos_propios(self):
        return [] if self.con_libros else [self[n] for n in self.PROPIOS.get(self.clase, ())]

    @property
    def campos_documentos(self):
        return [self[f"documento_{r.pk}"] for r in self.requisitos]

    @property
    def campos_libros(self):
        return [self[f"folios_{t}"] for t in TipoLibro.values] if self.con_libros else []

    def clean_nit(self):
        nit = self.cleaned_data.get("nit", "")
        return normalizar_nit(nit) if nit else ""

    def clean(self):
        datos = super().clean()
        renovar_token_invalido(self)
        if self.es_reconocimiento:
            comuna, barrio = datos.get("comuna"), datos.get("barrio")
            if comuna and barrio and barrio.comuna_id != comuna.pk:
                self.add_error(
                    "barrio",
                    _("El barrio o vereda «%(barrio)s» no es de %(comuna)s: elija uno de esa comuna.")
                    % {"barrio": barrio.nombre, "comuna": comuna},
                )
            if "afiliadas_nit" in datos:
                self._afiliadas(datos)
        elif datos.get("nit"):
            organizacion = portal.organizacion_por_nit(datos["nit"])
            if organizacion is None:
                self.add_error(
                    "nit",
                    _(
                        "No hay una organización registrada con el NIT %(nit)s. Revise el número; si la "
                        "organización aún no está registrada, radique primero su reconocimiento."
                    )
                    % {"nit": datos["nit"]},
                )
            datos["organizacion"] = organizacion
        if (
            self.clase == ClaseTramite.IMPUGNACION
            and datos.get("resolucion_numero")
            and datos.get("resolucion_anio")
        ):
            datos["resolucion_impugnada"] = portal.resolucion(
                datos["resolucion_numero"], datos["resolucion_anio"]
            )
        if self.con_libros:
            datos["libros"] = [
                {"tipo": t, "folios": datos[f"folios_{t}"]}
                for t in TipoLibro.values
                if datos.get(f"folios_{t}")
            ]
            if not datos["libros"] and not any(f"folios_{t}" in self.errors for t in TipoLibro.values):
                self.errores_libros.append(_("Relacione al menos un libro con su número de folios."))
        return datos

    def _afiliadas(self, datos):
        nits = [normalizar_nit(n) for n in (datos.get("afiliadas_nit") or "").split() if n.strip()]
        if not nits:
            datos["afiliadas"] = []
            return
        invalidos = [n for n in nits if not stdnum_nit.is_valid(n)]
        halladas = portal.organizaciones_por_nit(n for n in nits if n not in invalidos)
        faltan = invalidos + [n for n in nits if n not in invalidos and n not in halladas]
        if faltan:
            self.add_error(
                "afiliadas_nit",
                _("Estos NIT no son de juntas registradas: %(nits)s.") % {"nits": ", ".join(faltan)},
            )
        datos["afiliadas"] = list(halladas.values())

    def argumentos(self, *, dignatarios=()) -> dict:
        """The keyword arguments of `services.radicacion.radicar` from the cleaned data."""
        d = self.cleaned_data
        argumentos = {
            "token_radicacion": d["token_radicacion"],
            "clase": self.clase,
            "canal": Canal.PORTAL,
            "peticionario": {
                **{n: d[n] for n in self.PETICIONARIO},
                # Ley 1581/2012 art. 9: which policy text was authorized, stored with the filing.
                "autorizacion_datos_version": POLITICA_DATOS_VERSION,
            },
            "descripcion": d.get("descripcion", ""),
            "documentos": {r.pk: d.get(f"documento_{r.pk}") or [] for r in self.requisitos},
            "dignatarios": list(dignatarios),
            "libros": d.get("libros", []),
            "datos": {n: d[n] for n in ("fecha_asamblea", "fecha_eleccion", "causa") if n in d},
            "resolucion_impugnada": d.get("resolucion_impugnada"),
        }
        if self.es_reconocimiento:
            argumentos["nueva"] = {
                "tipo": d["tipo"],
                "nombre": d["nombre"].strip(),
                "nit": d["nit"],
                "comuna": d["comuna"],
                "barrio": d.get("barrio"),
                "clase_territorio": d.get("clase_territorio") or "",
                "afiliados": d["afiliados"],
                "familias": d.get("familias") or 0,
                "fecha_constitucion": d.get("fecha_constitucion"),
                "direccion": d.get("direccion_organizacion", ""),
                "correo_contacto": d.get("correo_contacto", ""),
                "telefono_contacto": d.get("telefono_contacto", ""),
                "contacto_publico": d.get("contacto_publico", False),
                "afiliadas": d.get("afiliadas", []),
            }
        else:
            argumentos["organizacion"] = d["organizacion"]
        return argumentos

    def volcar(self, error: ValidationError, dignatarios: DignatariosFormSet | None = None) -> None:
        """A service's refusal next to the field (or list) it names; what it cannot place, on top."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for clave, errores in error.error_dict.items():
            mensajes = [m for e in errores for m in e.messages]
            clave = _CAMPO_DEL_SERVICIO.get(clave, clave)
            if _GRUPO_DEL_SERVICIO.get(clave) == "dignatarios" and dignatarios is not None:
                dignatarios.agregar_error(mensajes)
            elif clave == "libros":
                self.errores_libros.extend(mensajes)
            elif clave in self.fields:
                self.add_error(clave, mensajes)
            else:
                self.add_error(None, mensajes)


def _barrios_por_comuna(campo: forms.ModelChoiceField) -> list:
    """The barrios grouped by comuna (`<optgroup>`): a long list a screen reader can skim by group."""
    grupos: dict[str, list] = {}
    for barrio in campo.queryset:
        grupos.setdefault(str(barrio.comuna), []).append((barrio.pk, barrio.nombre))
    return [("", campo.empty_label), *grupos.items()]


def es_valido(form: RadicarTramiteForm, dignatarios: DignatariosFormSet | None) -> bool:
    """The form, its lists and its rows all valid (every one checked, so every error shows)."""
    validos = [form.is_valid(), dignatarios.is_valid() if dignatarios is not None else True]
    return all(validos) and not form.errores_libros
