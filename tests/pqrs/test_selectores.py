from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from pqrs import selectors, services
from pqrs.models import Canal, CondicionPoblacional, MateriaReservada, SentidoRespuesta
from pqrs.workflow import Estado
from tests.pqrs.factories import (
    ComunaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    anonima,
    coordinador,
    en_bogota,
    entidad,
    modalidad,
)

pytestmark = pytest.mark.django_db


def test_funcionario_ve_solo_su_dependencia_y_coordinacion_todo(django_assert_max_num_queries):
    ana, beto = FuncionarioFactory(), FuncionarioFactory()
    sin_dependencia = FuncionarioFactory(dependencia=None)
    de_ana, de_beto, sin_asignar = SolicitudFactory(), SolicitudFactory(), SolicitudFactory()
    services.asignar(solicitud=de_ana, dependencia=ana.dependencia, actor=ana)
    services.asignar(solicitud=de_beto, dependencia=beto.dependencia, actor=beto)
    jefa = coordinador()
    raiz = FuncionarioFactory(dependencia=None, is_superuser=True)

    assert list(selectors.solicitudes_para_funcionario(ana)) == [de_ana]
    assert list(selectors.solicitudes_para_funcionario(beto)) == [de_beto]
    assert list(selectors.solicitudes_para_funcionario(sin_dependencia)) == []
    assert list(selectors.solicitudes_para_funcionario(AnonymousUser())) == []
    assert set(selectors.solicitudes_para_funcionario(jefa)) == {de_ana, de_beto, sin_asignar}
    assert selectors.solicitudes_para_funcionario(raiz).count() == 3
    with pytest.raises(de_beto.DoesNotExist):
        selectors.detalle_para_funcionario(ana, de_beto.pk)
    # The list page reads modalidad, dependencia and comuna without a query per row.
    with django_assert_max_num_queries(2):
        filas = list(selectors.solicitudes_para_funcionario(jefa))
        [(f.modalidad.nombre, f.dependencia and f.dependencia.nombre, f.comuna) for f in filas]


def test_respuestas_publicadas_sin_datos_personales():
    funcionario = FuncionarioFactory()
    publicada = anonima(asunto="Basuras en el parque", telefono="", ahora=en_bogota(2026, 3, 20))
    con_correo = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.responder(
        solicitud=publicada,
        texto="Se programó la recolección.",
        actor=funcionario,
        ahora=en_bogota(2026, 4, 14),
    )
    services.responder(
        solicitud=con_correo, texto="Respuesta privada.", actor=funcionario, ahora=en_bogota(2026, 4, 14)
    )

    (fila,) = selectors.respuestas_publicadas(date(2026, 4, 21))
    assert fila["radicado"] == publicada.radicado
    assert fila["respuesta"] == "Se programó la recolección."
    assert set(fila) == {
        "pk",
        "radicado",
        "modalidad_nombre",
        "fecha_radicacion_efectiva",
        "decision",
        "decidida_en",
        "publicada_hasta",
        "respuesta",
    }
    assert (fila["decision"], fila["decidida_en"]) == ("respondida", en_bogota(2026, 4, 14))
    # CPACA art. 69: five business days, then it leaves the board.
    assert list(selectors.respuestas_publicadas(date(2026, 4, 22))) == []


def test_semaforo_por_dias_habiles_restantes(settings):
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))  # due Wed 15 Apr

    assert selectors.semaforo(solicitud, date(2026, 4, 9)) == selectors.Semaforo.VERDE  # 4 left
    assert selectors.semaforo(solicitud, date(2026, 4, 10)) == selectors.Semaforo.AMARILLO  # 3 left
    assert selectors.semaforo(solicitud, date(2026, 4, 15)) == selectors.Semaforo.AMARILLO  # due today
    assert selectors.semaforo(solicitud, date(2026, 4, 16)) == selectors.Semaforo.ROJO
    settings.SEMAFORO_AMARILLO = 5
    assert selectors.semaforo(solicitud, date(2026, 4, 8)) == selectors.Semaforo.AMARILLO  # 5 left
    felicitacion = SolicitudFactory(modalidad=modalidad("felicitacion"))
    assert selectors.semaforo(felicitacion, date(2026, 4, 16)) == selectors.Semaforo.GRIS


def test_vencidas_y_por_vencer():
    vencida = SolicitudFactory(ahora=en_bogota(2026, 3, 20))  # due 15 Apr
    al_dia = SolicitudFactory(ahora=en_bogota(2026, 4, 6))  # due 27 Apr
    respondida = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.responder(solicitud=respondida, texto="Hecho.", actor=FuncionarioFactory())

    assert list(selectors.vencidas(date(2026, 4, 16))) == [vencida]
    assert list(selectors.por_vencer(date(2026, 4, 22))) == [al_dia]


