"""Acceptance 2 end to end with the test client: a citizen asks a question at an audiencia, gets a radicado
and a code, follows it on /consultar/, staff answer it in the admin and the answer is public; an unanswered
question is reminded before its 15 business days run out; an improvement action goes overdue by itself."""

import re
import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civic import calendario
from civic.models import Notificacion
from civic.plazos.recordatorios import barrer_todo
from rendicion.models import AccionMejora, Audiencia, Evaluacion, Pregunta, PropuestaTema
from rendicion.roles import RENDICION
from rendicion.selectors import audiencias as selectores
from rendicion.services import audiencias as servicios
from rendicion.services import preguntas
from tests.civic.fabricas import DependenciaFactory, FuncionarioFactory, en_bogota

pytestmark = pytest.mark.django_db

ANTES = en_bogota(2026, 9, 1, 10)
DESPUES = en_bogota(2026, 9, 11, 10)


@pytest.fixture
def audiencia():
    return Audiencia.objects.create(
        titulo="Audiencia pública de rendición de cuentas 2026",
        fecha=en_bogota(2026, 9, 10, 9),
        lugar="Recinto del Concejo Municipal",
        transmision="https://video.example.org/audiencia-2026",
        recibe_preguntas_hasta=en_bogota(2026, 9, 10, 12),
        memorias="## Lo que se dijo\n\nSe presentaron **tres** informes.",
    )


def personal_rendicion(**datos):
    usuario = FuncionarioFactory(**datos)
    usuario.groups.add(Group.objects.get(name=RENDICION))
    return usuario


def _preguntar(client, audiencia, **datos):
    return client.post(
        reverse("rendicion:preguntar", args=[audiencia.pk]),
        # The blank form's one-time token (civic.expedientes.acuse): a fresh one per filled form.
        {
            "texto": "¿Cuándo se pavimenta la calle 5 en Siloé?",
            "token_radicacion": str(uuid.uuid4()),
            **datos,
        },
    )


def test_aceptacion_2_pregunta_radicada_seguida_respondida_en_admin_y_publica(client, audiencia):
    with time_machine.travel(ANTES, tick=False):
        assert client.get(reverse("rendicion:preguntar", args=[audiencia.pk])).status_code == 200
        respuesta = _preguntar(client, audiencia, anonima="on")
        pregunta = Pregunta.objects.get()
        assert respuesta.status_code == 302
        assert respuesta["Location"] == reverse("rendicion:pregunta_radicada", args=[pregunta.radicado])
        acuse = client.get(respuesta["Location"]).content.decode()
        codigo = re.search(r'id="codigo-consulta">([^<]+)<', acuse).group(1)
        assert pregunta.radicado in acuse and "15 días hábiles" in acuse
        # The code is shown once.
        assert 'id="codigo-consulta"' not in client.get(respuesta["Location"]).content.decode()

        # The citizen follows it on the kernel's tracking page.
        seguimiento = client.post(
            reverse("expedientes:consultar"), {"radicado": pregunta.radicado, "codigo": codigo}, follow=True
        )
        pagina = seguimiento.content.decode()
        assert "¿Cuándo se pavimenta la calle 5 en Siloé?" in pagina
        assert "Recibida, en moderación" in pagina and "15 días hábiles" in pagina

    # Staff publish and answer it in the admin.
    staff = personal_rendicion()
    staff_client = client.__class__()
    staff_client.force_login(staff)
    for accion, datos in (("publicar", {}), ("responder", {"respuesta": "En el primer semestre de 2027."})):
        url = reverse("admin:rendicion_pregunta_accion", args=[pregunta.pk, accion])
        assert staff_client.get(url).status_code == 200
        assert staff_client.post(url, datos).status_code == 302, accion
    pregunta.refresh_from_db()
    assert pregunta.estado == "respondida" and pregunta.responsable == staff

    pagina = client.get(reverse("rendicion:audiencia", args=[audiencia.pk])).content.decode()
    assert "¿Cuándo se pavimenta la calle 5 en Siloé?" in pagina
    assert "En el primer semestre de 2027." in pagina
    # The citizen's tracking page shows the answer too (a new lookup: the proof lasts minutes).
    seguimiento = client.post(
        reverse("expedientes:consultar"), {"radicado": pregunta.radicado, "codigo": codigo}, follow=True
    ).content.decode()
    assert "En el primer semestre de 2027." in seguimiento and "Publicada en la página" not in seguimiento


def test_una_pregunta_con_nombre_pide_documento_correo_y_autorizacion(client, audiencia):
    with time_machine.travel(ANTES, tick=False):
        respuesta = _preguntar(client, audiencia, nombres="Rosa")
        assert respuesta.status_code == 200
        errores = respuesta.context["form"].errors
        assert set(errores) >= {"numero_documento", "correo", "autorizacion", "apellidos"}
        assert "Rosa" in respuesta.content.decode()  # what was typed stays
        respuesta = _preguntar(
            client,
            audiencia,
            tipo_documento="CC",
            numero_documento="31999888",
            nombres="Rosa",
            apellidos="Pérez",
            correo="rosa@correo.test",
            autorizacion="on",
        )
    assert respuesta.status_code == 302
    pregunta = Pregunta.objects.get()
    assert pregunta.correo == "rosa@correo.test" and pregunta.autorizacion_datos_version
    assert pregunta.canal_respuesta == "correo_electronico" and not pregunta.anonima


