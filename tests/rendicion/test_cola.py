"""The rendición staff's work queue on the admin home: questions by the light of their 15 business days and
improvement actions by theirs, in a fixed number of queries; other roles keep their own home."""

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rendicion.models import AccionMejora, Audiencia
from rendicion.roles import RENDICION
from rendicion.services import preguntas
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory, en_bogota

pytestmark = pytest.mark.django_db


def _personal(rol=RENDICION):
    usuario = FuncionarioFactory()
    if rol:
        usuario.groups.add(Group.objects.get(name=rol))
    return usuario


def _datos(n: int) -> None:
    audiencia = Audiencia.objects.create(titulo="Audiencia", fecha=en_bogota(2026, 12, 1, 9), lugar="Concejo")
    for i in range(n):
        preguntas.radicar(
            audiencia=audiencia,
            texto=f"Pregunta {i}",
            peticionario={"anonima": True},
            ahora=en_bogota(2026, 11, 2 + i, 10),
        )
        AccionMejora.objects.create(
            audiencia=audiencia,
            descripcion=f"Acción {i}",
            dependencia=DependenciaFactory(),
            fecha_vencimiento=date(2026, 11, 20 + i),
        )


def test_la_cola_muestra_preguntas_y_acciones_por_semaforo_con_consultas_fijas(client):
    client.force_login(_personal())

    def consultas_del_inicio() -> tuple[int, str]:
        with (
            time_machine.travel(en_bogota(2026, 11, 23, 9), tick=False),
            CaptureQueriesContext(connection) as c,
        ):
            pagina = client.get(reverse("admin:index")).content.decode()
        return len(c.captured_queries), pagina

    _datos(1)
    con_una, _pagina = consultas_del_inicio()
    _datos(3)
    con_cuatro, pagina = consultas_del_inicio()
    assert con_una == con_cuatro
    assert "Preguntas por responder (15 días hábiles)" in pagina
    assert pagina.count("PRE-2026-") == 4
    assert "Acción 0" in pagina and "Vencida" in pagina  # an action was due on 20 November


def test_los_demas_roles_conservan_su_inicio(client):
    _datos(1)
    client.force_login(_personal("Ventanilla"))
    pagina = client.get(reverse("admin:index")).content.decode()
    assert "Preguntas por responder" not in pagina
