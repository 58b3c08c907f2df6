"""Procedures in the admin: a read-only page whose changes go through the workflow action forms
(`acciones`), the checklist with what arrived, the proposals, the resolution; and the pages that file a
procedure received on paper or open one de oficio (`radicacion`)."""

import re

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import AccionesAdminMixin
from civic.expedientes.archivos import respuesta_archivo
from civic.plazos.admin import SemaforoFilter, etiqueta_semaforo
from civic.plazos.semaforo import dias_restantes, luz
from organizaciones.eventos import Tipo
from organizaciones.models import Adjunto, Dignatario, DocumentoRequerido, Evento, Libro, Tramite

from . import radicacion, vistas
from .acciones import FORMULARIOS_ACCION
from .permisos import PERMISO_TRAMITE, puede_ver_datos

# PJ-2026-000001, pj-2026-1: a radicado, looked up on its unique index.
_RADICADO = re.compile(r"^([A-Z]+)-(\d{4})-(\d{1,9})$")
_DOCUMENTO = re.compile(r"^[\d.\- ]{4,25}$")
_CAMPOS_FILTRABLES = frozenset({"clase", "estado", "semaforo"})

_RADICACION = (
    gettext_lazy("Radicación"),
    {
        "fields": (
            ("radicado", "clase", "canal"),
            "organizacion_enlace",
            ("radicada_en", "fecha_radicacion_efectiva"),
            "descripcion",
            "datos_del_tramite",
        )
    },
)
_PETICIONARIO = (
    gettext_lazy("Peticionario"),
    {
        "fields": (
            ("tipo_documento", "numero_documento"),
            ("nombres", "apellidos"),
            ("correo", "telefono"),
            "direccion",
            ("autorizacion_datos_version", "autorizacion_datos_en"),
        )
    },
)
_PETICIONARIO_RESERVADO = (gettext_lazy("Peticionario"), {"fields": ("datos_reservados",)})
_TERMINO = (
    gettext_lazy("Término"),
    {
        "fields": (
            ("semaforo", "restantes"),
            ("plazo_dias", "fecha_vencimiento"),
            ("suspendido_en", "dias_suspendidos", "fecha_limite_correccion"),
        )
    },
)
_TRAMITE = (
    gettext_lazy("Trámite"),
    {"fields": (("estado", "responsable"), "radicado_por", "resolucion_pdf")},
)


def _luz(tramite: Tramite):
    return luz(
        tramite.fecha_vencimiento, timezone.localdate(), en_curso=tramite.estado in Tramite.maquina.en_curso
    )


