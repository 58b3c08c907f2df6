"""The names staff read for each e-mail template, declared by the app that owns the template.

The outbox stores a template path (`pqrs/emails/acuse`); the admin shows "Acuse de recibo" instead. An
app registers its names from its AppConfig; an unknown path is shown as it is.
"""

from collections.abc import Mapping

from django.utils.functional import Promise

_NOMBRES: dict[str, str | Promise] = {}


def registrar(nombres: Mapping[str, str | Promise]) -> None:
    _NOMBRES.update(nombres)


def nombre(plantilla: str) -> str:
    return str(_NOMBRES.get(plantilla, plantilla))