def test_las_preguntas_se_cierran_y_el_formulario_lleva_a_pqrs(client, audiencia):
    with time_machine.travel(audiencia.recibe_preguntas_hasta + timedelta(minutes=1), tick=False):
        pagina = client.get(reverse("rendicion:preguntar", args=[audiencia.pk])).content.decode()
        assert "preguntas-cerradas" in pagina and reverse("pqrs:radicar") in pagina
        assert _preguntar(client, audiencia, anonima="on").status_code == 200
    assert not Pregunta.objects.exists()


def test_el_limite_por_ip_detiene_la_radicacion(client, audiencia, settings):
    settings.LIMITE_RADICAR = 1
    with time_machine.travel(ANTES, tick=False):
        assert _preguntar(client, audiencia, anonima="on").status_code == 302
        respuesta = _preguntar(client, audiencia, anonima="on")
    assert respuesta.status_code == 429 and Pregunta.objects.count() == 1


def test_una_pregunta_sin_responder_se_recuerda_antes_de_vencer(client, audiencia):
    personal_rendicion(email="rendicion@alcaldia.test")
    with time_machine.travel(ANTES, tick=False):
        _preguntar(client, audiencia, anonima="on")
    pregunta = Pregunta.objects.get()
    assert pregunta.fecha_vencimiento == calendario.sumar_dias_habiles(date(2026, 9, 1), 15)
    barrer_todo(hoy=calendario.sumar_dias_habiles(date(2026, 9, 1), 10), tipos=["rendicion.pregunta"])
    avisos = Notificacion.objects.filter(plantilla="rendicion/emails/recordatorio_pregunta")
    assert list(avisos.values_list("destinatario", flat=True)) == ["rendicion@alcaldia.test"]


def test_lo_no_publicado_solo_cuenta_y_lo_unido_se_dice(audiencia, client):
    staff = personal_rendicion()
    with time_machine.travel(ANTES, tick=False):
        hechas = [
            preguntas.radicar(audiencia=audiencia, texto=t, peticionario={"anonima": True})[0]
            for t in ("¿Pregunta publicada?", "¿Pregunta igual?", "¿Pregunta ofensiva?")
        ]
    publicada, igual, ofensiva = hechas
    preguntas.publicar(pregunta=publicada, actor=staff)
    preguntas.fusionar(pregunta=igual, en=publicada, actor=staff)
    preguntas.rechazar(pregunta=ofensiva, motivo="Lenguaje ofensivo.", actor=staff)
    preguntas.responder(pregunta=ofensiva, respuesta="Respuesta privada.", actor=staff)
    pagina = client.get(reverse("rendicion:audiencia", args=[audiencia.pk])).content.decode()
    assert "¿Pregunta publicada?" in pagina and "y 1 igual" in pagina
    assert "¿Pregunta ofensiva?" not in pagina and "Respuesta privada." not in pagina
    assert "se respondió por escrito 1 pregunta que no se publicó" in pagina


def test_temas_propuestos_se_moderan_antes_de_publicarse(client, audiencia):
    with time_machine.travel(ANTES, tick=False):
        url = reverse("rendicion:proponer_tema", args=[audiencia.pk])
        assert client.post(url, {"texto": ""}).status_code == 200
        assert client.post(url, {"texto": "Movilidad en la ladera"}).status_code == 302
    pagina = lambda: client.get(reverse("rendicion:audiencia", args=[audiencia.pk])).content.decode()  # noqa: E731
    assert "Movilidad en la ladera" not in pagina()
    staff_client = client.__class__()
    staff_client.force_login(personal_rendicion())
    staff_client.post(
        reverse("admin:rendicion_propuestatema_changelist"),
        {"action": "publicar", "_selected_action": [PropuestaTema.objects.get().pk]},
    )
    assert PropuestaTema.objects.get().publicada
    assert "Movilidad en la ladera" in pagina()
    with time_machine.travel(DESPUES, tick=False):
        assert client.post(url, {"texto": "Tarde"}).status_code == 200
    assert PropuestaTema.objects.count() == 1


