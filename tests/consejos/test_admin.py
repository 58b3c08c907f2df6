"""The technical secretariat's admin through the admin client: programming a session, its record in
inlines, held and cancelled; the acta's actions; the approved acta's lock; new commitments through their
service. A refused action shows the Spanish error and writes nothing."""

from datetime import date, datetime
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consejos.models import (
    Acta,
    Asistencia,
    Compromiso,
    EventoActa,
    EventoCompromiso,
    Integrante,
    PuntoAgenda,
    Sesion,
    VersionActa,
)
from consejos.services import actas, sesiones
from tests.civic.fabricas import DependenciaFactory, en_bogota
from tests.organizaciones.fabricas import pdf

from .fabricas import InstanciaFactory, integrantes, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return secretaria()


@pytest.fixture
def cliente(client, actor):
    client.force_login(actor)
    return client


@pytest.fixture
def instancia():
    instancia = InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5")
    integrantes(instancia)
    return instancia


def _valor(valor):
    if isinstance(valor, datetime):  # already in local time, as the form shows it
        return valor.strftime("%Y-%m-%dT%H:%M")
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, bool):
        return "on" if valor else None
    if isinstance(valor, list | tuple):
        return [str(v) for v in valor]
    return valor


def _campos(form, prefijo: str = "") -> dict:
    datos = {}
    for nombre in form.fields:
        valor = _valor(form[nombre].value())
        if valor is not None:
            datos[f"{prefijo}{nombre}"] = valor
    return datos


def datos_del_formulario(respuesta) -> dict:
    """What the change page would post as it is: the main form and every inline, unchanged."""
    datos = _campos(respuesta.context["adminform"].form)
    for inline in respuesta.context["inline_admin_formsets"]:
        formset = inline.formset
        datos.update(_campos(formset.management_form, f"{formset.prefix}-"))
        for form in formset.forms:
            datos.update(_campos(form, f"{form.prefix}-"))
    return datos


def _url_sesion(sesion) -> str:
    return reverse("admin:consejos_sesion_change", args=[sesion.pk])


def _programada(instancia, actor) -> Sesion:
    return sesiones.programar(
        instancia=instancia, inicio=en_bogota(2026, 8, 4, 9), lugar="Sede comunal", actor=actor
    )


# --- Programming and the record ------------------------------------------------------------------


def test_programar_numera_la_sesion_por_su_servicio(cliente, instancia):
    url = reverse("admin:consejos_sesion_add")
    respuesta = cliente.post(
        url, {"instancia": instancia.pk, "tipo": "ordinaria", "inicio": "2026-08-04T09:00"}
    )
    assert respuesta.status_code == HTTPStatus.OK
    assert "Este campo es obligatorio." in respuesta.content.decode()  # the place
    assert not Sesion.objects.exists()

    datos = {
        "instancia": instancia.pk,
        "tipo": "ordinaria",
        "inicio": "2026-08-04T09:00",
        "lugar": "Sede comunal El Vallado",
    }
    primera = cliente.post(url, datos)
    segunda = cliente.post(url, {**datos, "inicio": "2026-09-01T09:00"})
    s1, s2 = Sesion.objects.order_by("inicio")
    assert (s1.numero, s2.numero, s1.anio) == (1, 2, 2026)
    assert s1.comuna == instancia.comuna  # the instancia's, when none is given
    assert primera["Location"] == _url_sesion(s1) and segunda["Location"] == _url_sesion(s2)


