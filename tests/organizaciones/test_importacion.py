"""CSV import and export of the registry, and the quarterly export for the Ministerio del Interior."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from civic.models import Barrio, Comuna
from organizaciones.models import CambioEstado, Dignatario, Organizacion
from organizaciones.services import importacion
from tests.civic.fabricas import ComunaFactory, FuncionarioFactory

from .fabricas import OrganizacionFactory, funcionario_ivc

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


def _dignatario(organizacion, resolucion_fecha, **extra):
    from organizaciones.models import Resolucion

    return Dignatario.objects.create(
        organizacion=organizacion,
        nombres="Marta",
        apellidos="Arboleda",
        numero_documento=extra.pop("documento", "31999888"),
        genero="mujer",
        cargo=extra.pop("cargo", "presidente"),
        inicio=date(2026, 7, 1),
        fin=date(2030, 6, 30),
        vigente=True,
        resolucion=extra.pop("resolucion", None) or Resolucion(pk=None),
        **extra,
    )


def _csv(respuesta) -> list[dict]:
    return list(csv.DictReader(io.StringIO(respuesta.content.decode("utf-8-sig"))))
