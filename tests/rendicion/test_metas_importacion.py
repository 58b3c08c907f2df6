"""Bulk updates of the plan by CSV: bad rows import nothing and each is reported in Spanish; the exported
file imports back (round trip); the admin pages are for the rendición role only."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from rendicion.models import Avance, EstadoMeta, MetaPlan
from rendicion.roles import RENDICION
from rendicion.services import metas as servicio
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, FuncionarioFactory

pytestmark = pytest.mark.django_db

ENCABEZADO = "codigo,nombre,padre,peso,linea_base,meta_cuatrienio,unidad,dependencia,comuna,estado\n"


@pytest.fixture
def catalogos():
    DependenciaFactory(sigla="DAP", nombre="Planeación")
    DependenciaFactory(sigla="SBS", nombre="Bienestar Social")
    ComunaFactory(numero=5, nombre="Comuna 5")


def funcionario_rendicion():
    usuario = FuncionarioFactory()
    usuario.groups.add(Group.objects.get(name=RENDICION))
    return usuario


def test_un_archivo_bueno_crea_el_arbol_con_padres_pesos_y_estados(catalogos):
    contenido = (
        ENCABEZADO
        + "1,Niñez protegida,,1,0,100,%,DAP,,\n"
        + '1.1,Hogares infantiles,1,"2,5",10,110,hogares,SBS,5,En ejecución\n'
        + "1.2,Comedores,1,1,0,20,comedores,sbs,comuna 5,cumplida\n"
    ).encode()
    revision = servicio.revisar(contenido=contenido)
    assert revision.limpio and revision.nuevas == 3
    assert MetaPlan.objects.count() == 0  # the dry run keeps nothing
    informe = servicio.importar(contenido=contenido)
    assert informe.importado
    hija = MetaPlan.objects.select_related("padre", "estado", "comuna").get(codigo="1.1")
    assert (hija.padre.codigo, hija.peso, hija.linea_base, hija.estado.nombre, hija.comuna.numero) == (
        "1",
        Decimal("2.5"),
        10,
        "En ejecución",
        5,
    )


def test_un_archivo_con_filas_malas_no_importa_nada_y_reporta_cada_una(catalogos):
    contenido = (
        ENCABEZADO
        + "1,Buena,,1,0,100,%,DAP,,\n"
        + "2,Padre que no existe,99,1,0,100,%,DAP,,\n"
        + "3,Peso cero,1,0,0,100,%,DAP,,\n"
        + "4,Dependencia desconocida,,1,0,100,%,XYZ,,\n"
        + "5,Meta no numérica,,1,0,mucho,%,DAP,,\n"
        + "6,Estado raro,,1,0,100,%,DAP,,Terminadísima\n"
        + "1,Repetida,,1,0,100,%,DAP,,\n"
        + "7,Hija antes que su padre,8,1,0,100,%,DAP,,\n"
        + "8,Padre después,,1,0,100,%,DAP,,\n"
    ).encode()
    informe = servicio.importar(contenido=contenido)
    assert not informe.importado
    assert MetaPlan.objects.count() == 0
    errores = {(e.fila, e.columna): e.mensaje for e in informe.errores}
    assert "No existe una meta con el código «99»" in errores[(3, "padre")]
    assert "mayor que cero" in errores[(4, "peso")]
    assert "sigla «XYZ»" in errores[(5, "dependencia")]
    assert "no es un número" in errores[(6, "meta_cuatrienio")]
    assert "no es un estado de meta" in errores[(7, "estado")]
    assert "repetido en el archivo" in errores[(8, "codigo")]
    assert "más abajo, en la fila 10" in errores[(9, "padre")]
    assert {fila for fila, _columna in errores} == {3, 4, 5, 6, 7, 8, 9}


def test_columnas_desconocidas_u_obligatorias_que_faltan_rechazan_el_archivo(catalogos):
    informe = servicio.revisar(contenido=b"codigo,nombre,color\n1,Meta,azul\n")
    columnas = {e.columna for e in informe.errores}
    assert {"color", "meta_cuatrienio", "unidad", "dependencia"} <= columnas


def test_un_padre_no_puede_quedar_debajo_de_su_hija(catalogos):
    servicio.importar(contenido=(ENCABEZADO + "1,A,,1,0,100,%,DAP,,\n1.1,B,1,1,0,100,%,DAP,,\n").encode())
    informe = servicio.importar(contenido=(ENCABEZADO + "1,A,1.1,1,0,100,%,DAP,,\n").encode())
    assert not informe.importado
    assert informe.errores[0].columna == "padre"
    assert MetaPlan.objects.get(codigo="1").padre is None


def test_exportar_editar_e_importar_de_ida_y_vuelta(catalogos, client):
    servicio.importar(
        contenido=(
            ENCABEZADO
            + "2,Raíz,,1,0,100,%,DAP,,\n"
            + "2.1,Hija,2,3,5,50,=personas,SBS,5,Sin iniciar\n"  # a formula-looking unit comes back as typed
        ).encode()
    )
    # Reversed codes: the export still puts the parent first.
    MetaPlan.objects.filter(codigo="2").update(codigo="9")
    client.force_login(funcionario_rendicion())
    respuesta = client.get(reverse("admin:rendicion_metaplan_exportar", args=["metas"]))
    assert respuesta.status_code == 200
    filas = list(csv.DictReader(io.StringIO(respuesta.content.decode("utf-8-sig"))))
    assert [f["codigo"] for f in filas] == ["9", "2.1"]
    assert filas[1]["padre"] == "9"
    informe = servicio.importar(contenido=respuesta.content)
    assert informe.importado and (informe.nuevas, informe.actualizadas) == (0, 2)
    assert MetaPlan.objects.get(codigo="2.1").unidad == "=personas"

    salida = io.StringIO()
    escritor = csv.DictWriter(salida, fieldnames=list(filas[0]))
    escritor.writeheader()
    filas[1]["meta_cuatrienio"] = "80"
    filas[1]["estado"] = "Cumplida"
    escritor.writerows(filas)
    informe = servicio.importar(contenido=salida.getvalue().encode())
    assert informe.importado
    hija = MetaPlan.objects.get(codigo="2.1")
    assert (hija.meta_cuatrienio, hija.estado) == (80, EstadoMeta.objects.get(nombre="Cumplida"))


def test_los_avances_se_importan_y_una_fila_mala_no_deja_ninguno(catalogos):
    servicio.importar(contenido=(ENCABEZADO + "1,A,,1,0,100,%,DAP,,\n").encode())
    encabezado = "codigo,fecha,valor,descripcion,evidencia,publicar_desde\n"
    malo = encabezado + "1,2025-06-30,40,Corte,,\n" + "2,2025-06-30,10,,,\n" + "1,30/02/2025,10,,,\n"
    informe = servicio.importar(contenido=malo.encode(), tipo=servicio.AVANCES)
    assert not informe.importado and Avance.objects.count() == 0
    assert {(e.fila, e.columna) for e in informe.errores} == {(3, "codigo"), (4, "fecha")}
    bueno = (
        encabezado
        + "1,2025-06-30,40,Corte,https://datos.example.gov.co/a.pdf,\n1,2025-12-31,60,,,2026-02-01\n"
    )
    assert servicio.importar(contenido=bueno.encode(), tipo=servicio.AVANCES).importado
    assert list(Avance.objects.order_by("fecha").values_list("valor", "publicar_desde")) == [
        (40, date(2025, 6, 30)),
        (60, date(2026, 2, 1)),
    ]
    # The same goal and date updates that milestone.
    assert servicio.importar(
        contenido=(encabezado + "1,2025-06-30,45,,,\n").encode(), tipo="avances"
    ).importado
    assert Avance.objects.count() == 2
    assert Avance.objects.get(fecha=date(2025, 6, 30)).valor == 45


def test_la_administracion_revisa_confirma_e_importa(catalogos, client):
    client.force_login(funcionario_rendicion())
    url = reverse("admin:rendicion_metaplan_importar", args=["metas"])
    archivo = io.BytesIO((ENCABEZADO + "1,A,,1,0,100,%,DAP,,\n").encode())
    archivo.name = "metas.csv"
    respuesta = client.post(url, {"archivo": archivo})
    assert respuesta.status_code == 200 and MetaPlan.objects.count() == 0
    firmado = respuesta.context["confirmacion"]
    assert firmado
    respuesta = client.post(url, {"confirmar": "1", "archivo_firmado": firmado})
    assert respuesta.status_code == 302 and MetaPlan.objects.count() == 1
    malo = io.BytesIO((ENCABEZADO + "2,B,,1,0,100,%,NADA,,\n").encode())
    malo.name = "metas.csv"
    html = client.post(url, {"archivo": malo}).content.decode()
    assert "No se importó nada" in html and "NADA" in html


def test_otros_roles_reciben_403(catalogos, client):
    client.force_login(FuncionarioFactory())
    for tipo in ("metas", "avances"):
        assert client.get(reverse("admin:rendicion_metaplan_importar", args=[tipo])).status_code == 403
        assert client.get(reverse("admin:rendicion_metaplan_exportar", args=[tipo])).status_code == 403
    assert client.get(reverse("admin:rendicion_metaplan_changelist")).status_code == 403


def test_el_rol_rendicion_ve_la_lista_y_la_ficha_con_sus_avances(catalogos, client):
    servicio.importar(contenido=(ENCABEZADO + "1,A,,1,0,100,%,DAP,,\n").encode())
    client.force_login(funcionario_rendicion())
    assert client.get(reverse("admin:rendicion_metaplan_changelist")).status_code == 200
    meta = MetaPlan.objects.get()
    html = client.get(reverse("admin:rendicion_metaplan_change", args=[meta.pk])).content.decode()
    assert "avances-TOTAL_FORMS" in html
