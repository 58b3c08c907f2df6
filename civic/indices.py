"""Trigram indexes for the admin's free-text search, and the migration operations that build indexes.

Django's `icontains` on PostgreSQL compares `UPPER(column::text) LIKE UPPER('%term%')`: no btree helps a
pattern that starts with `%`, so a rare word read the whole table. A GIN index with pg_trgm's
`gin_trgm_ops` over that same expression answers it from the index, whatever the word. SQLite (the
embedded default) has no trigram index: there a plain index on the expression stands in, so the schema
is the same everywhere and later migrations that rebuild the table keep working.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import (
    AddIndexConcurrently,
    RemoveIndexConcurrently,
    TrigramExtension,
)
from django.db import models
from django.db.migrations.operations import AddIndex, RemoveIndex
from django.db.models.functions import Upper


class IndiceTrigramas(GinIndex):
    """`IndiceTrigramas("asunto", name=…)`: GIN (pg_trgm) over UPPER(asunto), what icontains compares."""

    def __init__(self, campo: str, *, name: str):
        self.campo = campo
        super().__init__(OpClass(Upper(campo), name="gin_trgm_ops"), name=name)

    def deconstruct(self):
        return "civic.indices.IndiceTrigramas", (self.campo,), {"name": self.name}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index(Upper(self.campo), name=self.name).create_sql(model, schema_editor, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class AgregarIndiceConcurrente(AddIndexConcurrently):
    """AddIndexConcurrently on PostgreSQL (no lock on a table in service; the migration must be
    `atomic = False`); elsewhere an ordinary AddIndex, as SQLite has no CONCURRENTLY."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


class QuitarIndiceConcurrente(RemoveIndexConcurrently):
    """RemoveIndexConcurrently on PostgreSQL; elsewhere an ordinary RemoveIndex."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            RemoveIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            RemoveIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


class ExtensionTrigramas(TrigramExtension):
    """pg_trgm on PostgreSQL; nothing elsewhere, both ways (Django guards only the forward step)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class IndiceBusqueda(GinIndex):
    """`IndiceBusqueda("vector", name=…)`: GIN over a stored tsvector (full-text search). SQLite has
    neither the type's operators nor GIN: a plain index stands in, so the schema is the same everywhere."""

    def __init__(self, campo: str, *, name: str):
        self.campo = campo
        super().__init__(fields=[campo], name=name)

    def deconstruct(self):
        return "civic.indices.IndiceBusqueda", (self.campo,), {"name": self.name}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            indice = models.Index(fields=[self.campo], name=self.name)
            return indice.create_sql(model, schema_editor, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
