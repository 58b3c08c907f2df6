"""The informes in the admin: the rendición role builds, previews, publishes and corrects them and creates
one from a template; a published informe is read-only; the other staff roles see nothing."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from civic.roles import FUNCIONARIO, VENTANILLA
from consejos.roles import SECRETARIA_CONSEJOS
from pqrs.roles import COORDINACION_PQRS
from rendicion.models import Indicador, Informe, Seccion
from rendicion.roles import RENDICION
from rendicion.services import informes
from tests.civic.fabricas import FuncionarioFactory

pytestmark = pytest.mark.django_db


def _personal(rol: str | None, **datos):
    usuario = FuncionarioFactory(**datos)
    if rol:
        usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.fixture
def borrador():
    informe = Informe.objects.create(
        titulo="Informe del trimestre",
        desde=date(2026, 1, 1),
        hasta=date(2026, 3, 31),
        fecha=date(2026, 4, 5),
    )
    seccion = Seccion.objects.create(informe=informe, orden=1, titulo="Atención", narrativa="Texto.")
    Indicador.objects.create(
        seccion=seccion, orden=1, nombre="PQRS recibidas", fuente="pqrs.recibidas_por_tipo", grafico="barras"
    )
    return informe


def _paginas(i: Informe) -> dict[str, str]:
    seccion = i.secciones.first()
    return {
        "lista": reverse("admin:rendicion_informe_changelist"),
        "informe": reverse("admin:rendicion_informe_change", args=[i.pk]),
        "nuevo": reverse("admin:rendicion_informe_add"),
        "seccion": reverse("admin:rendicion_seccion_change", args=[seccion.pk]),
        "vista_previa": reverse("admin:rendicion_informe_vista_previa", args=[i.pk]),
        "publicar_accion": reverse("admin:rendicion_informe_publicar", args=[i.pk]),
        "plantilla_accion": reverse("admin:rendicion_informe_plantilla"),
    }


def test_el_rol_de_rendicion_abre_cada_pagina(client, borrador):
    client.force_login(_personal(RENDICION))
    for nombre, url in _paginas(borrador).items():
        assert client.get(url).status_code == HTTPStatus.OK, nombre
    vista = client.get(_paginas(borrador)["vista_previa"]).content.decode()
    assert ("PQRS recibidas" in vista and "cifras en vivo" not in vista) or "Borrador" in vista


@pytest.mark.parametrize("rol", [VENTANILLA, FUNCIONARIO, COORDINACION_PQRS, SECRETARIA_CONSEJOS, None])
def test_los_otros_roles_no_ven_nada_de_los_informes(client, borrador, rol):
    client.force_login(_personal(rol))
    for nombre, url in _paginas(borrador).items():
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, nombre
        if nombre.endswith("_accion"):
            assert client.post(url, {"plantilla": "pqrs_ley_1474"}).status_code == HTTPStatus.FORBIDDEN
    assert "rendicion/informe" not in client.get(reverse("admin:index")).content.decode()
    borrador.refresh_from_db()
    assert borrador.estado == "borrador" and Informe.objects.count() == 1


def test_publicar_corregir_y_crear_desde_plantilla_por_el_admin(client, borrador):
    client.force_login(_personal(RENDICION))
    paginas = _paginas(borrador)
    respuesta = client.post(paginas["publicar_accion"])
    assert respuesta.status_code == HTTPStatus.FOUND
    borrador.refresh_from_db()
    assert borrador.estado == "publicado" and Indicador.objects.get().resultado is not None

    corregir = reverse("admin:rendicion_informe_corregir", args=[borrador.pk])
    sin_motivo = client.post(corregir, {"motivo": ""})
    assert sin_motivo.status_code == HTTPStatus.OK and "errornote" in sin_motivo.content.decode()
    assert client.post(corregir, {"motivo": "Faltaban datos."}).status_code == HTTPStatus.FOUND
    assert Informe.objects.filter(anterior=borrador, estado="borrador").exists()

    mal = client.post(
        paginas["plantilla_accion"],
        {"plantilla": "pqrs_ley_1474", "desde": "2026-03-01", "hasta": "2026-01-01"},
    )
    assert mal.status_code == HTTPStatus.OK and "2026-03-01" in mal.content.decode()  # keeps what was typed
    bien = client.post(
        paginas["plantilla_accion"],
        {"plantilla": "pqrs_ley_1474", "desde": "2026-01-01", "hasta": "2026-03-31"},
    )
    assert bien.status_code == HTTPStatus.FOUND
    assert Informe.objects.filter(plantilla="pqrs_ley_1474", estado="borrador").count() == 1


def test_un_informe_publicado_es_de_solo_lectura(client, borrador):
    informes.publicar(informe=borrador, actor=FuncionarioFactory())
    client.force_login(_personal(RENDICION))
    paginas = _paginas(borrador)
    pagina = client.get(paginas["informe"]).content.decode()
    assert 'name="titulo"' not in pagina and "no se edita" in pagina
    client.post(
        paginas["informe"],
        {"titulo": "Cambiado", "desde": "2026-01-01", "hasta": "2026-03-31", "fecha": "2026-04-05"},
    )
    seccion = borrador.secciones.get()
    assert 'name="titulo"' not in client.get(paginas["seccion"]).content.decode()
    client.post(paginas["seccion"], {"orden": 1, "titulo": "Cambiada", "narrativa": "x"})
    borrador.refresh_from_db()
    seccion.refresh_from_db()
    assert (borrador.titulo, seccion.titulo) == ("Informe del trimestre", "Atención")
    assert client.post(paginas["publicar_accion"]).status_code == HTTPStatus.OK  # refused, shown


def test_el_indicador_valida_sus_parametros(client, borrador):
    client.force_login(_personal(RENDICION))
    seccion = borrador.secciones.get()
    indicador = seccion.indicadores.get()
    url = reverse("admin:rendicion_seccion_change", args=[seccion.pk])
    datos = {
        "orden": 1,
        "titulo": "Atención",
        "narrativa": "Texto.",
        "indicadores-TOTAL_FORMS": 1,
        "indicadores-INITIAL_FORMS": 1,
        "indicadores-0-id": indicador.pk,
        "indicadores-0-seccion": seccion.pk,
        "indicadores-0-orden": 1,
        "indicadores-0-nombre": "PQRS recibidas",
        "indicadores-0-fuente": "pqrs.recibidas_por_tipo",
        "indicadores-0-parametros": '{"tipo": "x"}',
        "indicadores-0-grafico": "barras",
    }
    respuesta = client.post(url, datos)
    assert respuesta.status_code == HTTPStatus.OK and "no acepta: tipo" in respuesta.content.decode()
    datos["indicadores-0-parametros"] = '{"dependencia": "SINF"}'
    assert client.post(url, datos).status_code == HTTPStatus.FOUND
    indicador.refresh_from_db()
    assert indicador.parametros == {"dependencia": "SINF"}
