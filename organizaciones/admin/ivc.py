"""Inspección, vigilancia y control in the admin: visits and their requirements (with a term counted in
business days), elections and the trainings the secretaría gives."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from organizaciones.models import Capacitacion, Eleccion, RequerimientoIVC, Visita
from organizaciones.services import ivc as servicios


class PendienteFilter(admin.SimpleListFilter):
    title = _("situación")
    parameter_name = "pendiente"

    def lookups(self, request, model_admin):
        return (("si", _("Pendientes")), ("no", _("Atendidos")))

    def queryset(self, request, queryset):
        if self.value() == "si":
            return queryset.filter(atendido_en__isnull=True)
        if self.value() == "no":
            return queryset.filter(atendido_en__isnull=False)
        return queryset


class RequerimientoInline(admin.StackedInline):
    model = RequerimientoIVC
    fk_name = "visita"
    extra = 0
    can_delete = False
    fields = ("descripcion", ("fecha", "plazo_dias", "vence"), "responsable", ("atendido_en", "respuesta"))
    readonly_fields = ("vence",)


@admin.register(Visita)
class VisitaAdmin(admin.ModelAdmin):
    list_display = ("organizacion", "fecha", "funcionario")
    list_select_related = ("organizacion", "funcionario")
    search_fields = ("organizacion__nombre",)
    date_hierarchy = "fecha"
    autocomplete_fields = ("organizacion",)
    fields = ("organizacion", "fecha", "hallazgos", "documento")
    inlines = (RequerimientoInline,)
    actions = None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is not None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        # A new visit goes through its service, which opens its own (durable) transaction: everything is
        # validated before it runs, and its requirements are saved right after.
        return self._changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # The service records the visit as the organization's activity (art. 36); its act's file after.
        visita = servicios.registrar_visita(
            organizacion=obj.organizacion, fecha=obj.fecha, hallazgos=obj.hallazgos, actor=request.user
        )
        obj.pk, obj.funcionario = visita.pk, visita.funcionario
        obj._state.adding = False
        if obj.documento:
            obj.save(update_fields=["documento"])

    def save_formset(self, request, form, formset, change):
        for requerimiento in formset.save(commit=False):
            requerimiento.organizacion = form.instance.organizacion
            servicios.guardar_requerimiento.en_transaccion(requerimiento)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RequerimientoIVC)
class RequerimientoIVCAdmin(admin.ModelAdmin):
    list_display = ("organizacion", "descripcion_corta", "vence", "responsable", "atendido_en")
    list_filter = (PendienteFilter,)
    list_select_related = ("organizacion", "responsable")
    search_fields = ("organizacion__nombre",)
    autocomplete_fields = ("organizacion", "visita")
    fields = (
        "organizacion",
        "visita",
        "descripcion",
        ("fecha", "plazo_dias"),
        "vence",
        "responsable",
        ("atendido_en", "respuesta"),
    )
    readonly_fields = ("vence",)
    ordering = ("vence",)
    actions = None

    @admin.display(description=_("qué se requiere"))
    def descripcion_corta(self, obj):
        return obj.descripcion if len(obj.descripcion) <= 80 else obj.descripcion[:79] + "…"

    def save_model(self, request, obj, form, change):
        # The term is business days from the requirement's date (the reminder reads `vence`).
        servicios.guardar_requerimiento.en_transaccion(obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Eleccion)
class EleccionAdmin(admin.ModelAdmin):
    list_display = ("organizacion", "fecha", "tribunal_conformado_en", "fuera_de_termino")
    list_select_related = ("organizacion",)
    list_filter = ("fuera_de_termino",)
    search_fields = ("organizacion__nombre",)
    autocomplete_fields = ("organizacion",)
    date_hierarchy = "fecha"
    actions = None

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Capacitacion)
class CapacitacionAdmin(admin.ModelAdmin):
    list_display = ("fecha", "tema", "comuna", "asistentes", "n_organizaciones")
    list_select_related = ("comuna",)
    list_filter = ("comuna",)
    search_fields = ("tema",)
    date_hierarchy = "fecha"
    autocomplete_fields = ("organizaciones",)
    fields = ("fecha", "tema", "comuna", "organizaciones", "asistentes")
    actions = None

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total_organizaciones=Count("organizaciones"))

    @admin.display(description=_("organizaciones asistentes"), ordering="total_organizaciones")
    def n_organizaciones(self, obj):
        return obj.total_organizaciones

    def has_delete_permission(self, request, obj=None):
        return False
