"""The audiencias in the admin: every URL for the rendición role and a superuser, nothing for the other
staff roles; the question's actions through the admin (a refusal next to its field), the petitioner's data
masked without rendicion.ver_datos_personales, and the improvement actions' actions."""

from datetime import date
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from civic.roles import FUNCIONARIO, VENTANILLA
from consejos.roles import SECRETARIA_CONSEJOS
from pqrs.roles import COORDINACION_PQRS
from rendicion.models import AccionMejora, Audiencia, Evaluacion, PropuestaTema
from rendicion.roles import RENDICION
from rendicion.services import preguntas
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory, en_bogota

pytestmark = pytest.mark.django_db


@pytest.fixture
def caso():
    audiencia = Audiencia.objects.create(
        titulo="Audiencia 2026", fecha=en_bogota(2026, 9, 10, 9), lugar="Concejo"
    )
    with time_machine.travel(en_bogota(2026, 9, 1, 10), tick=False):
        pregunta, _codigo = preguntas.radicar(
            audiencia=audiencia,
            texto="¿Cuándo arreglan el parque?",
            peticionario={
                "anonima": False,
                "tipo_documento": "CC",
                "numero_documento": "31999888",
                "nombres": "Rosa",
                "apellidos": "Secreta",
                "correo": "rosa@correo.test",
                "canal_respuesta": "correo_electronico",
                "autorizacion_datos_version": "1.0",
            },
        )
    tema = PropuestaTema.objects.create(audiencia=audiencia, texto="Parques")
    evaluacion = Evaluacion.objects.create(
        audiencia=audiencia, informacion_clara=4, preguntas_atendidas=4, organizacion=4
    )
    accion = AccionMejora.objects.create(
        audiencia=audiencia,
        descripcion="Responder en lenguaje claro.",
        dependencia=DependenciaFactory(),
        fecha_vencimiento=date(2026, 10, 15),
    )
    return {
        "audiencia": audiencia,
        "pregunta": pregunta,
        "tema": tema,
        "evaluacion": evaluacion,
        "accion": accion,
    }


def _paginas(c) -> dict[str, str]:
    a, p, t, e, k = c["audiencia"], c["pregunta"], c["tema"], c["evaluacion"], c["accion"]
    return {
        "audiencias": reverse("admin:rendicion_audiencia_changelist"),
        "audiencia": reverse("admin:rendicion_audiencia_change", args=[a.pk]),
        "nueva_audiencia": reverse("admin:rendicion_audiencia_add"),
        "temas": reverse("admin:rendicion_propuestatema_changelist"),
        "tema": reverse("admin:rendicion_propuestatema_change", args=[t.pk]),
        "evaluaciones": reverse("admin:rendicion_evaluacion_changelist"),
        "evaluacion": reverse("admin:rendicion_evaluacion_change", args=[e.pk]),
        "preguntas": reverse("admin:rendicion_pregunta_changelist"),
        "preguntas_rojas": reverse("admin:rendicion_pregunta_changelist") + "?semaforo=rojo",
        "pregunta": reverse("admin:rendicion_pregunta_change", args=[p.pk]),
        "pregunta_accion": reverse("admin:rendicion_pregunta_accion", args=[p.pk, "rechazar"]),
        "acciones": reverse("admin:rendicion_accionmejora_changelist"),
        "acciones_rojas": reverse("admin:rendicion_accionmejora_changelist") + "?semaforo=rojo",
        "accion": reverse("admin:rendicion_accionmejora_change", args=[k.pk]),
        "nueva_accion": reverse("admin:rendicion_accionmejora_add"),
        "accion_accion": reverse("admin:rendicion_accionmejora_accion", args=[k.pk, "cancelar"]),
    }


def _personal(rol: str | None, **datos):
    usuario = FuncionarioFactory(**datos)
    if rol:
        usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.mark.parametrize("rol", [RENDICION, "superusuario"])
def test_el_rol_de_rendicion_y_el_superusuario_abren_cada_pagina(client, caso, rol):
    usuario = _personal(None, is_superuser=True) if rol == "superusuario" else _personal(rol)
    client.force_login(usuario)
    for nombre, url in _paginas(caso).items():
        respuesta = client.get(url)
        assert respuesta.status_code == HTTPStatus.OK, (nombre, respuesta.status_code)


