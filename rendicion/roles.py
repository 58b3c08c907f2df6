"""The rendición de cuentas role: builds the informes, runs the audiencias, answers the questions."""

RENDICION = "Rendición de cuentas"

_MODELOS = (
    "informe",
    "seccion",
    "indicador",
    "eventoinforme",
    "estadometa",
    "metaplan",
    "avance",
    "audiencia",
    "propuestatema",
    "pregunta",
    "eventopregunta",
    "evaluacion",
    "accionmejora",
    "eventoaccion",
)


def permisos() -> list[str]:
    return [
        *(f"rendicion.{accion}_{modelo}" for modelo in _MODELOS for accion in ("view", "add", "change")),
        # A question's petitioner data (name, e-mail) to answer them; without it the admin masks them.
        "rendicion.ver_datos_personales",
    ]
