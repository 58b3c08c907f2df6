"""The technical secretariat's workplace (being built)."""

from django.contrib import admin

from consejos.models import Acta, Compromiso

admin.site.register(Acta)
admin.site.register(Compromiso)
