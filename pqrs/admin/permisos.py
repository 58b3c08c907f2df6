"""The two permissions the PQRS admin checks beyond Django's model permissions."""

# Ley 1581/2012 art. 4 lit. g: the petitioner's identity, contact data, conditions and attachments.
PERMISO_DATOS = "pqrs.ver_datos_personales"
# Workflow actions change the request; the change form itself is read-only.
PERMISO_TRAMITE = "pqrs.change_solicitud"


def puede_ver_datos(usuario) -> bool:
    return usuario.has_perm(PERMISO_DATOS)
