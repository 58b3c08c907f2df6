"""The Participa page lists only what is published: informes (not drafts), the PQRS reports apart, the
year's audiencias with their published and answered questions, the goals by traffic light; fixed queries."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from rendicion.models import Audiencia, Informe, MetaPlan, Seccion
from rendicion.services import informes, preguntas
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory, en_bogota

pytestmark = pytest.mark.django_db

PETICIONARIO = {
    "anonima": False,
    "tipo_documento": "CC",
    "numero_documento": "31999888",
    "nombres": "Rosa",
    "correo": "rosa@correo.test",
    "canal_respuesta": "correo_electronico",
    "autorizacion_datos_version": "2026-01",
}


def _informe(titulo, plantilla="", publicar=True):
    informe = Informe.objects.create(
        titulo=titulo,
        desde=date(2026, 1, 1),
        hasta=date(2026, 6, 30),
        fecha=date(2026, 7, 10),
        plantilla=plantilla,
    )
    Seccion.objects.create(informe=informe, orden=1, titulo="Gestión", narrativa="Texto.")
    if publicar:
        informes.publicar(informe=informe, actor=FuncionarioFactory())
    return informe


def test_participa_lista_solo_lo_publicado(client):
    _informe("Informe de gestión del primer semestre")
    _informe("Borrador que nadie debe ver", publicar=False)
    _informe("Informe de PQRS del primer semestre", plantilla="pqrs_ley_1474")
    audiencia = Audiencia.objects.create(
        titulo="Audiencia de rendición 2026", fecha=en_bogota(2026, 11, 20, 9), lugar="Concejo"
    )
    actor = FuncionarioFactory()
    with time_machine.travel(en_bogota(2026, 11, 2, 10), tick=False):
        publicada, _codigo = preguntas.radicar(
            audiencia=audiencia, texto="¿Y el parque?", peticionario=PETICIONARIO
        )
        preguntas.radicar(audiencia=audiencia, texto="Sin moderar", peticionario=PETICIONARIO)
        preguntas.publicar(pregunta=publicada, actor=actor)
        preguntas.responder(pregunta=publicada, respuesta="En 2027.", actor=actor)
    MetaPlan.objects.create(
        codigo="1", nombre="Meta", meta_cuatrienio=10, unidad="u", dependencia=DependenciaFactory()
    )

    with time_machine.travel(en_bogota(2026, 11, 3, 10), tick=False):
        inicio = client.get(reverse("rendicion:inicio"))
        respuesta = client.get(reverse("rendicion:participa"))
    # The section's home is the Participa page itself.
    assert inicio.status_code == 200 and "Informe de gestión del primer semestre" in inicio.content.decode()
    html = respuesta.content.decode()
    assert "Informe de gestión del primer semestre" in html
    assert "Borrador que nadie debe ver" not in html
    datos = respuesta.context["p"]
    assert [i.titulo for i in datos.informes] == ["Informe de gestión del primer semestre"]
    assert [i.titulo for i in datos.reportes_pqrs] == ["Informe de PQRS del primer semestre"]
    assert datos.preguntas[audiencia.pk] == {"publicadas": 1, "respondidas": 1}
    assert "1 pregunta publicada" in html
    assert datos.total_metas == 1 and sum(datos.luces.values()) == 1
    assert "Faltan espacios" in html  # one audiencia in 2026: fewer than the legal two
    assert reverse("consejos:inicio") in html and reverse("organizaciones:inicio") in html


def test_los_anios_se_escriben_sin_separador_de_miles(client):
    with time_machine.travel(en_bogota(2026, 11, 3, 10), tick=False):
        html = client.get(reverse("rendicion:participa")).content.decode()
        assert "2026" in html and "2.026" not in html
        html = client.get(reverse("rendicion:metas")).content.decode()
        assert "2024–2027" in html
