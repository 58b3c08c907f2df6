"""Exports of the PQRS list that never lie: whole in the request while short, a job with progress beyond.

EXPORTACION_SINCRONA_MAX_FILAS is lowered to 2 here so that three requests take the job's path; Celery runs
the job in the test's process (the real worker's test is in tests/civic/test_celery_worker.py).
"""

import csv
import io
from datetime import timedelta
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from civic.models import Exportacion, Notificacion
from civic.services import exportaciones
from pqrs import exportar as csv_exportar
from pqrs import services
from pqrs.admin.exportacion import CLAVE
from rendicion.roles import RENDICION
from tests.apoyo import BROKER_CAIDO, configurar_celery
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, SolicitudFactory, coordinador

pytestmark = pytest.mark.django_db

EXPORTAR = reverse("admin:pqrs_solicitud_exportar")


def estado_de(exportacion):
    return reverse("admin:civic_exportacion_change", args=[exportacion.pk])


def descarga_de(exportacion):
    return reverse("admin:civic_exportacion_descargar", args=[exportacion.pk])


def leer(contenido: bytes) -> list[list[str]]:
    texto = contenido.decode("utf-8")
    assert texto.startswith("\ufeff")
    return list(csv.reader(io.StringIO(texto.lstrip("\ufeff"))))


