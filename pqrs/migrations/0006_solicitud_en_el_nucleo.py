"""PQRS moves onto the kernel's expedientes (civic.expedientes).

- The yearly counters move to the kernel's Consecutivo, series "pqrs" (copied before the old table goes).
- Every request records its series; the constraint and index names follow the abstract models'.
- Events gain `interno` (internal notes), with the CHECK that an internal note is never public.
- Field history (django-simple-history) no longer copies rows full of personal data: the event log is the
  request's one audit trail.
"""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copiar_consecutivos(apps, schema_editor):
    Anterior = apps.get_model("pqrs", "Consecutivo")
    Consecutivo = apps.get_model("civic", "Consecutivo")
    for anterior in Anterior.objects.all():
        Consecutivo.objects.update_or_create(
            serie="pqrs", anio=anterior.anio, defaults={"ultimo": anterior.ultimo}
        )


def devolver_consecutivos(apps, schema_editor):
    Anterior = apps.get_model("pqrs", "Consecutivo")
    Consecutivo = apps.get_model("civic", "Consecutivo")
    for contador in Consecutivo.objects.filter(serie="pqrs"):
        Anterior.objects.update_or_create(anio=contador.anio, defaults={"ultimo": contador.ultimo})


def marcar_notas_internas(apps, schema_editor):
    apps.get_model("pqrs", "Evento").objects.filter(tipo="nota_interna").update(interno=True, publico=False)


class Migration(migrations.Migration):

    dependencies = [
        ('civic', '0006_consecutivo_y_lote'),
        ('pqrs', '0005_indice_plazo_ciudadano'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(copiar_consecutivos, devolver_consecutivos),
        migrations.DeleteModel(
            name='Consecutivo',
        ),
        migrations.RemoveField(
            model_name='historicalsolicitud',
            name='comuna',
        ),
        migrations.RemoveField(
            model_name='historicalsolicitud',
            name='dependencia',
        ),
        migrations.RemoveField(
            model_name='historicalsolicitud',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalsolicitud',
            name='modalidad',
        ),
        migrations.RemoveField(
            model_name='historicalsolicitud',
            name='responsable',
        ),
        migrations.RemoveConstraint(
            model_name='evento',
            name='pqrs_nota_interna_no_publica',
        ),
        migrations.RemoveConstraint(
            model_name='solicitud',
            name='pqrs_anio_consecutivo_unico',
        ),
        migrations.RemoveConstraint(
            model_name='solicitud',
            name='pqrs_consecutivo_positivo',
        ),
        migrations.RemoveConstraint(
            model_name='solicitud',
            name='pqrs_anonima_o_identificada',
        ),
        migrations.RemoveConstraint(
            model_name='solicitud',
            name='pqrs_datos_con_autorizacion',
        ),
        migrations.RemoveConstraint(
            model_name='solicitud',
            name='pqrs_medio_respuesta_con_dato',
        ),
        migrations.AddField(
            model_name='evento',
            name='interno',
            field=models.BooleanField(default=False, verbose_name='nota interna'),
        ),
        migrations.RunPython(marcar_notas_internas, migrations.RunPython.noop),
        migrations.AddField(
            model_name='solicitud',
            name='serie',
            field=models.CharField(default='pqrs', editable=False, max_length=30, verbose_name='serie'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='evento',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='eventos_%(app_label)s', to=settings.AUTH_USER_MODEL, verbose_name='actor'),
        ),
        migrations.AlterField(
            model_name='evento',
            name='datos',
            field=models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder, verbose_name='datos'),
        ),
        migrations.AddConstraint(
            model_name='evento',
            constraint=models.CheckConstraint(condition=models.Q(('interno', True), ('publico', True), _negated=True), name='pqrs_evento_interno_no_publico'),
        ),
        migrations.AddConstraint(
            model_name='solicitud',
            constraint=models.UniqueConstraint(fields=('serie', 'anio', 'consecutivo'), name='pqrs_solicitud_consecutivo_unico'),
        ),
        migrations.AddConstraint(
            model_name='solicitud',
            constraint=models.CheckConstraint(condition=models.Q(('consecutivo__gt', 0)), name='pqrs_solicitud_consecutivo_positivo', violation_error_message='El consecutivo debe ser mayor que cero.'),
        ),
        migrations.AddConstraint(
            model_name='solicitud',
            constraint=models.CheckConstraint(condition=models.Q(('anonima', True), models.Q(models.Q(('tipo_documento', ''), _negated=True), models.Q(('numero_documento', ''), _negated=True), models.Q(models.Q(('nombres__gt', ''), ('tipo_persona', 'natural')), models.Q(('razon_social__gt', ''), ('tipo_persona', 'juridica')), _connector='OR')), _connector='OR'), name='pqrs_solicitud_anonima_o_identificada', violation_error_message='Una solicitud con nombre debe indicar el tipo y número de documento y el nombre o la razón social.'),
        ),
        migrations.AddConstraint(
            model_name='solicitud',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('anonima', True), ('correo', ''), ('direccion', ''), ('telefono', '')), models.Q(models.Q(('autorizacion_datos_version', ''), _negated=True), ('autorizacion_datos_en__isnull', False)), _connector='OR'), name='pqrs_solicitud_datos_con_autorizacion', violation_error_message='Para registrar datos personales se requiere la autorización de tratamiento de datos.'),
        ),
        migrations.AddConstraint(
            model_name='solicitud',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('anonima', True), ('canal_respuesta', '')), models.Q(('canal_respuesta', 'correo_electronico'), ('correo__gt', '')), models.Q(('canal_respuesta', 'direccion_postal'), ('direccion__gt', '')), _connector='OR'), name='pqrs_solicitud_medio_respuesta_con_dato', violation_error_message='El medio de respuesta elegido necesita el correo o la dirección correspondiente.'),
        ),
        migrations.DeleteModel(
            name='HistoricalSolicitud',
        ),
    ]
