"""The public directory, an organization's page and certificate verification, through the test client."""

import re
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civic.sitio.secciones import paginas_publicas
from organizaciones.models import ClaseTramite, EstadoOrganizacion, TipoOrganizacion
from organizaciones.services import certificados, radicacion, registro
from organizaciones.services import tramite as servicios
from organizaciones.services.certificados import url_verificacion
from organizaciones.views.publico import limite_verificar
from tests.civic.fabricas import ComunaFactory, en_bogota

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, junta, peticionario

pytestmark = pytest.mark.django_db

DIRECTORIO = reverse("organizaciones:inicio")
VERIFICAR = reverse("organizaciones:verificar_formulario")
IPS = ("127.0.0.1",)


@pytest.fixture(autouse=True)
def limites_limpios():
    claves = [f"civic:limite:{limite_verificar().accion}:{ip}" for ip in IPS]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _inscribir(organizacion, funcionario, n=5, *, mujeres=2, base=1000):
    """The junta, inscribed as the office does it: a procedure filed and approved."""
    tramite, _codigo = radicacion.radicar(
        clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
        organizacion=organizacion,
        peticionario=peticionario(),
        dignatarios=junta(n, mujeres=mujeres, base=base),
        documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
    )
    servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.aprobar(tramite=tramite, considerandos="Elección conforme a los estatutos.", actor=funcionario)
    return tramite


def _libros(organizacion, funcionario):
    tramite, _codigo = radicacion.radicar(
        clase=ClaseTramite.REGISTRO_LIBROS,
        organizacion=organizacion,
        peticionario=peticionario(),
        libros=[{"tipo": "tesoreria", "folios": 100}, {"tipo": "actas_asamblea", "folios": 200}],
        documentos=documentos_de(ClaseTramite.REGISTRO_LIBROS),
    )
    servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.aprobar(tramite=tramite, considerandos="Libros foliados.", actor=funcionario)


def _texto(respuesta) -> str:
    return respuesta.content.decode()


def _sin_documentos(html: str, base: int, n: int) -> None:
    # junta() gives the ID numbers base..base+n-1; none may appear in a public page.
    for i in range(n):
        assert not re.search(rf"\b{base + i}\b", html), f"documento {base + i} publicado"
    assert "31999888" not in html  # the petitioner's ID


# --- Directory ---------------------------------------------------------------------------------------


def test_el_directorio_lista_las_publicas_por_nombre_y_oculta_las_en_tramite(client):
    comuna = ComunaFactory(numero=15)
    OrganizacionFactory(nombre="JAC Barrio El Vallado", comuna=comuna)
    OrganizacionFactory(
        nombre="JAC Barrio Alfonso López",
        comuna=comuna,
        estado=EstadoOrganizacion.SUSPENDIDA,
        suspendida_hasta=date(2026, 11, 30),
    )
    OrganizacionFactory(nombre="JAC Barrio Mojica", estado=EstadoOrganizacion.EN_TRAMITE)

    respuesta = client.get(DIRECTORIO)

    html = _texto(respuesta)
    assert respuesta.status_code == 200
    assert html.index("JAC Barrio Alfonso López") < html.index("JAC Barrio El Vallado")
    assert "JAC Barrio Mojica" not in html
    assert "Suspendida hasta el 30 de noviembre de 2026" in html
    assert "2 organizaciones" in html
    assert reverse("organizaciones:tramites") in html
    assert VERIFICAR in html


def test_el_directorio_filtra_por_nombre_tipo_comuna_y_estado(client):
    c15, c18 = ComunaFactory(numero=15), ComunaFactory(numero=18)
    OrganizacionFactory(nombre="JAC El Vallado", comuna=c15)
    OrganizacionFactory(nombre="JAC Meléndez", comuna=c18)
    OrganizacionFactory(nombre="Fundación Vallado Verde", comuna=c15, tipo=TipoOrganizacion.FUNDACION)
    OrganizacionFactory(nombre="JAC Vallado Alto", comuna=c15, estado=EstadoOrganizacion.CANCELADA)

    def nombres(**consulta):
        html = _texto(client.get(DIRECTORIO, consulta))
        return [
            n
            for n in ("JAC El Vallado", "JAC Meléndez", "Fundación Vallado Verde", "JAC Vallado Alto")
            if n in html
        ]

    assert nombres(nombre="vallado") == ["JAC El Vallado", "Fundación Vallado Verde", "JAC Vallado Alto"]
    assert nombres(tipo="fundacion") == ["Fundación Vallado Verde"]
    assert nombres(comuna=c18.pk) == ["JAC Meléndez"]
    assert nombres(estado="cancelada") == ["JAC Vallado Alto"]
    assert nombres(nombre="vallado", tipo="jac", estado="activa") == ["JAC El Vallado"]
    # A made-up value is dropped, the page still answers; en_tramite is not a public state to ask for.
    assert len(nombres(comuna="99999", estado="en_tramite")) == 4


