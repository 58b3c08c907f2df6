"""What the public verification page reads: the certificate as issued, and what changed since."""

from dataclasses import dataclass

from organizaciones.models import CambioEstado, Certificado
from organizaciones.services.certificados import normalizar_codigo


@dataclass(frozen=True)
class Verificacion:
    certificado: Certificado
    cambios: list[CambioEstado]  # state changes after the issue, oldest first
    estado_actual: str
    estado_actual_nombre: str

    @property
    def revocado(self) -> bool:
        return self.certificado.revocado_en is not None

    @property
    def vigente(self) -> bool:
        """Authentic, not revoked, and the organization's state is still the one certified."""
        return not self.revocado and not self.cambios


def verificar(codigo: str) -> Verificacion | None:
    certificado = (
        Certificado.objects.select_related("organizacion").filter(codigo=normalizar_codigo(codigo)).first()
    )
    if certificado is None:
        return None
    cambios = list(
        CambioEstado.objects.filter(
            organizacion_id=certificado.organizacion_id, registrado_en__gt=certificado.emitido_en
        )
        .select_related("resolucion")
        .order_by("registrado_en", "id")
    )
    organizacion = certificado.organizacion
    return Verificacion(certificado, cambios, organizacion.estado, organizacion.get_estado_display())
