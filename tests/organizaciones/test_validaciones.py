"""Acceptance 3: each rule of the law refuses bad data with a clear Spanish message, and nothing is filed."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from civic.models import Consecutivo
from organizaciones.models import ClaseTramite, Dignatario, Organizacion, Resolucion, Tramite
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from tests.civic.fabricas import ComunaFactory

from .fabricas import OrganizacionFactory, documentos_de, funcionario_ivc, junta, peticionario

pytestmark = pytest.mark.django_db


def _reconocimiento(**nueva):
    return radicacion.radicar(
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={"tipo": "jac", "nombre": "JAC Barrio Nuevo", "comuna": ComunaFactory(numero=3), **nueva},
        documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
    )


def _rechazo(funcion, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        funcion(**kwargs)
    assert not Tramite.objects.exists(), "a refused filing writes nothing"
    assert not Consecutivo.objects.filter(serie__startswith="org-").exists(), "and holds no number"
    return error.value.message_dict


@pytest.mark.parametrize(
    ("clase_territorio", "territorio", "minimo"),
    [
        ("barrio_capital", "barrio de capital de departamento", 75),
        ("centro_urbano", "barrio de otro centro urbano", 50),
        ("sin_barrios", "población sin división en barrios", 30),
        ("vereda", "vereda", 20),
    ],
)
def test_una_jac_necesita_el_minimo_de_afiliados_de_su_territorio(clase_territorio, territorio, minimo):
    errores = _rechazo(_reconocimiento, clase_territorio=clase_territorio, afiliados=minimo - 1)
    assert errores["afiliados"] == [
        f"Una junta de acción comunal en {territorio} necesita al menos {minimo} afiliados "
        f"(Ley 2166 de 2021, art. 11); la solicitud indica {minimo - 1}."
    ]
    tramite, _codigo = _reconocimiento(clase_territorio=clase_territorio, afiliados=minimo)
    assert tramite.organizacion.afiliados == minimo


def test_una_jac_sin_clase_de_territorio_pide_indicarla():
    errores = _rechazo(_reconocimiento, afiliados=200)
    assert errores["clase_territorio"] == [
        "Indique la clase de territorio: de ella depende el mínimo de afiliados."
    ]


def test_una_junta_de_vivienda_necesita_diez_familias():
    errores = _rechazo(_reconocimiento, tipo="jvc", familias=9)
    assert errores["familias"] == [
        "Una junta de vivienda comunitaria necesita al menos 10 familias (Ley 2166 de 2021, art. 11); "
        "la solicitud indica 9."
    ]
    tramite, _codigo = _reconocimiento(tipo="jvc", familias=10)
    assert tramite.organizacion.familias == 10


def test_una_asocomunal_necesita_mas_del_sesenta_por_ciento_de_las_juntas_del_territorio():
    comuna = ComunaFactory(numero=3)
    juntas = OrganizacionFactory.create_batch(5, comuna=comuna)
    OrganizacionFactory(comuna=ComunaFactory(numero=4))  # another territory's junta does not count
    errores = _rechazo(_reconocimiento, tipo="asocomunal", nombre="Asocomunal Comuna 3", afiliadas=juntas[:3])
    assert errores["afiliadas"] == [
        "Una asociación de juntas necesita más del 60% de las juntas de acción comunal activas de su "
        "territorio (Ley 2166 de 2021, art. 11): el territorio tiene 5, se necesitan al menos 4 y la "
        "solicitud reúne 3."
    ]
    tramite, _codigo = _reconocimiento(tipo="asocomunal", nombre="Asocomunal Comuna 3", afiliadas=juntas[:4])
    assert tramite.organizacion.afiliadas.count() == 4


def test_un_nit_con_digito_de_verificacion_errado_se_rechaza():
    errores = _rechazo(_reconocimiento, clase_territorio="vereda", afiliados=25, nit="900373913-5")
    assert errores["nit"] == [
        "El NIT «900373913-5» no es válido: revise los números y el dígito de verificación "
        "(por ejemplo 900373913-4)."
    ]


def test_un_nit_ya_registrado_se_rechaza():
    OrganizacionFactory(nit="900373913-4")
    errores = _rechazo(_reconocimiento, clase_territorio="vereda", afiliados=25, nit="900373913-4")
    assert errores["nit"] == ["Ya hay una organización registrada con ese NIT."]


def test_falta_un_documento_obligatorio_de_la_lista():
    documentos = documentos_de(ClaseTramite.RECONOCIMIENTO)
    faltante = sorted(documentos)[0]
    del documentos[faltante]
    errores = _rechazo(
        radicacion.radicar,
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={
            "tipo": "jac",
            "nombre": "JAC",
            "comuna": ComunaFactory(),
            "clase_territorio": "vereda",
            "afiliados": 30,
        },
        documentos=documentos,
    )
    assert errores[f"documento_{faltante}"] == [
        "Adjunte «Solicitud escrita firmada por el representante legal»: es obligatorio para este trámite."
    ]


def _inscribir(organizacion, dignatarios):
    return radicacion.radicar(
        clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
        organizacion=organizacion,
        peticionario=peticionario(),
        dignatarios=dignatarios,
        documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
    )


def test_al_menos_el_treinta_por_ciento_de_los_dignatarios_son_mujeres():
    organizacion = OrganizacionFactory()
    errores = _rechazo(_inscribir, organizacion=organizacion, dignatarios=junta(7, mujeres=2))
    assert errores["dignatarios"] == [
        "Al menos el 30% de los dignatarios deben ser mujeres (Ley 2166 de 2021, art. 33): de 7 se "
        "necesitan 3 y la lista tiene 2."
    ]
    tramite, _codigo = _inscribir(organizacion, junta(7, mujeres=3))
    assert tramite.dignatarios.count() == 7


def test_una_persona_es_dignataria_activa_de_una_sola_organizacion():
    funcionario = funcionario_ivc()
    primera, segunda = OrganizacionFactory.create_batch(2)
    tramite, _codigo = _inscribir(primera, junta(5, mujeres=2))
    servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.aprobar(tramite=tramite, considerandos="Cumple.", actor=funcionario)
    with pytest.raises(ValidationError) as error:
        _inscribir(segunda, junta(5, mujeres=2))
    assert error.value.message_dict["dignatarios"] == [
        f"Persona 0 Prueba ya es dignatario activo de «{primera.nombre}»: una persona solo puede ser "
        "dignataria activa de una organización (Ley 2166 de 2021, art. 35)."
    ]


def test_la_base_de_datos_rechaza_la_inscripcion_que_dejaria_a_una_persona_activa_en_dos():
    """Two filings may both pass the early check; the act that would make the second one active is refused
    whole by the database's unique index, with its own message, and nothing changes."""
    funcionario = funcionario_ivc()
    primera, segunda = OrganizacionFactory.create_batch(2)
    a, _c = _inscribir(primera, junta(5, mujeres=2))
    b, _c = _inscribir(segunda, junta(5, mujeres=2))
    for tramite in (a, b):
        servicios.revisar(tramite=tramite, actor=funcionario)
    servicios.aprobar(tramite=a, considerandos="Cumple.", actor=funcionario)
    with pytest.raises(ValidationError) as error:
        servicios.aprobar(tramite=b, considerandos="Cumple.", actor=funcionario)
    assert error.value.messages == [
        "Esta persona ya es dignataria activa de otra organización: una persona solo puede ser dignataria "
        "activa de una organización."
    ]
    b.refresh_from_db()
    assert b.estado == "en_revision"
    assert not Resolucion.objects.filter(tramite=b).exists()
    assert Dignatario.objects.filter(organizacion=segunda, vigente=True).count() == 0


