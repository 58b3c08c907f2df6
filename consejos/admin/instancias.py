"""Instancias with their members: who sits, for which sector and organization, with which role and when."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from consejos.models import Instancia, Integrante

from .permisos import CamposConNombre

# The browser's date control: no calendar script, no time-zone note (these are dates, not moments).
_FECHAS = {models.DateField: {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}}


class IntegranteInline(CamposConNombre, admin.TabularInline):
    model = Integrante
    formfield_overrides = _FECHAS
    extra = 1
    fields = ("nombre", "cargo", "sector", "organizacion", "entidad", "rol", "inicio", "fin")
    # A plain id field with the admin's lookup (20,000 organizations; select2 has no accessible name).
    raw_id_fields = ("organizacion",)
    template = "admin/organizaciones/tabular_desplazable.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organizacion")

    def has_delete_permission(self, request, obj=None):
        # Members leave with an end date: past actas still name them.
        return False


@admin.register(Instancia)
class InstanciaAdmin(admin.ModelAdmin):
    list_display = ("nombre", "tipo", "ambito", "secretaria_tecnica", "activa")
    list_filter = ("tipo", "activa", "comuna", "secretaria_tecnica")
    list_select_related = ("comuna", "secretaria_tecnica")
    search_fields = ("nombre", "descripcion")
    search_help_text = _("Nombre o descripción de la instancia.")
    show_facets = admin.ShowFacets.NEVER
    actions = None
    inlines = (IntegranteInline,)
    formfield_overrides = _FECHAS
    fieldsets = (
        (None, {"fields": ("nombre", "tipo", "comuna", "descripcion", "secretaria_tecnica", "activa")}),
        (
            _("Periodo y reglas"),
            {"fields": (("inicio", "fin"), "sesiones_minimas_anio", "quorum_porcentaje")},
        ),
    )

    @admin.display(description=_("comuna o ámbito"), ordering="comuna__numero")
    def ambito(self, obj):
        return obj.comuna or _("Municipal")

    def has_delete_permission(self, request, obj=None):
        return False
