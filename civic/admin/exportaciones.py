from http import HTTPStatus

from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from civic.formato import numero, tamano_legible
from civic.models import Exportacion
from civic.services import exportaciones

# htmx stops polling when the answer has this status (its documented "stop polling" code).
DEJAR_DE_CONSULTAR = 286


@admin.register(Exportacion)
class ExportacionAdmin(admin.ModelAdmin):
    """Each person's own exports: the job's page (progress, then the download link) and the file.

    Anyone on the staff reaches their own rows and nobody else's: another person's job is not there (404).
    What a file may hold was decided by the list's permissions (`civic.services.exportaciones`).
    """

    list_display = ("titulo", "creada", "estado", "procesadas", "expira")
    list_display_links = ("titulo",)
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(propietario=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        propia = obj is None or obj.propietario_id == request.user.pk
        return request.user.is_active and request.user.is_staff and propia

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/descargar/",
                self.admin_site.admin_view(self.descargar_view),
                name="civic_exportacion_descargar",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Mis exportaciones"), **(extra_context or {})})

    def _propia(self, request, pk) -> Exportacion:
        try:
            return self.get_queryset(request).get(pk=int(pk))
        except (Exportacion.DoesNotExist, ValueError):
            raise Http404(_("No existe esa exportación o no es suya.")) from None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job's page; with htmx, only its changing part, every 2 s until the job ends."""
        exportacion = self._propia(request, object_id)
        interrumpida = exportaciones.interrumpida(exportacion)
        en_marcha = not interrumpida and exportacion.estado in {
            Exportacion.Estado.PENDIENTE,
            Exportacion.Estado.EN_CURSO,
        }
        total = exportacion.total or 0
        contexto = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": exportacion.titulo,
            "exportacion": exportacion,
            "en_marcha": en_marcha,
            "interrumpida": interrumpida,
            "lista": exportacion.estado == Exportacion.Estado.LISTA,
            "procesadas": numero(exportacion.procesadas),
            "total": numero(total) if exportacion.total is not None else "",
            "porcentaje": min(100, exportacion.procesadas * 100 // total) if total else 0,
            "tamano": tamano_legible(exportacion.archivo.size) if exportacion.archivo else "",
            "url_estado": request.path,
            "url_descarga": reverse("admin:civic_exportacion_descargar", args=[exportacion.pk]),
        }
        if request.htmx:
            estado = HTTPStatus.OK if en_marcha else DEJAR_DE_CONSULTAR
            return TemplateResponse(request, "admin/civic/exportacion/_estado.html", contexto, status=estado)
        return TemplateResponse(request, "admin/civic/exportacion/estado.html", contexto)

    def descargar_view(self, request, pk):
        exportacion = self._propia(request, pk)
        if exportacion.estado != Exportacion.Estado.LISTA or not exportacion.archivo:
            raise Http404(_("El archivo de esta exportación no está disponible."))
        return exportaciones.descargar(request.user, exportacion)
