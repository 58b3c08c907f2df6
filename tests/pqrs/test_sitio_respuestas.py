"""CPACA art. 69: the published answers are one click away from any page (menu, footer, site map, home)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
RESPUESTAS = reverse("pqrs:respuestas_publicadas")


def _bloque(html: str, desde: str, hasta: str) -> str:
    return html.split(desde, 1)[1].split(hasta, 1)[0]


@pytest.mark.parametrize("pagina", ["sitio:terminos", "expedientes:consultar", "pqrs:respuestas_publicadas"])
def test_respuestas_publicadas_en_el_menu_y_en_el_pie(client, pagina):
    html = client.get(reverse(pagina)).content.decode()

    menu = _bloque(html, 'id="menu-principal"', "</nav>")
    pie = _bloque(html, '<footer class="pie', "</footer>")
    for bloque in (menu, pie):
        assert f'href="{RESPUESTAS}"' in bloque
        assert "Respuestas publicadas" in bloque
    # The footer lists every section served today, filing and tracking included.
    assert f'href="{reverse("pqrs:radicar")}"' in pie
    assert f'href="{reverse("expedientes:consultar")}"' in pie


def test_respuestas_publicadas_en_el_mapa_del_sitio_y_en_el_inicio(client):
    mapa = client.get(reverse("sitio:mapa_del_sitio")).content.decode()
    servicios = _bloque(mapa, "Servicios a la ciudadanía", "Información legal")
    assert f'href="{RESPUESTAS}"' in servicios

    inicio = client.get(reverse("sitio:inicio")).content.decode()
    assert f'href="{RESPUESTAS}"' in _bloque(inicio, 'id="titulo-servicios"', "</section>")
