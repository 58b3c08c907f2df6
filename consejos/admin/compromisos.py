"""Commitments in the admin: the list with the traffic light, a read-only page with the public timeline,
and the actions (start, fulfil, cancel, reopen; a dated follow-up with evidence; reviewed in a later
session), each a form calling one service of `consejos.services.compromisos`."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import AccionesAdminMixin, FormularioAccion, FormularioNota
from civic.expedientes.archivos import respuesta_archivo
from civic.expedientes.formularios import CampoVariosArchivos, ayuda_adjuntos
from civic.plazos.admin import SemaforoFilter, etiqueta_semaforo
from civic.plazos.semaforo import dias_restantes, luz
from consejos.models import Compromiso, EstadoSesion, EventoCompromiso, Evidencia, Sesion
from consejos.services import compromisos as servicios
from consejos.workflow import MAQUINA_COMPROMISO, AccionCompromiso

from .permisos import (
    PERMISO_COMPROMISO,
    PLANTILLA_ACCION,
    SoloPorSusAcciones,
    enlace_sesion,
    pagina_de_accion,
)

_NOTA = forms.Textarea(attrs={"rows": 4, "cols": 80})


def _luz(compromiso: Compromiso):
    return luz(
        compromiso.fecha_vencimiento,
        timezone.localdate(),
        en_curso=compromiso.estado in MAQUINA_COMPROMISO.en_curso,
    )


class SemaforoCompromisoFilter(SemaforoFilter):
    # A commitment is not a registered expediente: its due-date field is named here.
    campo_vencimiento = "fecha_vencimiento"


class _Cambio(FormularioNota):
    parametro = "compromiso"
    ayuda_nota = gettext_lazy("Queda en el seguimiento público del compromiso.")


class IniciarForm(_Cambio):
    accion = AccionCompromiso.INICIAR
    titulo = gettext_lazy("Marcar en curso")
    boton = gettext_lazy("Marcar en curso")
    servicio = staticmethod(servicios.iniciar)


class CumplirForm(_Cambio):
    accion = AccionCompromiso.CUMPLIR
    titulo = gettext_lazy("Dar por cumplido")
    boton = gettext_lazy("Dar por cumplido")
    servicio = staticmethod(servicios.cumplir)


class CancelarForm(_Cambio):
    accion = AccionCompromiso.CANCELAR
    titulo = gettext_lazy("Cancelar el compromiso")
    boton = gettext_lazy("Cancelar el compromiso")
    nota_obligatoria = True
    servicio = staticmethod(servicios.cancelar)


class ReabrirForm(_Cambio):
    accion = AccionCompromiso.REABRIR
    titulo = gettext_lazy("Reabrir el compromiso")
    boton = gettext_lazy("Reabrir")
    nota_obligatoria = True
    servicio = staticmethod(servicios.reabrir)


FORMULARIOS_ACCION = {
    AccionCompromiso.INICIAR: IniciarForm,
    AccionCompromiso.CUMPLIR: CumplirForm,
    AccionCompromiso.CANCELAR: CancelarForm,
    AccionCompromiso.REABRIR: ReabrirForm,
}


class SeguimientoForm(FormularioAccion):
    titulo = gettext_lazy("Registrar seguimiento")
    ayuda = gettext_lazy("Un avance con su fecha y, si las hay, sus evidencias: es público.")
    boton = gettext_lazy("Registrar seguimiento")
    con_archivos = True

    texto = forms.CharField(label=gettext_lazy("Qué se avanzó"), max_length=5000, widget=_NOTA)
    fecha = forms.DateField(
        label=gettext_lazy("Fecha del avance"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    evidencias = CampoVariosArchivos(label=gettext_lazy("Evidencias"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("fecha", timezone.localdate())
        self.fields["evidencias"].help_text = ayuda_adjuntos()

    def ejecutar(self, actor):
        d = self.cleaned_data
        servicios.seguimiento(
            compromiso=self.objeto,
            texto=d["texto"],
            fecha=d["fecha"],
            evidencias=d["evidencias"] or [],
            actor=actor,
        )


class RevisarForm(FormularioAccion):
    titulo = gettext_lazy("Revisar en una sesión")
    ayuda = gettext_lazy("Una sesión posterior de la misma instancia revisó el compromiso.")
    boton = gettext_lazy("Registrar la revisión")

    sesion = forms.ModelChoiceField(label=gettext_lazy("Sesión"), queryset=Sesion.objects.none())
    nota = forms.CharField(
        label=gettext_lazy("Nota (opcional)"), required=False, max_length=2000, widget=_NOTA
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        origen = self.objeto.sesion
        self.fields["sesion"].queryset = (
            Sesion.objects.filter(instancia_id=origen.instancia_id, inicio__gt=origen.inicio)
            .exclude(estado=EstadoSesion.CANCELADA)
            .select_related("instancia")
            .order_by("inicio")
        )

    def ejecutar(self, actor):
        d = self.cleaned_data
        servicios.revisar_en(compromiso=self.objeto, sesion=d["sesion"], nota=d["nota"], actor=actor)


OTRAS_ACCIONES = {"seguimiento": SeguimientoForm, "revisar": RevisarForm}

_EVENTOS = {
    "registrado": gettext_lazy("Registrado en la sesión"),
    "estado": gettext_lazy("Cambio de estado"),
    "seguimiento": gettext_lazy("Seguimiento"),
    "revisado": gettext_lazy("Revisado en sesión"),
}


@admin.register(Compromiso)
class CompromisoAdmin(SoloPorSusAcciones, AccionesAdminMixin, admin.ModelAdmin):
    list_display = ("descripcion_corta", "responsable", "sesion", "comuna", "vence", "estado", "semaforo")
    list_filter = ("estado", SemaforoCompromisoFilter, "comuna", "sesion__instancia")
    list_select_related = ("sesion__instancia", "comuna", "dependencia", "organizacion", "integrante")
    search_fields = ("descripcion",)
    search_help_text = gettext_lazy("Palabras de la descripción.")
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    actions = None
    fields = (
        "descripcion",
        ("responsable", "sesion_enlace"),
        ("comuna", "fecha_vencimiento"),
        ("estado", "semaforo", "restantes"),
        "revisiones",
    )
    readonly_fields = (
        "descripcion",
        "responsable",
        "sesion_enlace",
        "comuna",
        "fecha_vencimiento",
        "estado",
        "semaforo",
        "restantes",
        "revisiones",
    )
    change_form_template = "admin/consejos/compromiso/change_form.html"
    formularios_accion = FORMULARIOS_ACCION
    permiso_tramite = PERMISO_COMPROMISO
    plantilla_accion = PLANTILLA_ACCION

    def get_object(self, request, object_id, from_field=None):
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            return None
        return (
            Compromiso.objects.select_related(
                "sesion__instancia", "comuna", "dependencia", "organizacion", "integrante"
            )
            .prefetch_related(
                Prefetch(
                    "eventos",
                    queryset=EventoCompromiso.objects.select_related("actor")
                    .prefetch_related("evidencias")
                    .order_by("momento", "id"),
                ),
                Prefetch("revisado_en", queryset=Sesion.objects.select_related("instancia")),
            )
            .filter(pk=pk)
            .first()
        )

    # --- Columns ----------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("qué se comprometió"), ordering="descripcion")
    def descripcion_corta(self, obj):
        return obj.descripcion[:90] + ("…" if len(obj.descripcion) > 90 else "")

    @admin.display(description=gettext_lazy("responsable"))
    def responsable(self, obj):
        return obj.responsable

    @admin.display(description=gettext_lazy("fecha límite"), ordering="fecha_vencimiento")
    def vence(self, obj):
        return formats.date_format(obj.fecha_vencimiento, "SHORT_DATE_FORMAT")

    @admin.display(description=gettext_lazy("semáforo"))
    def semaforo(self, obj):
        return etiqueta_semaforo(_luz(obj))

    @admin.display(description=gettext_lazy("días hábiles restantes"))
    def restantes(self, obj):
        if obj.estado not in MAQUINA_COMPROMISO.en_curso:
            return "—"
        return dias_restantes(obj.fecha_vencimiento, timezone.localdate())

    @admin.display(description=gettext_lazy("sesión donde se hizo"))
    def sesion_enlace(self, obj):
        return enlace_sesion(obj)

    @admin.display(description=gettext_lazy("revisado en"))
    def revisiones(self, obj):
        sesiones = list(obj.revisado_en.all())
        return ", ".join(str(s) for s in sesiones) if sesiones else "—"

    # --- Pages ------------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/registrar/<slug:accion>/",
                envolver(self.otra_accion_view),
                name="consejos_compromiso_otra",
            ),
            path(
                "<int:pk>/evidencias/<int:evidencia_pk>/",
                envolver(self.evidencia_view),
                name="consejos_compromiso_evidencia",
            ),
            *super().get_urls(),
        ]

    def otra_accion_view(self, request, pk: int, accion: str):
        if not self.puede_tramitar(request):
            raise PermissionDenied
        objetos = Compromiso.objects.select_related("sesion__instancia")
        return pagina_de_accion(self, request, OTRAS_ACCIONES, accion, objetos, pk)

    def evidencia_view(self, request, pk: int, evidencia_pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return respuesta_archivo(get_object_or_404(Evidencia, pk=evidencia_pk, compromiso_id=pk))

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Compromisos"), **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            eventos = list(obj.eventos.all())
            for evento in eventos:
                evento.titulo = _EVENTOS.get(evento.tipo, evento.tipo)
            otras = (
                [
                    {
                        "titulo": f.titulo,
                        "url": reverse("admin:consejos_compromiso_otra", args=[obj.pk, codigo]),
                    }
                    for codigo, f in OTRAS_ACCIONES.items()
                ]
                if self.puede_tramitar(request)
                else []
            )
            context.update(
                acciones=[*self.acciones_disponibles(request, obj), *otras],
                eventos=eventos,
                url_publica=reverse("consejos:compromiso", args=[obj.pk]),
                title=_("Compromiso"),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def descripcion_accion(self, objeto):
        return str(objeto.sesion)
