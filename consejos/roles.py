"""The consejos role: the technical secretariat that convenes sessions and writes the actas."""

SECRETARIA_CONSEJOS = "Secretaría técnica de consejos"

_MODELOS = (
    "instancia",
    "integrante",
    "tema",
    "grupopoblacional",
    "sesion",
    "puntoagenda",
    "asistencia",
    "invitado",
    "decision",
    "anexo",
    "acta",
    "eventoacta",
    "versionacta",
    "compromiso",
    "eventocompromiso",
    "evidencia",
)


def permisos() -> list[str]:
    return [
        *(f"consejos.{accion}_{modelo}" for modelo in _MODELOS for accion in ("view", "add", "change")),
        # Subscribers' addresses: seen (to answer a complaint), never edited by staff.
        "consejos.view_suscripcion",
        # Members may represent registered organizations: the registry is read to pick them.
        "organizaciones.view_organizacion",
    ]
