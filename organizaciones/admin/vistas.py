"""Pieces the organizaciones admin pages share: the frame of a form page, and the staff's links to the
PDFs (resolutions, certificates) and attachments, which are never public media URLs."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from organizaciones.models import Certificado

PLANTILLA_FORMULARIO = "admin/organizaciones/formulario.html"


def formulario(
    model_admin,
    request,
    *,
    form,
    titulo: str,
    objeto=None,
    ayuda: str = "",
    boton: str = "",
    previa: str = "",
    formsets=(),
    **extra,
):
    """A staff form page in the admin's frame (breadcrumbs back to the list and the object)."""
    opts = model_admin.opts
    contexto = {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "app_label": opts.app_label,
        "title": f"{titulo} · {objeto}" if objeto is not None else titulo,
        "titulo": titulo,
        "form": form,
        "formsets": formsets,
        "objeto": objeto,
        "original": objeto,
        "ayuda": ayuda,
        "boton": boton or _("Guardar"),
        "previa": previa,
        "url_volver": (
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[objeto.pk])
            if objeto is not None
            else reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        ),
        "media": model_admin.media + form.media,
        **extra,
    }
    return TemplateResponse(request, PLANTILLA_FORMULARIO, contexto)


def archivo_pdf(campo, nombre: str) -> FileResponse:
    if not campo:
        raise Http404
    respuesta = FileResponse(
        campo.open("rb"), as_attachment=False, filename=nombre, content_type="application/pdf"
    )
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta


def enlaces_certificado(certificado: Certificado) -> str:
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("admin:organizaciones_certificado_pdf", args=[certificado.pk]),
        _("PDF del certificado %(codigo)s") % {"codigo": certificado.codigo},
        reverse("organizaciones:verificar", args=[certificado.codigo]),
        _("Página de verificación"),
    )
