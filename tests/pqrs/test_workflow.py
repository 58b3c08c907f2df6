from datetime import date

import pytest
from django.forms.models import model_to_dict

from civic.expedientes.maquina import TransicionInvalida
from pqrs import selectors, services
from pqrs.models import Evento, Solicitud, TipoEvento
from pqrs.workflow import MAQUINA, TRANSICIONES, Accion, Estado
from tests.pqrs.factories import FuncionarioFactory, SolicitudFactory, en_bogota, entidad


def test_la_tabla_cubre_cada_accion_y_solo_estados_validos():
    assert set(TRANSICIONES) == set(Accion)
    for origenes in TRANSICIONES.values():
        assert set(origenes) <= set(Estado)
        assert set(origenes.values()) <= set(Estado)


@pytest.mark.parametrize(
    ("estado", "accion", "destino"),
    [
        (Estado.RADICADA, Accion.ASIGNAR, Estado.ASIGNADA),
        (Estado.ASIGNADA, Accion.SOLICITAR_INFORMACION, Estado.EN_ESPERA_CIUDADANO),
        (Estado.EN_ESPERA_CIUDADANO, Accion.APORTAR_INFORMACION, Estado.ASIGNADA),
        (Estado.ASIGNADA, Accion.PRORROGAR, Estado.ASIGNADA),
        (Estado.RESPONDIDA, Accion.REGISTRAR_NOTIFICACION, Estado.CERRADA),
        (Estado.CERRADA, Accion.AGREGAR_NOTA_INTERNA, Estado.CERRADA),
    ],
)
def test_transiciones_permitidas(estado, accion, destino):
    assert MAQUINA.destino(estado, accion) == destino


@pytest.mark.parametrize(
    ("estado", "accion"),
    [
        (Estado.TRASLADADA, Accion.RESPONDER),
        (Estado.CERRADA, Accion.ASIGNAR),
        (Estado.RADICADA, Accion.DECLARAR_DESISTIMIENTO),
        (Estado.EN_ESPERA_CIUDADANO, Accion.RESPONDER),
        (Estado.RESPONDIDA, Accion.PRORROGAR),
        (Estado.RADICADA, Accion.CALIFICAR),
    ],
)
def test_transiciones_prohibidas_con_mensaje_en_espanol(estado, accion):
    with pytest.raises(TransicionInvalida, match="No se puede"):
        MAQUINA.destino(estado, accion)


def test_acciones_permitidas_de_una_respondida():
    assert set(MAQUINA.permitidas(Estado.RESPONDIDA)) == {
        Accion.REGISTRAR_NOTIFICACION,
        Accion.AGREGAR_NOTA_INTERNA,
        Accion.CALIFICAR,
        # Art. 26: only after a denial under reserve; the service checks that.
        Accion.INSISTIR,
    }


def _foto(solicitud: Solicitud) -> tuple[dict, int]:
    fila = Solicitud.objects.get(pk=solicitud.pk)
    return model_to_dict(fila, exclude=["condiciones"]), Evento.objects.filter(solicitud=solicitud).count()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "intento",
    [
        lambda s, f: services.responder(solicitud=s, texto="Respuesta.", actor=f),
        lambda s, f: services.asignar(solicitud=s, dependencia=f.dependencia, actor=f),
        lambda s, f: services.prorrogar(
            solicitud=s, motivo="Visita.", nueva_fecha=date(2026, 5, 6), actor=f, hoy=date(2026, 3, 25)
        ),
        lambda s, f: services.solicitar_informacion(
            solicitud=s, requerimiento="Falta.", actor=f, hoy=date(2026, 3, 25)
        ),
        lambda s, f: services.aportar_informacion(solicitud=s, texto="Aquí está.", hoy=date(2026, 3, 25)),
        lambda s, f: services.declarar_desistimiento(
            solicitud=s, motivacion="No.", actor=f, hoy=date(2026, 6, 1)
        ),
        lambda s, f: services.rechazar(solicitud=s, motivo="Irrespetuosa.", actor=f),
        lambda s, f: services.ampliar_plazo_ciudadano(solicitud=s, hoy=date(2026, 3, 25)),
        lambda s, f: services.calificar(solicitud=s, calificacion=5),
    ],
)
def test_accion_ilegal_no_cambia_nada(intento):
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.trasladar(
        solicitud=solicitud,
        entidad=entidad(),
        oficio="Remitimos.",
        actor=funcionario,
        hoy=date(2026, 3, 24),
    )
    antes = _foto(solicitud)

    with pytest.raises(TransicionInvalida):
        intento(solicitud, funcionario)

    assert _foto(solicitud) == antes


@pytest.mark.django_db
def test_solicitar_informacion_exige_que_este_asignada():
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))

    with pytest.raises(TransicionInvalida):
        services.solicitar_informacion(
            solicitud=solicitud, requerimiento="Falta.", actor=funcionario, hoy=date(2026, 3, 24)
        )
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.RADICADA


