from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pqrs.models import CondicionPoblacional, Modalidad


@admin.register(Modalidad)
class ModalidadAdmin(admin.ModelAdmin):
    """Terms and legal basis are data (Ley 1755 de 2015 arts. 14 and 30): the municipality keeps them.

    A change applies to requests filed afterwards; each request keeps the term it was filed with.
    """

    list_display = (
        "nombre",
        "codigo",
        "plazo_dias",
        "fundamento",
        "es_acceso_informacion",
        "activa",
        "orden",
    )
    list_editable = ("orden",)
    list_filter = ("activa", "es_acceso_informacion")
    search_fields = ("nombre", "codigo")
    fieldsets = (
        (None, {"fields": ("nombre", "codigo", "explicacion")}),
        (_("Término"), {"fields": ("plazo_dias", "fundamento", "es_acceso_informacion")}),
        (_("Publicación"), {"fields": ("activa", "orden")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Services, the synthetic generator and reports find modalities by their code.
        return ("codigo",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        # Filed requests point to their modality; retire one with "activa" instead.
        return False


@admin.register(CondicionPoblacional)
class CondicionPoblacionalAdmin(admin.ModelAdmin):
    list_display = ("nombre", "codigo", "da_prelacion", "activa", "orden")
    list_editable = ("orden",)
    list_filter = ("activa", "da_prelacion")
    search_fields = ("nombre", "codigo")

    def get_readonly_fields(self, request, obj=None):
        return ("codigo",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        # Deleting would erase what petitioners declared; retire it with "activa" instead.
        return False
