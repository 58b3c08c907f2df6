"""The permissions the organizaciones admin checks by name, and how personal data is masked without them."""

from django.utils.translation import gettext as _

# Ley 1581/2012 art. 4 lit. g: dignatarios' and petitioners' ID numbers and contact data.
PERMISO_DATOS = "organizaciones.ver_datos_personales"
# Workflow actions change the procedure; its change form itself is read-only.
PERMISO_TRAMITE = "organizaciones.change_tramite"
# Registering a procedure received on paper, or opening one de oficio.
PERMISO_RADICAR = "organizaciones.add_tramite"
PERMISO_CAMBIAR_ORGANIZACION = "organizaciones.change_organizacion"
PERMISO_CERTIFICAR = "organizaciones.add_certificado"
PERMISO_REVOCAR = "organizaciones.change_certificado"


def puede_ver_datos(usuario) -> bool:
    return usuario.has_perm(PERMISO_DATOS)


def reservado() -> str:
    return _("Reservado")


def documento(usuario, tipo: str, numero: str) -> str:
    """`CC 31999888` for who may see it, «Reservado» for everyone else (not even the last digits)."""
    if not numero:
        return "—"
    return f"{tipo} {numero}" if puede_ver_datos(usuario) else reservado()
