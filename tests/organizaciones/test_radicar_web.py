"""Filing a procedure on the portal: the list of what can be filed, one form per type built from its
checklist, the law's refusals next to their fields (keeping what was typed), and the code shown once."""

import uuid
from datetime import date

import pytest
from django.urls import reverse

from civic.models import Barrio
from civic.sitio.politica import POLITICA_DATOS_VERSION
from organizaciones.models import (
    ClaseTramite,
    Dignatario,
    DocumentoRequerido,
    EstadoOrganizacion,
    Libro,
    Organizacion,
    Tramite,
)
from tests.civic.fabricas import ComunaFactory
from tests.pqrs.test_vistas_publicas import limpiar_limites

from .fabricas import OrganizacionFactory, pdf

pytestmark = pytest.mark.django_db

NIT_VALIDO = "900373913-4"


@pytest.fixture(autouse=True)
def _limites():
    limpiar_limites()
    yield
    limpiar_limites()


def url(clase: str) -> str:
    return reverse("organizaciones:radicar", args=[clase])


def peticionario(**extra) -> dict:
    return {
        "tipo_documento": "CC",
        "numero_documento": "31999888",
        "nombres": "Marta Lucía",
        "apellidos": "Arboleda",
        "correo": "presidencia.jac@correo.test",
        "telefono": "300 123 4567",
        "direccion": "Calle 5 # 10-20",
        "autorizacion": "on",
        # The blank form's one-time token (civic.expedientes.acuse): a fresh one per filled form.
        "token_radicacion": str(uuid.uuid4()),
        **extra,
    }


def documentos(clase: str, *, omitir: int | None = None) -> dict:
    return {
        f"documento_{d.pk}": pdf(f"doc-{d.pk}.pdf")
        for d in DocumentoRequerido.objects.filter(tipo__clase=clase, obligatorio=True)
        if d.pk != omitir
    }


def reconocimiento(comuna, **extra) -> dict:
    return {
        **peticionario(),
        "tipo": "jac",
        "nombre": "Junta de Acción Comunal Barrio El Vallado",
        "nit": NIT_VALIDO,
        "comuna": comuna.pk,
        "clase_territorio": "barrio_capital",
        "afiliados": "80",
        "fecha_constitucion": "2026-03-15",
        "direccion_organizacion": "Carrera 40 # 50-10",
        "correo_contacto": "jac.vallado@correo.test",
        "contacto_publico": "on",
        **documentos(ClaseTramite.RECONOCIMIENTO),
        **extra,
    }


def dignatarios(filas: list[dict], total: int | None = None) -> dict:
    datos = {
        "dignatarios-TOTAL_FORMS": str(total or len(filas)),
        "dignatarios-INITIAL_FORMS": "0",
        "dignatarios-MIN_NUM_FORMS": "0",
        "dignatarios-MAX_NUM_FORMS": "60",
    }
    for i, fila in enumerate(filas):
        datos.update({f"dignatarios-{i}-{k}": v for k, v in fila.items()})
    return datos


def persona(i: int, *, genero="mujer", cargo="presidente", documento=None) -> dict:
    return {
        "nombres": f"Persona {i}",
        "apellidos": "Prueba",
        "tipo_documento": "CC",
        "numero_documento": documento or str(5000 + i),
        "genero": genero,
        "cargo": cargo,
        "inicio": "2026-07-01",
        "fin": "2030-06-30",
    }


def junta_web(n=5, mujeres=2) -> list[dict]:
    cargos = ["presidente", "vicepresidente", "tesorero", "secretario", "fiscal", "conciliador"]
    return [persona(i, genero="mujer" if i < mujeres else "hombre", cargo=cargos[i % 6]) for i in range(n)]


def errores(respuesta, campo: str) -> list[str]:
    return [str(e) for e in respuesta.context["form"].errors.get(campo, [])]


# --- The list -----------------------------------------------------------------------------------


