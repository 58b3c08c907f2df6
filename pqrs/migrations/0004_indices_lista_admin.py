from django.db import migrations, models


class Migration(migrations.Migration):
    """Indexes for the admin changelist over a million rows, newest first: by year, and by the traffic
    light (only the requests whose term runs, a small partial index)."""

    dependencies = [
        ("pqrs", "0003_roles"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="solicitud",
            index=models.Index(fields=["anio", "-radicada_en"], name="pqrs_anio_radicada_idx"),
        ),
        migrations.AddIndex(
            model_name="solicitud",
            index=models.Index(
                condition=models.Q(("estado__in", ["radicada", "asignada"])),
                fields=["-radicada_en"],
                name="pqrs_en_curso_radicada_idx",
            ),
        ),
    ]
