"""The traffic light in the admin: a filter that is an indexed date range, and an accessible column."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from civic.expedientes import registro

from .semaforo import Semaforo, condicion

# Accessible light: a word and a distinct shape besides the colour (WCAG 2.1, 1.4.1 use of colour).
FORMA = {
    Semaforo.VERDE: "●",
    Semaforo.AMARILLO: "▲",
    Semaforo.ROJO: "■",
    Semaforo.GRIS: "○",
}


def etiqueta_semaforo(luz: Semaforo) -> str:
    return format_html(
        '<span class="semaforo semaforo--{}"><span aria-hidden="true">{}</span> {}</span>',
        luz.value,
        FORMA[luz],
        luz.label,
    )


def en_curso(modelo) -> Q:
    """The rows of `modelo` (an expediente with a `maquina`) whose term runs."""
    maquina = modelo.maquina
    return Q(**{f"{maquina.campo}__in": maquina.en_curso})


class SemaforoFilter(admin.SimpleListFilter):
    """Filter an expediente's changelist by traffic light, as a range on its due-date index.

    A model with a term that is not a registered expediente (a council's commitment) subclasses it with
    its `campo_vencimiento`."""

    title = _("semáforo")
    parameter_name = "semaforo"
    # None: the registered expediente's due-date field.
    campo_vencimiento: str | None = None

    def lookups(self, request, model_admin):
        return Semaforo.choices

    def queryset(self, request, queryset):
        valor = self.value()
        if valor not in Semaforo.values:
            return queryset
        campo = self.campo_vencimiento or registro.de_modelo(queryset.model).campo_vencimiento
        return queryset.filter(
            condicion(valor, timezone.localdate(), en_curso=en_curso(queryset.model), campo=campo)
        )
