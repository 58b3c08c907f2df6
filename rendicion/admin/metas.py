"""The plan's goals for the rendición role: goals with their milestones inline, the statuses, and the CSV
round trip (export, edit, import: dry run → report row by row → confirm; everything or nothing).

The import pages are the kernel's pieces (`civic.importacion`): the signed file carries the reviewed file
to its confirmation. Exports go through `civic.services.exportaciones`.
"""

import zlib
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic import hojas
from civic import importacion as kernel
from civic.services import exportaciones
from rendicion.importacion import COLUMNAS, COLUMNAS_AVANCES, AvanceResource, MetaResource
from rendicion.models import Avance, EstadoMeta, MetaPlan
from rendicion.selectors import metas as selectores
from rendicion.services import metas as servicio

PERMISOS_IMPORTAR = (
    "rendicion.add_metaplan",
    "rendicion.change_metaplan",
    "rendicion.add_avance",
    "rendicion.change_avance",
)
SAL = "rendicion.metas.importacion"
CLAVES = {servicio.METAS: "rendicion.metas", servicio.AVANCES: "rendicion.avances"}


def puede_importar(usuario) -> bool:
    return usuario.is_active and usuario.is_staff and usuario.has_perms(PERMISOS_IMPORTAR)


def puede_exportar(usuario) -> bool:
    return usuario.is_active and usuario.is_staff and usuario.has_perm("rendicion.view_metaplan")


def _lineas(recurso, columnas):
    def lineas(consulta, con_datos_personales: bool, hoy: date):
        campos = [recurso.fields[c] for c in columnas]
        escritor = hojas.Escritor()
        yield escritor.encabezado(columnas)
        for fila in consulta.iterator(chunk_size=2000):
            yield escritor.linea(campo.export(fila) for campo in campos)

    return lineas


exportaciones.registrar(
    exportaciones.Exportable(
        clave=CLAVES[servicio.METAS],
        titulo=gettext_lazy("Metas del plan de desarrollo"),
        nombre_archivo="metas-plan-desarrollo",
        puede=puede_exportar,
        ve_datos=lambda usuario: False,
        # Parents before children: the order the import needs.
        filas=lambda usuario, parametros: MetaResource().filas_exportables(selectores.en_orden_de_arbol()),
        lineas=_lineas(MetaResource(), COLUMNAS),
    )
)
exportaciones.registrar(
    exportaciones.Exportable(
        clave=CLAVES[servicio.AVANCES],
        titulo=gettext_lazy("Avances de las metas"),
        nombre_archivo="avances-metas",
        puede=puede_exportar,
        ve_datos=lambda usuario: False,
        filas=lambda usuario, parametros: (
            AvanceResource().filas_exportables(Avance.objects.all()).order_by("meta__codigo", "fecha", "id")
        ),
        lineas=_lineas(AvanceResource(), COLUMNAS_AVANCES),
    )
)


class ArchivoForm(forms.Form):
    archivo = forms.FileField(
        label=gettext_lazy("Archivo CSV"),
        help_text=gettext_lazy(
            "Con los encabezados del archivo exportado (UTF-8, separado por comas o punto y coma)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class AvanceInline(admin.TabularInline):
    model = Avance
    extra = 1
    fields = ("fecha", "valor", "descripcion", "evidencia", "publicar_desde")
    # An evidence link typed without a scheme is read as https (Django 6's default, asked for today).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(EstadoMeta)
class EstadoMetaAdmin(admin.ModelAdmin):
    list_display = ("nombre", "avance_por_defecto", "orden")
    ordering = ("orden", "nombre")


@admin.register(MetaPlan)
class MetaPlanAdmin(admin.ModelAdmin):
    change_list_template = "admin/rendicion/metas/change_list.html"
    list_display = ("codigo", "nombre", "padre", "peso", "dependencia", "comuna", "estado")
    list_filter = ("dependencia", "estado", "comuna")
    search_fields = ("codigo", "nombre")
    list_select_related = ("padre", "dependencia", "comuna", "estado")
    autocomplete_fields = ("padre",)
    filter_horizontal = ("compromisos",)
    inlines = [AvanceInline]

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("importar/<slug:tipo>/", envolver(self.importar_view), name="rendicion_metaplan_importar"),
            path("exportar/<slug:tipo>/", envolver(self.exportar_view), name="rendicion_metaplan_exportar"),
            *super().get_urls(),
        ]

    def exportar_view(self, request, tipo: str):
        if tipo not in CLAVES:
            raise Http404
        if not puede_exportar(request.user):
            raise PermissionDenied
        return exportaciones.exportar(request, CLAVES[tipo])

    def importar_view(self, request, tipo: str):
        if tipo not in CLAVES:
            raise Http404
        if not puede_importar(request.user):
            raise PermissionDenied
        informe, confirmacion, form = None, "", ArchivoForm()
        if request.method == "POST" and request.POST.get("confirmar"):
            try:
                contenido = kernel.abrir(
                    request.POST.get("archivo_firmado", ""), request.user, f"{SAL}.{tipo}"
                )
            except (signing.BadSignature, zlib.error, ValueError):
                messages.error(
                    request,
                    _("La revisión venció o el archivo no es el revisado. Súbalo de nuevo para revisarlo."),
                )
            else:
                informe = servicio.importar(contenido=contenido, tipo=tipo)
                if informe.importado:
                    messages.success(
                        request,
                        _("Archivo importado: %(nuevas)s filas nuevas y %(actualizadas)s actualizadas.")
                        % {"nuevas": informe.nuevas, "actualizadas": informe.actualizadas},
                    )
                    return redirect(reverse("admin:rendicion_metaplan_changelist"))
        elif request.method == "POST":
            form = ArchivoForm(request.POST, request.FILES)
            if form.is_valid():
                contenido = form.cleaned_data["archivo"].read()
                informe = servicio.revisar(contenido=contenido, tipo=tipo)
                if informe.limpio:
                    confirmacion = kernel.firmar(contenido, request.user, f"{SAL}.{tipo}")
        titulo = _("Importar metas desde CSV") if tipo == servicio.METAS else _("Importar avances desde CSV")
        return TemplateResponse(
            request,
            "admin/rendicion/metas/importar.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": titulo,
                "tipo": tipo,
                "form": form,
                "informe": informe,
                "confirmacion": confirmacion,
                "columnas": COLUMNAS if tipo == servicio.METAS else COLUMNAS_AVANCES,
                "url_exportar": reverse("admin:rendicion_metaplan_exportar", args=[tipo]),
            },
        )

    def changelist_view(self, request, extra_context=None):
        extra = {
            "puede_importar": puede_importar(request.user),
            "puede_exportar": puede_exportar(request.user),
        }
        return super().changelist_view(request, {**extra, **(extra_context or {})})
