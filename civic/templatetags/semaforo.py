"""`{{ luz|semaforo }}`: the accessible traffic-light badge (civic.plazos.admin) in a template."""

from django import template

from civic.plazos.admin import etiqueta_semaforo
from civic.plazos.semaforo import Semaforo

register = template.Library()


@register.filter(name="semaforo")
def semaforo(luz: Semaforo) -> str:
    return etiqueta_semaforo(luz)
