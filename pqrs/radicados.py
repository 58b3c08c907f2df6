"""Radicado numbers and consultation codes.

Radicado: `<prefijo>-<año>-<consecutivo de 6 cifras>`, a yearly consecutive with no gaps and no
duplicates. The number is taken inside the filing's transaction with the year's Consecutivo row locked,
so a rolled-back filing gives its number back and concurrent filings queue on that row.

Consultation code: shown once to the petitioner, stored as an HMAC keyed by SECRET_KEY with the radicado
as salt. HMAC-SHA256 is fast enough for a million synthetic rows, and a stolen database without the key
cannot be brute-forced.
"""

import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from pqrs.models import Consecutivo

# No 0/O, 1/I/L: the code is read aloud on the phone and copied from paper.
ALFABETO_CODIGO = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LONGITUD_CODIGO = 10


def prefijo() -> str:
    return settings.PQRS_PREFIJO_RADICADO


def formatear_radicado(anio: int, consecutivo: int) -> str:
    return f"{prefijo()}-{anio}-{consecutivo:06d}"


def siguiente_consecutivo(anio: int) -> int:
    """Take the next number of `anio`. Must run inside the transaction that saves the request."""
    # The first filing of a year creates the row; ON CONFLICT DO NOTHING makes a concurrent first
    # filing wait for the other insert and then simply lock the existing row.
    Consecutivo.objects.bulk_create([Consecutivo(anio=anio, ultimo=0)], ignore_conflicts=True)
    contador = Consecutivo.objects.select_for_update().get(anio=anio)
    contador.ultimo += 1
    contador.save(update_fields=["ultimo"])
    return contador.ultimo


def generar_codigo() -> str:
    return "".join(secrets.choice(ALFABETO_CODIGO) for _ in range(LONGITUD_CODIGO))


def normalizar_codigo(codigo: str) -> str:
    """Accept the code as people type it: lower case, with spaces or dashes."""
    return "".join(c for c in codigo.upper() if c.isalnum())


def hash_codigo(radicado: str, codigo: str) -> str:
    return salted_hmac(
        f"pqrs.codigo_consulta:{radicado}", normalizar_codigo(codigo), algorithm="sha256"
    ).hexdigest()


def codigo_coincide(radicado: str, codigo: str, hash_guardado: str) -> bool:
    return constant_time_compare(hash_codigo(radicado, codigo), hash_guardado)