def test_la_lista_ofrece_solo_los_tramites_en_linea_con_su_termino_y_documentos(client):
    respuesta = client.get(reverse("organizaciones:tramites"))
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Reconocimiento de personería jurídica" in html
    assert "Certificado de delimitación del territorio" in html
    assert url("inscripcion_dignatarios") in html
    assert "15 días hábiles" in html
    # De oficio only: the IVC office opens them.
    assert url("suspension") not in html and url("cancelacion") not in html
    assert client.get(url("suspension")).status_code == 404
    assert client.get(url("no-existe")).status_code == 404


def test_la_lista_lee_en_un_numero_fijo_de_consultas(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(reverse("organizaciones:tramites"))


def test_el_formulario_tiene_un_campo_por_documento_de_la_lista(client):
    respuesta = client.get(url("reconocimiento"))
    assert respuesta.status_code == 200
    form = respuesta.context["form"]
    for requisito in DocumentoRequerido.objects.filter(tipo__clase="reconocimiento"):
        campo = form.fields[f"documento_{requisito.pk}"]
        assert campo.label == requisito.nombre
        assert campo.required == requisito.obligatorio
    assert "afiliados" in form.fields and "fecha_asamblea" not in form.fields


# --- Reconocimiento -----------------------------------------------------------------------------


def test_radica_un_reconocimiento_y_muestra_el_codigo_una_sola_vez(client):
    comuna = ComunaFactory(numero=15)
    barrio = Barrio.objects.create(comuna=comuna, nombre="El Vallado")
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna, barrio=barrio.pk))
    tramite = Tramite.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("organizaciones:radicado", args=[tramite.radicado])
    assert tramite.clase == ClaseTramite.RECONOCIMIENTO
    assert tramite.canal == "portal"
    assert tramite.autorizacion_datos_version == POLITICA_DATOS_VERSION
    assert tramite.adjuntos.count() == DocumentoRequerido.objects.filter(tipo__clase="reconocimiento").count()
    organizacion = tramite.organizacion
    assert organizacion.estado == EstadoOrganizacion.EN_TRAMITE
    assert (organizacion.nit, organizacion.barrio, organizacion.afiliados) == (NIT_VALIDO, barrio, 80)
    assert organizacion.contacto_publico is True
    assert organizacion.fecha_constitucion == date(2026, 3, 15)

    pagina = client.get(respuesta["Location"])
    html = pagina.content.decode()
    codigo = pagina.context["codigo"]
    assert codigo and codigo in html
    assert tramite.radicado in html
    assert reverse("expedientes:consultar") in html
    # Shown once: a reload (or anyone later with this session) no longer sees it.
    otra = client.get(respuesta["Location"])
    assert otra.context["codigo"] is None
    assert codigo not in otra.content.decode()


def test_la_pagina_del_radicado_es_solo_de_la_sesion_que_radico(client):
    comuna = ComunaFactory()
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna))
    client.cookies.clear()
    assert client.get(respuesta["Location"]).status_code == 404


def test_afiliados_por_debajo_del_minimo_se_dice_junto_al_campo_y_conserva_lo_escrito(client):
    comuna = ComunaFactory()
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna, afiliados="40"))
    assert respuesta.status_code == 200
    assert Tramite.objects.count() == 0 and Organizacion.objects.count() == 0
    [mensaje] = errores(respuesta, "afiliados")
    assert "al menos 75 afiliados" in mensaje and "art. 11" in mensaje
    html = respuesta.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_afiliados_error"' in html
    assert 'value="Junta de Acción Comunal Barrio El Vallado"' in html  # what was typed stays
    assert 'value="40"' in html
    assert "vuelva a seleccionarlos" in html  # files must be chosen again


def test_una_jac_sin_clase_de_territorio_se_rechaza_junto_a_ese_campo(client):
    comuna = ComunaFactory()
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna, clase_territorio=""))
    assert "clase de territorio" in errores(respuesta, "clase_territorio")[0]


def test_una_jvc_con_pocas_familias_se_rechaza_junto_al_campo(client):
    comuna = ComunaFactory()
    datos = reconocimiento(comuna, tipo="jvc", familias="4", nombre="Junta de Vivienda Los Robles")
    respuesta = client.post(url("reconocimiento"), datos)
    assert "al menos 10 familias" in errores(respuesta, "familias")[0]