@pytest.mark.django_db
def test_cada_transicion_escribe_exactamente_un_evento_con_su_actor():
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    pasos = [
        (
            lambda: services.asignar(
                solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario
            ),
            TipoEvento.ASIGNADA,
            funcionario,
            Estado.RADICADA,
            Estado.ASIGNADA,
        ),
        (
            lambda: services.solicitar_informacion(
                solicitud=solicitud,
                requerimiento="Falta la dirección.",
                actor=funcionario,
                hoy=date(2026, 3, 25),
            ),
            TipoEvento.REQUERIMIENTO_INFORMACION,
            funcionario,
            Estado.ASIGNADA,
            Estado.EN_ESPERA_CIUDADANO,
        ),
        (
            lambda: services.ampliar_plazo_ciudadano(solicitud=solicitud, hoy=date(2026, 4, 1)),
            TipoEvento.PLAZO_CIUDADANO_PRORROGADO,
            None,
            Estado.EN_ESPERA_CIUDADANO,
            Estado.EN_ESPERA_CIUDADANO,
        ),
        (
            lambda: services.aportar_informacion(solicitud=solicitud, texto="Calle 5.", hoy=date(2026, 4, 6)),
            TipoEvento.INFORMACION_RECIBIDA,
            None,
            Estado.EN_ESPERA_CIUDADANO,
            Estado.ASIGNADA,
        ),
        (
            lambda: services.agregar_nota_interna(
                solicitud=solicitud, nota="Llamar al ciudadano.", actor=funcionario
            ),
            TipoEvento.NOTA_INTERNA,
            funcionario,
            Estado.ASIGNADA,
            Estado.ASIGNADA,
        ),
        (
            lambda: services.prorrogar(
                solicitud=solicitud,
                motivo="Visita técnica.",
                nueva_fecha=date(2026, 5, 8),
                actor=funcionario,
                hoy=date(2026, 4, 7),
            ),
            TipoEvento.PRORROGA,
            funcionario,
            Estado.ASIGNADA,
            Estado.ASIGNADA,
        ),
        (
            lambda: services.responder(
                solicitud=solicitud, texto="Respuesta.", actor=funcionario, ahora=en_bogota(2026, 4, 20)
            ),
            TipoEvento.RESPONDIDA,
            funcionario,
            Estado.ASIGNADA,
            Estado.RESPONDIDA,
        ),
        (
            lambda: services.calificar(solicitud=solicitud, calificacion=5),
            TipoEvento.CALIFICADA,
            None,
            Estado.RESPONDIDA,
            Estado.RESPONDIDA,
        ),
        (
            lambda: services.registrar_notificacion(
                solicitud=solicitud,
                medio="correo_electronico",
                prueba="Acuse del servidor de correo.",
                actor=funcionario,
            ),
            TipoEvento.NOTIFICADA,
            funcionario,
            Estado.RESPONDIDA,
            Estado.CERRADA,
        ),
    ]
    for accion, tipo, actor, anterior, nuevo in pasos:
        antes = set(Evento.objects.filter(solicitud=solicitud).values_list("pk", flat=True))
        accion()
        (evento,) = Evento.objects.filter(solicitud=solicitud).exclude(pk__in=antes)
        assert (evento.tipo, evento.actor, evento.estado_anterior, evento.estado_nuevo) == (
            tipo,
            actor,
            anterior,
            nuevo,
        )
        assert Solicitud.objects.get(pk=solicitud.pk).estado == nuevo
    # The new term from 6 Apr is the base of the prórroga's ceiling: 2 × 15 business days.
    assert Solicitud.objects.get(pk=solicitud.pk).fecha_vencimiento == date(2026, 5, 8)


@pytest.mark.django_db
def test_nota_interna_nunca_es_publica():
    funcionario = FuncionarioFactory()
    solicitud = SolicitudFactory()
    services.agregar_nota_interna(solicitud=solicitud, nota="El ciudadano es conflictivo.", actor=funcionario)
    # Even a row forced to publico=True by hand stays out of the public timeline.
    Evento.objects.create(solicitud=solicitud, tipo=TipoEvento.NOTA_INTERNA, estado_nuevo=solicitud.estado)

    publicos = list(selectors.eventos_publicos(solicitud))

    assert [e.tipo for e in publicos] == [TipoEvento.RADICADA]
    assert "conflictivo" not in " ".join(e.nota for e in publicos)
    assert selectors.eventos(solicitud).filter(tipo=TipoEvento.NOTA_INTERNA).count() == 2


@pytest.mark.django_db
def test_la_base_de_datos_impide_una_nota_interna_publica():
    from django.db import IntegrityError, transaction

    solicitud = SolicitudFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evento.objects.create(
            solicitud=solicitud,
            tipo=TipoEvento.NOTA_INTERNA,
            estado_nuevo=solicitud.estado,
            interno=True,
            publico=True,
        )
