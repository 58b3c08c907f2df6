"""Workflow actions in the admin: each action is a form that calls exactly one service.

A `ModelAdmin` of an expediente mixes in `AccionesAdminMixin`, declares its `formularios_accion` and the
permission that allows acting; the mixin adds the `<pk>/accion/<accion>/` pages, offers only the actions
the current state allows, and turns a service's refusal into errors next to the fields, keeping what was
typed and writing nothing.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import radicados, registro
from .maquina import TransicionInvalida, maquina_de


def volcar_error(
    form: forms.Form, error: ValidationError, *, renombrar: dict[str, str] | None = None
) -> None:
    """Show a service's ValidationError next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for campo, errores in error.error_dict.items():
            campo = (renombrar or {}).get(campo, campo)
            form.add_error(campo if campo in form.fields else None, errores)
    else:
        form.add_error(None, error)


class FormularioAccion(forms.Form):
    """One workflow action on `objeto`. `ejecutar` calls its service; the view turns refusals into errors."""

    accion: str
    titulo = ""
    ayuda = ""
    boton = gettext_lazy("Guardar")
    con_archivos = False
    # A template shown above the form, with the page's context: what the staff member decides from.
    plantilla_previa = ""

    def __init__(self, *args, objeto, **kwargs):
        self.objeto = objeto
        super().__init__(*args, **kwargs)

    @classmethod
    def aplica(cls, objeto) -> bool:
        """Whether to offer the action on `objeto` beyond what its state allows: a condition the machine's
        table cannot say (a pending appeal, a deadline still running). The service checks it again."""
        return True

    def ejecutar(self, actor) -> None:
        raise NotImplementedError


class FormularioNota(FormularioAccion):
    """An action whose one input is a note for the timeline, handed to one service as
    `servicio(<parametro>=objeto, nota=…, actor=…)`. The note is optional, or required and called
    «Motivo» when `nota_obligatoria` (cancelling, reopening: the reason is what people read).

    Declare the service with `staticmethod(...)` so the form does not bind it."""

    servicio: Callable[..., object]
    # The keyword the service takes the object as ("compromiso", "acta"…).
    parametro = ""
    nota_obligatoria = False
    etiqueta_nota = gettext_lazy("Nota")
    ayuda_nota = ""
    nota_max = 2000
    filas_nota = 4

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nota"] = forms.CharField(
            label=_("Motivo") if self.nota_obligatoria else self.etiqueta_nota,
            required=self.nota_obligatoria,
            max_length=self.nota_max,
            widget=forms.Textarea(attrs={"rows": self.filas_nota, "cols": 80}),
            help_text=self.ayuda_nota,
        )

    def ejecutar(self, actor) -> None:
        self.servicio(**{self.parametro: self.objeto}, nota=self.cleaned_data["nota"], actor=actor)


if TYPE_CHECKING:
    # What the mixin is mixed into, for the checker only: at run time it stays a plain mixin.
    _MixinBase = admin.ModelAdmin
else:
    _MixinBase = object


class AccionesAdminMixin(_MixinBase):
    """Workflow action pages for a `ModelAdmin` whose model has a `maquina`."""

    formularios_accion: dict[str, type[FormularioAccion]] = {}
    # The permission that allows acting on the expediente ("app.change_model" usually).
    permiso_tramite = ""
    plantilla_accion = "admin/expedientes/accion.html"

    def puede_tramitar(self, request) -> bool:
        return bool(self.permiso_tramite) and request.user.has_perm(self.permiso_tramite)

    def _nombre_url(self, sufijo: str) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_{sufijo}"

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/accion/<slug:accion>/",
                envolver(self.accion_view),
                name=self._nombre_url("accion"),
            ),
            *super().get_urls(),
        ]

    def acciones_disponibles(self, request, objeto) -> list[dict]:
        """The actions the user may take in the object's current state, in the declared order."""
        if not self.puede_tramitar(request):
            return []
        maquina = maquina_de(objeto)
        permitidas = {str(a) for a in maquina.permitidas(getattr(objeto, maquina.campo))}
        return [
            {
                "titulo": formulario.titulo,
                "url": reverse(f"admin:{self._nombre_url('accion')}", args=[objeto.pk, codigo]),
            }
            for codigo, formulario in self.formularios_accion.items()
            if codigo in permitidas and formulario.aplica(objeto)
        ]

    def url_objeto(self, objeto) -> str:
        return reverse(f"admin:{self._nombre_url('change')}", args=[objeto.pk])

    def descripcion_accion(self, objeto) -> str:
        """One line about the object above the action's form (its subject, its title…)."""
        return ""

    def contexto_accion(self, request, objeto, form: FormularioAccion) -> dict:
        """What the forms' `plantilla_previa` read besides the form and the object (the app's own)."""
        return {}

    def accion_view(self, request, pk: int, accion: str):
        if not self.puede_tramitar(request):
            raise PermissionDenied
        formulario = self.formularios_accion.get(accion)
        if formulario is None:
            raise Http404
        # Scope: only what the user may see in the changelist can be acted on.
        objeto = get_object_or_404(self.get_queryset(request), pk=pk)
        maquina = maquina_de(objeto)
        try:
            maquina.destino(getattr(objeto, maquina.campo), formulario.accion)
            no_permitida = ""
        except TransicionInvalida as error:
            no_permitida = str(error)
        if request.method == "POST":
            form = formulario(request.POST, request.FILES, objeto=objeto)
            if form.is_valid():
                try:
                    form.ejecutar(request.user)
                except TransicionInvalida as error:
                    form.add_error(None, str(error))
                except ValidationError as error:
                    volcar_error(form, error)
                else:
                    messages.success(
                        request,
                        _("Se registró «%(accion)s» en %(sujeto)s %(objeto)s.")
                        % {"accion": form.titulo, "sujeto": maquina.sujeto_definido, "objeto": objeto},
                    )
                    return redirect(self.url_objeto(objeto))
            # A refused action rolled back: show the object as it is in the database.
            objeto.refresh_from_db()
        else:
            form = formulario(objeto=objeto)
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "title": f"{form.titulo} · {objeto}",
            "form": form,
            "objeto": objeto,
            "original": objeto,
            "estado": getattr(objeto, f"get_{maquina.campo}_display")(),
            "descripcion": self.descripcion_accion(objeto),
            "no_permitida": no_permitida,
            "url_volver": self.url_objeto(objeto),
            **self.contexto_accion(request, objeto, form),
        }
        return TemplateResponse(request, self.plantilla_accion, contexto)


class AnioFilter(admin.SimpleListFilter):
    """Year of radicación: the leading columns of the (serie, anio, consecutivo) unique index."""

    title = gettext_lazy("año")
    parameter_name = "anio"

    def lookups(self, request, model_admin):
        serie = registro.de_modelo(model_admin.model).serie
        return [(str(anio), str(anio)) for anio in radicados.anios_con_radicados(serie)]

    def queryset(self, request, queryset):
        valor = self.value()
        if valor and valor.isdigit():
            return queryset.filter(anio=int(valor))
        return queryset
