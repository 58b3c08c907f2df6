from http import HTTPStatus

import pytest
from django.db import OperationalError, connections
from django.urls import reverse
from django.views.defaults import server_error

from civic.celery import app as celery_app
from civic.sitio import secciones
from civic.sitio.politica import POLITICA_DATOS_VERSION
from tests.apoyo import requiere_servicios

ENLACES_PIE = [
    ("/privacidad/", "Política de tratamiento de datos personales"),
    ("/accesibilidad/", "Declaración de accesibilidad"),
    ("/terminos/", "Términos y condiciones"),
    ("/mapa-del-sitio/", "Mapa del sitio"),
    ("/admin/login/", "Ingreso de funcionarios"),
]

PAGINAS = [
    ("sitio:inicio", ["Radicar una petición, queja, reclamo, sugerencia o denuncia", "Consultar el estado"]),
    (
        "sitio:privacidad",
        ["Ley 1581 de 2012", "Decreto 1377 de 2013", "diez (10) días hábiles", "quince (15) días hábiles"],
    ),
    ("sitio:accesibilidad", ["Resolución 1519 de 2020", "WCAG", "2.1 en el nivel AA"]),
    ("sitio:terminos", ["Términos y condiciones de uso", "Ley 1755 de 2015"]),
    ("sitio:mapa_del_sitio", ["Mapa del sitio", "Rendición de cuentas", "Ingreso de funcionarios"]),
]


def _texto(respuesta) -> str:
    return respuesta.content.decode()


@pytest.mark.parametrize(("nombre", "textos"), PAGINAS)
def test_pagina_publica_muestra_su_contenido_y_el_pie(client, nombre, textos):
    respuesta = client.get(reverse(nombre))

    assert respuesta.status_code == HTTPStatus.OK
    html = _texto(respuesta)
    assert '<html lang="es-CO">' in html
    assert 'href="#contenido"' in html
    for texto in textos:
        assert texto in html
    for ruta, etiqueta in ENLACES_PIE:
        assert f'href="{ruta}"' in html
        assert etiqueta in html


def test_inicio_enlaza_cada_seccion_disponible_y_anuncia_las_demas(client):
    html = _texto(client.get(reverse("sitio:inicio")))

    for seccion in secciones.todas():
        if seccion.ruta:
            assert f'href="{seccion.ruta}"' in html
        else:
            # An app not built yet: its card says so instead of linking to a page that does not exist.
            tarjeta = html.split(str(seccion.titulo), 1)[1].split("</h3>", 1)[0]
            assert "Próximamente" in tarjeta


def test_la_barra_gov_co_encabeza_cada_pagina(client):
    # Res. MinTIC 1519 de 2020: the top bar of a Colombian public entity's site links to GOV.CO.
    for ruta in (reverse("sitio:inicio"), reverse("sitio:terminos"), reverse("expedientes:consultar")):
        html = _texto(client.get(ruta))
        barra = html.split('class="barra-govco"', 1)[1].split("</div>", 1)[0]
        assert 'href="https://www.gov.co/"' in barra and "GOV.CO" in barra


def test_inicio_enlaza_los_canales_de_la_ley_1474(client):
    html = _texto(client.get(reverse("sitio:inicio")))

    # Ley 1474/2011 art. 76: quejas, sugerencias y reclamos, and corruption reports, from the home page.
    assert f'href="{reverse("pqrs:radicar")}"' in html
    assert "Quejas, sugerencias y reclamos" in html
    assert f'href="{reverse("pqrs:radicar")}?tipo=denuncia"' in html
    assert "Denunciar actos de corrupción" in html


def test_el_menu_de_cualquier_pagina_lleva_a_las_secciones_disponibles(client):
    html = _texto(client.get(reverse("sitio:terminos")))

    menu = html.split('id="menu-principal"', 1)[1].split("</nav>", 1)[0]
    for seccion in secciones.todas():
        assert (f'href="{seccion.ruta}"' in menu) == bool(seccion.ruta)
    assert 'href="None"' not in menu


def test_la_identidad_del_municipio_sale_de_la_configuracion(client, settings):
    settings.MUNICIPIO = {
        **settings.MUNICIPIO,
        "nombre": "Alcaldía de Palmira",
        "nit": "891.380.007-3",
        "direccion": "Calle 30 # 29-39, Palmira",
        "telefono": "(602) 270 9500",
        "correo": "participacion@palmira.example",
    }

    for nombre, _textos in PAGINAS:
        html = _texto(client.get(reverse(nombre)))
        assert "Alcaldía de Palmira" in html
        assert "891.380.007-3" in html
        assert "participacion@palmira.example" in html
        assert "Cali" not in html


def test_la_politica_muestra_su_version(client):
    html = _texto(client.get(reverse("sitio:privacidad")))

    assert POLITICA_DATOS_VERSION in html
    for derecho in ["Conocer", "Actualizar y rectificar", "Revocar la autorización", "supresión"]:
        assert derecho in html