def test_una_jal_tiene_entre_tres_y_nueve_ediles():
    jal = OrganizacionFactory(tipo="jal", nombre="JAL Comuna 3", clase_territorio="")
    ediles = [{**d, "cargo": "edil"} for d in junta(2, mujeres=1)]
    errores = _rechazo(_inscribir, organizacion=jal, dignatarios=ediles)
    assert errores["dignatarios"] == [
        "Una junta administradora local tiene entre 3 y 9 ediles (Ley 136 de 1994, art. 119); "
        "la lista tiene 2."
    ]


def test_el_periodo_termina_despues_de_empezar():
    organizacion = OrganizacionFactory()
    errores = _rechazo(
        _inscribir,
        organizacion=organizacion,
        dignatarios=junta(5, mujeres=2, inicio=date(2030, 6, 30), fin=date(2026, 7, 1)),
    )
    assert errores["fin"] == ["El fin del periodo debe ser posterior a su inicio."]


def test_una_organizacion_suspendida_no_inscribe_dignatarios():
    organizacion = OrganizacionFactory(estado="suspendida", suspendida_hasta=date(2027, 1, 31))
    errores = _rechazo(_inscribir, organizacion=organizacion, dignatarios=junta(5, mujeres=2))
    assert errores["organizacion"] == [
        "La organización está «Suspendida»: este trámite requiere la personería jurídica vigente."
    ]
    assert Organizacion.objects.count() == 1
