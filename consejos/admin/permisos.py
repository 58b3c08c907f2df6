"""The permissions the consejos admin checks by name, and the pieces its pages share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from civic.expedientes.admin import FormularioAccion, volcar_error

# The record of a session (agenda, attendance…) and its held/cancelled actions.
PERMISO_SESION = "consejos.change_sesion"
# Approving, publishing and correcting an acta.
PERMISO_ACTA = "consejos.change_acta"
# A commitment's state, follow-ups and reviews.
PERMISO_COMPROMISO = "consejos.change_compromiso"
# Ley 1581/2012: the subscribers' addresses (to answer a complaint); without it the admin masks them.
PERMISO_SUSCRIPTORES = "consejos.ver_suscriptores"
# The kernel's action page with the consejos' styles.
PLANTILLA_ACCION = "admin/consejos/accion.html"


def pagina_formulario(model_admin, request, objeto, formulario: type[FormularioAccion]):
    """A staff action outside a state machine (held, cancelled, a follow-up, a scan): its form calls one
    service; a refusal shows next to the fields, keeps what was typed and writes nothing. The page shows
    the object's state and goes back to its admin page."""
    opts = model_admin.opts
    url_volver = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[objeto.pk])
    estado = objeto.get_estado_display()
    if request.method == "POST":
        form = formulario(request.POST, request.FILES, objeto=objeto)
        if form.is_valid():
            try:
                form.ejecutar(request.user)
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(
                    request,
                    _("Se registró «%(accion)s» en %(objeto)s.") % {"accion": form.titulo, "objeto": objeto},
                )
                return redirect(url_volver)
    else:
        form = formulario(objeto=objeto)
    contexto = {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "app_label": opts.app_label,
        "title": f"{form.titulo} · {objeto}",
        "form": form,
        "objeto": objeto,
        "original": objeto,
        "estado": estado,
        "descripcion": "",
        "no_permitida": "",
        "url_volver": url_volver,
    }
    return TemplateResponse(request, PLANTILLA_ACCION, contexto)


def pagina_de_accion(model_admin, request, formularios: dict, accion: str, objetos, pk: int):
    """The page of the action `accion` among `formularios` on the object `pk` of the queryset `objetos`
    (the caller has checked the permission first)."""
    formulario = formularios.get(accion)
    if formulario is None:
        raise Http404
    return pagina_formulario(model_admin, request, get_object_or_404(objetos, pk=pk), formulario)


class SoloPorSusAcciones:
    """An admin page that only shows its object: it is born elsewhere (an acta when its session is held,
    a commitment in its session) and changes only through its actions; nothing is deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request)  # type: ignore[misc]

    def has_delete_permission(self, request, obj=None):
        return False


def enlace_sesion(obj):
    """A link to the admin page of the session `obj` belongs to."""
    return format_html(
        '<a href="{}">{}</a>', reverse("admin:consejos_sesion_change", args=[obj.sesion_id]), obj.sesion
    )


def descarga(campo, nombre: str) -> FileResponse:
    """A stored file as a private download (annexes, scans): never a public media URL."""
    if not campo:
        raise Http404
    respuesta = FileResponse(campo.open("rb"), as_attachment=True, filename=nombre)
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta


class CamposConNombre:
    """A tabular inline whose controls carry their column's name: the table header is not a label, and
    without one a screen reader announces a bare select (axe select-name, WCAG 4.1.2)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for campo in formset.form.base_fields.values():
            campo.widget.attrs.setdefault("aria-label", str(campo.label))
        return formset
