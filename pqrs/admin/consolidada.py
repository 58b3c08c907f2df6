"""Catalogues the procedures draw on (entities, reserved matters) and the art. 22 consolidated answer."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civic.expedientes.admin import volcar_error
from pqrs import services
from pqrs.models import Entidad, MateriaReservada, RespuestaConsolidada, SentidoRespuesta, Solicitud
from pqrs.selectors import solicitudes_para_funcionario
from pqrs.services.consolidada import MODALIDADES
from pqrs.workflow import EN_CURSO

from .permisos import PERMISO_TRAMITE

MAXIMO_EN_PANTALLA = 200


@admin.register(Entidad)
class EntidadAdmin(admin.ModelAdmin):
    """Where remissions (art. 21) and insistences (art. 26) are e-mailed: the office keeps the addresses."""

    list_display = ("nombre", "tipo", "correo", "activa")
    list_filter = ("tipo", "activa")
    search_fields = ("nombre", "correo")
    fields = ("nombre", "tipo", "correo", "direccion", "activa")

    def has_delete_permission(self, request, obj=None):
        # Remitted requests point to it; retire it with "activa" instead.
        return False


@admin.register(MateriaReservada)
class MateriaReservadaAdmin(admin.ModelAdmin):
    """The only grounds a denial of information may cite (Ley 1755/2015 art. 24, Ley 1712/2014 art. 18-19)."""

    list_display = ("nombre", "norma", "activa", "orden")
    list_editable = ("orden",)
    list_filter = ("activa",)
    search_fields = ("nombre", "norma")

    def has_delete_permission(self, request, obj=None):
        # Denials cite it; retire it with "activa" instead.
        return False


class CampoSolicitudes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.radicado} — {obj.asunto}"


class RespuestaConsolidadaForm(forms.Form):
    solicitudes = CampoSolicitudes(
        label=_("Solicitudes con el mismo objeto"),
        queryset=Solicitud.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "De más de diez personas, de información, de interés general o de consulta. Cada una conserva su "
            "radicado y se notifica a su peticionario."
        ),
    )
    objeto = forms.CharField(label=_("Objeto común"), max_length=200)
    sentido = forms.ChoiceField(
        label=_("Sentido"),
        choices=[c for c in SentidoRespuesta.choices if c[0] != SentidoRespuesta.NIEGA],
        help_text=_("Una negación por reserva se responde una por una, citando la norma."),
    )
    texto = forms.CharField(label=_("Respuesta"), widget=forms.Textarea(attrs={"rows": 10, "cols": 80}))

    def __init__(self, *args, candidatas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["solicitudes"].queryset = candidatas


@admin.register(RespuestaConsolidada)
class RespuestaConsolidadaAdmin(admin.ModelAdmin):
    """Ley 1755/2015 art. 22: "añadir" is answering the selected requests at once; the rows are a record."""

    list_display = ("objeto", "momento", "actor", "cuantas")
    search_fields = ("objeto",)
    date_hierarchy = "momento"
    fields = ("objeto", "texto", "momento", "actor", "radicados")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor").annotate(n=Count("solicitudes"))

    @admin.display(description=_("solicitudes"), ordering="n")
    def cuantas(self, obj):
        return obj.n

    @admin.display(description=_("radicados"))
    def radicados(self, obj):
        return ", ".join(obj.solicitudes.order_by("radicado").values_list("radicado", flat=True))

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISO_TRAMITE)

    def has_add_permission(self, request):
        return request.user.has_perm(PERMISO_TRAMITE)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        # Only requests the user may act on, still within their term, newest first.
        candidatas = (
            solicitudes_para_funcionario(request.user)
            .filter(estado__in=EN_CURSO)
            .filter(modalidad__codigo__in=MODALIDADES)
            .select_related(None)
            .select_related("modalidad")
            .only(
                "pk",
                "radicado",
                "asunto",
                "tipo_documento",
                "numero_documento",
                "correo",
                "modalidad__codigo",
            )
            .order_by("asunto", "radicado")
        )
        q = request.GET.get("q", "").strip()
        if q:
            candidatas = candidatas.filter(asunto__icontains=q)
        if request.method != "POST":
            # A page of checkboxes, not the whole office's queue: the search narrows it.
            primeras = list(candidatas.values_list("pk", flat=True)[:MAXIMO_EN_PANTALLA])
            candidatas = candidatas.filter(pk__in=primeras)
        form = RespuestaConsolidadaForm(request.POST or None, candidatas=candidatas)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                registro = services.responder_consolidada(
                    solicitudes=list(d["solicitudes"]),
                    objeto=d["objeto"],
                    texto=d["texto"],
                    sentido=d["sentido"],
                    actor=request.user,
                )
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(
                    request,
                    _("Se respondieron %(n)s solicitudes con una respuesta consolidada.")
                    % {"n": len(d["solicitudes"])},
                )
                return redirect(reverse("admin:pqrs_respuestaconsolidada_change", args=[registro.pk]))
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Respuesta consolidada (Ley 1755 de 2015, art. 22)"),
            "form": form,
            "q": q,
            "maximo": MAXIMO_EN_PANTALLA,
        }
        return TemplateResponse(request, "admin/pqrs/respuesta_consolidada.html", contexto)
