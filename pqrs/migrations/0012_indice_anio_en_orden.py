# The year filter of the admin list in the list's own order (art. 20: priority first, then newest): the
# old (anio, -radicada_en) index could not give that order, and the oldest year's page walked 77,000 rows
# of the priority index (266 ms at a million). Built and dropped CONCURRENTLY (atomic = False).

from django.db import migrations, models

import civic.indices


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("pqrs", "0011_busqueda_trigramas"),
    ]

    operations = [
        civic.indices.AgregarIndiceConcurrente(
            model_name="solicitud",
            index=models.Index(fields=["anio", "-prioritaria", "-radicada_en"], name="pqrs_anio_prioridad_idx"),
        ),
        civic.indices.QuitarIndiceConcurrente(model_name="solicitud", name="pqrs_anio_radicada_idx"),
    ]
