"""CSV import and export of the registry, the quarterly report to the Ministerio del Interior and the IVC
alerts page, as pages of the organizations' admin (the IVC role only).

Import: upload → dry run (`services.importacion.revisar`) → its report row by row; only a clean report
offers "confirm", which imports the same file (signed into the form, so no server-side temp file is needed
between the two steps) with `services.importacion.importar`: everything or nothing.
Exports go through the kernel (`civic.services.exportaciones`): a short file in the request, a long one
by the worker.
"""

import zlib
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.sites import NotRegistered
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic import hojas
from civic import importacion as civic_importacion
from civic.services import exportaciones
from organizaciones import mininterior
from organizaciones.importacion import COLUMNAS, OrganizacionResource
from organizaciones.models import Organizacion
from organizaciones.services import importacion as servicio

from . import alertas
from .permisos import PERMISO_CAMBIAR_ORGANIZACION, puede_ver_datos

PERMISO_IMPORTAR = ("organizaciones.add_organizacion", "organizaciones.change_organizacion")
CLAVE_REGISTRO = "organizaciones.registro"
CLAVE_MININTERIOR = "organizaciones.mininterior"


def puede_importar(usuario) -> bool:
    return usuario.is_active and usuario.is_staff and usuario.has_perms(PERMISO_IMPORTAR)


def puede_exportar(usuario) -> bool:
    return usuario.has_perm(PERMISO_CAMBIAR_ORGANIZACION)


# --- the kernel's exports ---------------------------------------------------------------------------------


def _filas_registro(usuario, parametros: str):
    """The changelist's rows for its query string (its filters and search), as PQRS does."""
    try:
        model_admin = admin.site.get_model_admin(Organizacion)
    except NotRegistered:
        return Organizacion.objects.select_related("comuna", "barrio").order_by("id")
    peticion = HttpRequest()
    peticion.method = "GET"
    peticion.GET = QueryDict(parametros)
    peticion.user = usuario
    consulta = model_admin.get_changelist_instance(peticion).queryset
    return consulta.select_related("comuna", "barrio").order_by("id")


def _lineas_registro(consulta, con_datos_personales: bool, hoy: date):
    recurso = OrganizacionResource()
    campos = [recurso.fields[c] for c in COLUMNAS]
    # The resource's widgets already wrote each cell (and guarded it against formulas).
    escritor = hojas.Escritor()
    yield escritor.encabezado(COLUMNAS)
    for organizacion in consulta.iterator(chunk_size=2000):
        yield escritor.linea(campo.export(organizacion) for campo in campos)


def _filas_mininterior(usuario, parametros: str):
    anio, numero = mininterior.parametros_de(parametros)
    return mininterior.filas(anio, numero)


exportaciones.registrar(
    exportaciones.Exportable(
        clave=CLAVE_REGISTRO,
        titulo=gettext_lazy("Registro de organizaciones"),
        nombre_archivo="registro-organizaciones",
        puede=puede_exportar,
        # The registry's own columns have no person's ID: the same file for the whole IVC role.
        ve_datos=lambda usuario: False,
        filas=_filas_registro,
        lineas=_lineas_registro,
    )
)
exportaciones.registrar(
    exportaciones.Exportable(
        clave=CLAVE_MININTERIOR,
        titulo=gettext_lazy("Reporte trimestral al Ministerio del Interior"),
        nombre_archivo="organizaciones-mininterior",
        puede=puede_exportar,
        ve_datos=puede_ver_datos,
        filas=_filas_mininterior,
        lineas=mininterior.lineas,
    )
)


# --- forms -----------------------------------------------------------------------------------------------


