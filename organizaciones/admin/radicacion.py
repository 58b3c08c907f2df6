"""Filing from the admin: a procedure received on paper at the window (canal «ventanilla») and a suspension
or cancellation opened de oficio (canal «oficio»). Both: choose the type → its form (its checklist's
documents) → `services.radicacion.radicar` → the procedure's page. Refusals come back next to the fields."""

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import formset_factory
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import volcar_error
from civic.expedientes.formularios import CampoVariosArchivos
from civic.expedientes.modelos import TipoDocumento
from civic.models import Comuna
from civic.sitio.politica import POLITICA_DATOS_VERSION
from organizaciones.models import (
    DE_OFICIO,
    Canal,
    Cargo,
    ClaseTerritorio,
    ClaseTramite,
    Genero,
    Organizacion,
    Resolucion,
    Sentido,
    TipoLibro,
    TipoOrganizacion,
    TipoTramite,
    Tramite,
)
from organizaciones.services import radicacion as servicio

from . import vistas
from .permisos import PERMISO_RADICAR

_TEXTO = forms.Textarea(attrs={"rows": 4, "cols": 80})
_FECHA = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _exigir(model_admin, request) -> None:
    if not (model_admin.has_view_permission(request) and request.user.has_perm(PERMISO_RADICAR)):
        raise PermissionDenied


def elegir(model_admin, request):
    """The add page: which procedure, and how it arrives."""
    _exigir(model_admin, request)
    contexto = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "app_label": model_admin.opts.app_label,
        "title": _("Registrar un trámite"),
        "ventanilla": [(c, c.label) for c in ClaseTramite if c not in DE_OFICIO],
        "de_oficio": [(c, c.label) for c in ClaseTramite if c in DE_OFICIO],
    }
    return TemplateResponse(request, "admin/organizaciones/tramite/elegir.html", contexto)


