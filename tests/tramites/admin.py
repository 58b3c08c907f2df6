from django import forms
from django.contrib import admin

from civic.expedientes.admin import AccionesAdminMixin, FormularioAccion

from . import services
from .models import Accion, Tramite


class ResolverForm(FormularioAccion):
    accion = Accion.RESOLVER
    titulo = "Resolver"
    respuesta = forms.CharField()

    def ejecutar(self, actor):
        services.resolver(tramite=self.objeto, respuesta=self.cleaned_data["respuesta"], actor=actor)


@admin.register(Tramite)
class TramiteAdmin(AccionesAdminMixin, admin.ModelAdmin):
    formularios_accion = {Accion.RESOLVER: ResolverForm}
    permiso_tramite = "tramites.change_tramite"
