from django.contrib import admin

from civic.models import Barrio, Comuna


class BarrioInline(admin.TabularInline):
    model = Barrio
    extra = 0


@admin.register(Comuna)
class ComunaAdmin(admin.ModelAdmin):
    list_display = ["numero", "nombre", "tipo", "zona"]
    list_filter = ["tipo", "zona"]
    search_fields = ["nombre"]
    inlines = [BarrioInline]


@admin.register(Barrio)
class BarrioAdmin(admin.ModelAdmin):
    list_display = ["nombre", "tipo", "comuna"]
    list_filter = ["tipo", "comuna__zona", "comuna"]
    list_select_related = ["comuna"]
    search_fields = ["nombre", "comuna__nombre"]
    autocomplete_fields = ["comuna"]