def test_nit_con_digito_de_verificacion_errado_se_rechaza_junto_al_nit(client):
    comuna = ComunaFactory()
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna, nit="900373913-5"))
    [mensaje] = errores(respuesta, "nit")
    assert "dígito de verificación" in mensaje
    assert 'value="900373913-5"' in respuesta.content.decode()
    assert Tramite.objects.count() == 0


def test_falta_un_documento_obligatorio_se_dice_junto_a_su_casilla(client):
    comuna = ComunaFactory()
    requisito = DocumentoRequerido.objects.filter(tipo__clase="reconocimiento", obligatorio=True).first()
    datos = reconocimiento(comuna)
    del datos[f"documento_{requisito.pk}"]
    respuesta = client.post(url("reconocimiento"), datos)
    [mensaje] = errores(respuesta, f"documento_{requisito.pk}")
    assert requisito.nombre in mensaje and "obligatorio" in mensaje
    assert f'href="#id_documento_{requisito.pk}"' in respuesta.content.decode()  # the summary jumps there


def test_un_archivo_que_no_es_lo_que_dice_se_rechaza_por_su_contenido(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    comuna = ComunaFactory()
    requisito = DocumentoRequerido.objects.filter(tipo__clase="reconocimiento", obligatorio=True).first()
    falso = SimpleUploadedFile("acta.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    respuesta = client.post(
        url("reconocimiento"), reconocimiento(comuna, **{f"documento_{requisito.pk}": falso})
    )
    assert "por su contenido" in errores(respuesta, f"documento_{requisito.pk}")[0]


def test_sin_autorizacion_de_datos_no_se_radica(client):
    comuna = ComunaFactory()
    datos = reconocimiento(comuna)
    del datos["autorizacion"]
    respuesta = client.post(url("reconocimiento"), datos)
    assert "autorizar el tratamiento" in errores(respuesta, "autorizacion")[0]


def test_el_limite_de_radicaciones_conserva_lo_escrito(client, settings):
    settings.LIMITE_RADICAR = 1
    comuna = ComunaFactory()
    assert client.post(url("reconocimiento"), reconocimiento(comuna)).status_code == 302
    respuesta = client.post(url("reconocimiento"), reconocimiento(comuna, nit="", nombre="Otra junta"))
    assert respuesta.status_code == 429
    assert 'value="Otra junta"' in respuesta.content.decode()
    assert Tramite.objects.count() == 1
    assert client.get(url("reconocimiento")).status_code == 429


# --- Inscripción de dignatarios -------------------------------------------------------------------


def test_radica_una_inscripcion_de_dignatarios_ignorando_las_filas_vacias(client):
    junta = OrganizacionFactory(nit=NIT_VALIDO)
    datos = {
        **peticionario(),
        "nit": "900.373.913-4",  # written another way: the same organization
        **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        **dignatarios(junta_web(5, mujeres=2), total=7),
    }
    respuesta = client.post(url("inscripcion_dignatarios"), datos)
    assert respuesta.status_code == 302, respuesta.context["form"].errors
    tramite = Tramite.objects.get()
    assert tramite.organizacion == junta
    propuestos = Dignatario.objects.filter(tramite=tramite)
    assert propuestos.count() == 5
    assert not propuestos.filter(vigente=True).exists()  # in force only when the act inscribes them


def test_el_periodo_de_los_dignatarios_viene_del_periodo_en_curso(client):
    respuesta = client.get(url("inscripcion_dignatarios"))
    fila = respuesta.context["dignatarios"].forms[0]
    inicio, fin = fila.fields["inicio"].initial, fila.fields["fin"].initial
    assert (inicio.month, inicio.day, fin.month, fin.day) == (7, 1, 6, 30)
    assert fin.year - inicio.year == 4


def test_menos_del_30_por_ciento_de_mujeres_se_dice_en_la_lista_y_conserva_las_filas(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        **dignatarios(junta_web(5, mujeres=1)),
    }
    respuesta = client.post(url("inscripcion_dignatarios"), datos)
    assert respuesta.status_code == 200
    [mensaje] = respuesta.context["dignatarios"].non_form_errors()
    assert "30%" in mensaje and "art. 33" in mensaje
    html = respuesta.content.decode()
    assert 'id="dignatarios_error"' in html and 'href="#grupo-dignatarios"' in html
    assert 'value="Persona 4"' in html
    assert Tramite.objects.count() == 0


def test_una_persona_activa_en_otra_organizacion_se_rechaza_en_la_lista(client):
    from organizaciones.models import Resolucion

    otra = OrganizacionFactory(nombre="Junta de Acción Comunal Vecina")
    from tests.civic.fabricas import FuncionarioFactory

    funcionario = FuncionarioFactory()
    tramite_otra = Tramite.objects.create(
        clase="inscripcion_dignatarios",
        organizacion=otra,
        plazo_dias=15,
        radicado="DIG-2026-000099",
        serie="org-inscripcion_dignatarios",
        anio=2026,
        consecutivo=99,
        radicada_en="2026-07-02T10:00Z",
        fecha_radicacion_efectiva=date(2026, 7, 2),
        anonima=True,
    )
    resolucion = Resolucion.objects.create(
        numero=1,
        anio=2026,
        fecha=date(2026, 7, 10),
        clase="inscripcion_dignatarios",
        sentido="aprueba",
        organizacion=otra,
        tramite=tramite_otra,
        considerandos="…",
        firmante=funcionario,
    )
    Dignatario.objects.create(
        organizacion=otra,
        nombres="Ana",
        apellidos="Ocupada",
        numero_documento="7777",
        genero="mujer",
        cargo="presidente",
        inicio=date(2026, 7, 1),
        fin=date(2030, 6, 30),
        vigente=True,
        resolucion=resolucion,
    )
    OrganizacionFactory(nit=NIT_VALIDO)
    filas = [*junta_web(4, mujeres=2), persona(9, documento="7777")]
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        **dignatarios(filas),
    }
    respuesta = client.post(url("inscripcion_dignatarios"), datos)
    [mensaje] = respuesta.context["dignatarios"].non_form_errors()
    assert "Ana Ocupada" in mensaje and "Junta de Acción Comunal Vecina" in mensaje and "art. 35" in mensaje
    assert Tramite.objects.filter(clase="inscripcion_dignatarios").count() == 1


