"""The administrative acts that decide a procedure: numbered in their own yearly series, as PDF."""

from datetime import date

from django.core.files.base import ContentFile

from civic.expedientes.radicados import siguiente_consecutivo
from civic.pdf import pdf_de_plantilla
from organizaciones.models import Resolucion, Tramite

# The IVC office's own numbering of its resolutions, gap-free per year like every radicado series.
SERIE_RESOLUCIONES = "organizaciones-resoluciones"


def numerar(tramite: Tramite, *, sentido: str, considerandos: str, actor, hoy: date) -> Resolucion:
    """The act, numbered, in the caller's transaction (a rollback returns its number)."""
    resolucion = Resolucion(
        numero=siguiente_consecutivo(SERIE_RESOLUCIONES, hoy.year),
        anio=hoy.year,
        fecha=hoy,
        clase=tramite.clase,
        sentido=sentido,
        organizacion=tramite.organizacion,
        tramite=tramite,
        considerandos=considerandos,
        firmante=actor,
    )
    resolucion.full_clean(exclude=["organizacion", "tramite", "firmante", "pdf"], validate_unique=False)
    resolucion.save()
    return resolucion


def generar_pdf(resolucion: Resolucion) -> None:
    """Render the act once its effects are written (its articles list what it decided)."""
    contenido = pdf_de_plantilla(
        "organizaciones/pdf/resolucion.html",
        {
            "resolucion": resolucion,
            "tramite": resolucion.tramite,
            "organizacion": resolucion.organizacion,
            "dignatarios": list(resolucion.dignatarios.order_by("cargo", "apellidos")),
            "libros": list(resolucion.libros.all()),
            "cambio": resolucion.cambios_estado.first(),
        },
    )
    resolucion.pdf.save(
        f"resolucion-{resolucion.anio}-{resolucion.numero:04d}.pdf", ContentFile(contenido), save=False
    )
    resolucion.save(update_fields=["pdf"])
