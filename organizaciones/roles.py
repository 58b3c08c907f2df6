"""The organizaciones role: inspección, vigilancia y control of community organizations (Ley 2166 de 2021).

`organizaciones.ver_datos_personales` opens the dignatarios' and petitioners' ID numbers and contact
data (Ley 1581 de 2012 art. 4 lit. g); without it the admin masks them.
"""

ORGANIZACIONES = "Organizaciones comunales (IVC)"

_MODELOS = (
    "organizacion",
    "cambioestado",
    "estatuto",
    "dignatario",
    "libro",
    "eleccion",
    "capacitacion",
    "visita",
    "requerimientoivc",
    "tramite",
    "evento",
    "adjunto",
    "resolucion",
    "certificado",
    "tipotramite",
    "documentorequerido",
)


def permisos() -> list[str]:
    return [
        *(f"organizaciones.{accion}_{modelo}" for modelo in _MODELOS for accion in ("view", "add", "change")),
        "organizaciones.ver_datos_personales",
    ]