class ArchivoForm(forms.Form):
    archivo = forms.FileField(
        label=gettext_lazy("Archivo CSV del registro"),
        help_text=gettext_lazy(
            "Con los encabezados del archivo que exporta el registro (UTF-8, separado por comas o punto y "
            "coma). Una fila con id o NIT actualiza esa organización; sin ellos, la crea."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class TrimestreForm(forms.Form):
    anio = forms.IntegerField(label=gettext_lazy("Año"), min_value=2000, max_value=2100)
    trimestre = forms.TypedChoiceField(
        label=gettext_lazy("Trimestre"),
        coerce=int,
        choices=[
            (1, gettext_lazy("1.º (enero a marzo)")),
            (2, gettext_lazy("2.º (abril a junio)")),
            (3, gettext_lazy("3.º (julio a septiembre)")),
            (4, gettext_lazy("4.º (octubre a diciembre)")),
        ],
    )


def _firmar(contenido: bytes, usuario) -> str:
    return civic_importacion.firmar(contenido, usuario, "organizaciones.importacion")


def _abrir(firmado: str, usuario) -> bytes:
    return civic_importacion.abrir(firmado, usuario, "organizaciones.importacion")


class ImportacionMixin:
    """Put first in OrganizacionAdmin's bases: adds the import, export, ministry report and alerts pages,
    and their buttons on the list."""

    change_list_template = "admin/organizaciones/importacion/change_list.html"

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("importar/", envolver(self.importar_view), name="organizaciones_organizacion_importar"),
            path(
                "exportar/",
                envolver(self.exportar_registro_view),
                name="organizaciones_organizacion_exportar_registro",
            ),
            path(
                "mininterior/",
                envolver(self.exportar_mininterior_view),
                name="organizaciones_organizacion_exportar_mininterior",
            ),
            path("alertas/", envolver(self.alertas_view), name="organizaciones_organizacion_alertas"),
            *super().get_urls(),
        ]

    def _contexto(self, request, titulo, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": titulo,
            **extra,
        }

    def importar_view(self, request):
        if not puede_importar(request.user):
            raise PermissionDenied
        hoy = timezone.localdate()
        informe = None
        confirmacion = ""
        form = ArchivoForm()
        if request.method == "POST" and request.POST.get("confirmar"):
            try:
                contenido = _abrir(request.POST.get("archivo_firmado", ""), request.user)
            except (signing.BadSignature, zlib.error, ValueError):
                messages.error(
                    request,
                    _("La revisión venció o el archivo no es el revisado. Súbalo de nuevo para revisarlo."),
                )
            else:
                informe = servicio.importar(contenido=contenido, actor=request.user, hoy=hoy)
                if informe.importado:
                    messages.success(
                        request,
                        _(
                            "Registro importado: %(nuevas)s organizaciones nuevas y %(actualizadas)s "
                            "actualizadas."
                        )
                        % {"nuevas": informe.nuevas, "actualizadas": informe.actualizadas},
                    )
                    return redirect(reverse("admin:organizaciones_organizacion_changelist"))
        elif request.method == "POST":
            form = ArchivoForm(request.POST, request.FILES)
            if form.is_valid():
                contenido = form.cleaned_data["archivo"].read()
                informe = servicio.revisar(contenido=contenido, actor=request.user, hoy=hoy)
                if informe.limpio:
                    confirmacion = _firmar(contenido, request.user)
        return TemplateResponse(
            request,
            "admin/organizaciones/importacion/importar.html",
            self._contexto(
                request,
                _("Importar el registro desde CSV"),
                form=form,
                informe=informe,
                confirmacion=confirmacion,
                columnas=COLUMNAS,
                url_exportar=reverse("admin:organizaciones_organizacion_exportar_registro"),
            ),
        )

    def exportar_registro_view(self, request):
        if not puede_exportar(request.user):
            raise PermissionDenied
        return exportaciones.exportar(request, CLAVE_REGISTRO)

    def exportar_mininterior_view(self, request):
        if not puede_exportar(request.user):
            raise PermissionDenied
        form = TrimestreForm(request.GET or None, initial=_trimestre_anterior(timezone.localdate()))
        if request.GET and form.is_valid():
            try:
                return exportaciones.exportar(request, CLAVE_MININTERIOR)
            except ValidationError as error:
                form.add_error(None, error)
        return TemplateResponse(
            request,
            "admin/organizaciones/importacion/mininterior.html",
            self._contexto(
                request,
                _("Reporte trimestral al Ministerio del Interior"),
                form=form,
                columnas=mininterior.columnas(puede_ver_datos(request.user)),
            ),
        )

    def alertas_view(self, request):
        return alertas.alertas_view(self, request)

    def changelist_view(self, request, extra_context=None):
        extra = {
            "puede_importar": puede_importar(request.user),
            "puede_exportar": puede_exportar(request.user),
            "parametros_lista": request.GET.urlencode(),
        }
        return super().changelist_view(request, {**extra, **(extra_context or {})})


def _trimestre_anterior(hoy: date) -> dict:
    numero = (hoy.month - 1) // 3 + 1
    return (
        {"anio": hoy.year - 1, "trimestre": 4} if numero == 1 else {"anio": hoy.year, "trimestre": numero - 1}
    )
