"""The permissions the PQRS admin checks by name."""

# Ley 1581/2012 art. 4 lit. g: the petitioner's identity, contact data, conditions and attachments.
PERMISO_DATOS = "pqrs.ver_datos_personales"
# Workflow actions change the request; the change form itself is read-only.
PERMISO_TRAMITE = "pqrs.change_solicitud"
# Filing at the ventanilla (Ley 1755/2015 art. 15), and renewing a lost code for who proves their identity.
PERMISO_RADICAR = "pqrs.add_solicitud"


def puede_ver_datos(usuario) -> bool:
    return usuario.has_perm(PERMISO_DATOS)
