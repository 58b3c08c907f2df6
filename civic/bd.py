"""Batch helpers: keyset pages over a query, and bulk inserts that stay fast on PostgreSQL for thousands
of rows with JSON columns.

Django's `bulk_create` builds a model instance per row and sends each column as an array (UNNEST) that
psycopg quotes value by value on the client; for a reminder sweep's pages of JSON-heavy outbox rows that
costs more than the insert itself. On PostgreSQL the rows travel instead as one JSON document read by
`jsonb_to_recordset`, and RETURNING tells which rows were written (with ON CONFLICT DO NOTHING, only the
new ones). Other databases use `bulk_create`.
"""

import json
from collections.abc import Iterator, Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.models import Q, QuerySet
from django.utils import timezone


def es_postgresql() -> bool:
    return connection.vendor == "postgresql"


def insertar(
    modelo: type[models.Model],
    filas: Sequence[dict],
    *,
    devolver: Sequence[str] = ("id",),
    ignorar_conflictos: bool = False,
) -> list[tuple]:
    """INSERT `filas` (dicts by attname; the model's defaults fill the rest) in one statement; return the
    `devolver` columns of the rows written.

    On PostgreSQL the rows travel as one JSON parameter; elsewhere through `bulk_create`, which cannot tell
    conflicting rows apart (callers that ignore conflicts read back what they wrote).
    """
    campos = [f for f in modelo._meta.concrete_fields if not f.primary_key]
    if not es_postgresql():
        objetos = modelo._default_manager.bulk_create(
            [modelo(**fila) for fila in filas], ignore_conflicts=ignorar_conflictos
        )
        return [tuple(getattr(o, c) for c in devolver) for o in objetos]
    # The defaults are prepared (and made JSON) once; each row prepares only the few values it brings.
    codificador = DjangoJSONEncoder()
    base = {f.column: _json(codificador, _valor(f, _por_defecto(f))) for f in campos}
    por_nombre = {f.attname: f for f in campos}
    documento = [
        {**base, **{por_nombre[n].column: _valor(por_nombre[n], v) for n, v in fila.items()}}
        for fila in filas
    ]
    q = connection.ops.quote_name
    columnas = ", ".join(q(f.column) for f in campos)
    tipos = ", ".join(f"{q(f.column)} {f.db_type(connection)}" for f in campos)
    conflicto = " ON CONFLICT DO NOTHING" if ignorar_conflictos else ""
    retorno = ", ".join(q(c) for c in devolver)
    # Identifiers come from the model's metadata, quoted; the rows are the one bound parameter.
    sql = f"INSERT INTO {q(modelo._meta.db_table)} ({columnas}) SELECT {columnas} "
    sql += f"FROM jsonb_to_recordset(%s::jsonb) AS x({tipos}){conflicto} RETURNING {retorno}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(documento, cls=DjangoJSONEncoder)])
        return cursor.fetchall()


def paginas(consulta: QuerySet, orden: Sequence[str], lote: int) -> Iterator[list[tuple]]:
    """The values of `orden` (ending in "pk") of the selected rows, in keyset pages of `lote`.

    Each page starts after the last row of the previous one rather than at an offset, so no page re-reads
    earlier rows and a row that leaves the selection meanwhile (processed, or changed by someone) does not
    shift the next page. `orden` must be non-null fields.
    """
    orden = tuple(orden)
    if orden[-1] != "pk":
        orden = (*orden, "pk")
    cursor: tuple | None = None
    while True:
        pagina = consulta.order_by(*orden)
        if cursor is not None:
            pagina = pagina.filter(_despues_de(orden, cursor))
        filas = list(pagina.values_list(*orden)[:lote])
        if not filas:
            return
        yield filas
        if len(filas) < lote:
            return
        cursor = filas[-1]


def _despues_de(orden: Sequence[str], valores: Sequence) -> Q:
    """Rows strictly after `valores` in the order `orden` (row-value comparison spelled out for the ORM)."""
    despues = Q()
    for i, campo in enumerate(orden):
        iguales = {orden[j]: valores[j] for j in range(i)}
        despues |= Q(**iguales, **{f"{campo}__gt": valores[i]})
    # The redundant bound on the leading field lets the database walk its index from the cursor.
    return Q(**{f"{orden[0]}__gte": valores[0]}) & despues


def _por_defecto(campo: models.Field):
    # What Django would compute on insert: auto_now(_add) stamps, then the field's default.
    if getattr(campo, "auto_now", False) or getattr(campo, "auto_now_add", False):
        return timezone.now()
    return campo.get_default()


def _valor(campo: models.Field, valor):
    # JSON columns nest as JSON; everything else travels as its JSON scalar and is cast by the column type.
    # Plain strings and numbers are already what the column takes.
    if valor is None or isinstance(campo, models.JSONField) or type(valor) in (str, int, bool):
        return valor
    return campo.get_prep_value(valor)


def _json(codificador: DjangoJSONEncoder, valor):
    """A value json.dumps writes as is (dates, UUIDs… as DjangoJSONEncoder spells them)."""
    if valor is None or isinstance(valor, (str, int, float, bool, dict, list)):
        return valor
    return codificador.default(valor)