@pytest.fixture
def corto(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EXPORTACION_SINCRONA_MAX_FILAS = 2
    settings.MUNICIPIO = {**settings.MUNICIPIO, "sitio": "https://portal.test"}
    return settings


@pytest.fixture
def coordinadora():
    return coordinador(first_name="Carmen", email="carmen@alcaldia.test")


@pytest.fixture
def tres():
    return [SolicitudFactory(asunto=f"Asunto {n}") for n in range(3)]


def test_una_lista_larga_sale_en_un_trabajo_con_avance_enlace_y_correo(
    client, corto, coordinadora, tres, monkeypatch, django_capture_on_commit_callbacks, mailoutbox
):
    # Progress is written every row here, to see it move.
    monkeypatch.setattr(exportaciones, "LOTE_AVANCE", 1)
    client.force_login(coordinadora)

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.get(EXPORTAR, {"canal__exact": "web"})

    exportacion = Exportacion.objects.get()
    assert respuesta.status_code == HTTPStatus.FOUND
    assert respuesta["Location"] == estado_de(exportacion)
    assert exportacion.propietario == coordinadora
    assert exportacion.parametros == "canal__exact=web"
    assert exportacion.estado == Exportacion.Estado.LISTA
    assert (exportacion.total, exportacion.procesadas) == (3, 3)
    assert exportacion.datos_personales is True
    assert exportacion.expira - exportacion.terminada == timedelta(hours=72)
    assert exportacion.archivo.name.startswith("exportaciones/")
    assert "solicitudes" not in exportacion.archivo.name  # a random private name

    pagina = client.get(estado_de(exportacion)).content.decode()
    assert "Descargar el archivo (CSV," in pagina
    assert descarga_de(exportacion) in pagina
    assert "El archivo está listo para descargar." in pagina
    assert "hx-get" not in pagina  # nothing left to poll

    descarga = client.get(descarga_de(exportacion))
    assert descarga.status_code == HTTPStatus.OK
    assert descarga["Content-Disposition"].startswith('attachment; filename="solicitudes-pqrs-')
    assert "no-store" in descarga["Cache-Control"]
    encabezado, *filas = leer(b"".join(descarga.streaming_content))
    assert "Número de documento" in encabezado
    assert sorted(f[0] for f in filas) == sorted(s.radicado for s in tres)

    (correo,) = mailoutbox
    assert correo.to == ["carmen@alcaldia.test"]
    assert "Su exportación está lista: Solicitudes PQRS" in correo.subject
    assert f"https://portal.test{estado_de(exportacion)}" in correo.body
    assert "3 filas" in correo.body
    assert Notificacion.objects.filter(plantilla=exportaciones.PLANTILLA_CORREO).count() == 1


def test_una_lista_corta_sale_entera_en_la_peticion_sin_trabajo(client, corto, coordinadora, tres):
    client.force_login(coordinadora)

    respuesta = client.get(EXPORTAR, {"q": "Asunto 1"})

    assert respuesta.status_code == HTTPStatus.OK
    assert not respuesta.streaming
    assert int(respuesta["Content-Length"]) == len(respuesta.content)
    _encabezado, *filas = leer(respuesta.content)
    assert [f[0] for f in filas] == [tres[1].radicado]
    assert not Exportacion.objects.exists()


def test_sin_permiso_de_datos_el_archivo_del_trabajo_no_trae_columnas_personales(
    client, corto, coordinadora, tres, django_capture_on_commit_callbacks
):
    infraestructura = DependenciaFactory()
    for solicitud in tres:
        services.asignar(solicitud=solicitud, dependencia=infraestructura, actor=coordinadora)
    # Reports (rendición de cuentas) see their dependencia's requests without personal data.
    analista = FuncionarioFactory(dependencia=infraestructura)
    analista.groups.add(Group.objects.get(name=RENDICION))
    client.force_login(analista)

    with django_capture_on_commit_callbacks(execute=True):
        client.get(EXPORTAR)

    exportacion = Exportacion.objects.get()
    assert exportacion.datos_personales is False
    encabezado, *filas = leer(b"".join(client.get(descarga_de(exportacion)).streaming_content))
    assert "Número de documento" not in encabezado
    assert len(filas) == 3
    assert not any(s.numero_documento in ",".join(f) for s in tres for f in filas)


def test_la_pagina_del_trabajo_muestra_el_avance_y_htmx_deja_de_consultar_al_terminar(
    client, corto, coordinadora
):
    exportacion = Exportacion.objects.create(
        propietario=coordinadora,
        clave=CLAVE,
        titulo="Solicitudes PQRS",
        nombre_archivo="solicitudes-pqrs-20260325.csv",
        estado=Exportacion.Estado.EN_CURSO,
        total=142_423,
        procesadas=56_000,
    )
    client.force_login(coordinadora)

    pagina = client.get(estado_de(exportacion)).content.decode()
    assert '<progress id="exportacion-avance" class="exportacion-barra" max="100" value="39">' in pagina
    assert "56.000 de 142.423 filas (39 %)." in pagina
    assert f'hx-get="{estado_de(exportacion)}" hx-trigger="every 2s"' in pagina
    assert '<p id="exportacion-aviso" class="exportacion-aviso" role="status"></p>' in pagina
    parte = client.get(estado_de(exportacion), headers={"HX-Request": "true"})
    assert parte.status_code == HTTPStatus.OK
    assert "<html" not in parte.content.decode()
    assert "hx-swap-oob" not in parte.content.decode()
    # The file is not there until the job says so.
    assert client.get(descarga_de(exportacion)).status_code == HTTPStatus.NOT_FOUND

    Exportacion.objects.filter(pk=exportacion.pk).update(estado=Exportacion.Estado.FALLIDA, error="Falló.")
    final = client.get(estado_de(exportacion), headers={"HX-Request": "true"})
    # 286: htmx's "stop polling", with the outcome for the live region.
    assert final.status_code == 286
    assert 'hx-swap-oob="innerHTML">La exportación no se pudo terminar.' in final.content.decode()
    assert "No se entregó ningún archivo incompleto." in final.content.decode()


def test_un_error_a_mitad_del_archivo_deja_el_trabajo_fallido_y_ningun_archivo(
    client, corto, coordinadora, tres, monkeypatch, django_capture_on_commit_callbacks
):
    original = csv_exportar.lineas_csv

    def se_cae(*args, **kwargs):
        for numero, linea in enumerate(original(*args, **kwargs)):
            if numero == 2:
                raise OperationalError("el servidor cerró la conexión")
            yield linea

    monkeypatch.setattr(csv_exportar, "lineas_csv", se_cae)
    client.force_login(coordinadora)

    with pytest.raises(OperationalError), django_capture_on_commit_callbacks(execute=True):
        client.get(EXPORTAR)

    exportacion = Exportacion.objects.get()
    assert exportacion.estado == Exportacion.Estado.FALLIDA
    assert exportacion.error == "Ocurrió un error al generar el archivo. Vuelva a exportar."
    assert not exportacion.archivo
    assert client.get(descarga_de(exportacion)).status_code == HTTPStatus.NOT_FOUND
    pagina = client.get(estado_de(exportacion)).content.decode()
    assert "Ocurrió un error al generar el archivo." in pagina
    assert "No se entregó ningún archivo incompleto." in pagina


def test_sin_broker_el_trabajo_queda_fallido_y_no_esperando_para_siempre(
    client, corto, coordinadora, tres, django_capture_on_commit_callbacks
):
    client.force_login(coordinadora)

    with (
        configurar_celery(task_always_eager=False, broker_url=BROKER_CAIDO),
        django_capture_on_commit_callbacks(execute=True),
    ):
        respuesta = client.get(EXPORTAR)

    exportacion = Exportacion.objects.get()
    assert respuesta.status_code == HTTPStatus.FOUND
    assert exportacion.estado == Exportacion.Estado.FALLIDA
    assert "No se pudo poner en cola" in client.get(respuesta["Location"]).content.decode()


def test_un_trabajo_sin_avance_se_da_por_interrumpido_y_los_vencidos_se_borran(corto, coordinadora, client):
    comun = {
        "propietario": coordinadora,
        "clave": CLAVE,
        "titulo": "Solicitudes PQRS",
        "nombre_archivo": "x.csv",
    }
    parado = Exportacion.objects.create(**comun, estado=Exportacion.Estado.EN_CURSO, total=10, procesadas=4)
    hace_una_hora = timezone.now() - timedelta(hours=1)
    Exportacion.objects.filter(pk=parado.pk).update(actualizada=hace_una_hora)
    vencida = Exportacion.objects.create(**comun, estado=Exportacion.Estado.LISTA)
    vencida.archivo.save("x.csv", io.BytesIO(b"radicado\n"))
    ruta = vencida.archivo.path
    Exportacion.objects.filter(pk=vencida.pk).update(expira=hace_una_hora)
    client.force_login(coordinadora)

    # Shown as interrupted at once, before any sweep.
    pagina = client.get(estado_de(parado)).content.decode()
    assert "Se interrumpió sin terminar. Vuelva a exportar." in pagina
    assert "hx-get" not in pagina

    assert exportaciones.limpiar() == (1, 1)
    parado.refresh_from_db()
    assert parado.estado == Exportacion.Estado.FALLIDA
    assert not Exportacion.objects.filter(pk=vencida.pk).exists()
    assert not Path(ruta).exists()
