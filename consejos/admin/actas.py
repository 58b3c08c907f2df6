"""Actas in the admin: a read-only page with the acta's content as it would be published, its published
versions (with their public page and PDF) and its timeline; every change is an action whose form calls
one service of `consejos.services.actas`."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import AccionesAdminMixin, FormularioAccion, FormularioNota
from civic.expedientes.formularios import ayuda_adjuntos
from consejos.models import Acta, EventoActa, VersionActa
from consejos.selectors.actas import contenido, sesion_completa
from consejos.services import actas as servicios
from consejos.workflow import AccionActa, EstadoActa

from .permisos import (
    PERMISO_ACTA,
    PLANTILLA_ACCION,
    SoloPorSusAcciones,
    descarga,
    enlace_sesion,
    pagina_formulario,
)

_TEXTO = forms.Textarea(attrs={"rows": 4, "cols": 80})
# What the staff member decides from: the acta as it would be published today.
CONTENIDO = "admin/consejos/acta/_contenido.html"


class AprobarForm(FormularioNota):
    accion = AccionActa.APROBAR
    titulo = gettext_lazy("Aprobar el acta")
    plantilla_previa = CONTENIDO
    ayuda = gettext_lazy(
        "La instancia aprobó el acta: desde ahora la sesión y su registro quedan de solo lectura."
    )
    boton = gettext_lazy("Aprobar el acta")
    servicio = staticmethod(servicios.aprobar)
    parametro = "acta"
    etiqueta_nota = gettext_lazy("Nota (opcional)")
    ayuda_nota = gettext_lazy("Por ejemplo: aprobada en la sesión siguiente por unanimidad.")


class DevolverForm(FormularioAccion):
    accion = AccionActa.DEVOLVER
    titulo = gettext_lazy("Devolver a borrador")
    ayuda = gettext_lazy("Antes de publicarla: el acta vuelve a borrador y la sesión se puede editar.")
    boton = gettext_lazy("Devolver a borrador")

    motivo = forms.CharField(label=gettext_lazy("Qué debe corregirse"), max_length=2000, widget=_TEXTO)

    def ejecutar(self, actor):
        servicios.devolver(acta=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


class PublicarForm(FormularioAccion):
    accion = AccionActa.PUBLICAR
    titulo = gettext_lazy("Publicar el acta")
    plantilla_previa = CONTENIDO
    ayuda = gettext_lazy(
        "Se congela esta versión (HTML y PDF), queda en el portal y en la búsqueda, y se envía a los "
        "suscriptores de la comuna y de la instancia."
    )
    boton = gettext_lazy("Publicar el acta")

    def ejecutar(self, actor):
        servicios.publicar(acta=self.objeto, actor=actor)


class CorregirForm(FormularioAccion):
    accion = AccionActa.CORREGIR
    titulo = gettext_lazy("Corregir el acta publicada")
    ayuda = gettext_lazy(
        "Se abre una nueva versión en borrador; la publicada sigue visible hasta que se publique la "
        "corregida, y después sigue disponible como versión anterior."
    )
    boton = gettext_lazy("Abrir la corrección")

    motivo = forms.CharField(
        label=gettext_lazy("Qué se corrige y por qué"),
        max_length=2000,
        widget=_TEXTO,
        help_text=gettext_lazy("Es público: acompaña a la versión corregida."),
    )

    def ejecutar(self, actor):
        servicios.corregir(acta=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


class EscaneoForm(FormularioAccion):
    titulo = gettext_lazy("Adjuntar el acta firmada (escaneada)")
    ayuda = gettext_lazy("Un PDF o una imagen del acta en papel con las firmas; reemplaza al anterior.")
    boton = gettext_lazy("Adjuntar")
    con_archivos = True

    archivo = forms.FileField(label=gettext_lazy("Acta firmada"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["archivo"].help_text = ayuda_adjuntos()

    def ejecutar(self, actor):
        servicios.adjuntar_escaneo(acta=self.objeto, archivo=self.cleaned_data["archivo"], actor=actor)


FORMULARIOS_ACCION = {
    AccionActa.APROBAR: AprobarForm,
    AccionActa.DEVOLVER: DevolverForm,
    AccionActa.PUBLICAR: PublicarForm,
    AccionActa.CORREGIR: CorregirForm,
}

_EVENTOS = {
    "creada": gettext_lazy("Borrador abierto"),
    "aprobada": gettext_lazy("Aprobada"),
    "devuelta": gettext_lazy("Devuelta a borrador"),
    "publicada": gettext_lazy("Publicada"),
    "correccion": gettext_lazy("Corrección abierta"),
}


def vista_previa(acta: Acta) -> str:
    """The acta's content rendered from its session now (what publishing would freeze)."""
    sesion = sesion_completa(acta.sesion_id)
    html = render_to_string("consejos/acta/contenido.html", {"acta": acta, "c": contenido(sesion)})
    return mark_safe(html)  # noqa: S308 - autoescaped by its template


