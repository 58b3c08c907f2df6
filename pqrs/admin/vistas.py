"""Custom admin pages of SolicitudAdmin: Ventanilla filing and its constancia, a new consultation code at
the ventanilla, staff download of attachments, CSV export, and what the workflow action pages (the
kernel's, `civic.expedientes.admin`) show about the request. Each: access check → form → one service →
redirect."""

from collections import defaultdict
from functools import cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import calendario
from civic.expedientes.admin import volcar_error
from civic.expedientes.archivos import respuesta_archivo
from civic.models import Dependencia
from civic.selectors import notificaciones_de
from civic.services import exportaciones
from pqrs import selectors
from pqrs.models import CANALES_VERBALES, Adjunto, Evento, Solicitud, TipoEvento

from . import exportacion
from .formularios import AsignarForm, RadicacionVentanillaForm, RenovarCodigoForm
from .permisos import PERMISO_DATOS, PERMISO_RADICAR, puede_ver_datos

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
        "url_renovar_codigo": (
            reverse("admin:pqrs_solicitud_renovar_codigo") + "?" + urlencode({"radicado": solicitud.radicado})
            if puede_renovar_codigo(request.user)
            else ""
        ),
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
    """The changelist's current filters and search as CSV, whole: in the request up to
    EXPORTACION_SINCRONA_MAX_FILAS rows, else a job with its progress page (`pqrs.admin.exportacion`)."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        return exportaciones.exportar(request, exportacion.CLAVE)
    except IncorrectLookupParameters:
        return redirect(reverse("admin:pqrs_solicitud_changelist") + "?e=1")


class ResumenSolicitud:
    """The request as filed and completed by the petitioner, for the action pages' `_resumen.html`.

    Lazy: an action page without the summary makes no query for it.
    """

    def __init__(self, solicitud: Solicitud, usuario):
        self.solicitud = solicitud
        self.ver_datos = puede_ver_datos(usuario)

    @cached_property
    def dias_restantes(self) -> int | None:
        return selectors.dias_restantes(self.solicitud)

    @property
    def dias_vencida(self) -> int:
        """How many business days ago the term expired; 0 while it runs."""
        return max(0, -(self.dias_restantes or 0))

    @cached_property
    def _aportes(self) -> list[Evento]:
        return selectors.aportes_del_peticionario(self.solicitud, con_adjuntos=self.ver_datos)

    @cached_property
    def radicacion(self) -> Evento | None:
        return next((e for e in self._aportes if e.tipo == TipoEvento.RADICADA), None)

    @cached_property
    def posteriores(self) -> list[Evento]:
        """What the petitioner sent after filing (Ley 1755 de 2015, art. 17), oldest first."""
        return [e for e in self._aportes if e.tipo != TipoEvento.RADICADA]


def contexto_accion(request, solicitud: Solicitud) -> dict:
    return {"resumen": ResumenSolicitud(solicitud, request.user)}


def responsables(model_admin, request, pk: int):
    """htmx, from the asignar page: the responsable list narrowed to the chosen dependencia's staff.

    The same access as the action page (acting on this request, within scope); the service still checks
    that the responsable belongs to the dependencia.
    """
    if not model_admin.puede_tramitar(request):
        raise PermissionDenied
    solicitud = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    valor = request.GET.get("dependencia", "")
    dependencia = Dependencia.objects.filter(activa=True, pk=valor).first() if valor.isdigit() else None
    lista = AsignarForm.lista_de_responsables(solicitud, dependencia, request.GET.get("responsable", ""))
    return HttpResponse(lista)


def puede_renovar_codigo(usuario) -> bool:
    # Who files at the ventanilla, and sees the identity it compares (Ley 1581 de 2012 art. 4 lit. g).
    return usuario.has_perm(PERMISO_RADICAR) and usuario.has_perm(PERMISO_DATOS)


def renovar_codigo(model_admin, request):
    """Ventanilla gives a new consultation code to a petitioner who proves who they are in person.

    The code is shown once, in this response: not kept in the session nor in a message, never cached.
    Reloading the page would ask to send the form again and would issue yet another code.
    """
    if not puede_renovar_codigo(request.user):
        raise PermissionDenied
    solicitud = codigo = None
    if request.method == "POST":
        form = RenovarCodigoForm(request.POST)
        if form.is_valid():
            try:
                solicitud, codigo = form.ejecutar(request.user)
            except ValidationError as error:
                volcar_error(form, error)
            else:
                form = RenovarCodigoForm()
    else:
        form = RenovarCodigoForm(initial={"radicado": request.GET.get("radicado", "")})
    contexto = _contexto_base(
        model_admin,
        request,
        title=_("Renovar el código de consulta"),
        form=form,
        solicitud=solicitud,
        codigo=codigo,
    )
    respuesta = TemplateResponse(request, "admin/pqrs/solicitud/renovar_codigo.html", contexto)
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta
