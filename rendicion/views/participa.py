"""«Participa» (Res. MinTIC 1519 de 2020, anexo 2): the page that gathers what the portal publishes for
participation and accountability. It is also the section's home, `/rendicion/` (the home page and the
site map link there, and every section page answers 200)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from rendicion.selectors.participa import participa as datos_participa


@require_GET
def pagina(request):
    return render(request, "rendicion/participa.html", {"p": datos_participa()})


inicio = pagina
