"""Informes de gestión in the admin, for the rendición role: the informe with its sections (each with its
indicators: a registered source and its parameters, or a typed meta and logro), a preview with live
figures, and the actions publish, correct (with its reason) and create from a saved template — each a
form calling one service. A published informe is read-only: it changes only through a correction."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic import indicadores
from civic.expedientes.admin import volcar_error
from civic.expedientes.maquina import TransicionInvalida
from civic.models import Dependencia
from rendicion.models import Indicador, Informe, Seccion
from rendicion.plantillas import opciones as opciones_plantilla
from rendicion.services import informes as servicios
from rendicion.services.plantillas import crear_desde_plantilla
from rendicion.workflow import EstadoInforme

PERMISO = "rendicion.change_informe"
PLANTILLA_ACCION = "admin/expedientes/accion.html"


def _es_borrador(informe: Informe | None) -> bool:
    return informe is None or informe.estado == EstadoInforme.BORRADOR


# --- Forms -------------------------------------------------------------------------------------------


class IndicadorForm(forms.ModelForm):
    fuente = forms.ChoiceField(label=gettext_lazy("fuente de datos"), required=False)
    parametros = forms.JSONField(
        label=gettext_lazy("parámetros de la fuente"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
        help_text=gettext_lazy(
            'En JSON, por ejemplo {"tipo": "gobierno_comunas"} o {"dependencia": "SINF"}.'
        ),
    )

    class Meta:
        model = Indicador
        fields = (
            "orden",
            "nombre",
            "fuente",
            "parametros",
            "meta",
            "logro",
            "unidad",
            "evidencia",
            "grafico",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fuente"].choices = [("", _("Digitada (meta y logro)"))] + [
            (f.clave, f"{f.nombre} ({f.clave})") for f in indicadores.fuentes()
        ]

    def clean_parametros(self):
        valor = self.cleaned_data.get("parametros") or {}
        if not isinstance(valor, dict):
            raise ValidationError(_('Escriba un objeto JSON, por ejemplo {"tipo": "mesa_concertacion"}.'))
        return {str(k): str(v) for k, v in valor.items()}

    def clean(self):
        datos = super().clean()
        fuente = datos.get("fuente")
        if fuente:
            permitidos = set(indicadores.fuente(fuente).parametros)
            sobran = sorted(set(datos.get("parametros") or {}) - permitidos)
            if sobran:
                self.add_error(
                    "parametros",
                    _("Esta fuente no acepta: %(sobran)s. Acepta: %(acepta)s.")
                    % {"sobran": ", ".join(sobran), "acepta": ", ".join(sorted(permitidos)) or "—"},
                )
        elif datos.get("logro") is None:
            self.add_error("logro", _("Una cifra digitada necesita su logro (o elija una fuente)."))
        return datos


class CorregirForm(forms.Form):
    titulo = gettext_lazy("Corregir (nueva versión)")
    ayuda = gettext_lazy(
        "Se crea un borrador con las mismas secciones e indicadores. La versión publicada sigue visible "
        "hasta que se publique la corrección, y después queda como versión anterior."
    )
    boton = gettext_lazy("Crear la corrección")
    con_archivos = False
    plantilla_previa = ""
    motivo = forms.CharField(
        label=gettext_lazy("Motivo de la corrección"), widget=forms.Textarea(attrs={"rows": 4, "cols": 70})
    )


class PublicarForm(forms.Form):
    titulo = gettext_lazy("Publicar")
    ayuda = gettext_lazy(
        "Al publicar se calculan y congelan las cifras: ya no cambian aunque lleguen datos nuevos. "
        "Revise la vista previa antes."
    )
    boton = gettext_lazy("Publicar el informe")
    con_archivos = False
    plantilla_previa = ""


class PlantillaForm(forms.Form):
    titulo = gettext_lazy("Crear desde plantilla")
    ayuda = gettext_lazy("Crea un borrador con las secciones e indicadores de la plantilla para el periodo.")
    boton = gettext_lazy("Crear el borrador")
    con_archivos = False
    plantilla_previa = ""
    plantilla = forms.ChoiceField(label=gettext_lazy("Plantilla"))
    desde = forms.DateField(
        label=gettext_lazy("Periodo desde"), widget=forms.DateInput(attrs={"type": "date"})
    )
    hasta = forms.DateField(
        label=gettext_lazy("Periodo hasta"), widget=forms.DateInput(attrs={"type": "date"})
    )
    dependencia = forms.ModelChoiceField(
        label=gettext_lazy("Dependencia"),
        queryset=Dependencia.objects.order_by("nombre"),
        required=False,
        empty_label=gettext_lazy("Todas"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plantilla"].choices = opciones_plantilla()


# --- Inlines and admins -------------------------------------------------------------------------------


class _SoloBorrador:
    """Inlines of a published informe are read-only, like the informe."""

    def has_add_permission(self, request, obj=None):
        return _es_borrador(self._informe(obj)) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _es_borrador(self._informe(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _es_borrador(self._informe(obj)) and super().has_delete_permission(request, obj)


class SeccionInline(_SoloBorrador, admin.StackedInline):
    model = Seccion
    extra = 0
    fields = ("orden", "titulo", "narrativa")
    show_change_link = True
    verbose_name_plural = gettext_lazy("secciones (sus indicadores se editan en cada sección)")

    def _informe(self, obj):
        return obj


class IndicadorInline(_SoloBorrador, admin.StackedInline):
    model = Indicador
    form = IndicadorForm
    extra = 0

    def _informe(self, obj):
        return obj.informe if obj is not None else None

    def get_readonly_fields(self, request, obj=None):
        return ("resultado",) if obj is not None and not _es_borrador(obj.informe) else ()


@admin.register(Seccion)
class SeccionAdmin(admin.ModelAdmin):
    inlines = [IndicadorInline]
    fields = ("informe", "orden", "titulo", "narrativa")
    list_select_related = ("informe",)

    def has_module_permission(self, request):
        return False  # reached from its informe

    def get_readonly_fields(self, request, obj=None):
        return ("informe",) if obj is not None else ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("informe")

    def has_change_permission(self, request, obj=None):
        return (obj is None or _es_borrador(obj.informe)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or _es_borrador(obj.informe)) and super().has_delete_permission(request, obj)

    def response_post_save_change(self, request, obj):
        return redirect(reverse("admin:rendicion_informe_change", args=[obj.informe_id]))


@admin.register(Informe)
class InformeAdmin(admin.ModelAdmin):
    list_display = ("titulo", "version", "estado", "desde", "hasta", "fecha", "plantilla")
    list_filter = ("estado", "plantilla")
    search_fields = ("titulo",)
    date_hierarchy = "fecha"
    actions = None
    inlines = [SeccionInline]
    filter_horizontal = ("dependencias",)
    fields = (
        "titulo",
        "dependencias",
        "desde",
        "hasta",
        "fecha",
        "estado",
        "version",
        "anterior",
        "motivo_correccion",
        "publicado_en",
        "plantilla",
    )
    readonly_fields = ("estado", "version", "anterior", "motivo_correccion", "publicado_en", "plantilla")
    change_form_template = "rendicion/informes/admin/change_form.html"
    change_list_template = "rendicion/informes/admin/change_list.html"

    def has_change_permission(self, request, obj=None):
        return _es_borrador(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (
            obj is not None
            and _es_borrador(obj)
            and obj.anterior_id is None
            and super().has_delete_permission(request, obj)
        )

    def _puede(self, request) -> bool:
        return request.user.has_perm(PERMISO)

    # --- Pages --------------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/vista-previa/",
                envolver(self.vista_previa_view),
                name="rendicion_informe_vista_previa",
            ),
            path("<int:pk>/publicar/", envolver(self.publicar_view), name="rendicion_informe_publicar"),
            path("<int:pk>/corregir/", envolver(self.corregir_view), name="rendicion_informe_corregir"),
            path("desde-plantilla/", envolver(self.plantilla_view), name="rendicion_informe_plantilla"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(
                borrador=_es_borrador(obj),
                puede=self._puede(request),
                corregible=obj.estado == EstadoInforme.PUBLICADO and not hasattr(obj, "correccion"),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def vista_previa_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        from rendicion.selectors.informes import informe_completo
        from rendicion.views.informes import contexto_informe

        try:
            informe = informe_completo(pk, consulta=Informe.objects.select_related("correccion"))
        except Informe.DoesNotExist:
            raise PermissionDenied from None
        contexto = {
            **self.admin_site.each_context(request),
            **contexto_informe(informe),
            "opts": self.opts,
            "title": _("Vista previa: %(informe)s") % {"informe": informe},
            "url_volver": reverse("admin:rendicion_informe_change", args=[informe.pk]),
        }
        return TemplateResponse(request, "rendicion/informes/admin/vista_previa.html", contexto)

    def _accion(self, request, objeto, form, *, url_volver: str):
        opts = self.opts
        contexto = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "title": f"{form.titulo} · {objeto}" if objeto else str(form.titulo),
            "form": form,
            "objeto": objeto or opts.verbose_name_plural,
            "original": objeto,
            "estado": objeto.get_estado_display() if objeto else "",
            "descripcion": "",
            "no_permitida": "",
            "url_volver": url_volver,
        }
        return TemplateResponse(request, PLANTILLA_ACCION, contexto)

    def publicar_view(self, request, pk: int):
        if not self._puede(request):
            raise PermissionDenied
        informe = get_object_or_404(Informe, pk=pk)
        volver = reverse("admin:rendicion_informe_change", args=[pk])
        # An empty POST is still a bound (valid) form: the confirmation button.
        form = PublicarForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                servicios.publicar(informe=informe, actor=request.user)
            except ValidationError as error:
                volcar_error(form, error)
            except TransicionInvalida as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Se publicó «%(informe)s»; sus cifras quedaron congeladas.") % {"informe": informe},
                )
                return redirect(volver)
        return self._accion(request, informe, form, url_volver=volver)

    def corregir_view(self, request, pk: int):
        if not self._puede(request):
            raise PermissionDenied
        informe = get_object_or_404(Informe, pk=pk)
        volver = reverse("admin:rendicion_informe_change", args=[pk])
        form = CorregirForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                nuevo = servicios.corregir(
                    informe=informe, motivo=form.cleaned_data["motivo"], actor=request.user
                )
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(request, _("Se creó la versión %(v)s como borrador.") % {"v": nuevo.version})
                return redirect(reverse("admin:rendicion_informe_change", args=[nuevo.pk]))
        return self._accion(request, informe, form, url_volver=volver)

    def plantilla_view(self, request):
        if not (self._puede(request) and self.has_add_permission(request)):
            raise PermissionDenied
        volver = reverse("admin:rendicion_informe_changelist")
        form = PlantillaForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            datos = form.cleaned_data
            try:
                nuevo = crear_desde_plantilla(
                    clave=datos["plantilla"],
                    desde=datos["desde"],
                    hasta=datos["hasta"],
                    dependencia=datos["dependencia"],
                    actor=request.user,
                )
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(request, _("Se creó el borrador «%(informe)s».") % {"informe": nuevo})
                return redirect(reverse("admin:rendicion_informe_change", args=[nuevo.pk]))
        return self._accion(request, None, form, url_volver=volver)
