from django.db import migrations

from civic.roles import sincronizar_roles


class Migration(migrations.Migration):
    """The custom permission for personal data, then the PQRS permissions of each role (civic.roles.ROLES)."""

    dependencies = [
        ("pqrs", "0002_catalogos"),
        ("civic", "0002_roles"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="solicitud",
            options={
                "ordering": ["-radicada_en"],
                "permissions": [
                    (
                        "ver_datos_personales",
                        "Puede ver los datos personales y los adjuntos de las solicitudes",
                    )
                ],
                "verbose_name": "solicitud PQRS",
                "verbose_name_plural": "solicitudes PQRS",
            },
        ),
        migrations.RunPython(sincronizar_roles, migrations.RunPython.noop),
    ]
