from django.db import migrations

from civic.roles import sincronizar_roles


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sincronizar_roles, migrations.RunPython.noop)]
