"""The "acuse de recibo" as a PDF (WeasyPrint), from the same data as the acknowledgement page.

The consultation code never goes into the PDF: a file left in a shared computer's Downloads folder
must not open the request to whoever finds it. The code is shown once on screen and mailed once.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _logo() -> str | None:
    ruta = finders.find(settings.MUNICIPIO["logo"])
    return Path(ruta).as_uri() if ruta else None


def acuse_pdf(contexto: dict) -> bytes:
    # Imported here: WeasyPrint loads Pango/Cairo, which only this view needs.
    from weasyprint import HTML

    contexto = {**contexto, "logo": _logo(), "MUNICIPIO": settings.MUNICIPIO}
    html = render_to_string("pqrs/acuse_pdf.html", contexto)
    # base_url lets WeasyPrint resolve the file:// logo; nothing is fetched from the network.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