def test_el_directorio_pagina_de_25_con_los_filtros_en_los_enlaces(client):
    comuna = ComunaFactory()
    for i in range(30):
        OrganizacionFactory(nombre=f"JAC Sector {i:02d}", comuna=comuna)

    html = _texto(client.get(DIRECTORIO, {"nombre": "sector"}))
    assert html.count('<h3 class="h5 mb-1">') == 25
    assert "Página 1 de 2" in html
    assert "?nombre=sector&amp;pagina=2" in html
    segunda = _texto(client.get(DIRECTORIO, {"nombre": "sector", "pagina": 2}))
    assert "JAC Sector 29" in segunda and "JAC Sector 00" not in segunda


def _consultas(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as consultas:
        assert client.get(url, params).status_code == 200
    return len(consultas)


def test_el_directorio_hace_las_mismas_consultas_con_3_o_30_organizaciones(client):
    comuna = ComunaFactory()
    for i in range(3):
        OrganizacionFactory(comuna=comuna, nombre=f"JAC A {i}")
    pocas = _consultas(client, DIRECTORIO)
    for i in range(27):
        OrganizacionFactory(comuna=ComunaFactory(), nombre=f"JAC B {i}")
    muchas = _consultas(client, DIRECTORIO)
    assert pocas == muchas == 3  # the count, the page of rows, the comunas of the form
    assert _consultas(client, DIRECTORIO, nombre="jac", comuna=comuna.pk, pagina=2) == 4  # + the comuna


def test_el_directorio_no_publica_contacto_sin_autorizacion(client):
    OrganizacionFactory(
        nombre="JAC Reservada",
        direccion="Carrera 99 # 1-1",
        correo_contacto="reservada@correo.test",
        telefono_contacto="3109998877",
    )
    html = _texto(client.get(DIRECTORIO))
    assert "JAC Reservada" in html
    assert "reservada@correo.test" not in html and "3109998877" not in html


# --- An organization's page -------------------------------------------------------------------------


def test_la_pagina_de_una_organizacion_muestra_lo_publico_y_nada_mas(client):
    funcionario = funcionario_ivc()
    organizacion = OrganizacionFactory(
        nombre="JAC Barrio El Vallado",
        nit="900373913-4",
        personeria_numero="Resolución 0456 de 2010",
        direccion="Calle 5 # 10-20",
        correo_contacto="jac.vallado@correo.test",
        telefono_contacto="3001112233",
        contacto_publico=False,
    )
    with time_machine.travel(en_bogota(2026, 7, 6, 9), tick=False):
        _inscribir(organizacion, funcionario)
        _libros(organizacion, funcionario)
        registro.cambiar_estado(
            organizacion=organizacion,
            estado=EstadoOrganizacion.SUSPENDIDA,
            fecha=date(2026, 7, 6),
            hasta=date(2026, 10, 6),
            acto="Resolución 0099 de 2026 (en papel)",
            actor=funcionario,
        )

    respuesta = client.get(reverse("organizaciones:organizacion", args=[organizacion.pk]))

    html = _texto(respuesta)
    assert respuesta.status_code == 200
    for esperado in (
        "JAC Barrio El Vallado",
        "organismo comunal de grado 1",
        "900373913-4",
        "Resolución 0456 de 2010",
        "Suspendida hasta el 6 de octubre de 2026",
        "Desde el 6 de julio de 2026, por Resolución 0099 de 2026 (en papel).",
        "Persona 0 Prueba",
        "Presidente",
        "Periodo del 1 de julio de 2026 al 30 de junio de 2030.",
        "Tesorería",
        "Actas de asamblea",
    ):
        assert esperado in html, esperado
    assert html.index("Presidente") < html.index("Vicepresidente") < html.index("Tesorero")
    _sin_documentos(html, 1000, 5)
    assert "jac.vallado@correo.test" not in html
    assert "3001112233" not in html
    assert "Calle 5 # 10-20" not in html


def test_el_contacto_se_publica_con_autorizacion(client):
    organizacion = OrganizacionFactory(
        correo_contacto="jac.vallado@correo.test", telefono_contacto="300 111 2233", contacto_publico=True
    )
    html = _texto(client.get(reverse("organizaciones:organizacion", args=[organizacion.pk])))
    assert 'href="mailto:jac.vallado@correo.test"' in html
    assert 'href="tel:3001112233"' in html


def test_una_organizacion_en_tramite_no_tiene_pagina(client):
    organizacion = OrganizacionFactory(estado=EstadoOrganizacion.EN_TRAMITE)
    assert client.get(reverse("organizaciones:organizacion", args=[organizacion.pk])).status_code == 404


def test_la_pagina_de_una_organizacion_hace_las_mismas_consultas_con_cualquier_junta(client):
    funcionario = funcionario_ivc()
    pequena, grande = OrganizacionFactory(), OrganizacionFactory()
    with time_machine.travel(en_bogota(2026, 7, 6, 9), tick=False):
        _inscribir(pequena, funcionario, 3, mujeres=1, base=2000)
        _inscribir(grande, funcionario, 20, mujeres=7, base=3000)
        _libros(grande, funcionario)
        for estado, hasta in (
            (EstadoOrganizacion.SUSPENDIDA, date(2026, 8, 1)),
            (EstadoOrganizacion.ACTIVA, None),
        ):
            registro.cambiar_estado(
                organizacion=grande,
                estado=estado,
                fecha=date(2026, 7, 6),
                hasta=hasta,
                acto="Acto",
                actor=funcionario,
            )
    a = _consultas(client, reverse("organizaciones:organizacion", args=[pequena.pk]))
    b = _consultas(client, reverse("organizaciones:organizacion", args=[grande.pk]))
    assert a == b == 4  # the organization, its junta, its books, the act of its state


# --- Verification -----------------------------------------------------------------------------------


@pytest.fixture
def certificado():
    funcionario = funcionario_ivc()
    organizacion = OrganizacionFactory(nombre="JAC Barrio El Vallado", nit="900373913-4")
    with time_machine.travel(en_bogota(2026, 8, 25, 9), tick=False):
        _inscribir(organizacion, funcionario)
    with time_machine.travel(en_bogota(2026, 8, 26, 9), tick=False):
        return certificados.expedir(organizacion=organizacion, actor=funcionario)


def _verificar(client, codigo):
    return client.get(reverse("organizaciones:verificar", args=[codigo]))


def test_el_qr_apunta_a_la_pagina_de_verificacion(certificado):
    assert url_verificacion(certificado.codigo).endswith(f"/organizaciones/verificar/{certificado.codigo}/")


def test_un_certificado_autentico_dice_lo_que_certifico_sin_documentos(client, certificado):
    respuesta = _verificar(client, certificado.codigo)

    html = _texto(respuesta)
    assert respuesta.status_code == 200
    assert "Certificado auténtico" in html
    assert "no ha sido revocado" in html
    assert "Lo que certificó el 26 de agosto de 2026" in html
    for esperado in ("JAC Barrio El Vallado", "900373913-4", "Persona 0 Prueba (Presidente)", "Tesorero"):
        assert esperado in html, esperado
    assert "Periodo del 1 de julio de 2026 al 30 de junio de 2030." in html
    # The cargos in the law's order, not the alphabet's.
    assert html.index("<td>Presidente</td>") < html.index("<td>Tesorero</td>") < html.index("<td>Fiscal</td>")
    assert "Ninguno: la organización conserva el estado" in html
    assert reverse("organizaciones:certificado_pdf", args=[certificado.codigo]) in html
    _sin_documentos(html, 1000, 5)
    assert respuesta["Cache-Control"].startswith("max-age=0")


def test_el_codigo_se_acepta_en_minusculas_y_sin_guiones(client, certificado):
    respuesta = _verificar(client, certificado.codigo.lower().replace("-", ""))
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("organizaciones:verificar", args=[certificado.codigo])


def test_el_formulario_lleva_a_la_verificacion(client, certificado):
    respuesta = client.get(VERIFICAR, {"codigo": f" {certificado.codigo.lower()} "})
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("organizaciones:verificar", args=[certificado.codigo])


@pytest.mark.parametrize(
    ("codigo", "error"),
    [
        ("", "Escriba el código de verificación que aparece en el certificado."),
        ("ABCD-EFGH", "El código tiene 12 letras y números y usted escribió 8."),
        ("ABCD-EFGH-JK0N", "Los códigos no usan 0: no llevan los números 0 ni 1"),
    ],
)
def test_el_formulario_explica_un_codigo_mal_escrito_y_lo_conserva(client, codigo, error):
    respuesta = client.get(VERIFICAR, {"codigo": codigo})
    html = _texto(respuesta)
    assert respuesta.status_code == 200
    assert error in html
    assert 'aria-invalid="true"' in html
    if codigo:
        assert f'value="{codigo}"' in html


def test_un_certificado_revocado_lo_dice_con_fecha_y_motivo(client, certificado):
    with time_machine.travel(en_bogota(2026, 9, 2, 9), tick=False):
        certificados.revocar(
            certificado=certificado, motivo="Se expidió con un error en el NIT.", actor=funcionario_ivc()
        )
    html = _texto(_verificar(client, certificado.codigo))
    assert "Certificado auténtico, pero revocado: ya no vale" in html
    assert "La entidad lo revocó el 2 de septiembre de 2026." in html
    assert "Se expidió con un error en el NIT." in html


def test_un_certificado_anterior_a_una_suspension_lo_dice(client, certificado):
    with time_machine.travel(en_bogota(2026, 9, 1, 9), tick=False):
        registro.cambiar_estado(
            organizacion=certificado.organizacion,
            estado=EstadoOrganizacion.SUSPENDIDA,
            fecha=date(2026, 9, 1),
            hasta=date(2026, 11, 30),
            acto="Resolución 0120 de 2026",
            actor=funcionario_ivc(),
        )
    with CaptureQueriesContext(connection) as consultas:
        html = _texto(_verificar(client, certificado.codigo))
    assert "Certificado auténtico, pero la organización cambió de estado después de expedirlo" in html
    assert "Hoy la organización está: Suspendida." in html
    assert (
        "1 de septiembre de 2026: Suspendida hasta el 30 de noviembre de 2026 — Resolución 0120 de 2026"
        in html
    )
    # What it certified stays as it was: active on the day of issue.
    assert html.count("estado-org-activa") == 1
    assert len(consultas) <= 4  # limit counter aside: the certificate, its changes


def test_un_codigo_desconocido_da_una_pagina_que_dice_que_hacer_y_cuenta_para_el_limite(client, settings):
    settings.LIMITE_CONSULTAR = 2
    respuesta = _verificar(client, "ABCD-EFGH-JKMN")
    html = _texto(respuesta)
    assert respuesta.status_code == 404
    assert "No encontramos ese certificado" in html
    assert "ABCD-EFGH-JKMN" in html
    assert settings.MUNICIPIO["telefono"] in html and settings.MUNICIPIO["correo"] in html
    assert _verificar(client, "ABCD-EFGH-JKMP").status_code == 404
    agotado = _verificar(client, "ABCD-EFGH-JKMQ")
    assert agotado.status_code == 429
    assert "Demasiados intentos" in _texto(agotado)
    assert client.get(reverse("organizaciones:certificado_pdf", args=["ABCD-EFGH-JKMN"])).status_code == 429


def test_consultar_un_certificado_autentico_no_cuenta_para_el_limite(client, settings, certificado):
    settings.LIMITE_CONSULTAR = 2
    for _ in range(4):
        assert _verificar(client, certificado.codigo).status_code == 200


def test_el_pdf_del_certificado_se_sirve_con_su_codigo(client, certificado):
    respuesta = client.get(reverse("organizaciones:certificado_pdf", args=[certificado.codigo]))
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta["Content-Disposition"].startswith("inline")
    assert b"".join(respuesta.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("organizaciones:certificado_pdf", args=["ABCD-EFGH-JKMN"])).status_code == 404


def test_el_formulario_de_verificacion_es_una_pagina_publica():
    assert VERIFICAR in paginas_publicas()
    assert DIRECTORIO in paginas_publicas()
