"""Following a procedure on the kernel's tracking page: the suspended term during a requirement, the
correction only from the session that proved the code (and only for that procedure), its documents and
the resolution."""

import pytest
from django.urls import reverse

from organizaciones.declaraciones import clave
from organizaciones.models import ClaseTramite, Tramite
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory
from tests.pqrs.test_vistas_publicas import limpiar_limites

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, pdf, peticionario

pytestmark = pytest.mark.django_db

CONSULTAR = reverse("expedientes:consultar")
CORREGIR = reverse("organizaciones:corregir")


@pytest.fixture(autouse=True)
def _limites():
    limpiar_limites()
    yield
    limpiar_limites()


def reconocer(nombre="Junta de Acción Comunal Barrio El Vallado", nit="900373913-4"):
    return radicacion.radicar(
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={
            "tipo": "jac",
            "nombre": nombre,
            "nit": nit,
            "comuna": ComunaFactory(),
            "clase_territorio": "barrio_capital",
            "afiliados": 80,
        },
        documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
    )


def requerido(tramite, funcionario):
    servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.requerir(
        tramite=tramite, requerimiento="Falta la firma del secretario en el acta.", actor=funcionario
    )
    tramite.refresh_from_db()
    return tramite


def probar(client, tramite, codigo):
    respuesta = client.post(CONSULTAR, {"radicado": tramite.radicado, "codigo": codigo})
    assert respuesta.status_code == 302
    return respuesta["Location"]


@pytest.fixture
def funcionario():
    return funcionario_ivc()


def test_el_seguimiento_muestra_el_termino_suspendido_y_el_plazo_de_la_organizacion(client, funcionario):
    tramite, codigo = reconocer()
    requerido(tramite, funcionario)
    ruta = probar(client, tramite, codigo)
    assert ruta == reverse("expedientes:seguimiento", args=[clave("reconocimiento")])
    respuesta = client.get(ruta)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Junta de Acción Comunal Barrio El Vallado" in html
    assert "Reconocimiento de personería jurídica" in html
    n = tramite.dias_suspendidos
    assert f"Término suspendido; quedan {n} días hábiles que correrán cuando llegue su corrección." in html
    assert 'id="plazo-correccion"' in html
    assert "Falta la firma del secretario en el acta." in html
    assert f'action="{CORREGIR}"' in html
    # The documents filed, each served only to this session.
    primero = tramite.adjuntos.order_by("id").first()
    assert reverse("organizaciones:documento", args=[primero.pk]) in html
    # Never the petitioner's ID on the page.
    assert "31999888" not in html


def test_el_seguimiento_lee_en_un_numero_fijo_de_consultas(
    client, funcionario, django_assert_max_num_queries
):
    tramite, codigo = reconocer()
    requerido(tramite, funcionario)
    ruta = probar(client, tramite, codigo)
    with django_assert_max_num_queries(12):
        client.get(ruta)


def test_la_correccion_reanuda_el_termino_y_vuelve_al_seguimiento(client, funcionario):
    tramite, codigo = reconocer()
    requerido(tramite, funcionario)
    ruta = probar(client, tramite, codigo)
    respuesta = client.post(
        CORREGIR, {"texto": "Adjuntamos el acta firmada.", "adjuntos": pdf("acta-firmada.pdf")}
    )
    assert respuesta.status_code == 302 and respuesta["Location"] == ruta
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION
    assert tramite.fecha_vencimiento is not None and tramite.dias_suspendidos is None
    assert tramite.adjuntos.filter(nombre_original="acta-firmada.pdf").exists()
    pagina = client.get(ruta)
    html = pagina.content.decode()
    assert "Recibimos su corrección" in html
    assert "Corrección recibida" in html and "Adjuntamos el acta firmada." in html
    assert f'action="{CORREGIR}"' not in html  # nothing more to correct


def test_una_correccion_vacia_se_dice_junto_al_texto(client, funcionario):
    tramite, codigo = reconocer()
    requerido(tramite, funcionario)
    probar(client, tramite, codigo)
    respuesta = client.post(CORREGIR, {"texto": "  "})
    assert respuesta.status_code == 200
    assert "adjunte al menos un documento" in respuesta.context["form_corregir"].errors["texto"][0]
    assert 'aria-invalid="true"' in respuesta.content.decode()
    tramite.refresh_from_db()
    assert tramite.estado == Estado.REQUERIMIENTO


def test_sin_la_prueba_del_codigo_no_se_corrige(client, funcionario):
    tramite, _codigo = reconocer()
    requerido(tramite, funcionario)
    respuesta = client.post(CORREGIR, {"texto": "Intento sin código."})
    assert respuesta.status_code == 302 and respuesta["Location"] == CONSULTAR
    tramite.refresh_from_db()
    assert tramite.estado == Estado.REQUERIMIENTO


def test_la_sesion_solo_corrige_el_tramite_que_probo(client, funcionario):
    ajeno, _ = reconocer()
    requerido(ajeno, funcionario)
    propio, codigo = reconocer(nombre="Junta de Acción Comunal Barrio Los Mangos", nit="")
    ruta = probar(client, propio, codigo)
    # Its own procedure is not under requirement: nothing to correct, and the other one is untouched.
    respuesta = client.post(CORREGIR, {"texto": "Quiero corregir el otro."})
    assert respuesta.status_code == 302 and respuesta["Location"] == ruta
    ajeno.refresh_from_db()
    assert ajeno.estado == Estado.REQUERIMIENTO
    # Nor can it download the other's documents.
    otro_documento = ajeno.adjuntos.first()
    assert client.get(reverse("organizaciones:documento", args=[otro_documento.pk])).status_code == 404


def test_un_tramite_de_otra_clase_probado_no_abre_los_documentos_de_este(client, funcionario):
    tramite, _ = reconocer()
    libros, codigo = radicacion.radicar(
        clase=ClaseTramite.REGISTRO_LIBROS,
        peticionario=peticionario(),
        organizacion=OrganizacionFactory(),
        libros=[{"tipo": "tesoreria", "folios": 50}],
        documentos=documentos_de(ClaseTramite.REGISTRO_LIBROS),
    )
    probar(client, libros, codigo)
    propio = libros.adjuntos.first()
    assert client.get(reverse("organizaciones:documento", args=[propio.pk])).status_code == 200
    ajeno = tramite.adjuntos.first()
    assert client.get(reverse("organizaciones:documento", args=[ajeno.pk])).status_code == 404


def test_tras_la_aprobacion_se_ve_la_decision_y_se_descarga_la_resolucion(client, funcionario):
    tramite, codigo = reconocer()
    requerido(tramite, funcionario)
    servicios.corregir(tramite=tramite, texto="Acta firmada.")
    servicios.aprobar(
        tramite=Tramite.objects.get(pk=tramite.pk), considerandos="Cumple el art. 11.", actor=funcionario
    )
    ruta = probar(client, tramite, codigo)
    html = client.get(ruta).content.decode()
    assert "Aprobado" in html
    assert reverse("organizaciones:resolucion_pdf") in html
    respuesta = client.get(reverse("organizaciones:resolucion_pdf"))
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert b"".join(respuesta.streaming_content).startswith(b"%PDF")
    assert "no-store" in respuesta["Cache-Control"]


def test_la_resolucion_sin_prueba_lleva_a_consultar(client):
    respuesta = client.get(reverse("organizaciones:resolucion_pdf"))
    assert respuesta.status_code == 302 and respuesta["Location"] == CONSULTAR