def test_una_fila_empezada_debe_completarse(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    fila = {"nombres": "Sin Apellido", "inicio": "2026-07-01", "fin": "2030-06-30"}
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        **dignatarios([*junta_web(3, mujeres=1), fila]),
    }
    respuesta = client.post(url("inscripcion_dignatarios"), datos)
    fila_errores = respuesta.context["dignatarios"].forms[3].errors
    assert "apellidos" in fila_errores and "deje la fila vacía" in fila_errores["apellidos"][0]


def test_agregar_filas_conserva_lo_escrito_sin_radicar_ni_mostrar_errores(client):
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        **dignatarios(junta_web(2, mujeres=1), total=6),
        "agregar_filas": "1",
    }
    respuesta = client.post(url("inscripcion_dignatarios"), datos)
    assert respuesta.status_code == 200
    assert len(respuesta.context["dignatarios"].forms) == 9
    html = respuesta.content.decode()
    assert 'value="Persona 1"' in html and 'value="Marta Lucía"' in html
    assert "Revise lo siguiente" not in html
    assert Tramite.objects.count() == 0


def test_un_nit_que_no_esta_registrado_se_dice_junto_al_nit(client):
    datos = {**peticionario(), "nit": NIT_VALIDO, **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS)}
    respuesta = client.post(url("inscripcion_dignatarios"), {**datos, **dignatarios(junta_web())})
    assert "No hay una organización registrada" in errores(respuesta, "nit")[0]


