"""Audiencias in the admin, for the rendición role: the audiencia (informes, memorias, the topics to
moderate), the citizens' questions with their actions (publish, merge, reject, answer) and the 15-day
traffic light, and the improvement actions (start, fulfil, cancel). Every action is a form calling one
service; the petitioner's data are masked without rendicion.ver_datos_personales (Ley 1581/2012)."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from civic.expedientes.admin import AccionesAdminMixin, AnioFilter, FormularioAccion, FormularioNota
from civic.plazos.admin import SemaforoFilter, etiqueta_semaforo
from civic.plazos.semaforo import dias_restantes, luz
from rendicion.models import AccionMejora, Audiencia, Evaluacion, Pregunta, PropuestaTema
from rendicion.services import audiencias as servicios
from rendicion.services import preguntas
from rendicion.workflow import (
    MAQUINA_ACCION,
    MAQUINA_PREGUNTA,
    AccionDeMejora,
    AccionPregunta,
    EstadoPregunta,
)

PERMISO_DATOS = "rendicion.ver_datos_personales"
PLANTILLA_CAMBIO = "rendicion/audiencias/admin/change_form.html"
_TEXTO = forms.Textarea(attrs={"rows": 6, "cols": 80})


def _corto(texto: str, n: int = 90) -> str:
    return texto[:n] + ("…" if len(texto) > n else "")


# --- Audiencia and its topics --------------------------------------------------------------------


class PropuestaTemaInline(admin.TabularInline):
    """The topics proposed, read-only here: they are moderated from their own list (publish / withdraw)."""

    model = PropuestaTema
    fields = ("texto", "creada", "publicada")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = gettext_lazy("temas propuestos (se moderan en «Temas propuestos»)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Audiencia)
class AudienciaAdmin(admin.ModelAdmin):
    list_display = ("titulo", "fecha", "lugar", "preguntas_recibidas", "temas_por_moderar")
    search_fields = ("titulo", "lugar")
    date_hierarchy = "fecha"
    filter_horizontal = ("informes",)
    inlines = (PropuestaTemaInline,)
    # Django 6 default, today: a link typed without scheme is https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    show_facets = admin.ShowFacets.NEVER
    fieldsets = (
        (None, {"fields": ("titulo", ("fecha", "lugar"), "transmision", "recibe_preguntas_hasta")}),
        (gettext_lazy("Convocatoria e informes"), {"fields": ("convocatoria", "informes")}),
        (gettext_lazy("Después del evento"), {"fields": ("memorias",)}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_preguntas=Count("preguntas", distinct=True),
                n_temas=Count("propuestas", filter=Q(propuestas__publicada=False), distinct=True),
            )
        )

    @admin.display(description=gettext_lazy("preguntas"), ordering="n_preguntas")
    def preguntas_recibidas(self, obj):
        url = reverse("admin:rendicion_pregunta_changelist") + f"?audiencia__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.n_preguntas)

    @admin.display(description=gettext_lazy("temas sin publicar"), ordering="n_temas")
    def temas_por_moderar(self, obj):
        url = reverse("admin:rendicion_propuestatema_changelist") + f"?audiencia__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.n_temas)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PropuestaTema)
class PropuestaTemaAdmin(admin.ModelAdmin):
    """The moderation list of topics: publish or withdraw the selected ones."""

    list_display = ("texto_corto", "audiencia", "creada", "publicada")
    list_filter = ("publicada", "audiencia")
    list_select_related = ("audiencia",)
    search_fields = ("texto",)
    actions = ("publicar", "retirar")
    readonly_fields = ("audiencia", "texto", "creada", "publicada")
    show_facets = admin.ShowFacets.NEVER

    @admin.display(description=gettext_lazy("tema propuesto"), ordering="texto")
    def texto_corto(self, obj):
        return _corto(obj.texto)

    def _moderar(self, request, queryset, publicada: bool):
        n = servicios.moderar_temas(propuestas=list(queryset), publicada=publicada, actor=request.user)
        self.message_user(
            request,
            (
                ngettext("Se publicó %(n)s tema.", "Se publicaron %(n)s temas.", n)
                if publicada
                else ngettext("Se retiró %(n)s tema.", "Se retiraron %(n)s temas.", n)
            )
            % {"n": n},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Publicar los temas seleccionados"), permissions=["change"])
    def publicar(self, request, queryset):
        self._moderar(request, queryset, True)

    @admin.action(description=gettext_lazy("Retirar los temas seleccionados"), permissions=["change"])
    def retirar(self, request, queryset):
        self._moderar(request, queryset, False)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Evaluacion)
class EvaluacionAdmin(admin.ModelAdmin):
    list_display = ("audiencia", "informacion_clara", "preguntas_atendidas", "organizacion", "creada")
    list_filter = ("audiencia",)
    list_select_related = ("audiencia",)
    readonly_fields = ("audiencia", "informacion_clara", "preguntas_atendidas", "organizacion", "comentario")
    show_facets = admin.ShowFacets.NEVER

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Questions -----------------------------------------------------------------------------------


class _Previa:
    plantilla_previa = "rendicion/audiencias/admin/_pregunta_previa.html"


class PublicarForm(_Previa, FormularioAccion):
    accion = AccionPregunta.PUBLICAR
    titulo = gettext_lazy("Publicar")
    ayuda = gettext_lazy("La pregunta aparece en la página de la audiencia, sin el nombre de quien pregunta.")
    boton = gettext_lazy("Publicar la pregunta")

    def ejecutar(self, actor):
        preguntas.publicar(pregunta=self.objeto, actor=actor)


class FusionarForm(_Previa, FormularioAccion):
    accion = AccionPregunta.FUSIONAR
    titulo = gettext_lazy("Unir a otra pregunta")
    ayuda = gettext_lazy(
        "Pregunta lo mismo que una ya publicada: se responde con ella y se le avisa al ciudadano."
    )
    boton = gettext_lazy("Unir")

    en = forms.ModelChoiceField(label=gettext_lazy("Pregunta publicada"), queryset=Pregunta.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["en"].queryset = (
            Pregunta.objects.filter(audiencia_id=self.objeto.audiencia_id, estado=EstadoPregunta.PUBLICADA)
            .exclude(pk=self.objeto.pk)
            .only("id", "radicado", "texto")
        )
        self.fields["en"].label_from_instance = lambda p: f"{p.radicado} · {_corto(p.texto, 80)}"

    def ejecutar(self, actor):
        preguntas.fusionar(pregunta=self.objeto, en=self.cleaned_data["en"], actor=actor)


class RechazarForm(_Previa, FormularioAccion):
    accion = AccionPregunta.RECHAZAR
    titulo = gettext_lazy("No publicar")
    ayuda = gettext_lazy("El motivo se le informa al ciudadano, que de todos modos recibe respuesta escrita.")
    boton = gettext_lazy("No publicar")

    motivo = forms.CharField(label=gettext_lazy("Motivo"), max_length=2000, widget=_TEXTO)

    def ejecutar(self, actor):
        preguntas.rechazar(pregunta=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


class ResponderForm(_Previa, FormularioAccion):
    accion = AccionPregunta.RESPONDER
    titulo = gettext_lazy("Responder")
    ayuda = gettext_lazy(
        "Respuesta escrita (Ley 1757 de 2015, art. 56). Si la pregunta está publicada, la respuesta también."
    )
    boton = gettext_lazy("Guardar la respuesta")

    respuesta = forms.CharField(label=gettext_lazy("Respuesta"), max_length=10000, widget=_TEXTO)

    def ejecutar(self, actor):
        preguntas.responder(pregunta=self.objeto, respuesta=self.cleaned_data["respuesta"], actor=actor)


class SemaforoPreguntaFilter(SemaforoFilter):
    pass


def _luz_pregunta(p: Pregunta):
    return luz(p.fecha_vencimiento, timezone.localdate(), en_curso=p.estado in MAQUINA_PREGUNTA.en_curso)


_PETICIONARIO = ("peticionario", "tipo_documento", "numero_documento", "correo")
# Without the personal-data permission the column and the field say only whether the question is anonymous.
_SIN_DATOS = ("peticionario_reservado",)


@admin.register(Pregunta)
class PreguntaAdmin(AccionesAdminMixin, admin.ModelAdmin):
    # The audiencia is a filter, not a column: the question and who asked keep their room at 1280 px.
    list_display = (
        "radicado",
        "texto_corto",
        "estado",
        "vence",
        "semaforo",
        "peticionario",
    )

    def get_list_display(self, request):
        # Decided per request: the ModelAdmin is shared by every request of every user.
        if request.user.has_perm(PERMISO_DATOS):
            return self.list_display
        return (*self.list_display[:-1], "peticionario_reservado")

    list_filter = ("estado", SemaforoPreguntaFilter, "audiencia", AnioFilter)
    list_select_related = ("audiencia",)
    search_fields = ("radicado", "texto")
    search_help_text = gettext_lazy("Radicado o palabras de la pregunta.")
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    actions = None
    change_form_template = PLANTILLA_CAMBIO
    formularios_accion = {
        AccionPregunta.PUBLICAR: PublicarForm,
        AccionPregunta.FUSIONAR: FusionarForm,
        AccionPregunta.RECHAZAR: RechazarForm,
        AccionPregunta.RESPONDER: ResponderForm,
    }
    permiso_tramite = "rendicion.change_pregunta"

    _BASE = (
        "radicado",
        "audiencia",
        "texto",
        ("estado", "semaforo", "restantes"),
        ("fecha_radicacion_efectiva", "fecha_vencimiento"),
        "fusionada_en",
        "motivo_rechazo",
        "respuesta",
        ("respondida_en", "responsable"),
    )

    def get_fields(self, request, obj=None):
        datos = _PETICIONARIO if request.user.has_perm(PERMISO_DATOS) else _SIN_DATOS
        return (*self._BASE, *datos)

    def get_readonly_fields(self, request, obj=None):
        return [c for f in self.get_fields(request, obj) for c in (f if isinstance(f, tuple) else (f,))]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("audiencia", "fusionada_en", "responsable")

    def has_add_permission(self, request):
        return False  # filed by citizens on the portal

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("pregunta"), ordering="texto")
    def texto_corto(self, obj):
        return _corto(obj.texto)

    @admin.display(description=gettext_lazy("responder a más tardar"), ordering="fecha_vencimiento")
    def vence(self, obj):
        return formats.date_format(obj.fecha_vencimiento, "SHORT_DATE_FORMAT")

    @admin.display(description=gettext_lazy("semáforo"))
    def semaforo(self, obj):
        return etiqueta_semaforo(_luz_pregunta(obj))

    @admin.display(description=gettext_lazy("días hábiles restantes"))
    def restantes(self, obj):
        if obj.estado not in MAQUINA_PREGUNTA.en_curso:
            return "—"
        return dias_restantes(obj.fecha_vencimiento, timezone.localdate())

    @admin.display(description=gettext_lazy("quién pregunta"))
    def peticionario(self, obj):
        return _("Anónima") if obj.anonima else obj.nombre_peticionario

    @admin.display(description=gettext_lazy("quién pregunta"))
    def peticionario_reservado(self, obj):
        return _("Anónima") if obj.anonima else _("Datos reservados")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(
                acciones=self.acciones_disponibles(request, obj),
                titulo_acciones=_("Acciones de la pregunta"),
                url_publica=reverse("rendicion:audiencia", args=[obj.audiencia_id]),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def descripcion_accion(self, objeto):
        return str(objeto.audiencia)

    _ve_datos = False


# --- Improvement actions -------------------------------------------------------------------------


class _CambioAccion(FormularioNota):
    parametro = "accion"
    ayuda_nota = gettext_lazy("Queda en el seguimiento de la acción de mejora.")
    nota_max = servicios.NOTA_MAX
    filas_nota = 6


class IniciarForm(_CambioAccion):
    accion = AccionDeMejora.INICIAR
    titulo = gettext_lazy("Marcar en curso")
    boton = gettext_lazy("Marcar en curso")
    servicio = staticmethod(servicios.iniciar)


class CumplirForm(_CambioAccion):
    accion = AccionDeMejora.CUMPLIR
    titulo = gettext_lazy("Dar por cumplida")
    boton = gettext_lazy("Dar por cumplida")
    servicio = staticmethod(servicios.cumplir)


class CancelarForm(_CambioAccion):
    accion = AccionDeMejora.CANCELAR
    titulo = gettext_lazy("Cancelar la acción")
    boton = gettext_lazy("Cancelar la acción")
    nota_obligatoria = True
    servicio = staticmethod(servicios.cancelar)


class SemaforoAccionFilter(SemaforoFilter):
    # Not a registered expediente: its due-date field is named here.
    campo_vencimiento = "fecha_vencimiento"


@admin.register(AccionMejora)
class AccionMejoraAdmin(AccionesAdminMixin, admin.ModelAdmin):
    list_display = ("descripcion_corta", "audiencia", "dependencia", "vence", "estado", "semaforo")
    list_filter = ("estado", SemaforoAccionFilter, "audiencia", "dependencia")
    list_select_related = ("audiencia", "dependencia")
    search_fields = ("descripcion",)
    show_facets = admin.ShowFacets.NEVER
    actions = None
    change_form_template = PLANTILLA_CAMBIO
    formularios_accion = {
        AccionDeMejora.INICIAR: IniciarForm,
        AccionDeMejora.CUMPLIR: CumplirForm,
        AccionDeMejora.CANCELAR: CancelarForm,
    }
    permiso_tramite = "rendicion.change_accionmejora"
    fields = ("audiencia", "descripcion", ("dependencia", "fecha_vencimiento"), ("estado", "semaforo"))

    def get_readonly_fields(self, request, obj=None):
        # Its state changes only through the actions (each with its event).
        return ("estado", "semaforo") if obj is None else ("audiencia", "estado", "semaforo")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("acción de mejora"), ordering="descripcion")
    def descripcion_corta(self, obj):
        return _corto(obj.descripcion)

    @admin.display(description=gettext_lazy("fecha límite"), ordering="fecha_vencimiento")
    def vence(self, obj):
        return formats.date_format(obj.fecha_vencimiento, "SHORT_DATE_FORMAT")

    @admin.display(description=gettext_lazy("semáforo"))
    def semaforo(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return etiqueta_semaforo(
            luz(obj.fecha_vencimiento, timezone.localdate(), en_curso=obj.estado in MAQUINA_ACCION.en_curso)
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(
                acciones=self.acciones_disponibles(request, obj),
                titulo_acciones=_("Acciones"),
                url_publica=reverse("rendicion:audiencia", args=[obj.audiencia_id]),
                eventos=list(obj.eventos.select_related("actor").order_by("momento", "id")),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
