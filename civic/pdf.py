"""Documents as PDF (WeasyPrint) from a template, with the municipality's logo and data.

Every PDF the portal issues (a PQRS acknowledgement, a resolution, a certificate) is rendered here, so
they share the letterhead and nothing is fetched from the network.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _logo() -> str | None:
    ruta = finders.find(settings.MUNICIPIO["logo"])
    return Path(ruta).as_uri() if ruta else None


def pdf_de_plantilla(plantilla: str, contexto: dict) -> bytes:
    # Imported here: WeasyPrint loads Pango/Cairo, which only the views and services issuing PDFs need.
    from weasyprint import HTML

    contexto = {**contexto, "logo": _logo(), "MUNICIPIO": settings.MUNICIPIO}
    html = render_to_string(plantilla, contexto)
    # base_url lets WeasyPrint resolve the file:// logo; nothing is fetched from the network.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
