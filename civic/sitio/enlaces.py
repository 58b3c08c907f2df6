"""Absolute links for messages that leave the site (e-mail): the municipality's public address and a path."""

from django.conf import settings
from django.urls import reverse


def absoluta(nombre: str, *args) -> str:
    """The absolute address of the URL named `nombre` (with its `args`)."""
    return settings.MUNICIPIO["sitio"].rstrip("/") + reverse(nombre, args=args)


def url_consulta() -> str:
    """The tracking page (radicado and code), which every procedure's messages point to."""
    return absoluta("expedientes:consultar")
