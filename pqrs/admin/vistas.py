"""Custom admin pages of SolicitudAdmin: Ventanilla filing and its constancia, staff download of
attachments, CSV export; the workflow actions are the kernel's (`civic.expedientes.admin`). Each: access
check → form → one service → redirect."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import calendario
from civic.expedientes.admin import volcar_error
from civic.expedientes.archivos import respuesta_archivo
from civic.selectors import notificaciones_de
from pqrs import exportar as csv_exportar
from pqrs import selectors
from pqrs.models import CANALES_VERBALES, Adjunto, Solicitud, TipoEvento

from .formularios import RadicacionVentanillaForm
from .permisos import puede_ver_datos

# The clear consultation code waits here, in the clerk's session, until the constancia shows it once.
_CLAVE_CODIGO = "pqrs_codigo_%s"


def _contexto_base(model_admin, request, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "app_label": model_admin.opts.app_label,
        **extra,
    }


def contexto_detalle(model_admin, request, solicitud: Solicitud) -> dict:
    """What the change page shows besides the fields, from the prefetched rows of
    `detalle_para_funcionario`: the same number of queries with 1 or 100 events."""
    datos = puede_ver_datos(request.user)
    adjuntos = list(solicitud.adjuntos.all()) if datos else []
    por_evento = defaultdict(list)
    for adjunto in adjuntos:
        por_evento[adjunto.evento_id].append(adjunto)
    eventos = list(solicitud.eventos.all())
    for evento in eventos:
        evento.adjuntos_visibles = por_evento.get(evento.pk, [])
    acciones = model_admin.acciones_disponibles(request, solicitud)
    explicacion = None
    if solicitud.plazo_dias:
        explicacion = calendario.explicar_plazo(solicitud.fecha_inicio_termino, solicitud.plazo_dias)
    notificaciones = notificaciones_de(solicitud)
    return {
        "eventos": eventos,
        "adjuntos": adjuntos,
        "ver_datos": datos,
        "acciones": acciones,
        "explicacion": explicacion,
        "notificaciones": list(notificaciones),
        "url_constancia": reverse("admin:pqrs_solicitud_constancia", args=[solicitud.pk]),
    }


def adjunto(model_admin, request, pk: int, adjunto_pk: int):
    """Attachments are private: never a public media URL, only this view, with permission and scope."""
    if not (model_admin.has_view_permission(request) and puede_ver_datos(request.user)):
        raise PermissionDenied
    if not model_admin.get_queryset(request).filter(pk=pk).exists():
        raise Http404
    return respuesta_archivo(get_object_or_404(Adjunto, pk=adjunto_pk, solicitud_id=pk))


def radicar(model_admin, request):
    """Ventanilla records a petition received in person, by phone or by letter (Ley 1755/2015 art. 15)."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        form = RadicacionVentanillaForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                solicitud, codigo = form.ejecutar(request.user)
            except ValidationError as error:
                volcar_error(form, error)
            else:
                request.session[_CLAVE_CODIGO % solicitud.pk] = codigo
                messages.success(
                    request,
                    _("Solicitud radicada con el número %(radicado)s.") % {"radicado": solicitud.radicado},
                )
                return HttpResponseRedirect(reverse("admin:pqrs_solicitud_constancia", args=[solicitud.pk]))
    else:
        form = RadicacionVentanillaForm()
    contexto = _contexto_base(
        model_admin, request, title=_("Radicar solicitud recibida en ventanilla"), form=form
    )
    return TemplateResponse(request, "admin/pqrs/solicitud/radicar.html", contexto)


def constancia(model_admin, request, pk: int):
    """Printable constancia of a filing (Decreto 1166 de 2016), for the clerk who recorded it or staff
    in scope. The consultation code is shown once, right after filing."""
    # Only staff of PQRS: the clerk who files (add) or those who see requests (view), each then in scope.
    if not (model_admin.has_add_permission(request) or model_admin.has_view_permission(request)):
        raise PermissionDenied
    solicitud = selectors.solicitud_para_constancia(pk)
    if solicitud is None:
        raise Http404
    radicacion = next((e for e in solicitud.eventos.all() if e.tipo == TipoEvento.RADICADA), None)
    registro_propio = radicacion is not None and radicacion.actor_id == request.user.pk
    en_alcance = (
        model_admin.has_view_permission(request) and model_admin.get_queryset(request).filter(pk=pk).exists()
    )
    if not (registro_propio and model_admin.has_add_permission(request)) and not en_alcance:
        raise Http404
    codigo = request.session.pop(_CLAVE_CODIGO % pk, None)
    contexto = {
        "solicitud": solicitud,
        "radicacion": radicacion,
        "codigo": codigo,
        "verbal": solicitud.canal in CANALES_VERBALES,
        "ver_datos": puede_ver_datos(request.user),
        "municipio": settings.MUNICIPIO,
        "url_volver": reverse("admin:pqrs_solicitud_changelist"),
        "url_nueva": reverse("admin:pqrs_solicitud_add"),
        "ahora": timezone.now(),
    }
    respuesta = TemplateResponse(request, "pqrs/staff/constancia.html", contexto)
    # The page may carry the consultation code: never cached.
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


def exportar(model_admin, request):
    """The changelist's current filters and search as CSV (streamed); personal columns need permission."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        lista = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return redirect(reverse("admin:pqrs_solicitud_changelist") + "?e=1")
    queryset = lista.queryset.select_related("comuna")
    return csv_exportar.respuesta_csv(queryset, con_datos_personales=puede_ver_datos(request.user))
