"""The registry in the admin: an organization's page with its dignatarios, books, statutes, procedures,
state history and certificates. The state and the personería change only through an act (a procedure's
resolution, or the "registrar cambio de estado" page calling `services.registro.cambiar_estado`)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.expedientes.admin import volcar_error
from organizaciones.models import (
    CambioEstado,
    Certificado,
    Dignatario,
    EstadoOrganizacion,
    Estatuto,
    Libro,
    Organizacion,
    Tramite,
)
from organizaciones.services import certificados, registro

from . import vistas
from .importacion import ImportacionMixin
from .permisos import PERMISO_CAMBIAR_ORGANIZACION, PERMISO_CERTIFICAR, puede_ver_datos

# The parameters of `list_filter` (none personal): anything else in the URL is refused.
_CAMPOS_FILTRABLES = frozenset({"tipo", "estado", "comuna"})
# The personería and the state are the act's, never typed over on an existing organization.
_DEL_ACTO = ("estado", "suspendida_hasta", "personeria_numero", "personeria_fecha", "personeria_autoridad")


class _SoloLectura:
    """An inline that shows history: nothing added, changed or deleted from here."""

    extra = 0
    can_delete = False
    show_change_link = False
    template = "admin/organizaciones/tabular_desplazable.html"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DignatarioInline(_SoloLectura, admin.TabularInline):
    model = Dignatario
    fk_name = "organizacion"
    verbose_name_plural = gettext_lazy(
        "Dignatarios (vigentes primero; se inscriben por el trámite de inscripción de dignatarios)"
    )
    readonly_fields = (
        "nombre",
        "cargo",
        "documento_visible",
        "documento_reservado",
        "genero",
        "inicio",
        "fin",
        "vigente",
        "resolucion",
        "retirado_en",
    )

    def get_fields(self, request, obj=None):
        columna = "documento_visible" if puede_ver_datos(request.user) else "documento_reservado"
        return ("nombre", "cargo", columna, "genero", "inicio", "fin", "vigente", "resolucion", "retirado_en")

    def get_queryset(self, request):
        # Proposed dignatarios of a procedure not (yet) approved are not the organization's.
        return (
            super()
            .get_queryset(request)
            .exclude(resolucion__isnull=True, tramite__isnull=False)
            .select_related("resolucion")
            .order_by("-vigente", "-inicio", "cargo", "apellidos", "id")
        )

    @admin.display(description=gettext_lazy("nombre"))
    def nombre(self, obj):
        return obj.nombre_completo

    @admin.display(description=gettext_lazy("documento"))
    def documento_visible(self, obj):
        return f"{obj.tipo_documento} {obj.numero_documento}"

    @admin.display(description=gettext_lazy("documento"))
    def documento_reservado(self, obj):
        return _("Reservado")


class LibroInline(admin.TabularInline):
    model = Libro
    fk_name = "organizacion"
    extra = 0
    can_delete = False
    fields = ("tipo", "folios", "fecha_registro", "resolucion", "tramite")
    readonly_fields = ("resolucion", "tramite")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resolucion", "tramite")


class EstatutoInline(admin.TabularInline):
    model = Estatuto
    fk_name = "organizacion"
    extra = 0
    can_delete = False
    fields = ("version", "fecha_aprobacion", "archivo", "resolucion")
    readonly_fields = ("resolucion",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resolucion")


class TramiteInline(_SoloLectura, admin.TabularInline):
    model = Tramite
    fk_name = "organizacion"
    fields = ("enlace", "clase", "estado", "radicada_en", "fecha_vencimiento")
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("Trámites")

    @admin.display(description=gettext_lazy("radicado"))
    def enlace(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:organizaciones_tramite_change", args=[obj.pk]), obj.radicado
        )


class CambioEstadoInline(_SoloLectura, admin.TabularInline):
    model = CambioEstado
    fk_name = "organizacion"
    fields = ("fecha", "estado_anterior", "estado_nuevo", "hasta", "acto_citado", "motivo", "actor")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resolucion", "actor")

    @admin.display(description=gettext_lazy("acto"))
    def acto_citado(self, obj):
        return str(obj.resolucion) if obj.resolucion_id else obj.acto


class CertificadoInline(_SoloLectura, admin.TabularInline):
    model = Certificado
    fk_name = "organizacion"
    fields = ("codigo", "emitido_en", "emitido_por", "vigencia", "enlaces")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("emitido_por")

    @admin.display(description=gettext_lazy("estado"))
    def vigencia(self, obj):
        if obj.revocado_en:
            return _("Revocado el %(fecha)s") % {"fecha": timezone.localtime(obj.revocado_en).date()}
        return _("Vigente")

    @admin.display(description=gettext_lazy("documentos"))
    def enlaces(self, obj):
        return vistas.enlaces_certificado(obj)


class OrganizacionForm(forms.ModelForm):
    """Adding an organization migrated from paper: its state and personería come with the act that gave
    them, recorded as its first state change (`services.registro.cambiar_estado`)."""

    class Meta:
        model = Organizacion
        fields = (
            "tipo",
            "nombre",
            "nit",
            "ruc",
            "comuna",
            "barrio",
            "clase_territorio",
            "direccion",
            "correo_contacto",
            "telefono_contacto",
            "contacto_publico",
            "fecha_constitucion",
            "afiliados",
            "familias",
            "afiliadas",
            *_DEL_ACTO,
        )
        widgets = {
            "personeria_fecha": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "fecha_constitucion": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "suspendida_hasta": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        datos = super().clean()
        estado = datos.get("estado")
        if estado and estado != EstadoOrganizacion.EN_TRAMITE:
            for campo in ("personeria_numero", "personeria_fecha"):
                if not datos.get(campo):
                    self.add_error(
                        campo,
                        _("Una organización «%(estado)s» debe citar la resolución que le dio personería.")
                        % {"estado": EstadoOrganizacion(estado).label},
                    )
        hasta, desde = datos.get("suspendida_hasta"), datos.get("personeria_fecha")
        if estado == EstadoOrganizacion.SUSPENDIDA and not (hasta and desde and hasta > desde):
            self.add_error(
                "suspendida_hasta",
                _("Indique hasta qué fecha se suspende; debe ser posterior a la de la personería."),
            )
        return datos


@admin.register(Organizacion)
class OrganizacionAdmin(ImportacionMixin, admin.ModelAdmin):
    form = OrganizacionForm
    list_display = ("nombre", "tipo", "comuna", "estado", "personeria", "nit")
    list_filter = ("tipo", "estado", "comuna")
    list_select_related = ("comuna",)
    search_fields = ("nombre", "nit")
    search_help_text = gettext_lazy("Nombre de la organización o NIT.")
    sortable_by = ("nombre", "tipo", "comuna", "estado")
    list_per_page = 50
    show_facets = admin.ShowFacets.NEVER
    actions = None
    # Plain controls: select2's autocomplete has no accessible name (axe). Barrios are a few hundred;
    # the affiliated organizations (of 20,000) are picked by id with the admin's lookup.
    raw_id_fields = ("afiliadas",)
    inlines = (
        DignatarioInline,
        LibroInline,
        EstatutoInline,
        TramiteInline,
        CambioEstadoInline,
        CertificadoInline,
    )
    change_form_template = "admin/organizaciones/organizacion/change_form.html"

    def get_fieldsets(self, request, obj=None):
        return (
            (None, {"fields": (("tipo", "nombre"), ("nit", "ruc"))}),
            (
                _("Territorio y contacto"),
                {
                    "fields": (
                        ("comuna", "barrio"),
                        "clase_territorio",
                        "direccion",
                        ("correo_contacto", "telefono_contacto"),
                        "contacto_publico",
                    )
                },
            ),
            (
                _("Constitución"),
                {"fields": ("fecha_constitucion", ("afiliados", "familias"), "afiliadas")},
            ),
            (
                _("Personería jurídica y estado"),
                {
                    "fields": (
                        ("personeria_numero", "personeria_fecha"),
                        "personeria_autoridad",
                        ("estado", "suspendida_hasta"),
                        *(("ultima_actividad", "creada") if obj else ()),
                    ),
                    "description": (
                        _(
                            "El estado y la personería cambian por un trámite o con «Registrar cambio de "
                            "estado con su acto»."
                        )
                        if obj
                        else _(
                            "Para una organización que ya existía en papel: la resolución de su personería y "
                            "su estado actual, que quedan como su primer cambio de estado."
                        )
                    ),
                },
            ),
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (*_DEL_ACTO, "ultima_actividad", "creada")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "barrio":
            kwargs["queryset"] = db_field.related_model.objects.select_related("comuna")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_inlines(self, request, obj):
        # A new organization has no history yet.
        return self.inlines if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        # The registry is kept (Ley 594 de 2000): an organization ends by cancellation, not deletion.
        return False

    def lookup_allowed(self, lookup, value, request=None):
        # Only the declared filters: a URL filtering by dignatarios__numero_documento would answer "is
        # this person a dignatario?" to whoever lacks the personal-data permission.
        campo = lookup.split(LOOKUP_SEP, 1)[0]
        return campo in _CAMPOS_FILTRABLES and super().lookup_allowed(lookup, value, request)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        # An organization recognized on paper: its service writes it with its act as the first state
        # change, inside the admin's own transaction (the organization and its act, or neither).
        datos = {campo: valor for campo, valor in form.cleaned_data.items() if campo != "afiliadas"}
        creada = registro.registrar_existente.en_transaccion(
            datos=datos,
            actor=request.user,
            afiliadas=form.cleaned_data.get("afiliadas") or (),
            acto=f"{obj.personeria_numero} ({obj.personeria_autoridad})".replace(" ()", ""),
        )
        obj.pk = creada.pk
        obj._state.adding = False
        obj.refresh_from_db()

    @admin.display(description=gettext_lazy("personería jurídica"), ordering="personeria_fecha")
    def personeria(self, obj):
        if not obj.personeria_numero:
            return "—"
        return obj.personeria_numero

    # --- Pages -------------------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        # The office's words, not Django's "Escoja organización a modificar".
        return super().changelist_view(
            request, {"title": _("Registro de organizaciones"), **(extra_context or {})}
        )

    def get_urls(self):
        envolver = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/cambiar-estado/",
                envolver(self.cambiar_estado_view),
                name="organizaciones_organizacion_cambiar_estado",
            ),
            path(
                "<path:object_id>/expedir-certificado/",
                envolver(self.expedir_certificado_view),
                name="organizaciones_organizacion_expedir_certificado",
            ),
            *super().get_urls(),
        ]

    def _organizacion(self, request, object_id, permiso: str) -> Organizacion:
        if not (self.has_view_permission(request) and request.user.has_perm(permiso)):
            raise PermissionDenied
        try:
            return get_object_or_404(self.get_queryset(request), pk=int(unquote(object_id)))
        except ValueError as error:
            raise Http404 from error

    def cambiar_estado_view(self, request, object_id):
        organizacion = self._organizacion(request, object_id, PERMISO_CAMBIAR_ORGANIZACION)
        if request.method == "POST":
            form = CambioEstadoForm(request.POST, organizacion=organizacion)
            if form.is_valid():
                try:
                    registro.cambiar_estado(
                        organizacion=organizacion, actor=request.user, **form.cleaned_data
                    )
                except ValidationError as error:
                    volcar_error(form, error)
                else:
                    messages.success(request, _("Se registró el cambio de estado con su acto."))
                    return redirect(
                        reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk])
                    )
        else:
            form = CambioEstadoForm(organizacion=organizacion)
        return vistas.formulario(
            self,
            request,
            form=form,
            objeto=organizacion,
            titulo=_("Registrar cambio de estado con su acto"),
            ayuda=_(
                "Para un acto que no pasó por un trámite del portal (una liquidación cerrada, un acto "
                "expedido en papel). Las suspensiones y cancelaciones de IVC se abren como trámite de oficio."
            ),
            boton=_("Registrar el cambio"),
        )

    def expedir_certificado_view(self, request, object_id):
        organizacion = self._organizacion(request, object_id, PERMISO_CERTIFICAR)
        form = ExpedirCertificadoForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                certificado = certificados.expedir(organizacion=organizacion, actor=request.user)
            except ValidationError as error:
                volcar_error(form, error)
            else:
                messages.success(
                    request,
                    format_html(
                        "{} {}",
                        _("Certificado expedido con el código %(codigo)s.") % {"codigo": certificado.codigo},
                        vistas.enlaces_certificado(certificado),
                    ),
                )
                return redirect(reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk]))
        return vistas.formulario(
            self,
            request,
            form=form,
            objeto=organizacion,
            titulo=_("Expedir certificado de existencia y representación legal"),
            ayuda=_(
                "El certificado dice lo que hoy consta en el registro: estado, personería y dignatarios "
                "vigentes. Lleva un código y un QR para verificarlo en el portal."
            ),
            boton=_("Expedir certificado"),
        )


class CambioEstadoForm(forms.Form):
    estado = forms.ChoiceField(label=gettext_lazy("Nuevo estado"), choices=())
    fecha = forms.DateField(
        label=gettext_lazy("Fecha del acto"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    acto = forms.CharField(
        label=gettext_lazy("Acto que lo ordena"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Por ejemplo: Resolución 0123 de 2025 de la Secretaría de Desarrollo Territorial."
        ),
    )
    resolucion = forms.ModelChoiceField(
        label=gettext_lazy("O una resolución del portal"), queryset=None, required=False
    )
    hasta = forms.DateField(
        label=gettext_lazy("Suspendida hasta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Solo para una suspensión."),
    )
    motivo = forms.CharField(
        label=gettext_lazy("Motivo"), widget=forms.Textarea(attrs={"rows": 4, "cols": 80}), required=False
    )

    def __init__(self, *args, organizacion: Organizacion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["estado"].choices = [
            (valor, etiqueta)
            for valor, etiqueta in EstadoOrganizacion.choices
            if valor != organizacion.estado
        ]
        self.fields["resolucion"].queryset = organizacion.resoluciones.order_by("-anio", "-numero")
        self.initial.setdefault("fecha", timezone.localdate())


class ExpedirCertificadoForm(forms.Form):
    """A confirmation: expediting writes a numbered certificate."""
