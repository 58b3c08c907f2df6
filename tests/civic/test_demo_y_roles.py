from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest

from civic import roles
from civic.models import Comuna, Dependencia, Usuario
from civic.services.demo import CONTRASENA_DEMO
from pqrs.demo import GUION
from pqrs.models import Solicitud
from pqrs.roles import COORDINACION_PQRS
from pqrs.selectors import semaforo

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
    with time_machine.travel(datetime(2026, 11, 25, 15, 0, tzinfo=UTC), tick=False):
        call_command("cargar_demo")
        call_command("cargar_demo")
        # A full PQRS queue for a reviewer: every state and every traffic light, filed once.
        solicitudes = list(Solicitud.objects.all())
        assert len(solicitudes) == len(GUION)
        assert {s.estado for s in solicitudes} == {
            "radicada", "asignada", "en_espera_ciudadano", "respondida", "cerrada", "trasladada", "archivada",
            "por_corregir", "rechazada", "en_insistencia",
        }  # fmt: skip
        # The procedures a reviewer should meet: an appeal to decide and a positive silence (art. 14).
        assert any(s.reposicion_pendiente for s in solicitudes)
        assert any(s.silencio_positivo_en for s in solicitudes)
        assert {semaforo(s).value for s in solicitudes} == {"rojo", "amarillo", "verde", "gris"}
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
    # django-axes' backend needs the request it counts attempts for (its documented test form).
    assert client.login(request=HttpRequest(), username="funcionario", password=CONTRASENA_DEMO)
    respuesta = client.get("/admin/")
    assert respuesta.status_code == 200


def test_sincronizar_roles_con_el_registro_vivo_no_lo_altera():
    from django.apps import apps

    from civic.roles import sincronizar_roles

    antes = {config.label: config.models_module for config in apps.get_app_configs()}
    sincronizar_roles(apps)
    assert {config.label: config.models_module for config in apps.get_app_configs()} == antes
    assert Group.objects.get(name=COORDINACION_PQRS).permissions.filter(codename="view_solicitud").exists()
