"""The citizen's proof of a consultation code, kept in the session for every expediente alike.

The code is shown once (after filing) and only its HMAC is kept. Proving it opens the expediente in this
session for CONSULTA_SEGUNDOS (a shared computer in a library must not keep it open all day), and the
session key is rotated like at a login, so a planted session cannot ride on the proof.
"""

import time

from django.conf import settings
from django.http import HttpRequest

from .registro import Expediente

SESION_CONSULTA = "civic_consulta"  # {"expediente": clave, "id": pk, "hasta": epoch seconds}


def abrir(request: HttpRequest, expediente: Expediente, pk: int) -> None:
    request.session.cycle_key()
    request.session[SESION_CONSULTA] = {
        "expediente": expediente.clave,
        "id": pk,
        "hasta": time.time() + settings.CONSULTA_SEGUNDOS,
    }


def vigente(request: HttpRequest, clave: str) -> int | None:
    """The id of the `clave` expediente this session proved the code for, while the proof lasts."""
    consulta = request.session.get(SESION_CONSULTA)
    if not consulta or consulta.get("expediente") != clave:
        return None
    if consulta.get("hasta", 0) < time.time():
        del request.session[SESION_CONSULTA]
        return None
    return consulta["id"]


def cerrar(request: HttpRequest) -> None:
    request.session.pop(SESION_CONSULTA, None)