def test_una_organizacion_suspendida_no_inscribe_dignatarios(client):
    OrganizacionFactory(
        nit=NIT_VALIDO, estado=EstadoOrganizacion.SUSPENDIDA, suspendida_hasta=date(2030, 1, 1)
    )
    datos = {**peticionario(), "nit": NIT_VALIDO, **documentos(ClaseTramite.INSCRIPCION_DIGNATARIOS)}
    respuesta = client.post(url("inscripcion_dignatarios"), {**datos, **dignatarios(junta_web())})
    assert "personería jurídica vigente" in errores(respuesta, "nit")[0]


# --- Registro de libros, reforma, elección, impugnación ---------------------------------------------


def test_radica_un_registro_de_libros(client):
    junta = OrganizacionFactory(nit=NIT_VALIDO)
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        "folios_tesoreria": "100",
        "folios_actas_asamblea": "200",
        **documentos(ClaseTramite.REGISTRO_LIBROS),
    }
    respuesta = client.post(url("registro_libros"), datos)
    assert respuesta.status_code == 302
    tramite = Tramite.objects.get()
    assert set(Libro.objects.filter(tramite=tramite).values_list("tipo", "folios")) == {
        ("tesoreria", 100),
        ("actas_asamblea", 200),
    }
    assert tramite.organizacion == junta


def test_registro_de_libros_sin_ningun_libro_se_dice_en_la_lista(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    datos = {**peticionario(), "nit": NIT_VALIDO, **documentos(ClaseTramite.REGISTRO_LIBROS)}
    respuesta = client.post(url("registro_libros"), datos)
    assert respuesta.status_code == 200
    assert respuesta.context["form"].errores_libros
    html = respuesta.content.decode()
    assert 'id="libros_error"' in html and 'href="#grupo-libros"' in html
    assert Tramite.objects.count() == 0


def test_radica_una_reforma_con_la_fecha_de_la_asamblea(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        "fecha_asamblea": "2026-05-10",
        **documentos(ClaseTramite.REFORMA_ESTATUTOS),
    }
    assert client.post(url("reforma_estatutos"), datos).status_code == 302
    assert Tramite.objects.get().datos == {"fecha_asamblea": "2026-05-10"}


def test_eleccion_fuera_de_termino_exige_fecha_y_causa(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    datos = {**peticionario(), "nit": NIT_VALIDO, **documentos(ClaseTramite.ELECCION_FUERA_TERMINO)}
    respuesta = client.post(url("eleccion_fuera_termino"), datos)
    assert errores(respuesta, "fecha_eleccion") and errores(respuesta, "causa")
    datos.update(fecha_eleccion="2026-09-20", causa="La asamblea no tuvo quórum en abril.")
    datos.update(documentos(ClaseTramite.ELECCION_FUERA_TERMINO))
    assert client.post(url("eleccion_fuera_termino"), datos).status_code == 302
    assert Tramite.objects.get().datos["causa"] == "La asamblea no tuvo quórum en abril."


def test_impugnacion_de_una_resolucion_que_no_es_de_la_organizacion_se_rechaza(client):
    OrganizacionFactory(nit=NIT_VALIDO)
    datos = {
        **peticionario(),
        "nit": NIT_VALIDO,
        "resolucion_numero": "12",
        "resolucion_anio": "2026",
        **documentos(ClaseTramite.IMPUGNACION),
    }
    respuesta = client.post(url("impugnacion"), datos)
    assert "resolución de inscripción que se impugna" in errores(respuesta, "resolucion_numero")[0]


def test_el_mismo_formulario_enviado_dos_veces_radica_una_sola_vez(client):
    """A double click, or the back button and send again: one procedure, one organization, and the
    browser lands on the filing page of the first, with its code."""
    comuna = ComunaFactory()
    datos = reconocimiento(comuna)
    primera = client.post(url("reconocimiento"), datos)
    segunda = client.post(url("reconocimiento"), {**datos, **documentos("reconocimiento")})
    assert Tramite.objects.count() == 1 and Organizacion.objects.count() == 1
    assert segunda.status_code == 302 and segunda["Location"] == primera["Location"]
    pagina = client.get(segunda["Location"])
    assert pagina.status_code == 200 and pagina.context["codigo"]
