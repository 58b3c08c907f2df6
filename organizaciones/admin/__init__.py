"""The staff's workplace for the organizations registry (being built)."""

from django.contrib import admin

from organizaciones.models import RequerimientoIVC, Tramite

admin.site.register(Tramite)
admin.site.register(RequerimientoIVC)
