"""Settings of the public PQRS pages (defaults in civic/settings.py, from the environment).

Read at call time (not import time) so tests can change them with pytest-django's `settings` fixture.
"""

from django.conf import settings


def adjunto_max_bytes() -> int:
    return settings.PQRS_ADJUNTO_MAX_BYTES


def adjuntos_max() -> int:
    return settings.PQRS_ADJUNTOS_MAX


def limite_radicar() -> tuple[int, int]:
    """(filings, seconds) allowed per IP address."""
    return (
        settings.PQRS_LIMITE_RADICAR,
        settings.PQRS_LIMITE_RADICAR_SEGUNDOS,
    )


def limite_consultar() -> tuple[int, int]:
    """(lookups, seconds) allowed per IP address on the tracking form: a code check is an oracle."""
    return (
        settings.PQRS_LIMITE_CONSULTAR,
        settings.PQRS_LIMITE_CONSULTAR_SEGUNDOS,
    )


def consulta_segundos() -> int:
    """How long a verified radicado stays open in the session (the citizen's shared-computer risk)."""
    return settings.PQRS_CONSULTA_SEGUNDOS


def proxies_confiables() -> int:
    """Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR)."""
    return settings.PQRS_PROXIES_CONFIABLES
