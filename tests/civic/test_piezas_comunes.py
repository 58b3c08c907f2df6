"""Small kernel pieces the apps share: the public list's page, absolute links for e-mail, the
acknowledgement's lookup by the session, and the import's empty cells and resource options."""

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from civic.expedientes import acuse
from civic.importacion import Fecha, Numero, OpcionesDeImportacion, vacia
from civic.sitio import enlaces
from civic.sitio.paginas import pagina_y_consulta


def test_la_pagina_y_la_consulta_sin_el_numero_de_pagina():
    request = RequestFactory().get("/", {"q": "agua", "pagina": "2", "estado": "abierta"})
    pagina, consulta = pagina_y_consulta(request, list(range(45)), 20)
    assert pagina.number == 2 and list(pagina.object_list) == list(range(20, 40))
    assert consulta == "q=agua&estado=abierta"


def test_una_pagina_fuera_de_rango_da_la_ultima():
    pagina, consulta = pagina_y_consulta(RequestFactory().get("/", {"pagina": "99"}), list(range(5)), 20)
    assert pagina.number == 1 and consulta == ""


def test_los_enlaces_absolutos_parten_del_sitio(settings):
    settings.MUNICIPIO = {**settings.MUNICIPIO, "sitio": "https://participa.example.gov.co/"}
    assert enlaces.url_consulta() == "https://participa.example.gov.co" + reverse("expedientes:consultar")
    assert enlaces.absoluta("expedientes:consultar") == enlaces.url_consulta()


def _con_sesion(radicados: dict):
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request.session[acuse.SESION_RADICADOS] = radicados
    return request


def test_el_radicado_de_esta_sesion_se_busca_por_su_id():
    request = _con_sesion({"R-1": 7})
    assert acuse.radicado_de_esta_sesion(request, "R-1", lambda pk: {"pk": pk}) == {"pk": 7}


@pytest.mark.parametrize("radicados", [{}, {"R-1": 7}])
def test_otro_radicado_o_uno_que_ya_no_se_encuentra_es_404(radicados):
    request = _con_sesion(radicados)
    with pytest.raises(Http404, match="en esta sesión"):
        acuse.radicado_de_esta_sesion(request, "R-2" if radicados else "R-1", lambda pk: {"pk": pk})
    with pytest.raises(Http404, match="ese acuse"):
        acuse.radicado_de_esta_sesion(_con_sesion({"R-1": 7}), "R-1", lambda pk: None, "No hay ese acuse.")


def test_una_celda_vacia_de_columna_obligatoria_se_rechaza():
    assert vacia("", obligatoria=False) is True
    assert vacia("x", obligatoria=True) is False
    with pytest.raises(ValueError, match="obligatoria"):
        vacia("", obligatoria=True)
    assert Fecha().clean("") is None
    assert Numero(defecto=None, obligatoria=False).clean(" ") is None
    with pytest.raises(ValueError, match="obligatoria"):
        Numero().clean("")


def test_las_opciones_de_importacion_llegan_al_recurso():
    from import_export import resources

    from civic.models import Comuna

    class Recurso(resources.ModelResource):
        class Meta(OpcionesDeImportacion):
            model = Comuna

    opciones = Recurso._meta
    assert (opciones.clean_model_instances, opciones.use_transactions, opciones.skip_diff) == (
        True,
        True,
        True,
    )
    assert (opciones.skip_unchanged, opciones.report_skipped) == (False, True)
