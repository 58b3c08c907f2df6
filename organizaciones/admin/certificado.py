"""Certificates in the admin: read-only, with their PDF, their public verification page and a
revocation that states its reason (`services.certificados.revocar`)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import volcar_error
from organizaciones.models import Certificado
from organizaciones.services import certificados

from . import vistas
from .permisos import PERMISO_REVOCAR


class RevocarForm(forms.Form):
    motivo = forms.CharField(
        label=gettext_lazy("Motivo de la revocatoria"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        max_length=5000,
        help_text=gettext_lazy("Lo verá quien verifique el certificado."),
    )


@admin.register(Certificado)
class CertificadoAdmin(admin.ModelAdmin):
    list_display = ("codigo", "organizacion", "emitido_en", "revocado_en")
    list_select_related = ("organizacion",)
    search_fields = ("codigo", "organizacion__nombre")
    search_help_text = gettext_lazy("Código de verificación o nombre de la organización.")
    sortable_by = ("emitido_en",)
    list_filter = ()
    actions = None
    fields = (
        "codigo",
        "organizacion",
        "tramite",
        "emitido_en",
        "emitido_por",
        "revocado_en",
        "motivo_revocacion",
        "enlaces",
    )
    readonly_fields = fields
    change_form_template = "admin/organizaciones/certificado/change_form.html"

    def has_add_permission(self, request):
        # Issued from the organization's page ("Expedir certificado") or by a procedure's approval.
        return False

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def lookup_allowed(self, lookup, value, request=None):
        return False

    @admin.display(description=gettext_lazy("documentos"))
    def enlaces(self, obj):
        return vistas.enlaces_certificado(obj)

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("<int:pk>/pdf/", envolver(self.pdf_view), name="organizaciones_certificado_pdf"),
            path("<int:pk>/revocar/", envolver(self.revocar_view), name="organizaciones_certificado_revocar"),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        certificado = get_object_or_404(Certificado, pk=pk)
        return vistas.archivo_pdf(certificado.pdf, f"certificado-{certificado.codigo}.pdf")

    def revocar_view(self, request, pk):
        if not (self.has_view_permission(request) and request.user.has_perm(PERMISO_REVOCAR)):
            raise PermissionDenied
        certificado = get_object_or_404(Certificado.objects.select_related("organizacion"), pk=pk)
        form = RevocarForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                certificados.revocar(
                    certificado=certificado, motivo=form.cleaned_data["motivo"], actor=request.user
                )
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(
                    request, _("El certificado %(codigo)s quedó revocado.") % {"codigo": certificado}
                )
                return redirect(reverse("admin:organizaciones_certificado_change", args=[certificado.pk]))
        return vistas.formulario(
            self,
            request,
            form=form,
            objeto=certificado,
            titulo=_("Revocar el certificado"),
            ayuda=_(
                "La página de verificación dirá que el certificado fue revocado, cuándo y por qué. "
                "No se puede deshacer."
            ),
            boton=_("Revocar"),
        )
