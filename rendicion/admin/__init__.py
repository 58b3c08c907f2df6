"""The rendición staff's workplace (being built)."""

from django.contrib import admin

from rendicion.models import AccionMejora, Pregunta

admin.site.register(Pregunta)
admin.site.register(AccionMejora)
