"""The staff side of PQRS in the admin: a read-only request page whose changes go through action forms.

Status and dates change only through the workflow actions (each calls one service); the change form
shows the request read-only. Scope comes from `solicitudes_para_funcionario`: a funcionario sees their
dependencia's requests, Coordinación PQRS all of them.
"""

import re

from django.contrib import admin
from django.contrib.admin.views.main import SEARCH_VAR
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from civic.expedientes import registro
from civic.expedientes.admin import AccionesAdminMixin, AnioFilter
from civic.expedientes.radicados import formatear_radicado
from civic.plazos.admin import SemaforoFilter, etiqueta_semaforo
from pqrs.models import Solicitud
from pqrs.paginacion import PaginadorAcotado
from pqrs.selectors import (
    detalle_para_funcionario,
    dias_restantes,
    semaforo,
    solicitudes_para_funcionario,
)

from . import vistas
from .formularios import FORMULARIOS_ACCION
from .permisos import PERMISO_TRAMITE, puede_ver_datos

# PQRS-2026-000123, 2026-000123 or 2026-123: a radicado, looked up on its unique index.
_RADICADO = re.compile(r"^(?:[A-Z]+-)?(\d{4})-(\d{1,9})$")
_DOCUMENTO = re.compile(r"^[\d.\- ]{4,25}$")


_RADICACION = (
    _("Radicación"),
    {
        "fields": (
            ("radicado", "modalidad"),
            ("canal", "prioritaria", "riesgo_vida"),
            ("radicada_en", "fecha_radicacion_efectiva"),
        )
    },
)
_PETICIONARIO = (
    _("Peticionario"),
    {
        "fields": (
            ("anonima", "tipo_persona"),
            ("tipo_documento", "numero_documento"),
            ("nombres", "apellidos"),
            "razon_social",
            ("correo", "telefono"),
            "direccion",
            ("comuna", "barrio"),
            "canal_respuesta",
            "condiciones",
            ("autorizacion_datos_version", "autorizacion_datos_en"),
        )
    },
)
_PETICIONARIO_RESERVADO = (
    _("Peticionario"),
    {"fields": (("anonima", "tipo_persona"), "comuna", "datos_reservados")},
)
_RESTO = (
    (_("Objeto"), {"fields": ("asunto", "descripcion")}),
    (
        _("Término"),
        {
            "fields": (
                ("semaforo_estado", "dias_restantes"),
                ("plazo_dias", "fecha_inicio_termino"),
                ("fecha_vencimiento", "fecha_vencimiento_original", "prorrogada"),
            )
        },
    ),
    (
        _("Trámite"),
        {
            "fields": (
                "estado",
                ("dependencia", "responsable"),
                ("requerimiento_en", "fecha_limite_ciudadano", "plazo_ciudadano_ampliado"),
                ("entidad_destino", "entidad_traslado"),
                ("silencio_positivo_en", "copias_hasta"),
                "reposicion_pendiente",
            )
        },
    ),
    (
        _("Respuesta"),
        {
            "fields": (
                ("respondida_en", "sentido_respuesta"),
                ("dias_habiles_respuesta", "respondida_a_tiempo"),
                ("notificada_en", "publicada_hasta"),
                ("materia_reservada", "respuesta_referida", "respuesta_consolidada"),
            )
        },
    ),
)


# The parameters of `list_filter` (none personal): its fields, and the traffic light's and year's own.
_CAMPOS_FILTRABLES = frozenset({"estado", "modalidad", "dependencia", "canal", "comuna", "semaforo", "anio"})


