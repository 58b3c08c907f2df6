"""A citizen asks a question at an audiencia in Chromium: the form (also with its errors), the radicado and
the code shown once, the tracking on /consultar/, and the answer on the audiencia's page once staff answer;
the list of audiencias and the survey. axe at 1280 and 360 px on every page."""

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from rendicion.models import AccionMejora, Audiencia, Pregunta
from rendicion.services import audiencias as servicios
from rendicion.services import preguntas
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory
from tests.e2e.test_acciones_pqrs import en_cada_ancho

pytestmark = [pytest.mark.navegador, pytest.mark.django_db(transaction=True)]

FOTOS = Path("/tmp/fotos_audiencias")


@pytest.fixture(autouse=True)
def limite_libre():
    for accion in ("radicar", "consultar", "rendicion_tema"):
        cache.delete(f"civic:limite:{accion}:127.0.0.1")
    yield
    for accion in ("radicar", "consultar", "rendicion_tema"):
        cache.delete(f"civic:limite:{accion}:127.0.0.1")


@pytest.fixture
def audiencias():
    ahora = timezone.now()
    proxima = Audiencia.objects.create(
        titulo="Audiencia pública de rendición de cuentas, segundo semestre",
        fecha=ahora + timedelta(days=5),
        lugar="Recinto del Concejo Municipal",
        transmision="https://video.example.org/audiencia",
        convocatoria="Invitamos a la ciudadanía a la audiencia pública.",
    )
    pasada = Audiencia.objects.create(
        titulo="Audiencia pública de rendición de cuentas, primer semestre",
        fecha=ahora - timedelta(days=30),
        lugar="Coliseo de la comuna 20",
        memorias="## Memorias\n\nSe presentaron los informes y se respondieron **12** preguntas.",
    )
    AccionMejora.objects.create(
        audiencia=pasada,
        descripcion="Publicar las respuestas en lenguaje claro.",
        dependencia=DependenciaFactory(nombre="Departamento Administrativo de Planeación", sigla="DAP"),
        fecha_vencimiento=date.today() - timedelta(days=10),
    )
    servicios.evaluar(audiencia=pasada, informacion_clara=4, preguntas_atendidas=3, organizacion=5)
    return proxima, pasada


def _fotos(carpeta: Path) -> None:
    FOTOS.mkdir(exist_ok=True)
    for foto in carpeta.glob("*.png"):
        shutil.copy(foto, FOTOS / foto.name)


def test_un_ciudadano_pregunta_sigue_su_pregunta_y_lee_la_respuesta(
    page, revisar_accesibilidad, tmp_path, audiencias
):
    proxima, _pasada = audiencias
    page.goto("/rendicion/audiencias/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audiencias públicas de rendición de cuentas")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "lista")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name=proxima.titulo).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(proxima.titulo)
    page.get_by_role("link", name="Hacer una pregunta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hacer una pregunta")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "preguntar")

    page.set_viewport_size({"width": 1280, "height": 900})
    texto = page.get_by_role("textbox", name="Su pregunta")
    texto.fill("¿Cuándo se pavimenta la calle 5 en Siloé?")
    page.get_by_role("textbox", name="Nombres").fill("Rosa")
    page.get_by_role("button", name="Enviar la pregunta").click()
    expect(page.locator("#resumen-errores")).to_contain_text("marque la opción anónima")
    expect(texto).to_have_value("¿Cuándo se pavimenta la calle 5 en Siloé?")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "preguntar-errores")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("textbox", name="Nombres").fill("")
    page.get_by_role("checkbox", name="Quiero preguntar de forma anónima").check()
    page.get_by_role("button", name="Enviar la pregunta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Su pregunta fue radicada")
    radicado = page.locator("#numero-radicado").inner_text()
    codigo = page.locator("#codigo-consulta").inner_text()
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "radicada")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("main").get_by_role("link", name="Consultar solicitud").click()
    page.get_by_role("textbox", name="Número de radicado").fill(radicado)
    page.get_by_role("textbox", name="Código de consulta").fill(codigo)
    page.locator("main form").get_by_role("button").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(radicado)
    expect(page.locator("#texto-pregunta")).to_have_text("¿Cuándo se pavimenta la calle 5 en Siloé?")
    expect(page.locator("#estado-expediente")).to_have_text("Recibida, en moderación")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "seguimiento")

    # Staff publish and answer it (the admin's forms call these same services).
    pregunta = Pregunta.objects.get(radicado=radicado)
    staff = FuncionarioFactory()
    preguntas.publicar(pregunta=pregunta, actor=staff)
    preguntas.responder(pregunta=pregunta, respuesta="En el primer semestre de 2027.", actor=staff)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    expect(page.locator("#respuesta")).to_have_text("En el primer semestre de 2027.")
    page.goto(f"/rendicion/audiencias/{proxima.pk}/")
    expect(page.locator(f"#pregunta-{radicado}")).to_contain_text("En el primer semestre de 2027.")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "audiencia")
    _fotos(tmp_path)


def test_la_audiencia_realizada_y_su_encuesta(page, revisar_accesibilidad, tmp_path, audiencias):
    _proxima, pasada = audiencias
    page.goto(f"/rendicion/audiencias/{pasada.pk}/")
    expect(page.locator("#tabla-evaluacion")).to_be_visible()
    expect(page.locator(".lista-acciones")).to_contain_text("Vencida")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "audiencia-pasada")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Evaluar la audiencia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluar la audiencia")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "evaluar")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Enviar la evaluación").click()
    expect(page.locator("#resumen-errores")).to_contain_text("Elija una calificación de 1 a 5")
    en_cada_ancho(page, revisar_accesibilidad, tmp_path, "evaluar-errores")
    page.set_viewport_size({"width": 1280, "height": 900})
    for pregunta in (
        "¿La información presentada fue clara?",
        "¿Se atendieron las preguntas de la ciudadanía?",
    ):
        page.get_by_role("group", name=pregunta).get_by_label("5 – Muy buena").check()
    page.get_by_role("group", name="¿Cómo califica la organización del evento?").get_by_label(
        "4 – Buena"
    ).check()
    page.get_by_role("button", name="Enviar la evaluación").click()
    expect(page.locator("#tabla-evaluacion caption")).to_contain_text("2 respuestas")
    _fotos(tmp_path)
