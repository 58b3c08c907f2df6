from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from civic.models import DiaNoHabil
from civic.services import calendario as servicios


@admin.register(DiaNoHabil)
class DiaNoHabilAdmin(SimpleHistoryAdmin):
    list_display = ("fecha", "motivo", "acto_administrativo")
    search_fields = ("motivo", "acto_administrativo")
    date_hierarchy = "fecha"

    # Writes go through the services so that every process's calendar is refreshed.
    def save_model(self, request, obj, form, change):
        datos = {"fecha": obj.fecha, "motivo": obj.motivo, "acto_administrativo": obj.acto_administrativo}
        if change:
            servicios.modificar_dia_no_habil(dia=obj, **datos, actor=request.user)
        else:
            # The admin reads obj.pk afterwards for its log entry and redirect.
            obj.pk = servicios.declarar_dia_no_habil(**datos, actor=request.user).pk

    def delete_model(self, request, obj):
        servicios.eliminar_dia_no_habil(dia=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for dia in queryset:
            servicios.eliminar_dia_no_habil(dia=dia, actor=request.user)
