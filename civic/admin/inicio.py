"""The admin home: what each app puts above the list of sections for the person who opens it.

An app registers a `Panel` from its admin module (next to its ModelAdmins); `contexto(request)` returns
what to show that person, or None when the panel is not theirs (no role in that app).
`templates/admin/index.html` renders the panels and keeps the list of sections below them; with no panel
the home is Django's own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    clave: str
    plantilla: str
    contexto: Callable[[HttpRequest], dict | None]


_PANELES: dict[str, Panel] = {}


def registrar(panel: Panel) -> Panel:
    _PANELES[panel.clave] = panel
    return panel


def para(request: HttpRequest) -> list[dict]:
    """The panels of this person's home, each its context plus `plantilla`, in registration order.

    Kept on the request: the home asks in several blocks (layout, content, sidebar) and reads once.
    """
    if not hasattr(request, "_paneles_inicio"):
        paneles = []
        for panel in _PANELES.values():
            contexto = panel.contexto(request)
            if contexto is not None:
                paneles.append({**contexto, "plantilla": panel.plantilla})
        request._paneles_inicio = paneles  # type: ignore[attr-defined]
    return request._paneles_inicio  # type: ignore[attr-defined]
