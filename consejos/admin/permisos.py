"""The permissions the consejos admin checks by name, and the pieces its pages share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
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


def pagina_formulario(
    model_admin, request, objeto, formulario: type[FormularioAccion], *, estado: str, url_volver: str
):
    """A staff action outside a state machine (held, cancelled, a follow-up, a scan): its form calls one
    service; a refusal shows next to the fields, keeps what was typed and writes nothing."""
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
    opts = model_admin.opts
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
