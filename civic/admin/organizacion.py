from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from civic.models import Dependencia, Usuario


@admin.register(Dependencia)
class DependenciaAdmin(SimpleHistoryAdmin):
    list_display = ["nombre", "sigla", "correo", "jefe", "activa"]
    list_filter = ["activa"]
    list_select_related = ["jefe"]
    search_fields = ["nombre", "sigla"]
    autocomplete_fields = ["jefe"]


@admin.register(Usuario)
class UsuarioAdmin(UserAdmin):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Dependencia"), {"fields": ("dependencia", "cargo")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Dependencia"), {"fields": ("dependencia", "cargo")}),
    )
    list_display = ["username", "first_name", "last_name", "email", "dependencia", "is_staff", "is_active"]
    list_filter = [*UserAdmin.list_filter, "dependencia"]
    list_select_related = ["dependencia"]
    autocomplete_fields = ["dependencia"]
