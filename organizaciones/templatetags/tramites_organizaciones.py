"""What the tracking page of a procedure needs beyond the kernel's generic context (`objeto`, `estado`,
`eventos`…): its public documents, its act, the requirement to answer and the blank correction form."""

from django import template
from django.utils.translation import gettext_lazy as _

from organizaciones.eventos import Tipo
from organizaciones.forms import CorregirForm
from organizaciones.selectors import portal

register = template.Library()

TITULOS = {
    Tipo.RADICADO: _("Trámite radicado"),
    Tipo.REVISION: _("En revisión"),
    Tipo.REQUERIMIENTO: _("Requerimiento a la organización"),
    Tipo.CORREGIDO: _("Corrección recibida"),
    Tipo.APROBADO: _("Aprobado por resolución"),
    Tipo.NEGADO: _("Negado por resolución"),
    Tipo.NOTIFICADO: _("Decisión notificada"),
}


@register.filter
def titulo_evento(evento) -> str:
    return TITULOS.get(evento.tipo, evento.tipo)


@register.simple_tag
def documentos_del_tramite(tramite):
    return portal.documentos_publicos(tramite)


@register.simple_tag
def resolucion_del_tramite(tramite):
    return portal.resolucion_de(tramite)


@register.simple_tag
def ultimo_requerimiento(eventos):
    return next((e for e in reversed(eventos) if e.tipo == Tipo.REQUERIMIENTO), None)


@register.simple_tag
def formulario_correccion():
    return CorregirForm()
