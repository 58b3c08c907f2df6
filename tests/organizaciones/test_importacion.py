"""CSV import and export of the registry, and the quarterly export for the Ministerio del Interior."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from civic.models import Barrio, Comuna
from organizaciones.models import CambioEstado, Organizacion
from organizaciones.services import importacion
from tests.civic.fabricas import ComunaFactory, FuncionarioFactory, en_bogota

from .fabricas import OrganizacionFactory, funcionario_ivc
from .test_alertas import inscribir

pytestmark = pytest.mark.django_db

ARCHIVOS = Path(__file__).parent / "archivos"
HOY = date(2026, 8, 3)


@pytest.fixture
def territorio():
    comuna = ComunaFactory(numero=15, nombre="Comuna 15")
    Barrio.objects.create(comuna=comuna, nombre="El Vallado")
    ComunaFactory(tipo=Comuna.Tipo.CORREGIMIENTO, numero=1, nombre="La Buitrera", zona=Comuna.Zona.RURAL)
    return comuna


def _leer(nombre: str) -> bytes:
    return (ARCHIVOS / nombre).read_bytes()


def _errores(informe) -> set[tuple]:
    return {(e.fila, e.columna, e.mensaje) for e in informe.errores}


def test_un_archivo_con_filas_malas_no_importa_nada_y_reporta_cada_una(territorio):
    actor = funcionario_ivc()
    informe = importacion.importar(contenido=_leer("registro_malo.csv"), actor=actor, hoy=HOY)

    assert not informe.importado
    assert Organizacion.objects.count() == 0
    assert CambioEstado.objects.count() == 0
    assert _errores(informe) == {
        (
            2,
            "nit",
            "El NIT «900373913-5» no es válido: revise los números y el dígito de verificación "
            "(por ejemplo 900373913-4).",
        ),
        (3, "comuna", "No existe la comuna o corregimiento «99»: use su número o su nombre."),
        (
            4,
            "tipo",
            "«club» no es un tipo de organización. Use uno de: jac, jvc, asocomunal, federacion, jal, ong, "
            "fundacion, asociacion, mujeres, jovenes, discapacidad, etnica, consejo_afro, cabildo.",
        ),
        (
            5,
            "fecha_constitucion",
            "«1985-13-45» no es una fecha válida: escríbala AAAA-MM-DD (por ejemplo 2024-03-15) "
            "o DD/MM/AAAA.",
        ),
        (
            5,
            "estado",
            "«extinta» no es un estado. Use uno de: en_tramite, activa, suspendida, cancelada, "
            "en_liquidacion.",
        ),
        (7, "nit", "El NIT está repetido en el archivo: ya aparece en la fila 6."),
        (
            8,
            "afiliados",
            "Una junta de acción comunal en barrio de capital de departamento necesita al menos 75 afiliados "
            "(Ley 2166 de 2021, art. 11); la solicitud indica 40.",
        ),
        (9, "suspendida_hasta", "Una organización suspendida debe decir hasta qué fecha está suspendida."),
    }
    # The dry run reports the same, and writes nothing either.
    revision = importacion.revisar(contenido=_leer("registro_malo.csv"), actor=actor, hoy=HOY)
    assert _errores(revision) == _errores(informe)
    assert Organizacion.objects.count() == 0


def test_un_archivo_bueno_importa_todo_con_el_acto_de_cada_estado(territorio):
    actor = funcionario_ivc()
    revision = importacion.revisar(contenido=_leer("registro_bueno.csv"), actor=actor, hoy=HOY)
    assert revision.limpio and (revision.nuevas, revision.actualizadas) == (3, 0)
    assert Organizacion.objects.count() == 0

    informe = importacion.importar(contenido=_leer("registro_bueno.csv"), actor=actor, hoy=HOY)

    assert informe.importado, informe.errores
    jac = Organizacion.objects.get(nit="900373913-4")
    assert (jac.tipo, jac.comuna, jac.barrio.nombre, jac.afiliados) == ("jac", territorio, "El Vallado", 120)
    assert jac.telefono_contacto == "+57 300 111 2233"  # the export's formula guard is undone
    assert jac.contacto_publico and jac.personeria_fecha == date(1985, 6, 20)
    jvc = Organizacion.objects.get(nit="800123456-5")  # normalized from 800.123.456-5
    assert (jvc.tipo, jvc.estado, jvc.suspendida_hasta) == ("jvc", "suspendida", date(2099, 12, 31))
    assert jvc.fecha_constitucion == date(2010, 2, 20)
    assert Organizacion.objects.get(nombre="Fundación Manos Unidas").comuna.nombre == "La Buitrera"
    cambios = CambioEstado.objects.order_by("organizacion__nombre")
    assert [(c.estado_anterior, c.estado_nuevo, c.acto, c.actor) for c in cambios] == [
        ("", "activa", "Importación del registro 2026-08-03", actor),
        ("", "activa", "Importación del registro 2026-08-03", actor),
        ("", "suspendida", "Importación del registro 2026-08-03", actor),
    ]
    assert cambios.get(estado_nuevo="suspendida").hasta == date(2099, 12, 31)


def test_exportar_editar_e_importar_actualiza_por_id_y_por_nit(territorio, client):
    actor = funcionario_ivc()
    jac = OrganizacionFactory(comuna=territorio, nit="900373913-4", afiliados=90)
    otra = OrganizacionFactory(comuna=territorio, tipo="fundacion", clase_territorio="")
    client.force_login(actor)

    respuesta = client.get(reverse("admin:organizaciones_organizacion_exportar_registro"))

    assert respuesta.status_code == 200
    texto = respuesta.content.decode("utf-8-sig")
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert list(filas[0]) == list(importacion.COLUMNAS)
    assert {f["nombre"] for f in filas} == {jac.nombre, otra.nombre}
    # Unchanged, the file imports back as a no-op update with no new act.
    informe = importacion.importar(contenido=respuesta.content, actor=actor, hoy=HOY)
    assert informe.importado and (informe.nuevas, informe.actualizadas) == (0, 2)
    assert CambioEstado.objects.count() == 0

    for fila in filas:
        if fila["nombre"] == jac.nombre:
            fila.update(id="", afiliados="95", estado="suspendida", suspendida_hasta="2027-01-31")
        else:
            fila["nombre"] = "Fundación Renombrada"
    salida = io.StringIO()
    escritor = csv.DictWriter(salida, fieldnames=importacion.COLUMNAS)
    escritor.writeheader()
    escritor.writerows(filas)

    informe = importacion.importar(contenido=salida.getvalue().encode(), actor=actor, hoy=HOY)

    assert informe.importado, informe.errores
    assert (informe.nuevas, informe.actualizadas) == (0, 2)
    jac.refresh_from_db()
    otra.refresh_from_db()
    assert (jac.afiliados, jac.estado, jac.suspendida_hasta) == (95, "suspendida", date(2027, 1, 31))
    assert otra.nombre == "Fundación Renombrada"
    cambio = CambioEstado.objects.get()
    assert (cambio.organizacion, cambio.estado_anterior, cambio.estado_nuevo) == (jac, "activa", "suspendida")


def test_un_archivo_que_no_es_el_registro_se_rechaza_entero(territorio):
    informe = importacion.revisar(contenido=b"nombre;color\nJunta;azul\n", actor=None, hoy=HOY)
    assert _errores(informe) == {
        (None, "color", "Columna desconocida: use los encabezados del archivo exportado."),
        (None, "tipo", "Falta esta columna obligatoria."),
        (None, "comuna", "Falta esta columna obligatoria."),
        (None, "estado", "Falta esta columna obligatoria."),
    }


# --- the admin pages -------------------------------------------------------------------------------------


def _subir(client, contenido: bytes, **extra):
    archivo = io.BytesIO(contenido)
    archivo.name = "registro.csv"
    return client.post(reverse("admin:organizaciones_organizacion_importar"), {"archivo": archivo, **extra})


def test_la_revision_en_la_administracion_lista_los_errores_y_no_ofrece_confirmar(territorio, client):
    client.force_login(funcionario_ivc())

    respuesta = _subir(client, _leer("registro_malo.csv"))

    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "El NIT está repetido en el archivo: ya aparece en la fila 6." in html
    assert "No existe la comuna o corregimiento «99»" in html
    assert 'name="confirmar"' not in html
    assert Organizacion.objects.count() == 0


def test_la_revision_limpia_ofrece_confirmar_y_confirmar_importa(territorio, client):
    client.force_login(funcionario_ivc())

    respuesta = _subir(client, _leer("registro_bueno.csv"))

    assert respuesta.status_code == 200
    assert Organizacion.objects.count() == 0
    firmado = respuesta.context["confirmacion"]
    respuesta = client.post(
        reverse("admin:organizaciones_organizacion_importar"), {"confirmar": "1", "archivo_firmado": firmado}
    )
    assert respuesta.status_code == 302
    assert Organizacion.objects.count() == 3
    assert CambioEstado.objects.count() == 3


def test_una_confirmacion_alterada_no_importa(territorio, client):
    client.force_login(funcionario_ivc())
    respuesta = client.post(
        reverse("admin:organizaciones_organizacion_importar"), {"confirmar": "1", "archivo_firmado": "x:y:z"}
    )
    assert respuesta.status_code == 200
    assert Organizacion.objects.count() == 0


@pytest.mark.parametrize("nombre", ["importar", "exportar_registro", "exportar_mininterior", "alertas"])
def test_el_personal_sin_el_rol_ivc_recibe_403(nombre, client):
    client.force_login(FuncionarioFactory())
    assert client.get(reverse(f"admin:organizaciones_organizacion_{nombre}")).status_code == 403


# --- the quarterly export for the Ministerio del Interior -------------------------------------------------


def _csv(respuesta) -> list[dict]:
    return list(csv.DictReader(io.StringIO(respuesta.content.decode("utf-8-sig"))))


COLUMNAS_PRUEBA = [
    ["nombre", "Nombre"],
    ["tipo", "Tipo"],
    ["comuna.nombre", "Comuna"],
    ["estado", "Estado"],
    ["representante_legal", "Representante"],
    ["representante_documento", "Documento"],
    ["dignatarios_inscritos", "Dignatarios"],
    ["periodo", "Periodo"],
    ["novedades", "Novedades"],
]


def _en(fecha: date, **kwargs):
    with time_machine.travel(en_bogota(fecha.year, fecha.month, fecha.day), tick=False):
        return OrganizacionFactory(**kwargs)


def _cambio(organizacion, fecha: date):
    CambioEstado.objects.create(
        organizacion=organizacion, estado_anterior="activa", estado_nuevo="activa", acto="Acta", fecha=fecha
    )


@pytest.fixture
def trimestre(territorio):
    """Q3 2026 (July-September): what is in it and what is not."""
    antes = date(2026, 1, 10)
    con_junta = _en(antes, nombre="Con junta inscrita", comuna=territorio)
    inscribir(con_junta, inicio=date(2026, 7, 1), fecha=date(2026, 7, 10), documento="31999888")
    _cambio(_en(antes, nombre="Con cambio de estado", comuna=territorio), date(2026, 8, 15))
    _en(antes, nombre="Con personería", comuna=territorio, personeria_fecha=date(2026, 9, 30))
    _en(date(2026, 7, 1), nombre="Registrada en el trimestre", comuna=territorio)
    _en(antes, nombre="Sin novedad", comuna=territorio)
    _cambio(_en(antes, nombre="Cambio en octubre", comuna=territorio), date(2026, 10, 1))
    _cambio(_en(antes, nombre="Fundación", tipo="fundacion", comuna=territorio), date(2026, 8, 15))


def _mininterior(client, **parametros):
    return client.get(reverse("admin:organizaciones_organizacion_exportar_mininterior"), parametros)


def test_el_reporte_al_ministerio_trae_las_novedades_comunales_del_trimestre_con_sus_columnas(
    trimestre, client, settings
):
    settings.ORGANIZACIONES_COLUMNAS_MININTERIOR = COLUMNAS_PRUEBA
    client.force_login(funcionario_ivc())

    respuesta = _mininterior(client, anio=2026, trimestre=3)

    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    filas = _csv(respuesta)
    assert list(filas[0]) == [encabezado for _ruta, encabezado in COLUMNAS_PRUEBA]
    por_nombre = {f["Nombre"]: f for f in filas}
    assert set(por_nombre) == {
        "Con junta inscrita",
        "Con cambio de estado",
        "Con personería",
        "Registrada en el trimestre",
    }
    junta = por_nombre["Con junta inscrita"]
    assert junta["Tipo"] == "Junta de Acción Comunal" and junta["Estado"] == "Activa"
    assert junta["Comuna"] == "Comuna 15"
    assert junta["Representante"].startswith("Marta Arboleda")
    assert junta["Documento"] == "CC 31999888"  # the IVC role holds ver_datos_personales
    assert junta["Dignatarios"] == "1"
    assert junta["Periodo"] == "2026-07-01 – 2030-06-30"
    assert junta["Novedades"] == "inscripción de dignatarios"
    assert por_nombre["Con cambio de estado"]["Novedades"] == "cambio de estado"
    assert por_nombre["Con personería"]["Novedades"] == "personería jurídica"
    assert por_nombre["Registrada en el trimestre"]["Novedades"] == "registro en el portal"

    # The next quarter has only October's change.
    assert [f["Nombre"] for f in _csv(_mininterior(client, anio=2026, trimestre=4))] == ["Cambio en octubre"]


def test_el_reporte_sin_permiso_de_datos_personales_no_trae_documentos(trimestre, client, settings):
    from django.contrib.auth.models import Permission

    settings.ORGANIZACIONES_COLUMNAS_MININTERIOR = COLUMNAS_PRUEBA
    usuario = FuncionarioFactory()
    usuario.user_permissions.add(
        Permission.objects.get(codename="change_organizacion", content_type__app_label="organizaciones")
    )
    client.force_login(usuario)

    filas = _csv(_mininterior(client, anio=2026, trimestre=3))

    assert "Documento" not in filas[0]
    assert "31999888" not in str(filas)


def test_el_reporte_por_defecto_y_el_formulario(trimestre, client):
    client.force_login(funcionario_ivc())
    pagina = _mininterior(client)
    assert pagina.status_code == 200
    assert "Documento del representante legal" in pagina.content.decode()
    assert pagina.context["form"].initial  # the last quarter, proposed
    encabezados = list(_csv(_mininterior(client, anio=2026, trimestre=3))[0])
    assert encabezados[:5] == ["Tipo de organización", "Nombre", "NIT", "Número RUC", "Municipio"]
    assert _csv(_mininterior(client, anio=2026, trimestre=3))[0]["Municipio"] == "Santiago de Cali"
    # A bad quarter is the form's error, not a file.
    respuesta = _mininterior(client, anio=2026, trimestre=5)
    assert respuesta.status_code == 200 and respuesta.context["form"].errors


def test_una_columna_mal_configurada_se_dice_al_arrancar_el_reporte(settings):
    from django.core.exceptions import ImproperlyConfigured

    from organizaciones import mininterior

    settings.ORGANIZACIONES_COLUMNAS_MININTERIOR = [["comuna.color", "Color"]]
    with pytest.raises(ImproperlyConfigured, match=r"comuna\.color"):
        mininterior.columnas(True)


def test_el_reporte_cuesta_las_mismas_consultas_con_mas_filas(trimestre, django_assert_num_queries):
    from organizaciones import mininterior

    def contar():
        return len(list(mininterior.lineas(mininterior.filas(2026, 3), True, HOY)))

    with django_assert_num_queries(2):  # the rows, and their dignatarios
        assert contar() == 5
    for n in range(5):
        _cambio(
            OrganizacionFactory(comuna=Comuna.objects.get(numero=15, tipo="comuna")), date(2026, 8, n + 1)
        )
    with django_assert_num_queries(2):
        assert contar() == 10