def test_la_pagina_de_la_sesion_ofrece_a_los_integrantes_para_la_asistencia(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    respuesta = cliente.get(_url_sesion(sesion))
    asistencia = next(
        i.formset for i in respuesta.context["inline_admin_formsets"] if i.formset.model is Asistencia
    )
    miembros = {f["integrante"].value() for f in asistencia.forms}
    assert miembros == set(instancia.integrantes.values_list("pk", flat=True))
    # Choices are the instancia's members only.
    otro = Integrante.objects.create(
        instancia=InstanciaFactory(),
        nombre="De otra instancia",
        sector="otro",
        rol="miembro",
        inicio=date(2026, 1, 1),
    )
    assert otro.pk not in {c.pk for c in asistencia.forms[0].fields["integrante"].queryset}


def test_registrar_agenda_asistencia_y_un_compromiso_por_su_servicio(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    datos = datos_del_formulario(cliente.get(_url_sesion(sesion)))
    datos.update(
        {
            "agenda-0-orden": "1",
            "agenda-0-titulo": "Transporte masivo",
            "agenda-0-desarrollo": "Rutas alimentadoras.",
            "asistencias-0-estado": "presente",
            "asistencias-1-estado": "presente",
            "asistencias-2-estado": "excusado",
            "compromisos-TOTAL_FORMS": "1",
            "compromisos-0-descripcion": "Revisar la ruta A14 con Metrocali.",
            "compromisos-0-dependencia": str(DependenciaFactory().pk),
            "compromisos-0-fecha_vencimiento": "2026-09-15",
        }
    )
    respuesta = cliente.post(_url_sesion(sesion), datos)
    assert respuesta.status_code == HTTPStatus.FOUND, respuesta.context and respuesta.context.get("errors")
    assert PuntoAgenda.objects.get(sesion=sesion).titulo == "Transporte masivo"
    assert sesion.asistencias.filter(estado="presente").count() == 2
    assert sesion.asistencias.count() == 3  # the fourth member was left blank: not recorded
    compromiso = Compromiso.objects.get(sesion=sesion)
    assert compromiso.comuna == instancia.comuna
    assert EventoCompromiso.objects.filter(compromiso=compromiso, tipo="registrado").exists()

    # The quórum is shown from the attendance (2 + the excused do not count: 2 of 4 is not > 50 %).
    pagina = cliente.get(_url_sesion(sesion)).content.decode()
    assert "2 de 4 integrantes con voto presentes" in pagina
    assert "no hay quórum para decidir" in pagina


def test_un_compromiso_con_dos_responsables_se_rechaza_y_no_se_guarda_nada(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    datos = datos_del_formulario(cliente.get(_url_sesion(sesion)))
    datos.update(
        {
            "agenda-0-orden": "1",
            "agenda-0-titulo": "Seguridad",
            "compromisos-TOTAL_FORMS": "1",
            "compromisos-0-descripcion": "Patrullajes.",
            "compromisos-0-dependencia": str(DependenciaFactory().pk),
            "compromisos-0-integrante": str(instancia.integrantes.first().pk),
            "compromisos-0-fecha_vencimiento": "2026-09-15",
        }
    )
    respuesta = cliente.post(_url_sesion(sesion), datos)
    assert respuesta.status_code == HTTPStatus.OK
    assert "Indique un solo responsable" in respuesta.content.decode()
    assert not Compromiso.objects.exists() and not PuntoAgenda.objects.exists()


def test_un_anexo_se_revisa_por_su_contenido(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    datos = datos_del_formulario(cliente.get(_url_sesion(sesion)))
    datos.update(
        {
            "anexos-TOTAL_FORMS": "1",
            "anexos-0-titulo": "Listado de asistencia",
            "anexos-0-archivo": SimpleUploadedFile("listado.pdf", b"MZ\x90\x00 no soy un PDF"),
            "anexos-0-publico": "on",
        }
    )
    respuesta = cliente.post(_url_sesion(sesion), datos)
    assert respuesta.status_code == HTTPStatus.OK
    assert "no es de un tipo permitido" in respuesta.content.decode()
    assert not sesion.anexos.exists()
    datos["anexos-0-archivo"] = pdf("listado.pdf")
    assert cliente.post(_url_sesion(sesion), datos).status_code == HTTPStatus.FOUND
    anexo = sesion.anexos.get()
    descarga = cliente.get(reverse("admin:consejos_sesion_anexo", args=[sesion.pk, anexo.pk]))
    assert b"".join(descarga.streaming_content).startswith(b"%PDF")


# --- Held and cancelled --------------------------------------------------------------------------


def _accion_sesion(sesion, accion: str) -> str:
    return reverse("admin:consejos_sesion_accion", args=[sesion.pk, accion])


def test_registrar_como_realizada_abre_el_acta(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    pagina = cliente.get(_url_sesion(sesion)).content.decode()
    assert _accion_sesion(sesion, "realizar") in pagina
    respuesta = cliente.post(_accion_sesion(sesion, "realizar"), {"fin": "2026-08-04T11:30"})
    assert respuesta["Location"] == _url_sesion(sesion)
    sesion.refresh_from_db()
    assert sesion.estado == "realizada" and sesion.acta.numero == 1
    assert timezone.localtime(sesion.fin).hour == 11
    # Held: neither action is offered any more, and the service refuses a second one in Spanish.
    assert _accion_sesion(sesion, "realizar") not in cliente.get(_url_sesion(sesion)).content.decode()
    respuesta = cliente.post(_accion_sesion(sesion, "cancelar"), {"motivo": "Lluvia"})
    assert "Solo una sesión programada puede cancelarse." in respuesta.content.decode()
    sesion.refresh_from_db()
    assert sesion.estado == "realizada" and not sesion.motivo_cancelacion


def test_cancelar_pide_el_motivo(cliente, instancia, actor):
    sesion = _programada(instancia, actor)
    respuesta = cliente.post(_accion_sesion(sesion, "cancelar"), {"motivo": ""})
    assert "Este campo es obligatorio." in respuesta.content.decode()
    assert Sesion.objects.get(pk=sesion.pk).estado == "programada"
    cliente.post(_accion_sesion(sesion, "cancelar"), {"motivo": "Paro de transporte"})
    sesion.refresh_from_db()
    assert (sesion.estado, sesion.motivo_cancelacion) == ("cancelada", "Paro de transporte")


# --- The acta ----------------------------------------------------------------------------------


def _accion_acta(acta, accion: str) -> str:
    return reverse("admin:consejos_acta_accion", args=[acta.pk, accion])


def test_aprobar_sin_orden_del_dia_se_rechaza_en_espanol_y_no_escribe(cliente, instancia, actor):
    _sesion, acta = sesion_realizada(instancia, actor, puntos=0)
    eventos = EventoActa.objects.count()
    respuesta = cliente.post(_accion_acta(acta, "aprobar"), {"nota": ""})
    assert "Registre el orden del día de la sesión antes de aprobar el acta." in respuesta.content.decode()
    acta.refresh_from_db()
    assert acta.estado == "borrador" and EventoActa.objects.count() == eventos


def test_aprobar_bloquea_la_sesion_y_corregir_la_reabre(cliente, instancia, actor):
    sesion, acta = sesion_realizada(instancia, actor)
    url = _url_sesion(sesion)
    datos = datos_del_formulario(cliente.get(url))
    # The preview of the acta is on the approval page.
    assert "Transporte masivo en la comuna" in cliente.get(_accion_acta(acta, "aprobar")).content.decode()
    cliente.post(_accion_acta(acta, "aprobar"), {"nota": "Aprobada por unanimidad."})
    assert Acta.objects.get(pk=acta.pk).estado == "aprobada"

    pagina = cliente.get(url)
    assert pagina.status_code == HTTPStatus.OK and not pagina.context["has_change_permission"]
    assert all(
        not (i.has_add_permission or i.has_change_permission or i.has_delete_permission)
        for i in pagina.context["inline_admin_formsets"]
    )
    assert "son de solo lectura" in pagina.content.decode()
    datos["lugar"] = "Otro lugar"
    assert cliente.post(url, datos).status_code == HTTPStatus.FORBIDDEN
    assert Sesion.objects.get(pk=sesion.pk).lugar == "Sede comunal"

    # Published: still frozen; a correction makes it a draft and the session editable again.
    cliente.post(_accion_acta(acta, "publicar"))
    assert VersionActa.objects.vigentes().get(acta=acta).numero == 1
    assert cliente.post(url, datos).status_code == HTTPStatus.FORBIDDEN
    respuesta = cliente.post(_accion_acta(acta, "corregir"), {"motivo": ""})
    assert "Este campo es obligatorio." in respuesta.content.decode()
    assert Acta.objects.get(pk=acta.pk).estado == "publicada"
    cliente.post(_accion_acta(acta, "corregir"), {"motivo": "El lugar era otro."})
    assert Acta.objects.get(pk=acta.pk).estado == "borrador"
    assert cliente.post(url, datos).status_code == HTTPStatus.FOUND
    assert Sesion.objects.get(pk=sesion.pk).lugar == "Otro lugar"


def test_la_pagina_del_acta_muestra_sus_versiones_y_enlaces_publicos(cliente, instancia, actor):
    _sesion, acta = sesion_realizada(instancia, actor)
    actas.aprobar(acta=acta, actor=actor)
    actas.publicar(acta=acta, actor=actor)
    pagina = cliente.get(reverse("admin:consejos_acta_change", args=[acta.pk])).content.decode()
    assert reverse("consejos:acta", args=[acta.pk]) in pagina
    assert reverse("consejos:acta_pdf", args=[acta.pk]) in pagina
    assert reverse("consejos:acta_version", args=[acta.pk, 1]) in pagina
    assert "Transporte masivo en la comuna" in pagina  # the content
    # Published: only the correction is offered.
    assert _accion_acta(acta, "corregir") in pagina and _accion_acta(acta, "aprobar") not in pagina


def test_devolver_pide_el_motivo(cliente, instancia, actor):
    _sesion, acta = sesion_realizada(instancia, actor)
    actas.aprobar(acta=acta, actor=actor)
    respuesta = cliente.post(_accion_acta(acta, "devolver"), {"motivo": "  "})
    assert "Este campo es obligatorio." in respuesta.content.decode()
    assert Acta.objects.get(pk=acta.pk).estado == "aprobada"
    cliente.post(_accion_acta(acta, "devolver"), {"motivo": "Falta un punto."})
    assert Acta.objects.get(pk=acta.pk).estado == "borrador"


def test_el_escaneo_firmado_se_revisa_por_su_contenido(cliente, instancia, actor):
    _sesion, acta = sesion_realizada(instancia, actor)
    url = reverse("admin:consejos_acta_adjuntar_escaneo", args=[acta.pk])
    falso = SimpleUploadedFile("acta.pdf", b"#!/bin/sh\necho hola\n")
    respuesta = cliente.post(url, {"archivo": falso})
    assert "no es de un tipo permitido" in respuesta.content.decode()
    assert not Acta.objects.get(pk=acta.pk).escaneo_firmado
    assert cliente.post(url, {"archivo": pdf("acta.pdf")}).status_code == HTTPStatus.FOUND
    acta.refresh_from_db()
    assert acta.escaneo_firmado
    descarga = cliente.get(reverse("admin:consejos_acta_escaneo", args=[acta.pk]))
    assert b"".join(descarga.streaming_content).startswith(b"%PDF")
