"""Subscriptions: a read-only list for the secretariat (who follows which comuna or instancia, and
whether it was confirmed). The address is personal data (Ley 1581/2012): shown only with
`consejos.ver_suscriptores`, and never edited by staff (subscribers confirm and leave by their links)."""

from django.contrib import admin
from django.db.models.constants import LOOKUP_SEP
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consejos.models import Suscripcion

from .permisos import PERMISO_SUSCRIPTORES

_CAMPOS_FILTRABLES = frozenset({"comuna", "instancia"})


def puede_ver_correos(usuario) -> bool:
    return usuario.has_perm(PERMISO_SUSCRIPTORES)


class EstadoFilter(admin.SimpleListFilter):
    title = gettext_lazy("estado")
    parameter_name = "estado"

    def lookups(self, request, model_admin):
        return [
            ("activa", _("Confirmada y activa")),
            ("sin_confirmar", _("Sin confirmar")),
            ("baja", _("Dada de baja")),
        ]

    def queryset(self, request, queryset):
        return {
            "activa": lambda q: q.filter(confirmada_en__isnull=False, baja_en__isnull=True),
            "sin_confirmar": lambda q: q.filter(confirmada_en__isnull=True, baja_en__isnull=True),
            "baja": lambda q: q.filter(baja_en__isnull=False),
        }.get(self.value(), lambda q: q)(queryset)


@admin.register(Suscripcion)
class SuscripcionAdmin(admin.ModelAdmin):
    list_display = ("correo_reservado", "destino", "estado", "creada")
    list_filter = (EstadoFilter, "comuna", "instancia")
    list_select_related = ("comuna", "instancia")
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 100
    list_display_links = None
    actions = None

    def _direccion(self, request) -> str:
        return "correo_visible" if puede_ver_correos(request.user) else "correo_reservado"

    def get_list_display(self, request):
        return (self._direccion(request), "destino", "estado", "creada", "autorizacion_datos_version")

    def get_search_fields(self, request):
        # Searching by address would answer "is this person subscribed?" to who may not see addresses.
        return ("correo",) if puede_ver_correos(request.user) else ()

    def lookup_allowed(self, lookup, value, request=None):
        campo = lookup.split(LOOKUP_SEP, 1)[0]
        return campo in _CAMPOS_FILTRABLES and super().lookup_allowed(lookup, value, request)

    def has_view_permission(self, request, obj=None):
        # A list only: the detail page would carry the address in its title and breadcrumbs.
        return obj is None and super().has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("correo electrónico"))
    def correo_visible(self, obj):
        return obj.correo

    @admin.display(description=gettext_lazy("correo electrónico"))
    def correo_reservado(self, obj):
        return _("Reservado")

    @admin.display(description=gettext_lazy("suscrita a"))
    def destino(self, obj):
        return obj.comuna or obj.instancia

    @admin.display(description=gettext_lazy("estado"))
    def estado(self, obj):
        if obj.baja_en:
            return _("Dada de baja")
        return _("Confirmada") if obj.confirmada_en else _("Sin confirmar")
