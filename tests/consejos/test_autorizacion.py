"""Who may open what of the consejos admin: every admin URL and custom page for the technical
secretariat's role and a superuser; the other staff roles see nothing of the consejos."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from civic.roles import FUNCIONARIO, VENTANILLA
from consejos.models import Anexo, GrupoPoblacional, Suscripcion, Tema
from consejos.roles import SECRETARIA_CONSEJOS
from consejos.services import compromisos
from organizaciones.roles import ORGANIZACIONES
from pqrs.roles import COORDINACION_PQRS
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory
from tests.organizaciones.fabricas import pdf

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db

OK, PROHIBIDO, NO_EXISTE = HTTPStatus.OK, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND


@pytest.fixture
def caso():
    actor = secretaria()
    instancia = InstanciaFactory()
    sesion, acta = sesion_realizada(instancia, actor)
    anexo = Anexo.objects.create(sesion=sesion, titulo="Listado", archivo=pdf())
    compromiso = compromisos.registrar(
        sesion=sesion,
        descripcion="Revisar la ruta A14.",
        fecha_vencimiento=date(2026, 9, 15),
        dependencia=DependenciaFactory(),
        actor=actor,
    )
    suscripcion = Suscripcion.objects.create(
        correo="lider@example.org",
        comuna=instancia.comuna,
        autorizacion_datos_version="2026-01",
        autorizacion_datos_en=timezone.now(),
    )
    return {
        "instancia": instancia,
        "sesion": sesion,
        "acta": acta,
        "anexo": anexo,
        "compromiso": compromiso,
        "suscripcion": suscripcion,
    }


def _paginas(c) -> dict[str, str]:
    i, s, a, k = c["instancia"], c["sesion"], c["acta"], c["compromiso"]
    tema, grupo = Tema.objects.first(), GrupoPoblacional.objects.first()
    return {
        "inicio_seccion": reverse("admin:app_list", args=["consejos"]),
        "instancias": reverse("admin:consejos_instancia_changelist"),
        "instancia": reverse("admin:consejos_instancia_change", args=[i.pk]),
        "nueva_instancia": reverse("admin:consejos_instancia_add"),
        "sesiones": reverse("admin:consejos_sesion_changelist"),
        "sesion": reverse("admin:consejos_sesion_change", args=[s.pk]),
        "programar": reverse("admin:consejos_sesion_add"),
        "sesion_accion": reverse("admin:consejos_sesion_accion", args=[s.pk, "cancelar"]),
        "anexo": reverse("admin:consejos_sesion_anexo", args=[s.pk, c["anexo"].pk]),
        "actas": reverse("admin:consejos_acta_changelist"),
        "acta": reverse("admin:consejos_acta_change", args=[a.pk]),
        "acta_accion": reverse("admin:consejos_acta_accion", args=[a.pk, "aprobar"]),
        "acta_escaneo": reverse("admin:consejos_acta_adjuntar_escaneo", args=[a.pk]),
        "compromisos": reverse("admin:consejos_compromiso_changelist"),
        "compromiso": reverse("admin:consejos_compromiso_change", args=[k.pk]),
        "compromiso_accion": reverse("admin:consejos_compromiso_accion", args=[k.pk, "iniciar"]),
        "seguimiento": reverse("admin:consejos_compromiso_otra", args=[k.pk, "seguimiento"]),
        "revisar": reverse("admin:consejos_compromiso_otra", args=[k.pk, "revisar"]),
        "temas": reverse("admin:consejos_tema_changelist"),
        "tema": reverse("admin:consejos_tema_change", args=[tema.pk]) if tema else None,
        "nuevo_tema": reverse("admin:consejos_tema_add"),
        "grupos": reverse("admin:consejos_grupopoblacional_changelist"),
        "grupo": reverse("admin:consejos_grupopoblacional_change", args=[grupo.pk]) if grupo else None,
        "suscripciones": reverse("admin:consejos_suscripcion_changelist"),
    }


def _personal(rol: str | None, **datos):
    usuario = FuncionarioFactory(**datos)
    if rol:
        usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.mark.parametrize("rol", [SECRETARIA_CONSEJOS, "superusuario"])
def test_la_secretaria_tecnica_y_el_superusuario_abren_cada_pagina(client, caso, rol):
    usuario = _personal(None, is_superuser=True) if rol == "superusuario" else _personal(rol)
    client.force_login(usuario)
    for nombre, url in _paginas(caso).items():
        if url is None:
            continue
        respuesta = client.get(url)
        assert respuesta.status_code == OK, (nombre, respuesta.status_code)
    inicio = client.get(reverse("admin:index")).content.decode()
    assert "Sesiones realizadas sin acta publicada" in inicio


@pytest.mark.parametrize("rol", [VENTANILLA, FUNCIONARIO, COORDINACION_PQRS, ORGANIZACIONES, None])
def test_los_otros_roles_no_ven_nada_de_los_consejos(client, caso, rol):
    client.force_login(_personal(rol))
    for nombre, url in _paginas(caso).items():
        if url is None:
            continue
        respuesta = client.get(url)
        # The app's section does not exist for them; every other page is forbidden.
        esperado = NO_EXISTE if nombre == "inicio_seccion" else PROHIBIDO
        assert respuesta.status_code == esperado, (nombre, respuesta.status_code)
        # Nor can they act: a POST is refused the same way and writes nothing.
        if nombre.endswith("accion") or nombre in ("seguimiento", "revisar", "acta_escaneo", "programar"):
            assert client.post(url, {"motivo": "x", "texto": "x"}).status_code == PROHIBIDO, nombre
    inicio = client.get(reverse("admin:index")).content.decode()
    assert "Sesiones realizadas sin acta publicada" not in inicio
    assert "/admin/consejos/" not in inicio
    caso["sesion"].refresh_from_db()
    assert caso["sesion"].estado == "realizada"


def test_anonimo_va_al_ingreso(client, caso):
    for nombre, url in _paginas(caso).items():
        if url is None:
            continue
        respuesta = client.get(url)
        assert respuesta.status_code == HTTPStatus.FOUND, nombre
        assert "/login/" in respuesta["Location"], nombre
