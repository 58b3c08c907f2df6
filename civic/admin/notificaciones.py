from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from civic.models import Notificacion
from civic.services import notificaciones as servicio
from civic.services import plantillas


@admin.register(Notificacion)
class NotificacionAdmin(admin.ModelAdmin):
    """The outbox, read-only: services write the rows; staff can only put unsent mail back in the queue.

    `Enviando` means a worker claimed the row and has not recorded the outcome yet; one that stays so past
    NOTIFICACIONES_ENVIANDO_TIMEOUT is re-queued by the sweep, or by staff with the action below.
    """

    list_display = (
        "creada",
        "destinatario",
        "mensaje",
        "estado",
        "intentos_reales",
        "enviada_en",
        "objeto_enlace",
    )
    list_filter = ("estado", "plantilla")
    search_fields = ("destinatario",)
    date_hierarchy = "creada"
    list_select_related = ("objeto_tipo",)
    list_per_page = 50
    # The context is left out on purpose: it can hold personal data and a request's tracking code.
    readonly_fields = (
        "destinatario",
        "plantilla",
        "estado",
        "intentos",
        "ultimo_error",
        "proximo_intento",
        "reclamada_en",
        "creada",
        "enviada_en",
        "objeto_enlace",
    )
    fields = readonly_fields
    actions = ["reenviar_seleccionadas"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The changelist (and its action) needs the permission; a single row is only ever shown read-only.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        # The outbox is the record that a person was notified (Ley 1755/2015); it is not deleted by hand.
        return False

    def get_queryset(self, request):
        # The objects (a request…) come one query per kind of object, so each row can name its radicado.
        return super().get_queryset(request).prefetch_related("objeto")

    @admin.display(description=_("mensaje"), ordering="plantilla")
    def mensaje(self, obj):
        return plantillas.nombre(obj.plantilla)

    @admin.display(description=_("intentos"), ordering="intentos")
    def intentos_reales(self, obj):
        # The row counts failed attempts; a message sent (or being sent) took one more.
        en_curso = obj.estado in {Notificacion.Estado.ENVIADA, Notificacion.Estado.ENVIANDO}
        return obj.intentos + (1 if en_curso else 0)

    @admin.display(description=_("sobre"))
    def objeto_enlace(self, obj):
        if obj.objeto_tipo is None:
            return "—"
        tipo = obj.objeto_tipo
        etiqueta = str(obj.objeto) if obj.objeto is not None else f"{tipo.name} #{obj.objeto_id}"
        try:
            url = reverse(f"admin:{tipo.app_label}_{tipo.model}_change", args=[obj.objeto_id])
        except NoReverseMatch:
            return etiqueta
        return format_html('<a href="{}">{}</a>', url, etiqueta)

    @admin.action(description=_("Reenviar notificaciones seleccionadas"), permissions=["change"])
    def reenviar_seleccionadas(self, request, queryset):
        reenviadas = omitidas = 0
        for notificacion in queryset:
            try:
                servicio.reenviar(notificacion=notificacion, actor=request.user)
            except ValidationError:
                omitidas += 1
            else:
                reenviadas += 1
        if reenviadas:
            self.message_user(
                request,
                ngettext(
                    "%(n)d notificación puesta de nuevo en cola.",
                    "%(n)d notificaciones puestas de nuevo en cola.",
                    reenviadas,
                )
                % {"n": reenviadas},
                messages.SUCCESS,
            )
        if omitidas:
            self.message_user(
                request,
                ngettext(
                    "%(n)d notificación ya estaba enviada y no se reenvió.",
                    "%(n)d notificaciones ya estaban enviadas y no se reenviaron.",
                    omitidas,
                )
                % {"n": omitidas},
                messages.WARNING,
            )
