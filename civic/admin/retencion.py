from django.contrib import admin

from civic.models import Anonimizacion


@admin.register(Anonimizacion)
class AnonimizacionAdmin(admin.ModelAdmin):
    """What `manage.py anonimizar_expedientes` erased and when: read-only, the record of the erasure
    (Ley 1581/2012 art. 11) that the entity can show."""

    list_display = ("radicado", "objeto_tipo", "cerrado_en", "momento", "adjuntos_borrados")
    list_filter = ("objeto_tipo",)
    search_fields = ("radicado",)
    date_hierarchy = "momento"
    list_select_related = ("objeto_tipo",)
    fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
