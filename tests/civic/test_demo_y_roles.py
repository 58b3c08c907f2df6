import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from civic import roles
from civic.models import Comuna, Dependencia, Usuario
from civic.services.demo import CONTRASENA_DEMO
from pqrs.roles import COORDINACION_PQRS

pytestmark = pytest.mark.django_db


def test_la_migracion_crea_los_seis_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)
    coordinacion = Group.objects.get(name=COORDINACION_PQRS)
    assert coordinacion.permissions.filter(codename="change_notificacion").exists()
    assert (
        not Group.objects.get(name=roles.VENTANILLA)
        .permissions.filter(codename="change_notificacion")
        .exists()
    )


def test_cargar_demo_idempotente_con_un_usuario_por_rol(settings):
    settings.DEBUG = True
    call_command("cargar_demo")
    call_command("cargar_demo")
    assert Comuna.objects.count() == 37
    assert Dependencia.objects.count() >= 10
    for rol in roles.ROLES:
        usuario = Usuario.objects.get(groups__name=rol)
        assert usuario.is_staff and usuario.dependencia is not None
        assert usuario.check_password(CONTRASENA_DEMO)
    assert Usuario.objects.get(username="admin").is_superuser


def test_cargar_demo_prohibido_sin_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("cargar_demo")
    assert not Usuario.objects.exists()


def test_funcionario_de_demo_entra_al_admin(client, settings):
    settings.DEBUG = True
    call_command("cargar_demo")
    assert client.login(username="funcionario", password=CONTRASENA_DEMO)
    respuesta = client.get("/admin/")
    assert respuesta.status_code == 200


def test_sincronizar_roles_con_el_registro_vivo_no_lo_altera():
    from django.apps import apps

    from civic.roles import sincronizar_roles

    antes = {config.label: config.models_module for config in apps.get_app_configs()}
    sincronizar_roles(apps)
    assert {config.label: config.models_module for config in apps.get_app_configs()} == antes
    assert Group.objects.get(name=COORDINACION_PQRS).permissions.filter(codename="view_solicitud").exists()
