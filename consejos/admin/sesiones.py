"""Sessions in the admin: programmed through `services.sesiones.programar` (which numbers them), their
record kept in inlines (agenda, attendance, guests, decisions, annexes, new commitments), held or
cancelled through their services. Once the acta is approved the record is frozen: the page and every
inline are read-only and a POST is refused, until a correction makes the acta a draft again."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import FormularioAccion, volcar_error
from civic.expedientes.archivos import validar_adjuntos
from consejos.models import (
    Anexo,
    Asistencia,
    Compromiso,
    Decision,
    EstadoSesion,
    Instancia,
    Integrante,
    Invitado,
    PuntoAgenda,
    Sesion,
)
from consejos.selectors.actas import quorum
from consejos.services import actas, compromisos, sesiones

from .permisos import PERMISO_SESION, CamposConNombre, descarga, pagina_de_accion

_FECHA = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_MOMENTO = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_DESPLAZABLE = "admin/organizaciones/tabular_desplazable.html"


def abierta(sesion: Sesion | None) -> bool:
    """Whether the session's record may change: not once its acta is approved or published."""
    return sesion is None or actas.editable(getattr(sesion, "acta", None))


def _sesion_del_request(request) -> Sesion | None:
    return getattr(request, "_consejos_sesion", None)


# --- Inlines -----------------------------------------------------------------------------------------


