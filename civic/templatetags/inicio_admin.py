"""`{% paneles_inicio as paneles %}`: the admin home's panels for whoever views it (civic.admin.inicio)."""

from django import template

from civic.admin import inicio

register = template.Library()


@register.simple_tag(takes_context=True)
def paneles_inicio(context) -> list[dict]:
    return inicio.para(context["request"])
