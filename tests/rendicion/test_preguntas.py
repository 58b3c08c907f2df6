"""Acceptance 2 at the service level: a question gets a radicado and a code, staff answer it, the answer
is public; an unanswered question is reminded before its 15 business days run out."""

from datetime import date

import pytest
import time_machine

from civic import calendario
from civic.expedientes import radicados
from civic.models import Notificacion
from civic.plazos.recordatorios import barrer_todo
from rendicion.models import Audiencia
from rendicion.services import preguntas
from tests.civic.fabricas import FuncionarioFactory, en_bogota

pytestmark = pytest.mark.django_db


@pytest.fixture
def audiencia():
    return Audiencia.objects.create(
        titulo="Audiencia pública de rendición de cuentas 2026",
        fecha=en_bogota(2026, 9, 10, 9),
        lugar="Concejo",
    )


def test_una_pregunta_se_radica_se_responde_y_se_recuerda_antes_de_vencer(audiencia):
    with time_machine.travel(en_bogota(2026, 9, 1, 10), tick=False):
        pregunta, codigo = preguntas.radicar(
            audiencia=audiencia,
            texto="¿Cuándo se pavimenta la calle 5 en Siloé?",
            peticionario={
                "anonima": False,
                "tipo_documento": "CC",
                "numero_documento": "31999888",
                "nombres": "Rosa",
                "correo": "rosa@correo.test",
                "canal_respuesta": "correo_electronico",
                "autorizacion_datos_version": "2026-01",
            },
        )
    assert pregunta.radicado == "PRE-2026-000001"
    assert radicados.verificar(pregunta.radicado, codigo)[1] == pregunta
    assert pregunta.fecha_vencimiento == calendario.sumar_dias_habiles(date(2026, 9, 1), 15)

    responsable = FuncionarioFactory(email="rendicion@alcaldia.test")
    pregunta.responsable = responsable
    pregunta.save(update_fields=["responsable"])
    for dias_antes in (6, 5, 5, 2, 0):
        barrer_todo(
            hoy=calendario.sumar_dias_habiles(date(2026, 9, 1), 15 - dias_antes), tipos=["rendicion.pregunta"]
        )
    avisos = Notificacion.objects.filter(plantilla="rendicion/emails/recordatorio_pregunta")
    assert list(avisos.values_list("destinatario", flat=True)) == ["rendicion@alcaldia.test"] * 3

    preguntas.publicar(pregunta=pregunta, actor=responsable)
    preguntas.responder(pregunta=pregunta, respuesta="En el primer semestre de 2027.", actor=responsable)
    pregunta.refresh_from_db()
    assert pregunta.estado == "respondida" and pregunta.respondida_en is not None
    assert [e.tipo for e in pregunta.eventos.publicos()] == ["radicada", "publicada", "respondida"]
    barrer_todo(hoy=pregunta.fecha_vencimiento, tipos=["rendicion.pregunta"])
    assert avisos.count() == 3