class _DelRegistro(CamposConNombre):
    """An inline of the session's record: frozen with the session once its acta is approved."""

    extra = 0
    template = _DESPLAZABLE

    def get_formset(self, request, obj=None, **kwargs):
        # The session, for the choices that depend on it (its members, its agenda).
        request._consejos_sesion = obj
        return super().get_formset(request, obj, **kwargs)

    def has_add_permission(self, request, obj=None):
        return abierta(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return abierta(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return abierta(obj) and super().has_delete_permission(request, obj)


class PuntoAgendaInline(_DelRegistro, admin.StackedInline):
    model = PuntoAgenda
    fields = (("orden", "titulo"), "desarrollo")
    template = "admin/edit_inline/stacked.html"

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is not None and abierta(obj) and not obj.agenda.exists() else 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        campo = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "desarrollo":
            campo.widget = forms.Textarea(attrs={"rows": 4, "cols": 80})
        return campo


def _miembros(sesion: Sesion) -> list[Integrante]:
    """The instancia's members who held a seat on the session's day."""
    dia = timezone.localtime(sesion.inicio).date()
    return list(
        Integrante.objects.filter(instancia_id=sesion.instancia_id, inicio__lte=dia)
        .exclude(fin__lt=dia)
        .order_by("rol", "nombre")
    )


def asistencia_pendiente(request, sesion: Sesion | None) -> list[Integrante]:
    """Members of the instancia without an attendance row yet: offered as blank rows to fill in."""
    if sesion is None or not abierta(sesion):
        return []
    if not hasattr(request, "_consejos_pendientes"):
        ya = set(sesion.asistencias.values_list("integrante_id", flat=True))
        request._consejos_pendientes = [m for m in _miembros(sesion) if m.pk not in ya]
    return request._consejos_pendientes


class AsistenciaInline(_DelRegistro, admin.TabularInline):
    model = Asistencia
    fields = ("integrante", "estado")
    verbose_name_plural = gettext_lazy("Asistencia de integrantes (marque el estado de cada uno)")

    def get_extra(self, request, obj=None, **kwargs):
        return len(asistencia_pendiente(request, obj))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("integrante")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "integrante":
            sesion = _sesion_del_request(request)
            consulta = Integrante.objects.order_by("rol", "nombre")
            kwargs["queryset"] = (
                consulta.filter(instancia_id=sesion.instancia_id) if sesion else consulta.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class InvitadoInline(_DelRegistro, admin.TabularInline):
    model = Invitado
    fields = ("nombre", "cargo", "entidad", "sector", "publicar_nombre")


class DecisionInline(_DelRegistro, admin.TabularInline):
    model = Decision
    fields = ("punto", "texto", "votos_favor", "votos_contra", "abstenciones")
    verbose_name_plural = gettext_lazy("Decisiones (con la votación, si la hubo)")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        campo = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "texto":
            campo.widget = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return campo

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "punto":
            sesion = _sesion_del_request(request)
            kwargs["queryset"] = (
                PuntoAgenda.objects.filter(sesion=sesion) if sesion else PuntoAgenda.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AnexoForm(forms.ModelForm):
    class Meta:
        model = Anexo
        fields = ("titulo", "archivo", "publico")
        # No link to a media URL: annexes are downloaded through the admin.
        widgets = {"archivo": forms.FileInput}

    def clean_archivo(self):
        archivo = self.cleaned_data.get("archivo")
        if isinstance(archivo, UploadedFile):
            # By content, not by name: a PDF, an image or an office document.
            [archivo] = validar_adjuntos([archivo])
        return archivo


class AnexoInline(_DelRegistro, admin.TabularInline):
    model = Anexo
    form = AnexoForm
    fields = ("titulo", "archivo", "descargar", "publico")
    readonly_fields = ("descargar",)

    @admin.display(description=gettext_lazy("archivo guardado"))
    def descargar(self, obj):
        if not obj.pk or not obj.archivo:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:consejos_sesion_anexo", args=[obj.sesion_id, obj.pk]),
            _("Descargar «%(titulo)s»") % {"titulo": obj.titulo},
        )


class CompromisoInlineForm(forms.ModelForm):
    class Meta:
        model = Compromiso
        fields = ("descripcion", "dependencia", "organizacion", "integrante", "fecha_vencimiento")
        widgets = {
            "descripcion": forms.Textarea(attrs={"rows": 2, "cols": 40}),
            "fecha_vencimiento": _FECHA,
        }

    def clean(self):
        datos = super().clean()
        responsables = [datos.get(c) for c in ("dependencia", "organizacion", "integrante")]
        if sum(r is not None for r in responsables) != 1:
            raise forms.ValidationError(
                _("Indique un solo responsable: una dependencia, una organización o un integrante.")
            )
        return datos


class CompromisoInline(_DelRegistro, admin.TabularInline):
    """New commitments are registered by `services.compromisos.registrar` (SesionAdmin.save_formset);
    existing ones are read-only here and followed up on their own page."""

    model = Compromiso
    form = CompromisoInlineForm
    fields = ("descripcion", "dependencia", "organizacion", "integrante", "fecha_vencimiento", "estado")
    readonly_fields = ("estado",)
    raw_id_fields = ("organizacion",)
    show_change_link = True
    verbose_name_plural = gettext_lazy("Compromisos (los nuevos se registran al guardar)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("dependencia", "organizacion", "integrante")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "integrante":
            sesion = _sesion_del_request(request)
            kwargs["queryset"] = (
                Integrante.objects.filter(instancia_id=sesion.instancia_id)
                if sesion
                else Integrante.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- Actions -------------------------------------------------------------------------------------------


class RealizarForm(FormularioAccion):
    titulo = gettext_lazy("Registrar como realizada")
    ayuda = gettext_lazy(
        "La sesión se realizó: se abre el borrador de su acta, numerado en el año de la instancia."
    )
    boton = gettext_lazy("Registrar como realizada")

    fin = forms.DateTimeField(
        label=gettext_lazy("Hora de cierre"),
        required=False,
        widget=_MOMENTO,
        input_formats=["%Y-%m-%dT%H:%M"],
        help_text=gettext_lazy("Opcional."),
    )

    def ejecutar(self, actor):
        sesiones.realizar(sesion=self.objeto, fin=self.cleaned_data.get("fin"), actor=actor)


class CancelarForm(FormularioAccion):
    titulo = gettext_lazy("Cancelar sesión")
    boton = gettext_lazy("Cancelar la sesión")

    motivo = forms.CharField(
        label=gettext_lazy("Motivo de la cancelación"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )

    def ejecutar(self, actor):
        sesiones.cancelar(sesion=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


ACCIONES = {"realizar": RealizarForm, "cancelar": CancelarForm}


# --- Programming a session -----------------------------------------------------------------------------


class ProgramarForm(forms.Form):
    instancia = forms.ModelChoiceField(
        label=gettext_lazy("Instancia"),
        queryset=Instancia.objects.filter(activa=True).select_related("comuna"),
    )
    tipo = forms.ChoiceField(label=gettext_lazy("Tipo"), choices=Sesion._meta.get_field("tipo").choices)
    inicio = forms.DateTimeField(
        label=gettext_lazy("Fecha y hora"), widget=_MOMENTO, input_formats=["%Y-%m-%dT%H:%M"]
    )
    lugar = forms.CharField(label=gettext_lazy("Lugar"), max_length=200)
    comuna = forms.ModelChoiceField(
        label=gettext_lazy("Comuna donde se realiza"),
        queryset=Sesion._meta.get_field("comuna").related_model.objects.all(),
        required=False,
        help_text=gettext_lazy("Vacío: la de la instancia."),
    )
    convocada_en = forms.DateField(label=gettext_lazy("Convocada el"), required=False, widget=_FECHA)


# --- The session -----------------------------------------------------------------------------------


class AnioFilter(admin.SimpleListFilter):
    title = gettext_lazy("año")
    parameter_name = "anio"

    def lookups(self, request, model_admin):
        anios = Sesion.objects.order_by("-anio").values_list("anio", flat=True).distinct()
        return [(str(a), str(a)) for a in anios]

    def queryset(self, request, queryset):
        valor = self.value()
        return queryset.filter(anio=int(valor)) if valor and valor.isdigit() else queryset


@admin.register(Sesion)
class SesionAdmin(admin.ModelAdmin):
    list_display = ("instancia", "numero_anio", "fecha", "comuna", "estado", "estado_acta")
    list_filter = ("instancia", "comuna", "estado", AnioFilter)
    list_select_related = ("instancia", "comuna", "acta")
    search_fields = ("instancia__nombre", "lugar")
    search_help_text = gettext_lazy("Nombre de la instancia o lugar.")
    date_hierarchy = "inicio"
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    actions = None
    raw_id_fields = ("organizaciones_presentes",)
    readonly_fields = ("instancia", "numero_anio", "estado", "motivo_cancelacion")
    fieldsets = (
        (
            gettext_lazy("Sesión"),
            {
                "fields": (
                    ("instancia", "numero_anio"),
                    ("estado", "motivo_cancelacion"),
                    "tipo",
                    ("inicio", "fin"),
                    "lugar",
                    "comuna",
                    "convocada_en",
                )
            },
        ),
        (
            gettext_lazy("Asistentes de la comunidad y organizaciones presentes"),
            {"fields": ("asistentes_comunidad", "organizaciones_presentes")},
        ),
        (gettext_lazy("Temas y grupos poblacionales"), {"fields": ("temas", "grupos")}),
        (None, {"fields": ("proxima_sesion",)}),
    )
    inlines = (
        PuntoAgendaInline,
        AsistenciaInline,
        InvitadoInline,
        DecisionInline,
        AnexoInline,
        CompromisoInline,
    )
    change_form_template = "admin/consejos/sesion/change_form.html"

    # --- Scope, permissions and the lock --------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            return None
        return (
            Sesion.objects.select_related("instancia", "comuna", "acta")
            .prefetch_related("asistencias")
            .filter(pk=pk)
            .first()
        )

    def has_change_permission(self, request, obj=None):
        # An approved or published acta freezes the session's record (a correction reopens it).
        return super().has_change_permission(request, obj) and abierta(obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("temas", "grupos"):
            kwargs["widget"] = forms.CheckboxSelectMultiple
        campo = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("inicio", "fin"):
            campo = forms.DateTimeField(
                label=db_field.verbose_name.capitalize(),
                required=not db_field.blank,
                widget=_MOMENTO,
                input_formats=["%Y-%m-%dT%H:%M"],
            )
        elif db_field.name == "convocada_en":
            campo.widget = _FECHA
        return campo

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AsistenciaInline):
            kwargs["initial"] = [{"integrante": m.pk} for m in asistencia_pendiente(request, obj)]
        return kwargs

    def save_formset(self, request, form, formset, change):
        if formset.model is not Compromiso:
            return super().save_formset(request, form, formset, change)
        # New commitments through their service (first event, comuna, checks); inside the admin's
        # transaction: the session's record and its commitments, or nothing.
        for nuevo in formset.save(commit=False):
            compromisos.registrar_en_transaccion(
                sesion=form.instance,
                descripcion=nuevo.descripcion,
                fecha_vencimiento=nuevo.fecha_vencimiento,
                dependencia=nuevo.dependencia,
                organizacion=nuevo.organizacion,
                integrante=nuevo.integrante,
                actor=request.user,
            )

    # --- Columns ----------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("número"), ordering="numero")
    def numero_anio(self, obj):
        return f"{obj.numero}/{obj.anio}"

    @admin.display(description=gettext_lazy("fecha"), ordering="inicio")
    def fecha(self, obj):
        return timezone.localtime(obj.inicio).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=gettext_lazy("acta"))
    def estado_acta(self, obj):
        acta = getattr(obj, "acta", None)
        return acta.get_estado_display() if acta else "—"

    # --- Pages ------------------------------------------------------------------------------------

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path("<int:pk>/accion/<slug:accion>/", envolver(self.accion_view), name="consejos_sesion_accion"),
            path("<int:pk>/anexos/<int:anexo_pk>/", envolver(self.anexo_view), name="consejos_sesion_anexo"),
            *super().get_urls(),
        ]

    def acciones(self, request, sesion: Sesion) -> list[dict]:
        if sesion.estado != EstadoSesion.PROGRAMADA or not request.user.has_perm(PERMISO_SESION):
            return []
        return [
            {"titulo": formulario.titulo, "url": reverse("admin:consejos_sesion_accion", args=[sesion.pk, c])}
            for c, formulario in ACCIONES.items()
        ]

    def accion_view(self, request, pk: int, accion: str):
        if not request.user.has_perm(PERMISO_SESION):
            raise PermissionDenied
        return pagina_de_accion(
            self, request, ACCIONES, accion, Sesion.objects.select_related("instancia"), pk
        )

    def anexo_view(self, request, pk: int, anexo_pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        anexo = get_object_or_404(Anexo, pk=anexo_pk, sesion_id=pk)
        return descarga(anexo.archivo, anexo.titulo)

    def add_view(self, request, form_url="", extra_context=None):
        """Programming a session: its service gives it its number; the record is filled in afterwards."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ProgramarForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            datos = form.cleaned_data
            try:
                sesion = sesiones.programar(
                    instancia=datos["instancia"],
                    inicio=datos["inicio"],
                    lugar=datos["lugar"],
                    tipo=datos["tipo"],
                    comuna=datos["comuna"] or datos["instancia"].comuna,
                    convocada_en=datos["convocada_en"],
                    actor=request.user,
                )
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(
                    request,
                    _("Se programó la %(sesion)s. Registre ahora su orden del día.") % {"sesion": sesion},
                )
                return redirect(reverse("admin:consejos_sesion_change", args=[sesion.pk]))
        opts = self.opts
        contexto = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "title": _("Programar sesión"),
            "form": form,
            "url_volver": reverse("admin:consejos_sesion_changelist"),
        }
        return TemplateResponse(request, "admin/consejos/sesion/programar.html", contexto)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Sesiones"), **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            acta = getattr(obj, "acta", None)
            context.update(
                acciones=self.acciones(request, obj),
                acta=acta,
                bloqueada=not abierta(obj),
                quorum=quorum(obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
