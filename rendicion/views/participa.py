"""«Participa» (Res. MinTIC 1519 de 2020, anexo 2): the page that gathers what the portal publishes for
participation and accountability; `/rendicion/` leads to it."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from rendicion.selectors.participa import participa as datos_participa

__all__: list[str] = []


@require_GET
def pagina(request):
    return render(request, "rendicion/participa.html", {"p": datos_participa()})


@require_GET
def inicio(request):
    return redirect("rendicion:participa")
