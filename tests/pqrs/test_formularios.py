"""Validation of the public PQRS forms: what is refused, with which Spanish message, and what passes."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from pqrs.forms import AportarInformacionForm, CalificarForm, RadicarForm
from pqrs.models.solicitud import DESCRIPCION_MAX
from tests.pqrs import archivos

pytestmark = pytest.mark.django_db


def datos_validos(**cambios) -> dict:
    datos = {
        "tipo": "queja",
        "tipo_persona": "natural",
        "tipo_documento": "CC",
        "numero_documento": "1144000001",
        "nombres": "Luz Marina",
        "apellidos": "Rentería Caicedo",
        "correo": "luz@correo.test",
        "telefono": "300 123 4567",
        "direccion": "Calle 5 # 10-20",
        "barrio": "San Antonio",
        "canal_respuesta": "correo_electronico",
        "asunto": "Luminaria dañada",
        "descripcion": "La luminaria de la calle 5 lleva dos semanas apagada.",
        "autorizacion": "on",
        # A fresh one-time token per call: each call is a new form (the same token is the same filing).
        "token_radicacion": str(uuid.uuid4()),
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}


def formulario(datos=None, adjuntos=()):
    datos = datos or datos_validos()
    datos.setdefault("token_radicacion", str(uuid.uuid4()))
    return RadicarForm(datos, MultiValueDict({"adjuntos": list(adjuntos)}))


def test_formulario_valido_con_pdf_guarda_el_tipo_leido_del_contenido():
    subido = archivos.pdf()
    subido.content_type = "text/html"  # whatever the browser says

    form = formulario(adjuntos=[subido])

    assert form.is_valid(), form.errors
    (adjunto,) = form.cleaned_data["adjuntos"]
    assert adjunto.content_type == "application/pdf"


def test_imagen_y_documento_de_oficina_se_aceptan():
    form = formulario(adjuntos=[archivos.png(), archivos.docx()])

    assert form.is_valid(), form.errors
    tipos = [a.content_type for a in form.cleaned_data["adjuntos"]]
    assert tipos == [
        "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]


@pytest.mark.parametrize(
    ("subido", "fragmento"),
    [
        (archivos.exe_como_pdf("factura.pdf"), "«factura.pdf» no es de un tipo permitido"),
        (archivos.zip_como_docx("carta.docx"), "«carta.docx» no es de un tipo permitido"),
        (
            archivos.pdf("grande.pdf", relleno=11 * archivos.MB),
            "«grande.pdf» pesa 11,0 MB; el máximo es 10,0 MB por archivo",
        ),
        (SimpleUploadedFile("vacio.pdf", b""), "«vacio.pdf» está vacío"),
    ],
    ids=["exe-renombrado", "zip-renombrado", "11-MB", "vacio"],
)
def test_adjunto_rechazado_con_mensaje_que_nombra_el_archivo(subido, fragmento):
    form = formulario(adjuntos=[subido])

    assert not form.is_valid()
    assert any(fragmento in error for error in form.errors["adjuntos"]), form.errors["adjuntos"]


def test_limite_de_tamano_configurable(settings):
    settings.ADJUNTO_MAX_BYTES = 1024

    form = formulario(adjuntos=[archivos.pdf("mediano.pdf", relleno=2048)])

    assert not form.is_valid()
    assert form.errors["adjuntos"] == [
        "El archivo «mediano.pdf» pesa 2,2 KB; el máximo es 1,0 KB por archivo."
    ]


def test_mas_de_cinco_adjuntos_se_rechazan():
    form = formulario(adjuntos=[archivos.pdf(f"f{i}.pdf") for i in range(6)])

    assert not form.is_valid()
    assert "como máximo 5 archivos; seleccionó 6" in form.errors["adjuntos"][0]


def test_descripcion_de_100_kb_se_rechaza_con_el_limite():
    form = formulario(datos_validos(descripcion="a" * 100_000))

    assert not form.is_valid()
    (error,) = form.errors["descripcion"]
    assert f"hasta {DESCRIPCION_MAX} caracteres" in error
    assert "tiene 100000" in error


def test_faltan_los_obligatorios_de_una_solicitud_con_nombre():
    form = RadicarForm({})

    assert not form.is_valid()
    esperados = {
        "tipo": "Elija el tipo de solicitud.",
        "asunto": "Escriba el asunto de su solicitud.",
        "descripcion": "Escriba la descripción de su solicitud.",
        "autorizacion": "Para radicar debe autorizar el tratamiento de datos personales.",
        "tipo_documento": "Elija el tipo de documento, o marque la opción anónima.",
        "numero_documento": "Escriba el número de documento, o marque la opción anónima.",
        "nombres": "Escriba sus nombres, o marque la opción anónima.",
        "apellidos": "Escriba sus apellidos, o marque la opción anónima.",
        "canal_respuesta": "Elija cómo quiere recibir la respuesta.",
    }
    for campo, mensaje in esperados.items():
        assert form.errors[campo] == [mensaje], campo


def test_anonima_no_pide_nombre_ni_documento_ni_medio_de_respuesta():
    form = formulario(
        {
            "tipo": "denuncia",
            "anonima": "on",
            "asunto": "Cobro irregular",
            "descripcion": "Un funcionario pide dinero por un trámite gratuito.",
            "autorizacion": "on",
        }
    )

    assert form.is_valid(), form.errors


def test_persona_juridica_necesita_razon_social_y_no_nombres():
    form = formulario(datos_validos(tipo_persona="juridica", tipo_documento="NIT", nombres="", apellidos=""))

    assert not form.is_valid()
    assert form.errors["razon_social"] == ["Escriba la razón social de la persona jurídica."]
    assert "nombres" not in form.errors

    form = formulario(
        datos_validos(tipo_persona="juridica", tipo_documento="NIT", nombres="", razon_social="JAC El Vergel")
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("cambios", "campo", "mensaje"),
    [
        (
            {"canal_respuesta": "correo_electronico", "correo": ""},
            "correo",
            "Escriba su correo electrónico: lo eligió para recibir la respuesta.",
        ),
        (
            {"canal_respuesta": "direccion_postal", "direccion": ""},
            "direccion",
            "Escriba su dirección: la eligió para recibir la respuesta.",
        ),
        (
            {"canal_respuesta": "correo_electronico", "correo": "no-es-correo"},
            "correo",
            "Escriba un correo electrónico válido, por ejemplo nombre@correo.com.",
        ),
    ],
    ids=["correo-sin-correo", "direccion-sin-direccion", "correo-invalido"],
)
def test_el_medio_de_respuesta_necesita_su_dato(cambios, campo, mensaje):
    form = formulario(datos_validos(**cambios))

    assert not form.is_valid()
    assert form.errors[campo] == [mensaje]


def test_anonima_que_elige_correo_tambien_debe_darlo():
    form = formulario(
        {
            "tipo": "queja",
            "anonima": "on",
            "canal_respuesta": "correo_electronico",
            "asunto": "A",
            "descripcion": "B",
            "autorizacion": "on",
        }
    )

    assert not form.is_valid()
    assert list(form.errors) == ["correo"]


def test_campo_trampa_lleno_invalida_el_formulario():
    form = formulario(datos_validos(sitio_web="http://spam.test"))

    assert not form.is_valid()
    assert form.es_trampa
    assert "programa que llena formularios" in form.non_field_errors()[0]


def test_errores_quedan_ligados_al_campo_para_lectores_de_pantalla():
    form = RadicarForm({"asunto": "x"})
    form.is_valid()

    html = str(form["descripcion"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_descripcion_helptext id_descripcion_error"' in html
    assert "is-invalid" in html and "form-control" in html
    # Radio and checkbox sets describe the fieldset, not each option.
    assert form["tipo"].aria_describedby == "id_tipo_helptext id_tipo_error"


def test_informacion_aportada_necesita_texto_o_documento():
    vacio = AportarInformacionForm({}, MultiValueDict())
    assert not vacio.is_valid()
    assert vacio.errors["texto"] == ["Escriba la información o adjunte al menos un documento."]

    solo_archivo = AportarInformacionForm({}, MultiValueDict({"adjuntos": [archivos.pdf()]}))
    assert solo_archivo.is_valid(), solo_archivo.errors

    exe = AportarInformacionForm(
        {"texto": "Adjunto"}, MultiValueDict({"adjuntos": [archivos.exe_como_pdf()]})
    )
    assert not exe.is_valid()
    assert "«factura.pdf» no es de un tipo permitido" in exe.errors["adjuntos"][0]


@pytest.mark.parametrize("valor", ["", "0", "6", "tres"])
def test_calificacion_solo_de_1_a_5(valor):
    form = CalificarForm({"calificacion": valor})

    assert not form.is_valid()
    assert "calificacion" in form.errors


def test_calificacion_valida():
    form = CalificarForm({"calificacion": "4", "comentario": "Buena atención"})

    assert form.is_valid()
    assert form.cleaned_data["calificacion"] == 4
