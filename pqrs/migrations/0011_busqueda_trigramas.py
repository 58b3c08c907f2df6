# The admin's free-text search on an index (issue 9): pg_trgm and one trigram GIN index per searched text
# column, built CONCURRENTLY so a portal in service keeps filing while they are built (hence atomic = False).
# On SQLite the extension is skipped and a plain index stands in (civic.indices).

from django.db import migrations

import civic.indices


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("pqrs", "0010_procedimientos_completos"),
    ]

    operations = [
        civic.indices.ExtensionTrigramas(),
        civic.indices.AgregarIndiceConcurrente(
            model_name="solicitud",
            index=civic.indices.IndiceTrigramas("asunto", name="pqrs_asunto_trgm_idx"),
        ),
        civic.indices.AgregarIndiceConcurrente(
            model_name="solicitud",
            index=civic.indices.IndiceTrigramas("nombres", name="pqrs_nombres_trgm_idx"),
        ),
        civic.indices.AgregarIndiceConcurrente(
            model_name="solicitud",
            index=civic.indices.IndiceTrigramas("apellidos", name="pqrs_apellidos_trgm_idx"),
        ),
        civic.indices.AgregarIndiceConcurrente(
            model_name="solicitud",
            index=civic.indices.IndiceTrigramas("razon_social", name="pqrs_razon_social_trgm_idx"),
        ),
    ]
