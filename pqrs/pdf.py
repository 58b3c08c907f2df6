"""The "acuse de recibo" as a PDF, from the same data as the acknowledgement page.

The consultation code never goes into the PDF: a file left in a shared computer's Downloads folder
must not open the request to whoever finds it. The code is shown once on screen and mailed once.
"""

from civic.pdf import pdf_de_plantilla


def acuse_pdf(contexto: dict) -> bytes:
    return pdf_de_plantilla("pqrs/acuse_pdf.html", contexto)