@pytest.fixture
def datos_conocidos():
    """Six requests of March-April 2026 with known figures."""
    funcionario = FuncionarioFactory()
    otro = FuncionarioFactory()
    comuna = ComunaFactory(numero=3, nombre="Comuna 3")
    periodista = CondicionPoblacional.objects.get(codigo="periodista")
    victima = CondicionPoblacional.objects.get(codigo="victima")
    a = SolicitudFactory(ahora=en_bogota(2026, 3, 20), comuna=comuna, condiciones=[periodista, victima])
    b = SolicitudFactory(ahora=en_bogota(2026, 3, 20), comuna=comuna, modalidad=modalidad("queja"))
    c = SolicitudFactory(ahora=en_bogota(2026, 3, 24), canal=Canal.PRESENCIAL, modalidad=modalidad("queja"))
    d = SolicitudFactory(
        ahora=en_bogota(2026, 4, 6), modalidad=modalidad("acceso-informacion-publica"), condiciones=[victima]
    )
    e = SolicitudFactory(ahora=en_bogota(2026, 4, 6), modalidad=modalidad("acceso-informacion-publica"))
    f = SolicitudFactory(ahora=en_bogota(2026, 4, 7), modalidad=modalidad("acceso-informacion-publica"))
    for s in (a, b, c):
        services.asignar(solicitud=s, dependencia=funcionario.dependencia, actor=funcionario)
    services.asignar(solicitud=d, dependencia=otro.dependencia, actor=otro)
    # a: 14 business days, on time; b: 16, late; d: 5, denied; e: transferred.
    services.responder(solicitud=a, texto="R.", actor=funcionario, ahora=en_bogota(2026, 4, 14))
    services.responder(solicitud=b, texto="R.", actor=funcionario, ahora=en_bogota(2026, 4, 16))
    services.responder(
        solicitud=d,
        texto="Reservada.",
        sentido=SentidoRespuesta.NIEGA,
        materia_reservada=MateriaReservada.objects.first(),
        actor=otro,
        ahora=en_bogota(2026, 4, 13),
    )
    services.trasladar(
        solicitud=e,
        entidad=entidad("DANE", correo="contacto@dane.example.gov.co"),
        oficio="Remitimos.",
        actor=otro,
        hoy=date(2026, 4, 7),
    )
    return {"funcionario": funcionario, "comuna": comuna, "solicitudes": (a, b, c, d, e, f)}


def test_conteos_por_dimension(datos_conocidos):
    comuna = datos_conocidos["comuna"]

    def totales(dimension, **kw):
        return {fila["etiqueta"]: fila["total"] for fila in selectors.conteo_por(dimension, **kw)}

    assert totales("modalidad") == {
        "Petición de interés general": 1,
        "Queja": 2,
        "Solicitud de acceso a información pública": 3,
    }
    assert totales("estado") == {
        "Respondida": 3,
        "En trámite": 1,
        "Trasladada a otra entidad": 1,
        "Radicada": 1,
    }
    assert totales("canal") == {"Formulario web": 5, "Presencial (ventanilla)": 1}
    assert totales("comuna") == {comuna.nombre: 2, "": 4}
    assert totales("condicion") == {"Víctima del conflicto armado": 2, "Periodista": 1, "": 4}
    assert totales("mes") == {"2026-03": 3, "2026-04": 3}
    assert totales("modalidad", desde=date(2026, 4, 1)) == {"Solicitud de acceso a información pública": 3}
    dependencia = datos_conocidos["funcionario"].dependencia
    assert totales("dependencia") == {
        dependencia.nombre: 3,
        "": 2,
        datos_conocidos["solicitudes"][3].dependencia.nombre: 1,
    }


def test_indicadores(datos_conocidos):
    cifras = selectors.indicadores(hoy=date(2026, 4, 17))

    assert cifras["total"] == 6
    assert cifras["respondidas"] == 3
    assert cifras["a_tiempo"] == 2
    assert cifras["porcentaje_a_tiempo"] == pytest.approx(66.7)
    assert cifras["promedio_dias_respuesta"] == pytest.approx((14 + 16 + 5) / 3)
    # c (filed 24 Mar, due 16 Apr) is open and overdue on 17 Apr; f (due 28 Apr) is not.
    assert cifras["vencidas"] == 1
    assert cifras["trasladadas"] == 1
    # Scoped to a dependencia through the staff selector.
    propias = selectors.indicadores(
        hoy=date(2026, 4, 16), base=selectors.solicitudes_para_funcionario(datos_conocidos["funcionario"])
    )
    assert (propias["total"], propias["respondidas"], propias["a_tiempo"]) == (3, 2, 1)


def test_informe_ley_1712(datos_conocidos):
    informe = selectors.informe_acceso_informacion(desde=date(2026, 4, 1), hasta=date(2026, 4, 30))

    assert informe["recibidas"] == 3
    assert informe["trasladadas"] == 1
    assert informe["respondidas"] == 1
    assert informe["negadas"] == 1
    assert informe["respondidas_a_tiempo"] == 1
    assert informe["en_tramite"] == 1
    assert informe["promedio_dias_respuesta"] == pytest.approx(5)
    assert informe["porcentaje_a_tiempo"] == 100.0
    assert selectors.informe_acceso_informacion(hasta=date(2026, 3, 31))["recibidas"] == 0


def test_estado_en_espera_no_cuenta_como_vencida(datos_conocidos):
    funcionario = datos_conocidos["funcionario"]
    c = datos_conocidos["solicitudes"][2]
    services.solicitar_informacion(
        solicitud=c, requerimiento="Falta.", actor=funcionario, hoy=date(2026, 3, 30)
    )

    assert c.estado == Estado.EN_ESPERA_CIUDADANO
    assert selectors.indicadores(hoy=date(2026, 4, 17))["vencidas"] == 0
