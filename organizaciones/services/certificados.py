"""Certificates of existence and legal representation anyone can verify (DOMAIN.md §3).

The certificate freezes what it certified (`Certificado.datos`) so that the verification page can say,
years later, what was true on the day of issue and whether the organization's state changed since. The
ID numbers are printed on the PDF only, never kept in the snapshot the public page reads.
"""

import secrets
from datetime import datetime

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.servicios import servicio
from civic.pdf import pdf_de_plantilla
from organizaciones.models import (
    CARGOS_REPRESENTANTES,
    Certificado,
    Dignatario,
    EstadoOrganizacion,
    Organizacion,
)

# No 0/O, 1/I/L: a code read aloud on the phone or typed from paper.
ALFABETO = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def nuevo_codigo() -> str:
    crudo = "".join(secrets.choice(ALFABETO) for _ in range(12))
    return "-".join(crudo[i : i + 4] for i in range(0, 12, 4))


def normalizar_codigo(codigo: str) -> str:
    crudo = "".join(c for c in (codigo or "").upper() if c.isalnum())
    return "-".join(crudo[i : i + 4] for i in range(0, len(crudo), 4))


def url_verificacion(codigo: str) -> str:
    return settings.MUNICIPIO["sitio"].rstrip("/") + reverse("organizaciones:verificar", args=[codigo])


def instantanea(organizacion: Organizacion, dignatarios: list[Dignatario]) -> dict:
    """What the certificate states, as it is today: public facts only."""
    representante = next((d for d in dignatarios if d.cargo in CARGOS_REPRESENTANTES), None)
    return {
        "nombre": organizacion.nombre,
        "tipo": organizacion.get_tipo_display(),
        "grado": organizacion.grado,
        "nit": organizacion.nit,
        "ruc": organizacion.ruc,
        "territorio": organizacion.territorio,
        "personeria": {
            "numero": organizacion.personeria_numero,
            "fecha": organizacion.personeria_fecha,
            "autoridad": organizacion.personeria_autoridad,
        },
        "estado": organizacion.estado,
        "estado_nombre": organizacion.get_estado_display(),
        "suspendida_hasta": organizacion.suspendida_hasta,
        "representante": (
            {"nombre": representante.nombre_completo, "cargo": representante.get_cargo_display()}
            if representante
            else None
        ),
        "dignatarios": [
            {
                "nombre": d.nombre_completo,
                "cargo": d.get_cargo_display(),
                "comision": d.comision,
                "inicio": d.inicio,
                "fin": d.fin,
                "resolucion": str(d.resolucion) if d.resolucion_id else "",
            }
            for d in dignatarios
        ],
    }


def expedir_en_transaccion(
    *, organizacion: Organizacion, actor, tramite=None, ahora: datetime | None = None
) -> Certificado:
    ahora = ahora or timezone.now()
    organizacion = Organizacion.objects.select_for_update().get(pk=organizacion.pk)
    if organizacion.estado == EstadoOrganizacion.EN_TRAMITE:
        raise ValidationError(
            _(
                "La organización aún no tiene personería jurídica reconocida: "
                "no hay existencia que certificar."
            ),
            code="sin_personeria",
        )
    dignatarios = list(
        organizacion.dignatarios.vigentes().select_related("resolucion").order_by("cargo", "apellidos", "id")
    )
    codigo = nuevo_codigo()
    certificado = Certificado(
        codigo=codigo,
        organizacion=organizacion,
        tramite=tramite,
        emitido_en=ahora,
        emitido_por=actor,
        datos=instantanea(organizacion, dignatarios),
    )
    url = url_verificacion(codigo)
    contenido = pdf_de_plantilla(
        "organizaciones/pdf/certificado.html",
        {
            "certificado": certificado,
            "datos": certificado.datos,
            # The ID numbers go on the paper the organization carries, never into the stored snapshot.
            "documentos": {
                d.nombre_completo: f"{d.tipo_documento} {d.numero_documento}" for d in dignatarios
            },
            "url": url,
            "qr": segno.make(url, error="m").svg_data_uri(scale=3, border=1),
            "emitido_por": actor,
        },
    )
    certificado.pdf.save(f"certificado-{codigo}.pdf", ContentFile(contenido), save=False)
    certificado.save()
    return certificado


@servicio
def expedir(*, organizacion: Organizacion, actor, ahora: datetime | None = None) -> Certificado:
    """A certificate issued at the office's window (no procedure: the organization asked in person)."""
    return expedir_en_transaccion(organizacion=organizacion, actor=actor, ahora=ahora)


@servicio
def revocar(*, certificado: Certificado, motivo: str, actor, ahora: datetime | None = None) -> Certificado:
    certificado = Certificado.objects.select_for_update().get(pk=certificado.pk)
    if certificado.revocado_en is not None:
        raise ValidationError(_("Este certificado ya fue revocado."), code="ya_revocado")
    if not (motivo or "").strip():
        raise ValidationError({"motivo": _("Explique por qué se revoca el certificado.")}, code="requerido")
    certificado.revocado_en = ahora or timezone.now()
    certificado.motivo_revocacion = motivo.strip()
    certificado.save(update_fields=["revocado_en", "motivo_revocacion"])
    return certificado