def test_la_encuesta_despues_del_evento_una_por_sesion(client, audiencia):
    url = reverse("rendicion:evaluar", args=[audiencia.pk])
    datos = {"informacion_clara": "5", "preguntas_atendidas": "4", "organizacion": "3", "comentario": "Bien"}
    with time_machine.travel(ANTES, tick=False):
        assert client.post(url, datos).status_code == 200
    assert not Evaluacion.objects.exists()
    with time_machine.travel(DESPUES, tick=False):
        respuesta = client.post(url, {"informacion_clara": "5"})
        assert respuesta.status_code == 200 and "preguntas_atendidas" in respuesta.context["form"].errors
        assert client.post(url, datos).status_code == 302
        assert client.post(url, datos).status_code == 200  # the same session: once
        otro = client.__class__()
        otro.post(url, {**datos, "informacion_clara": "3"})
    assert Evaluacion.objects.count() == 2
    total, resultados = selectores.resultados_evaluacion(audiencia.pk)
    assert total == 2 and resultados[0].promedio == 4.0 and resultados[0].por_valor[2] == (3, 1)
    pagina = client.get(reverse("rendicion:audiencia", args=[audiencia.pk])).content.decode()
    assert 'id="tabla-evaluacion"' in pagina


def test_una_accion_de_mejora_vence_sola_y_sus_acciones_escriben_eventos(client, audiencia):
    accion = AccionMejora.objects.create(
        audiencia=audiencia,
        descripcion="Publicar las respuestas en lenguaje claro.",
        dependencia=DependenciaFactory(),
        fecha_vencimiento=date(2026, 10, 15),
    )
    url = reverse("rendicion:audiencia", args=[audiencia.pk])
    with time_machine.travel(en_bogota(2026, 10, 1, 10), tick=False):
        assert "luz-verde" in client.get(url).content.decode()
    with time_machine.travel(en_bogota(2026, 10, 20, 10), tick=False):
        assert "luz-rojo" in client.get(url).content.decode()
    staff = personal_rendicion()
    servicios.iniciar(accion=accion, actor=staff)
    with pytest.raises(ValidationError):
        servicios.cancelar(accion=accion, nota="", actor=staff)
    servicios.cumplir(accion=accion, nota="Hecho.", actor=staff)
    accion.refresh_from_db()
    assert accion.estado == "cumplida"
    assert [e.tipo for e in accion.eventos.all()] == ["iniciar", "cumplir"]
    with time_machine.travel(en_bogota(2026, 10, 20, 10), tick=False):
        assert "luz-gris" in client.get(url).content.decode()


def test_menos_de_dos_audiencias_al_anio_se_advierte(client, audiencia):
    with time_machine.travel(ANTES, tick=False):
        pagina = client.get(reverse("rendicion:audiencias")).content.decode()
        assert 'id="aviso-minimo"' in pagina and "2026: 1 audiencia registrada" in pagina
        Audiencia.objects.create(titulo="Segunda", fecha=en_bogota(2026, 11, 20, 9), lugar="Comuna 20")
        pagina = client.get(reverse("rendicion:audiencias")).content.decode()
        assert 'id="aviso-minimo"' not in pagina
        assert "Segunda" in pagina


def _pagina_con(audiencia, client, n: int) -> int:
    staff = personal_rendicion()
    dependencia = DependenciaFactory()
    with time_machine.travel(ANTES, tick=False):
        for i in range(n):
            p, _codigo = preguntas.radicar(
                audiencia=audiencia, texto=f"¿Pregunta {i}?", peticionario={"anonima": True}
            )
            preguntas.publicar(pregunta=p, actor=staff)
            preguntas.responder(pregunta=p, respuesta=f"Respuesta {i}.", actor=staff)
            servicios.proponer_tema(audiencia=audiencia, texto=f"Tema {i}")
            AccionMejora.objects.create(
                audiencia=audiencia,
                descripcion=f"Acción {i}",
                dependencia=dependencia,
                fecha_vencimiento=date(2026, 10, 1),
            )
    PropuestaTema.objects.update(publicada=True)
    with time_machine.travel(DESPUES, tick=False):
        servicios.evaluar(audiencia=audiencia, informacion_clara=5, preguntas_atendidas=5, organizacion=5)
        client.get(reverse("rendicion:audiencia", args=[audiencia.pk]))  # warm caches (calendar)
        with CaptureQueriesContext(connection) as consultas:
            assert client.get(reverse("rendicion:audiencia", args=[audiencia.pk])).status_code == 200
    return len(consultas)


def test_la_pagina_de_la_audiencia_hace_las_mismas_consultas_con_mas_filas(client, audiencia):
    una = _pagina_con(audiencia, client, 1)
    otra = Audiencia.objects.create(titulo="Otra", fecha=audiencia.fecha, lugar="Otro")
    assert _pagina_con(otra, client, 6) == una
    assert una <= 10


def test_la_misma_pregunta_enviada_dos_veces_se_radica_una_vez(client):
    audiencia = Audiencia.objects.create(
        titulo="Audiencia 2026", fecha=timezone.now() + timedelta(days=10), lugar="Concejo"
    )
    datos = {"texto": "¿Y el parque?", "anonima": "on", "token_radicacion": str(uuid.uuid4())}
    url = reverse("rendicion:preguntar", args=[audiencia.pk])
    primera, segunda = client.post(url, datos), client.post(url, datos)
    assert audiencia.preguntas.count() == 1
    assert primera["Location"] == segunda["Location"]
