"""The catalogues the technical secretariat keeps: topics and population groups of the sessions."""

from django.contrib import admin

from consejos.models import GrupoPoblacional, Tema


class _Catalogo(admin.ModelAdmin):
    list_display = ("nombre",)
    search_fields = ("nombre",)
    actions = None
    show_facets = admin.ShowFacets.NEVER

    def has_delete_permission(self, request, obj=None):
        # Sessions point at them: a name is corrected, never removed.
        return False


@admin.register(Tema)
class TemaAdmin(_Catalogo):
    pass


@admin.register(GrupoPoblacional)
class GrupoPoblacionalAdmin(_Catalogo):
    pass