@admin.register(Tramite)
class TramiteAdmin(AccionesAdminMixin, admin.ModelAdmin):
    list_display = ("radicado", "clase", "organizacion", "estado", "semaforo", "vence", "responsable")
    list_filter = ("clase", "estado", SemaforoFilter)
    list_select_related = ("organizacion", "responsable")
    search_fields = ("radicado",)  # shows the box; get_search_results does the real work
    search_help_text = gettext_lazy("Radicado (PJ-2026-000001) o nombre de la organización.")
    sortable_by = ("radicado", "vence")
    list_per_page = 50
    actions = None
    readonly_fields = (
        "organizacion_enlace",
        "datos_del_tramite",
        "datos_reservados",
        "semaforo",
        "restantes",
        "resolucion_pdf",
    )
    change_form_template = "admin/organizaciones/tramite/change_form.html"
    change_list_template = "admin/organizaciones/tramite/change_list.html"
    show_facets = admin.ShowFacets.NEVER
    formularios_accion = FORMULARIOS_ACCION
    permiso_tramite = PERMISO_TRAMITE

    # --- Scope and permissions ------------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        # Everything the page shows in a fixed number of queries.
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            return None
        consulta = Tramite.objects.select_related(
            "organizacion", "responsable", "radicado_por", "resolucion"
        ).prefetch_related(
            Prefetch("eventos", queryset=Evento.objects.select_related("actor").order_by("momento", "id")),
            Prefetch("adjuntos", queryset=Adjunto.objects.order_by("creado", "id")),
            Prefetch("dignatarios", queryset=Dignatario.objects.order_by("cargo", "apellidos", "id")),
            Prefetch("libros", queryset=Libro.objects.order_by("tipo", "id")),
        )
        return consulta.filter(pk=pk).first()

    def lookup_allowed(self, lookup, value, request=None):
        # Only the declared filters: a filter on a petitioner's document or name would reveal it.
        campo = lookup.split(LOOKUP_SEP, 1)[0]
        return campo in _CAMPOS_FILTRABLES and super().lookup_allowed(lookup, value, request)

    def has_change_permission(self, request, obj=None):
        # State and dates change only through the workflow actions; the change form is read-only.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fieldsets(self, request, obj=None):
        peticionario = _PETICIONARIO if puede_ver_datos(request.user) else _PETICIONARIO_RESERVADO
        return (_RADICACION, peticionario, _TERMINO, _TRAMITE)

    # --- Columns ------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("semáforo"))
    def semaforo(self, obj):
        return etiqueta_semaforo(_luz(obj))

    @admin.display(description=gettext_lazy("vence"), ordering="fecha_vencimiento")
    def vence(self, obj):
        if obj.fecha_vencimiento is None:
            return "—"
        return formats.date_format(obj.fecha_vencimiento, "SHORT_DATE_FORMAT")

    @admin.display(description=gettext_lazy("días hábiles restantes"))
    def restantes(self, obj):
        if obj.fecha_vencimiento is None or obj.estado not in Tramite.maquina.en_curso:
            return "—"
        return dias_restantes(obj.fecha_vencimiento, timezone.localdate())

    @admin.display(description=gettext_lazy("organización"))
    def organizacion_enlace(self, obj):
        return format_html(
            '<a href="{}">{}</a> ({})',
            reverse("admin:organizaciones_organizacion_change", args=[obj.organizacion_id]),
            obj.organizacion,
            obj.organizacion.get_estado_display(),
        )

    @admin.display(description=gettext_lazy("datos del trámite"))
    def datos_del_tramite(self, obj):
        if not obj.datos:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", obj.datos.items()))

    @admin.display(description=gettext_lazy("datos personales"))
    def datos_reservados(self, obj):
        return _("Reservados: su rol no tiene permiso para ver datos personales (Ley 1581 de 2012).")

    @admin.display(description=gettext_lazy("resolución"))
    def resolucion_pdf(self, obj):
        resolucion = getattr(obj, "resolucion", None)
        if resolucion is None:
            return _("Sin resolución todavía.")
        return format_html(
            '<a href="{}">{} ({}, {})</a>',
            reverse("admin:organizaciones_tramite_resolucion", args=[obj.pk]),
            resolucion,
            resolucion.get_sentido_display(),
            _("PDF"),
        )

    # --- Search -------------------------------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        """A radicado goes to its unique index; a document number (with the permission) to the
        petitioner's; anything else to the organization's name."""
        termino = " ".join(search_term.split())
        if not termino:
            return queryset, False
        if _RADICADO.match(termino.upper()):
            prefijo, anio, consecutivo = _RADICADO.match(termino.upper()).groups()
            return queryset.filter(radicado=f"{prefijo}-{anio}-{int(consecutivo):06d}"), False
        if puede_ver_datos(request.user) and _DOCUMENTO.match(termino):
            digitos = re.sub(r"\D", "", termino)
            return queryset.filter(numero_documento__in={termino, digitos}), False
        condicion = Q()
        for palabra in termino.split()[:5]:
            condicion &= Q(organizacion__nombre__icontains=palabra)
        return queryset.filter(condicion), False

    # --- Pages --------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("radicar/", envolver(self.radicar_view), name="organizaciones_tramite_radicar"),
            path("de-oficio/", envolver(self.de_oficio_view), name="organizaciones_tramite_de_oficio"),
            path(
                "<int:pk>/resolucion/",
                envolver(self.resolucion_view),
                name="organizaciones_tramite_resolucion",
            ),
            path(
                "<int:pk>/adjuntos/<int:adjunto_pk>/",
                envolver(self.adjunto_view),
                name="organizaciones_tramite_adjunto",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return radicacion.elegir(self, request)

    def radicar_view(self, request):
        return radicacion.ventanilla(self, request)

    def de_oficio_view(self, request):
        return radicacion.de_oficio(self, request)

    def resolucion_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        tramite = get_object_or_404(Tramite.objects.select_related("resolucion"), pk=pk)
        resolucion = getattr(tramite, "resolucion", None)
        if resolucion is None:
            raise Http404
        return vistas.archivo_pdf(resolucion.pdf, f"resolucion-{resolucion.anio}-{resolucion.numero:04d}.pdf")

    def adjunto_view(self, request, pk, adjunto_pk):
        # Attachments carry personal data (IDs in actas, signatures): only with the permission.
        if not (self.has_view_permission(request) and puede_ver_datos(request.user)):
            raise PermissionDenied
        return respuesta_archivo(get_object_or_404(Adjunto, pk=adjunto_pk, tramite_id=pk))

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"title": _("Trámites de organizaciones"), **(extra_context or {})}
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(contexto_tramite(self, request, obj), title=_("Trámite de organización"))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def descripcion_accion(self, objeto):
        return f"{objeto.get_clase_display()} — {objeto.organizacion}"

    def contexto_accion(self, request, objeto, form):
        objeto = self.get_object(request, objeto.pk)
        return contexto_tramite(self, request, objeto)


def lista_de_chequeo(tramite: Tramite) -> list[dict]:
    """Each line of the type's checklist with the files that arrived for it (from the prefetched rows)."""
    adjuntos = list(tramite.adjuntos.all())
    requisitos = DocumentoRequerido.objects.filter(tipo__clase=tramite.clase).order_by("orden", "id")
    lineas = [
        {"requisito": r, "adjuntos": [a for a in adjuntos if a.requisito_id == r.pk]} for r in requisitos
    ]
    otros = [a for a in adjuntos if a.requisito_id is None]
    if otros:
        lineas.append({"requisito": None, "adjuntos": otros})
    return lineas


_TIPOS_EVENTO = {
    Tipo.RADICADO: gettext_lazy("Radicado"),
    Tipo.REVISION: gettext_lazy("Revisión iniciada"),
    Tipo.REQUERIMIENTO: gettext_lazy("Requerimiento a la organización"),
    Tipo.CORREGIDO: gettext_lazy("Corrección recibida"),
    Tipo.APROBADO: gettext_lazy("Aprobado por resolución"),
    Tipo.NEGADO: gettext_lazy("Negado por resolución"),
    Tipo.NOTIFICADO: gettext_lazy("Notificado"),
}


def contexto_tramite(model_admin, request, tramite: Tramite) -> dict:
    ver_datos = puede_ver_datos(request.user)
    eventos = list(tramite.eventos.all())
    for evento in eventos:
        evento.titulo = _TIPOS_EVENTO.get(evento.tipo, evento.tipo)
    return {
        "tramite": tramite,
        "acciones": model_admin.acciones_disponibles(request, tramite),
        "chequeo": lista_de_chequeo(tramite),
        "eventos": eventos,
        "propuestos": list(tramite.dignatarios.all()),
        "libros_propuestos": list(tramite.libros.all()),
        "ver_datos": ver_datos,
    }
