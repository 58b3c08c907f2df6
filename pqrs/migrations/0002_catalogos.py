"""Seed the modalities (Ley 1755 de 2015 arts. 14 and 30; DOMAIN.md §2) and population conditions.

Felicitación has no legal term: it is seeded with plazo_dias = NULL (no due date) and the municipality
may set one in the admin.
"""

from django.db import migrations

from pqrs.semillas import sembrar_catalogos


def sembrar(apps, schema_editor):
    sembrar_catalogos(apps)


class Migration(migrations.Migration):
    dependencies = [("pqrs", "0001_initial")]

    operations = [migrations.RunPython(sembrar, migrations.RunPython.noop)]