@admin.register(Solicitud)
class SolicitudAdmin(AccionesAdminMixin, admin.ModelAdmin):
    # What a funcionario decides from, and nothing that pushes it off a 1280-px screen: the modality and
    # the person in charge are filters and on the request's page.
    list_display = (
        "radicado",
        "asunto_corto",
        "dependencia_sigla",
        "estado",
        "vence",
        "dias_restantes",
        "semaforo_estado",
    )
    list_filter = (
        "estado",
        SemaforoFilter,
        "modalidad",
        "dependencia",
        "canal",
        "comuna",
        AnioFilter,
    )
    list_select_related = ("modalidad", "dependencia", "responsable")
    # Only columns with an index behind them sort (unique radicado, fecha_vencimiento).
    sortable_by = ("radicado", "vence")
    # Ley 1755/2015 art. 20: priority requests first in every staff list (index pqrs_prioridad_idx).
    ordering = ("-prioritaria", "-radicada_en")
    list_per_page = 50
    list_max_show_all = 200
    # Scale (a million rows): no full COUNT(*), no facet counts, a count that stops at 10,000.
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = PaginadorAcotado
    search_fields = ("radicado",)  # shows the box; get_search_results does the real work
    search_help_text = _(
        "Radicado (PQRS-2026-000123 o 2026-123), número de documento, nombre del peticionario o asunto."
    )
    actions = None
    readonly_fields = ("semaforo_estado", "dias_restantes", "datos_reservados")
    change_form_template = "admin/pqrs/solicitud/change_form.html"
    change_list_template = "admin/pqrs/solicitud/change_list.html"
    # The workflow actions (civic.expedientes.admin), each a form calling one service.
    formularios_accion = FORMULARIOS_ACCION
    permiso_tramite = PERMISO_TRAMITE

    # --- Scope and permissions -----------------------------------------------------------------

    def get_queryset(self, request):
        return solicitudes_para_funcionario(request.user)

    def get_object(self, request, object_id, from_field=None):
        # Everything the page shows in a fixed number of queries, within the user's scope.
        try:
            return detalle_para_funcionario(request.user, int(object_id))
        except (Solicitud.DoesNotExist, ValueError, TypeError):
            return None

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Another dependencia's request is simply not there for this user: 404, not a redirect that
        # would tell apart "exists elsewhere" from "never existed".
        raise Http404(_("No existe la solicitud o no está a su cargo."))

    def lookup_allowed(self, lookup, value, request):
        # Only the declared filters' own parameters: Django would otherwise apply any local field in the
        # URL, and a filter on a document number, an e-mail prefix or a name answers "did this person
        # file something?" (Ley 1581 de 2012 art. 4 lit. g), in the list and in its CSV export alike.
        campo = lookup.split(LOOKUP_SEP, 1)[0]
        return campo in _CAMPOS_FILTRABLES and super().lookup_allowed(lookup, value, request)

    def has_change_permission(self, request, obj=None):
        # Status and dates change only through the workflow actions (which check PERMISO_TRAMITE);
        # the change form itself is always read-only.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        # Requests are public records kept by the archive rules (Ley 594 de 2000); never deleted by hand.
        return False

    def get_fieldsets(self, request, obj=None):
        peticionario = _PETICIONARIO if puede_ver_datos(request.user) else _PETICIONARIO_RESERVADO
        return (_RADICACION, peticionario, *_RESTO)

    # --- Columns -----------------------------------------------------------------------------

    @admin.display(description=_("dependencia"), ordering="dependencia__sigla")
    def dependencia_sigla(self, obj):
        if obj.dependencia is None:
            return "—"
        return format_html('<abbr title="{}">{}</abbr>', obj.dependencia.nombre, obj.dependencia.sigla)

    @admin.display(description=_("vence"), ordering="fecha_vencimiento")
    def vence(self, obj):
        if obj.fecha_vencimiento is None:
            return "—"
        return formats.date_format(obj.fecha_vencimiento, "SHORT_DATE_FORMAT")

    @admin.display(description=_("asunto"))
    def asunto_corto(self, obj):
        asunto = truncatechars(obj.asunto, 60)
        if obj.riesgo_vida:
            return format_html('<strong class="prioridad">{}</strong> {}', _("Vida en riesgo:"), asunto)
        if obj.prioritaria:
            return format_html('<strong class="prioridad">{}</strong> {}', _("Prioritaria:"), asunto)
        return asunto

    @admin.display(description=_("días hábiles restantes"))
    def dias_restantes(self, obj):
        restantes = dias_restantes(obj)
        return "—" if restantes is None else restantes

    @admin.display(description=_("semáforo"))
    def semaforo_estado(self, obj):
        return etiqueta_semaforo(semaforo(obj))

    @admin.display(description=_("datos personales"))
    def datos_reservados(self, obj):
        return _("Reservados: su rol no tiene permiso para ver datos personales (Ley 1581 de 2012).")

    # --- Search ------------------------------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        """Each kind of term goes to its index: radicado (unique), document number (btree), else text.

        Without the personal-data permission, only radicado and subject are searched: a match on a name
        or a document would reveal it.
        """
        termino = " ".join(search_term.split())
        if not termino:
            return queryset, False
        radicado = _RADICADO.match(termino.upper())
        if radicado:
            anio, consecutivo = int(radicado.group(1)), int(radicado.group(2))
            prefijo = registro.de_modelo(Solicitud).prefijo_radicado
            return queryset.filter(radicado=formatear_radicado(prefijo, anio, consecutivo)), False
        datos = puede_ver_datos(request.user)
        if datos and _DOCUMENTO.match(termino):
            digitos = re.sub(r"\D", "", termino)
            return queryset.filter(numero_documento__in={termino, digitos}), False
        condicion = Q()
        for palabra in termino.split()[:5]:
            campos = Q(asunto__icontains=palabra)
            if datos:
                campos |= (
                    Q(nombres__icontains=palabra)
                    | Q(apellidos__icontains=palabra)
                    | Q(razon_social__icontains=palabra)
                )
            condicion &= campos
        return queryset.filter(condicion), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        # A free-text search counts less far, from its indexes (pqrs.paginacion).
        busqueda = request.GET.get(SEARCH_VAR, "")
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page, busqueda=busqueda)

    # --- Pages -------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        nombre = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("exportar/", envolver(self.exportar_view), name=f"{nombre}_exportar"),
            path(
                "<int:pk>/adjuntos/<int:adjunto_pk>/",
                envolver(self.adjunto_view),
                name=f"{nombre}_adjunto",
            ),
            path("<int:pk>/constancia/", envolver(self.constancia_view), name=f"{nombre}_constancia"),
            path("<int:pk>/responsables/", envolver(self.responsables_view), name=f"{nombre}_responsables"),
            path("renovar-codigo/", envolver(self.renovar_codigo_view), name=f"{nombre}_renovar_codigo"),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return vistas.radicar(self, request)

    def adjunto_view(self, request, pk, adjunto_pk):
        return vistas.adjunto(self, request, pk, adjunto_pk)

    def constancia_view(self, request, pk):
        return vistas.constancia(self, request, pk)

    def exportar_view(self, request):
        return vistas.exportar(self, request)

    def responsables_view(self, request, pk):
        return vistas.responsables(self, request, pk)

    def renovar_codigo_view(self, request):
        return vistas.renovar_codigo(self, request)

    def changelist_view(self, request, extra_context=None):
        contexto = {
            # The office's words, not Django's "Escoja solicitud PQRS a modificar".
            "title": _("Solicitudes PQRS"),
            "url_exportar": reverse("admin:pqrs_solicitud_exportar") + _consulta(request),
            "puede_renovar_codigo": vistas.puede_renovar_codigo(request.user),
        }
        return super().changelist_view(request, {**contexto, **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            # The request's own name, not Django's "Vista solicitud PQRS" (the page is read-only by design).
            context.update(vistas.contexto_detalle(self, request, obj), title=_("Solicitud PQRS"))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def descripcion_accion(self, objeto):
        return objeto.asunto

    def contexto_accion(self, request, objeto, form):
        return vistas.contexto_accion(request, objeto)


def _consulta(request) -> str:
    consulta = request.GET.urlencode()
    return f"?{consulta}" if consulta else ""
