"""A long export in the browser: the job's page follows the worker (htmx, every 2 s) and offers the file."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from civic.models import Exportacion
from pqrs.admin.exportacion import CLAVE as EXPORTACION_PQRS
from pqrs.roles import COORDINACION_PQRS
from tests.pqrs.factories import FuncionarioFactory

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

CLAVE = "Clave-de-prueba-2026"


@pytest.mark.parametrize("ancho", [1280, 360])
def test_la_pagina_del_trabajo_avanza_sola_y_da_el_enlace(
    sesion_de_personal, revisar_accesibilidad, settings, tmp_path, ancho
):
    settings.MEDIA_ROOT = tmp_path
    coordinadora = FuncionarioFactory(dependencia=None, email="carmen@alcaldia.test")
    coordinadora.groups.add(Group.objects.get(name=COORDINACION_PQRS))
    coordinadora.set_password(CLAVE)
    coordinadora.save()
    exportacion = Exportacion.objects.create(
        propietario=coordinadora,
        clave=EXPORTACION_PQRS,
        titulo="Solicitudes PQRS",
        nombre_archivo="solicitudes-pqrs-20260325.csv",
        estado=Exportacion.Estado.EN_CURSO,
        total=142_423,
        procesadas=56_000,
    )
    errores_csp: list[str] = []

    pagina = sesion_de_personal(coordinadora, CLAVE)
    pagina.on("console", lambda m: "Content Security Policy" in m.text and errores_csp.append(m.text))
    pagina.set_viewport_size({"width": ancho, "height": 800})
    pagina.goto(f"/admin/civic/exportacion/{exportacion.pk}/change/")
    avance = pagina.get_by_label("Avance")
    expect(avance).to_have_attribute("value", "39")
    expect(pagina.get_by_text("56.000 de 142.423 filas (39 %).")).to_be_visible()
    revisar_accesibilidad(pagina)
    assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho
    pagina.screenshot(path=f"/tmp/exportacion-en-curso-{ancho}.png", full_page=True)

    # The worker finishes: the page learns it by itself, announces it once and stops asking.
    exportacion.archivo.save("x.csv", io.BytesIO(b"\xef\xbb\xbfRadicado\r\n"), save=False)
    exportacion.estado = Exportacion.Estado.LISTA
    exportacion.procesadas = exportacion.total
    exportacion.terminada = timezone.now()
    exportacion.expira = exportacion.terminada + timedelta(hours=72)
    exportacion.save()
    enlace = pagina.get_by_role("link", name="Descargar el archivo (CSV,")
    expect(enlace).to_be_visible(timeout=10_000)
    expect(pagina.get_by_role("status")).to_have_text("El archivo está listo para descargar.")
    expect(pagina.get_by_text("Disponible hasta el ")).to_contain_text("después se borra")
    revisar_accesibilidad(pagina)
    assert pagina.evaluate("document.documentElement.scrollWidth") <= ancho
    pagina.screenshot(path=f"/tmp/exportacion-lista-{ancho}.png", full_page=True)
    with pagina.expect_download() as descarga:
        enlace.click()
    assert descarga.value.suggested_filename == "solicitudes-pqrs-20260325.csv"
    assert errores_csp == []
