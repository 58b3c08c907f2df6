"""Trigram indexes for the admin's free-text search, and the migration operation that builds them.

Django's `icontains` on PostgreSQL compares `UPPER(column::text) LIKE UPPER('%term%')`: no btree helps a
pattern that starts with `%`, so a rare word read the whole table. A GIN index with pg_trgm's
`gin_trgm_ops` over that same expression answers it from the index, whatever the word. SQLite (the
embedded default) has no trigram index: there a plain index on the expression stands in, so the schema
is the same everywhere and later migrations that rebuild the table keep working.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import AddIndexConcurrently, TrigramExtension
from django.db import models
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
    `atomic = False`); elsewhere an ordinary index creation, as SQLite has no CONCURRENTLY."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        modelo = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, modelo):
            schema_editor.add_index(modelo, self.index)
        return None

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        modelo = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, modelo):
            schema_editor.remove_index(modelo, self.index)
        return None


class ExtensionTrigramas(TrigramExtension):
    """pg_trgm on PostgreSQL; nothing elsewhere, both ways (Django guards only the forward step)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