def test_pagina_inexistente_responde_404_en_espanol(client):
    respuesta = client.get("/no-existe/")

    assert respuesta.status_code == HTTPStatus.NOT_FOUND
    html = _texto(respuesta)
    assert "Página no encontrada" in html
    assert 'href="/mapa-del-sitio/"' in html


@pytest.mark.django_db
def test_paginas_400_y_403_en_espanol_dicen_que_hacer(client, settings):
    from tests.civic.fabricas import FuncionarioFactory
    from tests.pqrs.factories import coordinador

    settings.MUNICIPIO = {**settings.MUNICIPIO, "telefono": "(602) 555 0100"}
    client.force_login(FuncionarioFactory())  # staff, but no role: no PQRS permission
    prohibida = client.get(reverse("admin:pqrs_solicitud_changelist"))
    assert prohibida.status_code == HTTPStatus.FORBIDDEN
    html = _texto(prohibida)
    assert "Acceso no permitido" in html and "administrador del portal" in html and "(602) 555 0100" in html

    # A filter the list does not declare (a personal field): refused with the Spanish 400 page.
    client.force_login(coordinador())
    invalida = client.get(reverse("admin:pqrs_solicitud_changelist"), {"numero_documento": "1144000001"})
    assert invalida.status_code == HTTPStatus.BAD_REQUEST
    html = _texto(invalida)
    assert "No pudimos procesar la solicitud" in html and "(602) 555 0100" in html


@pytest.mark.django_db
def test_cada_respuesta_lleva_la_politica_de_seguridad_de_contenido(client):
    for ruta in ("/", "/consultar/", reverse("pqrs:radicar"), "/admin/login/"):
        politica = client.get(ruta)["Content-Security-Policy"]
        assert "default-src 'self'" in politica and "script-src 'self'" in politica
        assert "unsafe-inline" not in politica


def test_pagina_de_error_500_en_espanol_sin_contexto(rf):
    # Django renders 500.html without context processors: the page must not depend on them.
    respuesta = server_error(rf.get("/"))

    assert respuesta.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    html = respuesta.content.decode()
    assert '<html lang="es-CO">' in html
    assert "Tuvimos un problema" in html


# --- /salud/ ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_salud_responde_200_cuando_todo_funciona(client):
    respuesta = client.get(reverse("sitio:salud"))

    assert respuesta.status_code == HTTPStatus.OK
    cuerpo = respuesta.json()
    assert cuerpo["estado"] == "ok"
    assert cuerpo["base_de_datos"]["estado"] == "ok"
    assert cuerpo["cache"]["estado"] == "ok"
    assert cuerpo["broker"]["estado"] == "ok"
    assert "no-cache" in respuesta["Cache-Control"]


@pytest.mark.django_db
def test_salud_responde_503_si_la_base_de_datos_no_responde(client, monkeypatch):
    def sin_base_de_datos():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "ensure_connection", sin_base_de_datos)

    respuesta = client.get(reverse("sitio:salud"))

    assert respuesta.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    cuerpo = respuesta.json()
    assert cuerpo["estado"] == "error"
    assert cuerpo["base_de_datos"] == {"estado": "error", "detalle": "OperationalError"}
    assert "connection refused" not in respuesta.content.decode()


@pytest.fixture
def broker_inalcanzable(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    anterior = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    yield
    celery_app.conf.broker_url = anterior


@pytest.mark.django_db
@pytest.mark.usefixtures("broker_inalcanzable")
def test_salud_degradada_con_200_si_el_broker_no_responde(client):
    # Filing keeps working without the broker (the outbox sends later): the balancer keeps the node.
    respuesta = client.get(reverse("sitio:salud"))

    assert respuesta.status_code == HTTPStatus.OK
    cuerpo = respuesta.json()
    assert cuerpo["estado"] == "degradado"
    assert cuerpo["broker"]["estado"] == "error"
    assert cuerpo["base_de_datos"]["estado"] == "ok"


@pytest.mark.django_db
def test_salud_degradada_con_200_si_redis_de_cache_no_responde(client, settings):
    # django-redis swallows the connection error (IGNORE_EXCEPTIONS) and reads None: still a failure.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }

    respuesta = client.get(reverse("sitio:salud"))

    assert respuesta.status_code == HTTPStatus.OK
    cuerpo = respuesta.json()
    assert cuerpo["estado"] == "degradado"
    assert cuerpo["cache"]["estado"] == "error"
    assert cuerpo["base_de_datos"]["estado"] == "ok"


@pytest.mark.servicios
@pytest.mark.django_db
def test_salud_con_redis_real_como_cache_y_broker(client):
    requiere_servicios(redis=True)

    respuesta = client.get(reverse("sitio:salud"))

    assert respuesta.status_code == HTTPStatus.OK
    cuerpo = respuesta.json()
    assert cuerpo["cache"]["estado"] == "ok"
    assert cuerpo["broker"] == {"estado": "ok", "modo": "broker"}
