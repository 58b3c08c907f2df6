"""Radicado numbers and consultation codes, for every series.

Radicado: `<prefijo de la serie>-<año>-<consecutivo de 6 cifras>`, a yearly consecutive per series with no
gaps and no duplicates. The number is taken inside the filing's transaction with the series-year
Consecutivo row locked, so a rolled-back filing gives its number back and concurrent filings queue on
that row.

Consultation code: shown once to the petitioner, stored as an HMAC keyed by SECRET_KEY with the series and
the radicado as salt. HMAC-SHA256 is fast enough for a million rows, and a stolen database without the key
cannot be brute-forced. Codes keep working across a key rotation: verification also tries every key in
SECRET_KEY_FALLBACKS, as Django's own signing does.
"""

import re
import secrets
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from django.utils.crypto import constant_time_compare, salted_hmac

from civic import calendario
from civic.models import Consecutivo

from .registro import Expediente, por_prefijo

if TYPE_CHECKING:
    from .modelos import Radicable

# No 0/O, 1/I/L: the code is read aloud on the phone and copied from paper.
ALFABETO_CODIGO = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LONGITUD_CODIGO = 10
# PQRS-2026-000123: what a radicado looks like, whatever its series.
FORMA_RADICADO = re.compile(r"^([A-Z][A-Z0-9]*)-(\d{4})-(\d{1,9})$")


def formatear_radicado(prefijo: str, anio: int, consecutivo: int) -> str:
    return f"{prefijo}-{anio}-{consecutivo:06d}"


def siguiente_consecutivo(serie: str, anio: int) -> int:
    """Take the next number of (`serie`, `anio`). Must run inside the transaction that saves the filing."""
    # One statement: the year's first filing inserts the row, every other one increments it. ON CONFLICT
    # DO UPDATE locks the row until the filing's transaction ends, so concurrent filings queue on it (a
    # concurrent first filing waits for the other insert, then increments), and a rollback gives the
    # number back: no gaps, no duplicates. PostgreSQL and SQLite (3.35+) both speak it.
    q = connection.ops.quote_name
    tabla, serie_, anio_, ultimo = (
        q(nombre) for nombre in (Consecutivo._meta.db_table, "serie", "anio", "ultimo")
    )
    # Identifiers come from the model's metadata, quoted; the values are bound parameters.
    sql = f"INSERT INTO {tabla} ({serie_}, {anio_}, {ultimo}) VALUES (%s, %s, 1) "  # noqa: S608
    sql += f"ON CONFLICT ({serie_}, {anio_}) DO UPDATE SET {ultimo} = {tabla}.{ultimo} + 1 RETURNING {ultimo}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [serie, anio])
        return cursor.fetchone()[0]


def anios_con_radicados(serie: str) -> list[int]:
    """Years that have filings in the series, newest first (one row per year: no DISTINCT over filings)."""
    return list(
        Consecutivo.objects.filter(serie=serie, ultimo__gt=0).order_by("-anio").values_list("anio", flat=True)
    )


def generar_codigo() -> str:
    return "".join(secrets.choice(ALFABETO_CODIGO) for _ in range(LONGITUD_CODIGO))


def normalizar_codigo(codigo: str) -> str:
    """Accept the code as people type it: lower case, with spaces or dashes."""
    return "".join(c for c in codigo.upper() if c.isalnum())


def normalizar_radicado(radicado: str) -> str:
    return "".join((radicado or "").split()).upper()


def _sal(serie: str, radicado: str) -> str:
    return f"{serie}.codigo_consulta:{radicado}"


def hash_codigo(serie: str, radicado: str, codigo: str, *, secreto: str | None = None) -> str:
    return salted_hmac(
        _sal(serie, radicado), normalizar_codigo(codigo), secret=secreto, algorithm="sha256"
    ).hexdigest()


def codigo_coincide(serie: str, radicado: str, codigo: str, hash_guardado: str) -> bool:
    """True when `codigo` is the code of this radicado under the current key or a previous one."""
    coincide = False
    for secreto in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        # Every key is tried, so the answer time does not tell which one matched.
        coincide |= constant_time_compare(
            hash_codigo(serie, radicado, codigo, secreto=secreto), hash_guardado
        )
    return coincide


def radicar_en(objeto: "Radicable", expediente: Expediente, *, ahora: datetime) -> str:
    """Number `objeto` (a Radicable) in its series and give it a consultation code; return the code.

    Call it last, inside the transaction that saves the filing and after every validation: a refused
    filing must not hold the series' counter, and a rollback returns the number (no gaps).
    """
    efectiva: date = objeto.fecha_radicacion_efectiva or calendario.fecha_radicacion_efectiva(ahora)
    serie = expediente.serie
    objeto.serie = serie
    objeto.anio = efectiva.year
    objeto.consecutivo = siguiente_consecutivo(serie, objeto.anio)
    objeto.radicado = formatear_radicado(expediente.prefijo_radicado, objeto.anio, objeto.consecutivo)
    codigo = generar_codigo()
    objeto.codigo_consulta_hash = hash_codigo(serie, objeto.radicado, codigo)
    return codigo


def buscar(radicado: str, *, para_actualizar: bool = False) -> tuple[Expediente, "Radicable"] | None:
    """The expediente and object filed under `radicado` (as people type it), whatever its series.

    `para_actualizar` locks the row until the caller's transaction ends.
    """
    radicado = normalizar_radicado(radicado)
    forma = FORMA_RADICADO.match(radicado)
    for expediente in por_prefijo(forma.group(1)) if forma else []:
        filas = expediente.model._default_manager.filter(radicado=radicado)
        objeto = (filas.select_for_update() if para_actualizar else filas).first()
        if objeto is not None:
            return expediente, objeto
    return None


def verificar(radicado: str, codigo: str) -> tuple[Expediente, "Radicable"] | None:
    """The expediente and object if the code matches; None for an unknown radicado and a wrong code alike.

    Callers must rate-limit attempts (the code has 31^10 values, but a form is an oracle).
    """
    radicado = normalizar_radicado(radicado)
    hallado = buscar(radicado)
    if hallado is not None:
        expediente, objeto = hallado
        if codigo_coincide(objeto.serie, objeto.radicado, codigo or "", objeto.codigo_consulta_hash):
            return expediente, objeto
        return None
    # Same work as a real check, so the answer time does not reveal which radicados exist.
    codigo_coincide("-", radicado, codigo or "", "0" * 64)
    return None