class _Base(forms.Form):
    """The fields every filing from the admin has: the organization and the checklist's documents."""

    def __init__(self, *args, clase: ClaseTramite, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.clase = clase
        self.tipo = TipoTramite.objects.prefetch_related("documentos").get(clase=clase)
        if clase != ClaseTramite.RECONOCIMIENTO:
            self.fields["organizacion"] = forms.ModelChoiceField(
                label=_("Organización"),
                queryset=Organizacion.objects.all(),
                widget=AutocompleteSelect(Tramite._meta.get_field("organizacion"), admin_site),
                help_text=_("Escriba parte del nombre o el NIT."),
            )
        self._campos_propios()
        self.requisitos = list(self.tipo.documentos.all())
        for requisito in self.requisitos:
            self.fields[f"documento_{requisito.pk}"] = CampoVariosArchivos(
                label=requisito.nombre,
                required=False,
                help_text=" ".join(
                    t for t in (requisito.ayuda, "" if requisito.obligatorio else _("Opcional.")) if t
                ),
            )

    def _campos_propios(self) -> None:
        pass

    def documentos(self) -> dict:
        return {
            r.pk: self.cleaned_data.get(f"documento_{r.pk}") or []
            for r in self.requisitos
            if self.cleaned_data.get(f"documento_{r.pk}")
        }


class VentanillaForm(_Base):
    tipo_documento = forms.ChoiceField(label=gettext_lazy("Tipo de documento"), choices=TipoDocumento.choices)
    numero_documento = forms.CharField(label=gettext_lazy("Número de documento"), max_length=20)
    nombres = forms.CharField(label=gettext_lazy("Nombres"), max_length=120)
    apellidos = forms.CharField(label=gettext_lazy("Apellidos"), max_length=120)
    correo = forms.EmailField(label=gettext_lazy("Correo electrónico"), required=False)
    telefono = forms.CharField(label=gettext_lazy("Teléfono"), max_length=30, required=False)
    direccion = forms.CharField(label=gettext_lazy("Dirección"), max_length=200, required=False)
    descripcion = forms.CharField(
        label=gettext_lazy("Lo que solicita la organización"), widget=_TEXTO, required=False, max_length=5000
    )
    autoriza_datos = forms.BooleanField(
        label=gettext_lazy("El peticionario autorizó el tratamiento de sus datos personales"),
        help_text=gettext_lazy("Firmó la autorización en el formato de radicación (Ley 1581 de 2012)."),
        error_messages={"required": gettext_lazy("Sin la autorización no se pueden registrar sus datos.")},
    )

    def _campos_propios(self):
        c = self.clase
        if c == ClaseTramite.RECONOCIMIENTO:
            self.fields.update(
                {
                    "tipo": forms.ChoiceField(
                        label=_("Tipo de organización"), choices=TipoOrganizacion.choices
                    ),
                    "nombre": forms.CharField(label=_("Nombre de la organización"), max_length=200),
                    "nit": forms.CharField(label=_("NIT"), max_length=15, required=False),
                    "comuna": forms.ModelChoiceField(
                        label=_("Comuna o corregimiento"), queryset=Comuna.objects.all()
                    ),
                    "clase_territorio": forms.ChoiceField(
                        label=_("Clase de territorio"), choices=[("", "---------"), *ClaseTerritorio.choices]
                    ),
                    "afiliados": forms.IntegerField(label=_("Afiliados"), min_value=0),
                    "familias": forms.IntegerField(
                        label=_("Familias"),
                        min_value=0,
                        required=False,
                        help_text=_("Solo juntas de vivienda."),
                    ),
                }
            )
        elif c == ClaseTramite.REFORMA_ESTATUTOS:
            self.fields["fecha_asamblea"] = forms.DateField(
                label=_("Fecha de la asamblea que aprobó la reforma"), widget=_FECHA
            )
        elif c == ClaseTramite.ELECCION_FUERA_TERMINO:
            self.fields["fecha_eleccion"] = forms.DateField(
                label=_("Fecha propuesta de la elección"), widget=_FECHA
            )
            self.fields["causa"] = forms.CharField(label=_("Causa justificada"), widget=_TEXTO)
        elif c == ClaseTramite.IMPUGNACION:
            self.fields["resolucion_impugnada"] = forms.ModelChoiceField(
                label=_("Resolución de inscripción que se impugna"),
                queryset=Resolucion.objects.filter(
                    clase=ClaseTramite.INSCRIPCION_DIGNATARIOS, sentido=Sentido.APRUEBA
                ).select_related("organizacion"),
            )

    def datos(self) -> dict:
        d = self.cleaned_data
        return {k: d[k] for k in ("fecha_asamblea", "fecha_eleccion", "causa") if d.get(k)}

    def nueva(self) -> dict | None:
        if self.clase != ClaseTramite.RECONOCIMIENTO:
            return None
        d = self.cleaned_data
        campos = ("tipo", "nombre", "nit", "comuna", "clase_territorio", "afiliados")
        return {**{k: d[k] for k in campos}, "familias": d.get("familias") or 0}

    def peticionario(self) -> dict:
        d = self.cleaned_data
        campos = (
            "tipo_documento",
            "numero_documento",
            "nombres",
            "apellidos",
            "correo",
            "telefono",
            "direccion",
        )
        return {**{k: d[k] for k in campos}, "autorizacion_datos_version": POLITICA_DATOS_VERSION}


class DignatarioPropuestoForm(forms.Form):
    cargo = forms.ChoiceField(label=gettext_lazy("Cargo"), choices=[("", "---------"), *Cargo.choices])
    nombres = forms.CharField(label=gettext_lazy("Nombres"), max_length=120)
    apellidos = forms.CharField(label=gettext_lazy("Apellidos"), max_length=120)
    tipo_documento = forms.ChoiceField(label=gettext_lazy("Tipo de documento"), choices=TipoDocumento.choices)
    numero_documento = forms.CharField(label=gettext_lazy("Número de documento"), max_length=20)
    genero = forms.ChoiceField(label=gettext_lazy("Género"), choices=[("", "---------"), *Genero.choices])
    inicio = forms.DateField(label=gettext_lazy("Inicio del periodo"), widget=_FECHA)
    fin = forms.DateField(label=gettext_lazy("Fin del periodo"), widget=_FECHA)


class LibroPropuestoForm(forms.Form):
    tipo = forms.ChoiceField(label=gettext_lazy("Libro"), choices=[("", "---------"), *TipoLibro.choices])
    folios = forms.IntegerField(label=gettext_lazy("Folios"), min_value=1)


DignatariosFormSet = formset_factory(DignatarioPropuestoForm, extra=7, max_num=40)
LibrosFormSet = formset_factory(LibroPropuestoForm, extra=6, max_num=12)


class DeOficioForm(_Base):
    descripcion = forms.CharField(
        label=gettext_lazy("Motivación"),
        widget=_TEXTO,
        max_length=10000,
        help_text=gettext_lazy(
            "Los hechos comprobados en la inspección, vigilancia y control, y sus normas."
        ),
    )

    def _campos_propios(self):
        if self.clase == ClaseTramite.SUSPENSION:
            self.fields["hasta"] = forms.DateField(label=_("Suspensión propuesta hasta"), widget=_FECHA)
        else:
            self.fields["liquidador"] = forms.CharField(
                label=_("Liquidador"), max_length=200, required=False, help_text=_("Opcional.")
            )

    def datos(self) -> dict:
        d = self.cleaned_data
        if self.clase == ClaseTramite.SUSPENSION:
            return {"hasta": d["hasta"]}
        return {"liquidador": d["liquidador"]} if d.get("liquidador") else {}


def _clase(request, permitidas) -> ClaseTramite | None:
    valor = request.GET.get("clase", "")
    return ClaseTramite(valor) if valor in {str(c) for c in permitidas} else None


def _radicar(model_admin, request, *, canal: str, permitidas, titulo: str):
    _exigir(model_admin, request)
    clase = _clase(request, permitidas)
    if clase is None:
        return redirect(reverse("admin:organizaciones_tramite_add"))
    clase_form = DeOficioForm if canal == Canal.OFICIO else VentanillaForm
    datos = (request.POST, request.FILES) if request.method == "POST" else ()
    form = clase_form(*datos, clase=clase, admin_site=model_admin.admin_site)
    formsets = []
    if clase == ClaseTramite.INSCRIPCION_DIGNATARIOS:
        formsets.append(DignatariosFormSet(*datos[:1], prefix="dignatarios"))
    elif clase == ClaseTramite.REGISTRO_LIBROS:
        formsets.append(LibrosFormSet(*datos[:1], prefix="libros"))
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets):
        filas = [
            f.cleaned_data
            for formset in formsets
            for f in formset.forms
            if f.has_changed() and f.cleaned_data
        ]
        try:
            tramite, codigo = servicio.radicar(
                clase=clase,
                peticionario=form.peticionario() if canal != Canal.OFICIO else {},
                organizacion=form.cleaned_data.get("organizacion"),
                nueva=form.nueva() if canal != Canal.OFICIO else None,
                descripcion=form.cleaned_data.get("descripcion", ""),
                documentos=form.documentos(),
                dignatarios=filas if clase == ClaseTramite.INSCRIPCION_DIGNATARIOS else (),
                libros=filas if clase == ClaseTramite.REGISTRO_LIBROS else (),
                datos=form.datos(),
                resolucion_impugnada=form.cleaned_data.get("resolucion_impugnada"),
                canal=canal,
                actor=request.user,
            )
        except ValidationError as error:
            volcar_error(form, error)
        else:
            mensaje = _("Trámite radicado con el número %(radicado)s.") % {"radicado": tramite.radicado}
            if canal != Canal.OFICIO:
                mensaje += " " + _(
                    "Código de consulta para la organización (se muestra una sola vez): %(codigo)s"
                ) % {"codigo": codigo}
            messages.success(request, mensaje)
            return redirect(reverse("admin:organizaciones_tramite_change", args=[tramite.pk]))
    return vistas.formulario(
        model_admin,
        request,
        form=form,
        formsets=formsets,
        formsets_con_errores=any(f.total_error_count() for f in formsets)
        if request.method == "POST"
        else False,
        titulo=f"{titulo}: {clase.label}",
        ayuda=form.tipo.descripcion,
        boton=_("Radicar"),
    )


def ventanilla(model_admin, request):
    return _radicar(
        model_admin,
        request,
        canal=Canal.VENTANILLA,
        permitidas=[c for c in ClaseTramite if c not in DE_OFICIO],
        titulo=_("Radicar trámite recibido en ventanilla"),
    )


def de_oficio(model_admin, request):
    return _radicar(
        model_admin, request, canal=Canal.OFICIO, permitidas=DE_OFICIO, titulo=_("Abrir trámite de oficio")
    )
