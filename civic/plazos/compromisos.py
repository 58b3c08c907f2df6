"""The life of a commitment: one shape every app that tracks promised work declares its machine from.

A commitment is pending or in progress (its term runs) until it is fulfilled or cancelled; an app may
let staff reopen a closed one. «Vencido» is never a state: it is the traffic light of a running
commitment whose due date passed (`civic.plazos.semaforo`). Each app keeps its own states and actions
(their stored values and gendered labels are its own); the transition table is written here once.
"""

from django.db import models
from django.utils.functional import Promise

from civic.expedientes.maquina import Maquina


def maquina_de_compromiso(
    *,
    estados: type[models.TextChoices],
    acciones: type[models.TextChoices],
    cumplido: str,
    cancelado: str,
    sujeto: str | Promise,
    sujeto_definido: str | Promise,
    con_reabrir: bool = False,
) -> Maquina:
    """The machine of a commitment. `estados` has PENDIENTE and EN_CURSO plus the two closed states
    given as `cumplido` and `cancelado`; `acciones` has INICIAR, CUMPLIR, CANCELAR and, with
    `con_reabrir`, REABRIR (a closed commitment goes back to running)."""
    pendiente, en_curso = estados["PENDIENTE"], estados["EN_CURSO"]
    transiciones: dict[str, dict[str, str]] = {
        acciones["INICIAR"]: {pendiente: en_curso},
        acciones["CUMPLIR"]: {pendiente: cumplido, en_curso: cumplido},
        acciones["CANCELAR"]: {pendiente: cancelado, en_curso: cancelado},
    }
    if con_reabrir:
        transiciones[acciones["REABRIR"]] = {cumplido: en_curso, cancelado: en_curso}
    return Maquina(
        estados=estados,
        acciones=acciones,
        transiciones=transiciones,
        sujeto=sujeto,
        sujeto_definido=sujeto_definido,
        en_curso=frozenset({pendiente, en_curso}),
    )