@pytest.mark.parametrize("rol", [VENTANILLA, FUNCIONARIO, COORDINACION_PQRS, SECRETARIA_CONSEJOS, None])
def test_los_otros_roles_no_ven_nada_de_las_audiencias(client, caso, rol):
    client.force_login(_personal(rol))
    for nombre, url in _paginas(caso).items():
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, nombre
        if nombre.endswith("_accion"):
            assert client.post(url, {"motivo": "x", "nota": "x"}).status_code == HTTPStatus.FORBIDDEN
    caso["pregunta"].refresh_from_db()
    caso["accion"].refresh_from_db()
    assert caso["pregunta"].estado == "recibida" and caso["accion"].estado == "pendiente"


def test_los_datos_del_peticionario_se_ocultan_sin_el_permiso(client, caso):
    rendicion = _personal(RENDICION)
    client.force_login(rendicion)
    paginas = _paginas(caso)
    grupo = Group.objects.get(name=RENDICION)
    grupo.permissions.remove(
        Permission.objects.get(codename="ver_datos_personales", content_type__app_label="rendicion")
    )
    for url in (paginas["preguntas"], paginas["pregunta"]):
        pagina = client.get(url).content.decode()
        assert "Secreta" not in pagina and "rosa@correo.test" not in pagina and "31999888" not in pagina
        assert "Datos reservados" in pagina
    grupo.permissions.add(
        Permission.objects.get(codename="ver_datos_personales", content_type__app_label="rendicion")
    )
    rendicion = type(rendicion).objects.get(pk=rendicion.pk)  # fresh permission cache
    client.force_login(rendicion)
    pagina = client.get(paginas["pregunta"]).content.decode()
    assert "rosa@correo.test" in pagina and "Secreta" in pagina


def test_rechazar_sin_motivo_no_escribe_y_fusionar_pide_una_publicada(client, caso):
    client.force_login(_personal(RENDICION))
    pregunta = caso["pregunta"]
    url = reverse("admin:rendicion_pregunta_accion", args=[pregunta.pk, "rechazar"])
    respuesta = client.post(url, {"motivo": "   "})
    assert respuesta.status_code == HTTPStatus.OK
    pregunta.refresh_from_db()
    assert pregunta.estado == "recibida"
    with time_machine.travel(en_bogota(2026, 9, 2, 10), tick=False):
        otra, _codigo = preguntas.radicar(
            audiencia=caso["audiencia"], texto="¿Y el parque?", peticionario={"anonima": True}
        )
    url = reverse("admin:rendicion_pregunta_accion", args=[otra.pk, "fusionar"])
    assert client.post(url, {"en": pregunta.pk}).status_code == HTTPStatus.OK  # not published: refused
    client.post(reverse("admin:rendicion_pregunta_accion", args=[pregunta.pk, "publicar"]), {})
    assert client.post(url, {"en": pregunta.pk}).status_code == HTTPStatus.FOUND
    otra.refresh_from_db()
    assert otra.estado == "fusionada" and otra.fusionada_en == pregunta


def test_las_acciones_de_mejora_se_inician_cumplen_o_cancelan_con_motivo(client, caso):
    client.force_login(_personal(RENDICION))
    accion = caso["accion"]
    base = "admin:rendicion_accionmejora_accion"
    assert client.post(reverse(base, args=[accion.pk, "cancelar"]), {"nota": ""}).status_code == HTTPStatus.OK
    assert client.post(reverse(base, args=[accion.pk, "iniciar"]), {}).status_code == HTTPStatus.FOUND
    assert client.post(reverse(base, args=[accion.pk, "cumplir"]), {"nota": "Listo"}).status_code == 302
    accion.refresh_from_db()
    assert accion.estado == "cumplida"
    assert list(accion.eventos.values_list("estado_nuevo", flat=True)) == ["en_curso", "cumplida"]
    pagina = client.get(reverse("admin:rendicion_accionmejora_change", args=[accion.pk])).content.decode()
    assert "Listo" in pagina
