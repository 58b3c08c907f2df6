"""The office's catalogues: each type of procedure's term, whether the portal offers it, and its checklist."""

from django.contrib import admin

from organizaciones.models import DocumentoRequerido, TipoTramite


class DocumentoRequeridoInline(admin.TabularInline):
    model = DocumentoRequerido
    extra = 1
    fields = ("orden", "nombre", "ayuda", "obligatorio")


@admin.register(TipoTramite)
class TipoTramiteAdmin(admin.ModelAdmin):
    """A change applies to procedures filed afterwards; each procedure keeps the term it was filed with."""

    list_display = ("clase", "plazo_dias", "en_linea")
    list_editable = ("plazo_dias", "en_linea")
    fields = ("clase", "plazo_dias", "en_linea", "descripcion")
    inlines = (DocumentoRequeridoInline,)
    actions = None

    def get_readonly_fields(self, request, obj=None):
        # Services and the portal find a type by its class.
        return ("clase",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        return False