@admin.register(Acta)
class ActaAdmin(SoloPorSusAcciones, AccionesAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "fecha_sesion", "comuna", "estado", "version")
    list_filter = ("estado", "sesion__instancia", "sesion__comuna")
    list_select_related = ("sesion__instancia", "sesion__comuna")
    search_fields = ("sesion__instancia__nombre",)
    search_help_text = gettext_lazy("Nombre de la instancia.")
    date_hierarchy = "fecha_sesion"
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    actions = None
    fields = ("sesion_enlace", "estado", "version", "fecha_sesion", "motivo_correccion", "escaneo")
    readonly_fields = fields
    change_form_template = "admin/consejos/acta/change_form.html"
    formularios_accion = FORMULARIOS_ACCION
    permiso_tramite = PERMISO_ACTA
    plantilla_accion = PLANTILLA_ACCION

    def get_object(self, request, object_id, from_field=None):
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            return None
        return (
            Acta.objects.select_related("sesion__instancia", "sesion__comuna")
            .prefetch_related(
                Prefetch("versiones", queryset=VersionActa.objects.order_by("-numero")),
                Prefetch(
                    "eventos", queryset=EventoActa.objects.select_related("actor").order_by("momento", "id")
                ),
            )
            .filter(pk=pk)
            .first()
        )

    @admin.display(description=gettext_lazy("comuna"))
    def comuna(self, obj):
        return obj.sesion.comuna or obj.sesion.instancia.comuna or _("Municipal")

    @admin.display(description=gettext_lazy("sesión"))
    def sesion_enlace(self, obj):
        return enlace_sesion(obj)

    @admin.display(description=gettext_lazy("acta firmada"))
    def escaneo(self, obj):
        if not obj.escaneo_firmado:
            return _("No se ha adjuntado.")
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:consejos_acta_escaneo", args=[obj.pk]), _("Descargar")
        )

    # --- Pages ------------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("<int:pk>/escaneo/", envolver(self.escaneo_view), name="consejos_acta_escaneo"),
            path(
                "<int:pk>/adjuntar-escaneo/",
                envolver(self.adjuntar_escaneo_view),
                name="consejos_acta_adjuntar_escaneo",
            ),
            *super().get_urls(),
        ]

    def escaneo_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        acta = get_object_or_404(Acta, pk=pk)
        return descarga(acta.escaneo_firmado, f"acta-{acta.anio}-{acta.numero:03d}-firmada")

    def adjuntar_escaneo_view(self, request, pk: int):
        if not self.puede_tramitar(request):
            raise PermissionDenied
        acta = get_object_or_404(Acta.objects.select_related("sesion__instancia"), pk=pk)
        return pagina_formulario(self, request, acta, EscaneoForm)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Actas"), **(extra_context or {})})

    def _contexto(self, request, acta: Acta) -> dict:
        eventos = list(acta.eventos.all())
        for evento in eventos:
            evento.titulo = _EVENTOS.get(evento.tipo, evento.tipo)
        versiones = [
            {
                "version": v,
                "url": reverse("consejos:acta_version", args=[acta.pk, v.numero]),
            }
            for v in acta.versiones.all()
        ]
        return {
            "acta": acta,
            "acciones": self.acciones_disponibles(request, acta),
            "url_escaneo": reverse("admin:consejos_acta_adjuntar_escaneo", args=[acta.pk])
            if self.puede_tramitar(request)
            else "",
            "vista_previa": vista_previa(acta),
            "versiones": versiones,
            "url_publica": reverse("consejos:acta", args=[acta.pk]),
            "url_pdf": reverse("consejos:acta_pdf", args=[acta.pk]),
            "publicada": any(v["version"].vigente for v in versiones),
            "borrador": acta.estado == EstadoActa.BORRADOR,
            "eventos": eventos,
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(self._contexto(request, obj), title=str(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def descripcion_accion(self, objeto):
        return str(objeto.sesion)

    def contexto_accion(self, request, objeto, form):
        if form.plantilla_previa:
            return {"vista_previa": vista_previa(objeto)}
        return {}
