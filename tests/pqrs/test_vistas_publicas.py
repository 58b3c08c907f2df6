"""The citizen's PQRS pages through Django's test client: what is written, mailed, shown and refused."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civic.expedientes.acuse import SESION_RADICADOS
from civic.sitio.politica import POLITICA_DATOS_VERSION
from pqrs import services
from pqrs.emails import fecha_larga
from pqrs.models import Adjunto, Calificacion, Evento, Solicitud, TipoEvento
from pqrs.workflow import Estado
from tests.apoyo import verificada
from tests.pqrs import archivos
from tests.pqrs.factories import (
    ComunaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    anonima,
)
from tests.pqrs.test_formularios import datos_validos

pytestmark = pytest.mark.django_db

RADICAR = reverse("pqrs:radicar")
CONSULTAR = reverse("expedientes:consultar")
SEGUIMIENTO = reverse("pqrs:seguimiento")
PUBLICADAS = reverse("pqrs:respuestas_publicadas")
MENSAJE_NO_ENCONTRADA = "No encontramos una solicitud con ese número de radicado y ese código de consulta."
SCRIPT = '<script>alert("x")</script>'


IPS_DE_PRUEBA = ("127.0.0.1", "10.0.0.1", "10.0.0.9", "1.1.1.1", "2.2.2.2")


def limpiar_limites() -> None:
    # Rate-limit counters live in the cache, which outlives a test. Only our keys are dropped: with
    # REDIS_URL set the cache is shared, and clearing it all would disturb other runs.
    cache.delete_many(
        [f"civic:limite:{accion}:{ip}" for accion in ("radicar", "consultar") for ip in IPS_DE_PRUEBA]
    )


@pytest.fixture(autouse=True)
def limites_limpios():
    limpiar_limites()
    yield
    limpiar_limites()


def conteos() -> tuple[int, int, int]:
    return Solicitud.objects.count(), Evento.objects.count(), Adjunto.objects.count()


def codigo_en(respuesta) -> str | None:
    encontrado = re.search(r'id="codigo-consulta">([A-Z0-9]+)<', respuesta.content.decode())
    return encontrado.group(1) if encontrado else None


def radicar(client, **cambios):
    return client.post(RADICAR, datos_validos(**cambios))


def hoy_solicitud(**kwargs) -> Solicitud:
    return SolicitudFactory(ahora=timezone.now(), **kwargs)


def verificar(client, solicitud: Solicitud):
    respuesta = client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": solicitud.codigo_claro})
    assert respuesta.status_code == HTTPStatus.FOUND, respuesta.content.decode()[:2000]
    return respuesta


@pytest.fixture
def funcionario():
    return FuncionarioFactory()


# --- Filing form -----------------------------------------------------------------------------


def test_formulario_muestra_modalidades_anonimato_y_politica(client):
    respuesta = client.get(RADICAR)

    assert respuesta.status_code == HTTPStatus.OK
    html = respuesta.content.decode()
    assert "Denuncia" in html
    assert "Pone en conocimiento un hecho irregular" in html  # the modality's plain-language line
    assert "CPACA, art. 69" in html
    assert reverse("sitio:privacidad") in html
    assert "Condiciones poblacionales (opcional)" in html
    # Honeypot: hidden from assistive technology and out of the tab order.
    assert re.search(r'<div class="campo-trampa" aria-hidden="true">', html)
    assert re.search(r'<input[^>]*name="sitio_web"[^>]*tabindex="-1"', html) or re.search(
        r'<input[^>]*tabindex="-1"[^>]*name="sitio_web"', html
    )


def test_tipo_en_la_url_preselecciona_la_modalidad(client):
    html = client.get(RADICAR + "?tipo=denuncia").content.decode()

    (marcado,) = re.findall(r'<input type="radio" name="tipo" value="([^"]+)"[^>]* checked', html)
    assert marcado == "denuncia"


def test_radicacion_valida_crea_solicitud_evento_y_correo_y_redirige(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    comuna = ComunaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            RADICAR, {**datos_validos(comuna=str(comuna.pk)), "adjuntos": [archivos.pdf("soporte.pdf")]}
        )

    solicitud = Solicitud.objects.get()
    assert respuesta.status_code == HTTPStatus.FOUND
    assert respuesta["Location"] == reverse("pqrs:acuse", args=[solicitud.radicado])
    assert solicitud.modalidad.codigo == "queja"
    assert solicitud.canal == "web"
    assert solicitud.comuna == comuna
    assert solicitud.autorizacion_datos_version == POLITICA_DATOS_VERSION
    assert solicitud.autorizacion_datos_en is not None
    (evento,) = Evento.objects.filter(solicitud=solicitud)
    assert evento.tipo == TipoEvento.RADICADA
    (adjunto,) = solicitud.adjuntos.all()
    assert adjunto.nombre_original == "soporte.pdf"
    assert adjunto.tipo_contenido == "application/pdf"
    (mensaje,) = mailoutbox
    assert mensaje.to == ["luz@correo.test"]
    assert solicitud.radicado in mensaje.subject


def test_acuse_muestra_el_codigo_una_sola_vez_y_explica_el_plazo(client):
    radicar(client)
    solicitud = Solicitud.objects.get()
    url = reverse("pqrs:acuse", args=[solicitud.radicado])

    primera = client.get(url)

    assert primera.status_code == HTTPStatus.OK
    codigo = codigo_en(primera)
    assert codigo and verificada(solicitud.radicado, codigo) == solicitud
    html = primera.content.decode()
    assert solicitud.radicado in html
    assert "Queja" in html and "Luminaria dañada" in html
    assert "¿Cómo se calculó la fecha límite?" in html
    assert "15 días hábiles" in html
    assert primera["Cache-Control"].startswith("max-age=0") or "no-store" in primera["Cache-Control"]

    segunda = client.get(url)

    assert segunda.status_code == HTTPStatus.OK
    assert codigo not in segunda.content.decode()
    assert "se mostró una sola vez" in segunda.content.decode()


def test_acuse_explica_los_dias_no_habiles_omitidos(client, settings):
    # Filed on Friday 20 March 2026: the count skips the weekend and San José (Monday 23 March).
    solicitud = SolicitudFactory()
    sesion = client.session
    sesion[SESION_RADICADOS] = {solicitud.radicado: solicitud.pk}
    sesion.save()

    html = client.get(reverse("pqrs:acuse", args=[solicitud.radicado])).content.decode()

    assert "miércoles 15 de abril de 2026" in html
    assert "lunes 23 de marzo de 2026" in html.lower()
    assert "San José" in html


def test_acuse_y_pdf_solo_para_la_sesion_que_radico(client):
    radicar(client)
    solicitud = Solicitud.objects.get()
    otro = Client()

    assert otro.get(reverse("pqrs:acuse", args=[solicitud.radicado])).status_code == HTTPStatus.NOT_FOUND
    assert otro.get(reverse("pqrs:acuse_pdf", args=[solicitud.radicado])).status_code == HTTPStatus.NOT_FOUND


def test_pdf_del_acuse(client):
    radicar(client)
    solicitud = Solicitud.objects.get()

    respuesta = client.get(reverse("pqrs:acuse_pdf", args=[solicitud.radicado]))

    assert respuesta.status_code == HTTPStatus.OK
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta.content.startswith(b"%PDF")
    assert f"acuse-{solicitud.radicado}.pdf" in respuesta["Content-Disposition"]


@pytest.mark.parametrize(
    ("cambios", "archivo", "mensaje"),
    [
        ({"asunto": "", "descripcion": "", "autorizacion": None}, None, "Escriba el asunto de su solicitud."),
        ({}, archivos.pdf("grande.pdf", relleno=11 * archivos.MB), "«grande.pdf» pesa 11,0 MB"),
        ({}, archivos.exe_como_pdf("factura.pdf"), "«factura.pdf» no es de un tipo permitido"),
        ({"descripcion": "a" * 100_000}, None, "La descripción admite hasta 5000 caracteres"),
        ({"canal_respuesta": "direccion_postal", "direccion": ""}, None, "Escriba su dirección"),
    ],
    ids=["faltan-campos", "11-MB", "exe-como-pdf", "descripcion-100-kB", "canal-sin-dato"],
)
def test_entrada_mala_no_escribe_nada_y_conserva_lo_escrito(client, cambios, archivo, mensaje):
    antes = conteos()
    datos = datos_validos(nombres="Luz Marina", **cambios)
    if archivo is not None:
        datos["adjuntos"] = [archivo]

    respuesta = client.post(RADICAR, datos)

    assert respuesta.status_code == HTTPStatus.OK
    assert conteos() == antes
    html = respuesta.content.decode()
    assert mensaje in html
    assert 'role="alert"' in html
    assert 'value="Luz Marina"' in html  # what was typed is kept
    if archivo is not None:
        assert "vuelva a seleccionarlos" in html


def test_campo_trampa_lleno_no_escribe_nada(client):
    antes = conteos()

    respuesta = radicar(client, sitio_web="http://oferta.test")

    assert respuesta.status_code == HTTPStatus.OK
    assert conteos() == antes
    assert "programa que llena formularios" in respuesta.content.decode()


def test_limite_de_radicaciones_por_ip_responde_429(client, settings):
    settings.LIMITE_RADICAR = 2
    assert radicar(client).status_code == HTTPStatus.FOUND
    assert radicar(client).status_code == HTTPStatus.FOUND

    respuesta = radicar(client, asunto="Hueco en la vía")

    assert respuesta.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Solicitud.objects.count() == 2
    assert respuesta["Retry-After"] == "600"
    # The refused form is shown again with what was typed and the reason at the top.
    html = respuesta.content.decode()
    assert 'role="alert"' in html
    assert "No pudimos radicar su solicitud" in html
    assert "espere 10 minutos" in html
    assert 'value="Hueco en la vía"' in html
    assert 'value="Luz Marina"' in html
    # Another address is not affected.
    assert client.post(RADICAR, datos_validos(), REMOTE_ADDR="10.0.0.9").status_code == HTTPStatus.FOUND


def test_limite_agotado_se_avisa_antes_de_llenar_el_formulario(client, settings):
    settings.LIMITE_RADICAR = 1
    assert client.get(RADICAR).status_code == HTTPStatus.OK
    assert radicar(client).status_code == HTTPStatus.FOUND

    respuesta = client.get(RADICAR)

    assert respuesta.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Demasiados intentos" in respuesta.content.decode()
    assert respuesta["Retry-After"] == "600"
    assert 'name="asunto"' not in respuesta.content.decode()


# --- One filing per form (one-time token) ----------------------------------------------------


def test_doble_envio_del_mismo_formulario_radica_una_vez_y_lleva_al_mismo_acuse(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    datos = datos_validos()

    with django_capture_on_commit_callbacks(execute=True):
        primera = client.post(RADICAR, datos)
        segunda = client.post(RADICAR, datos)

    assert Solicitud.objects.count() == 1
    solicitud = Solicitud.objects.get()
    assert str(solicitud.token_radicacion) == datos["token_radicacion"]
    acuse = reverse("pqrs:acuse", kwargs={"radicado": solicitud.radicado})
    assert primera.status_code == segunda.status_code == HTTPStatus.FOUND
    assert primera["Location"] == segunda["Location"] == acuse
    assert Evento.objects.count() == 1
    assert len(mailoutbox) == 1
    assert codigo_en(client.get(acuse)) is not None  # the code, once


def test_formulario_reenviado_con_el_boton_atras_no_vuelve_a_mostrar_el_codigo(client):
    datos = datos_validos()
    client.post(RADICAR, datos)
    solicitud = Solicitud.objects.get()
    acuse = reverse("pqrs:acuse", kwargs={"radicado": solicitud.radicado})
    assert codigo_en(client.get(acuse)) is not None

    respuesta = client.post(RADICAR, datos)

    assert respuesta["Location"] == acuse
    assert Solicitud.objects.count() == 1
    html = client.get(acuse).content.decode()
    assert codigo_en(client.get(acuse)) is None
    assert "se mostró una sola vez" in html


def test_doble_clic_desde_otra_sesion_del_mismo_navegador_abre_el_acuse_con_el_codigo(client):
    # The browser drops the first response, its session cookie with it: the twin opens the acuse itself.
    datos = datos_validos()
    client.post(RADICAR, datos)
    gemela = Client()

    respuesta = gemela.post(RADICAR, datos)

    solicitud = Solicitud.objects.get()
    assert respuesta["Location"] == reverse("pqrs:acuse", kwargs={"radicado": solicitud.radicado})
    codigo = codigo_en(gemela.get(respuesta["Location"]))
    assert codigo is not None
    assert codigo == codigo_en(client.get(respuesta["Location"]))  # the one the dropped response held
    assert Solicitud.objects.count() == 1


def test_el_reenvio_no_gasta_el_limite_ni_lo_tropieza(client, settings):
    settings.LIMITE_RADICAR = 1
    datos = datos_validos()
    assert client.post(RADICAR, datos).status_code == HTTPStatus.FOUND

    respuesta = client.post(RADICAR, datos)  # the limit is spent, but this is the same filing

    assert respuesta.status_code == HTTPStatus.FOUND
    assert Solicitud.objects.count() == 1


def test_formulario_reenviado_pasada_la_ventana_solo_dice_el_radicado(client, settings):
    datos = datos_validos()
    client.post(RADICAR, datos)
    solicitud = Solicitud.objects.get()
    Solicitud.objects.filter(pk=solicitud.pk).update(radicada_en=timezone.now() - timedelta(hours=2))
    otra = Client()

    respuesta = otra.post(RADICAR, datos, follow=True)

    assert respuesta.redirect_chain[-1][0] == CONSULTAR
    assert f"ya se había radicado con el número {solicitud.radicado}" in respuesta.content.decode()
    assert otra.get(reverse("pqrs:acuse", kwargs={"radicado": solicitud.radicado})).status_code == 404


def test_formulario_sin_token_conserva_lo_escrito_y_trae_uno_nuevo(client):
    respuesta = radicar(client, token_radicacion=None)

    assert respuesta.status_code == HTTPStatus.OK
    assert Solicitud.objects.count() == 0
    html = respuesta.content.decode()
    assert "El formulario venció" in html
    assert 'value="Luz Marina"' in html
    nuevo = re.search(r'name="token_radicacion" value="([0-9a-f-]{36})"', html)
    assert nuevo is not None
    assert radicar(client, token_radicacion=nuevo.group(1)).status_code == HTTPStatus.FOUND


def test_tras_proxies_confiables_cuenta_la_ip_del_cliente(client, settings):
    settings.LIMITE_RADICAR = 1
    settings.PROXIES_CONFIABLES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    assert client.post(RADICAR, datos_validos(), HTTP_X_FORWARDED_FOR="1.1.1.1", **proxy).status_code == 302
    assert client.post(RADICAR, datos_validos(), HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy).status_code == 302
    assert client.post(RADICAR, datos_validos(), HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy).status_code == 429


def test_html_en_todos_los_campos_se_guarda_como_texto_y_se_muestra_escapado(client):
    campos = ["numero_documento", "nombres", "apellidos", "telefono", "direccion", "barrio", "asunto"]
    datos = datos_validos(**{c: SCRIPT for c in campos}, descripcion=SCRIPT)

    respuesta = client.post(RADICAR, datos)
    # Document number and phone have a format; everything else is free text and must be accepted.
    html_error = respuesta.content.decode()
    assert SCRIPT not in html_error
    assert "&lt;script&gt;" in html_error

    datos.update(numero_documento="1144000001", telefono="3001234567")
    respuesta = client.post(RADICAR, datos)
    assert respuesta.status_code == HTTPStatus.FOUND
    solicitud = Solicitud.objects.get()
    assert solicitud.asunto == SCRIPT and solicitud.nombres == SCRIPT and solicitud.descripcion == SCRIPT

    acuse = client.get(respuesta["Location"])
    codigo = codigo_en(acuse)
    assert SCRIPT not in acuse.content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in acuse.content.decode()

    client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": codigo})
    seguimiento = client.get(SEGUIMIENTO).content.decode()
    assert SCRIPT not in seguimiento
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in seguimiento


def test_anonima_sin_correo_se_radica_y_se_anuncia_la_publicacion(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            RADICAR,
            {
                "tipo": "denuncia",
                "anonima": "on",
                "asunto": "Cobro irregular",
                "descripcion": "Piden dinero por un trámite gratuito.",
                "autorizacion": "on",
                # Typed, then the box was ticked: identity is not kept for an anonymous filing.
                "nombres": "Pedro",
                "token_radicacion": "5d0c1a52-7f47-4a8e-9d55-0a4c2b8f3e11",
            },
        )

    assert respuesta.status_code == HTTPStatus.FOUND
    solicitud = Solicitud.objects.get()
    assert solicitud.anonima and solicitud.nombres == "" and solicitud.canal_respuesta == ""
    assert mailoutbox == []
    html = client.get(respuesta["Location"]).content.decode()
    assert "la respuesta también se publicará" in html
    assert PUBLICADAS in html


# --- Tracking --------------------------------------------------------------------------------


def test_radicado_desconocido_y_codigo_errado_dan_el_mismo_mensaje(client):
    solicitud = hoy_solicitud()
    antes = conteos()

    desconocido = client.post(CONSULTAR, {"radicado": "PQRS-2026-999999", "codigo": solicitud.codigo_claro})
    errado = client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": "ABCDEFGHJK"})

    assert desconocido.status_code == errado.status_code == HTTPStatus.OK
    assert MENSAJE_NO_ENCONTRADA in desconocido.content.decode()
    assert MENSAJE_NO_ENCONTRADA in errado.content.decode()
    assert conteos() == antes
    assert "civic_consulta" not in client.session
    assert client.get(SEGUIMIENTO).status_code == HTTPStatus.FOUND


def test_consulta_acepta_el_codigo_como_se_escribe(client):
    solicitud = hoy_solicitud()
    codigo = solicitud.codigo_claro.lower()
    escrito = f"{codigo[:5]}-{codigo[5:]}"

    respuesta = client.post(CONSULTAR, {"radicado": solicitud.radicado.lower(), "codigo": escrito})

    assert respuesta["Location"] == SEGUIMIENTO


def test_limite_de_consultas_por_ip_responde_429(client, settings):
    settings.LIMITE_CONSULTAR = 3
    solicitud = hoy_solicitud()
    for _ in range(3):
        client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": "ABCDEFGHJK"})

    # Even the right code is refused once the tries are spent: the limit is what makes guessing useless.
    respuesta = client.post(CONSULTAR, {"radicado": solicitud.radicado, "codigo": solicitud.codigo_claro})

    assert respuesta.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "demasiadas consultas" in respuesta.content.decode()
    assert "civic_consulta" not in client.session


def test_seguimiento_muestra_linea_de_tiempo_sin_notas_internas(client, funcionario):
    solicitud = hoy_solicitud()
    services.agregar_nota_interna(solicitud=solicitud, nota="Nota reservada del equipo", actor=funcionario)
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    verificar(client, solicitud)

    respuesta = client.get(SEGUIMIENTO)

    html = respuesta.content.decode()
    assert respuesta.status_code == HTTPStatus.OK
    assert "En trámite" in html
    assert "Solicitud radicada" in html
    assert "Nota reservada del equipo" not in html
    assert funcionario.dependencia.nombre not in html
    assert "Quedan" in html and "días hábiles" in html


def test_la_consulta_verificada_expira(client, settings):
    settings.CONSULTA_SEGUNDOS = -1
    solicitud = hoy_solicitud()
    verificar(client, solicitud)

    respuesta = client.get(SEGUIMIENTO)

    assert respuesta.status_code == HTTPStatus.FOUND
    assert respuesta["Location"] == CONSULTAR


def test_ciudadano_responde_el_requerimiento_y_el_termino_se_reinicia(
    client, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    solicitud = hoy_solicitud()
    services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Envíe la foto del poste.", actor=funcionario
    )
    verificar(client, solicitud)

    pagina = client.get(SEGUIMIENTO).content.decode()
    assert "Envíe la foto del poste." in pagina
    assert "empieza de nuevo a contar desde el día hábil siguiente" in pagina

    antes = conteos()
    malo = client.post(
        reverse("pqrs:aportar"), {"texto": "Aquí está", "adjuntos": [archivos.exe_como_pdf("foto.pdf")]}
    )
    assert malo.status_code == HTTPStatus.OK
    assert "«foto.pdf» no es de un tipo permitido" in malo.content.decode()
    assert conteos() == antes

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            reverse("pqrs:aportar"), {"texto": "Adjunto la foto.", "adjuntos": [archivos.png("poste.png")]}
        )

    assert respuesta["Location"] == SEGUIMIENTO
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA
    evento = Evento.objects.filter(solicitud=solicitud).latest("momento", "id")
    assert evento.tipo == TipoEvento.INFORMACION_RECIBIDA
    assert evento.nota == "Adjunto la foto."
    assert evento.adjuntos.get().tipo_contenido == "image/png"
    pagina = client.get(SEGUIMIENTO).content.decode()
    assert "la nueva fecha límite es el" in pagina
    assert fecha_larga(solicitud.fecha_vencimiento) in pagina
    # The petitioner's receipt, and the notice to whoever handles the request (its dependencia's inbox).
    assert sorted(m.to for m in mailoutbox) == sorted([[solicitud.correo], [solicitud.dependencia.correo]])


def test_aportar_sin_requerimiento_no_cambia_nada(client):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    antes = conteos()

    respuesta = client.post(reverse("pqrs:aportar"), {"texto": "Hola"}, follow=True)

    assert conteos() == antes
    assert "No se puede aportar la información solicitada" in respuesta.content.decode()


def test_encuesta_una_sola_vez_despues_de_la_respuesta(client, funcionario):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    assert "Califique la atención" not in client.get(SEGUIMIENTO).content.decode()

    services.responder(solicitud=solicitud, texto="Reparamos la luminaria.", actor=funcionario)
    pagina = client.get(SEGUIMIENTO).content.decode()
    assert "Reparamos la luminaria." in pagina
    assert "Califique la atención" in pagina

    invalida = client.post(reverse("pqrs:calificar"), {"calificacion": "9"})
    assert invalida.status_code == HTTPStatus.OK
    assert "Califique la atención" in invalida.content.decode()
    assert not Calificacion.objects.exists()

    client.post(reverse("pqrs:calificar"), {"calificacion": "4", "comentario": "Rápido"})
    otra = client.post(reverse("pqrs:calificar"), {"calificacion": "1"}, follow=True)

    (calificacion,) = Calificacion.objects.all()
    assert (calificacion.puntaje, calificacion.comentario) == (4, "Rápido")
    assert "ya fue calificada" in otra.content.decode()
    assert "Califique la atención" not in client.get(SEGUIMIENTO).content.decode()


def test_adjuntos_solo_por_la_sesion_verificada_y_solo_los_publicos(client, funcionario):
    solicitud = hoy_solicitud(archivos=[archivos.pdf("mio.pdf")])
    services.responder(solicitud=solicitud, texto="Respuesta", actor=funcionario)
    services.registrar_notificacion(
        solicitud=solicitud,
        medio="correo_electronico",
        prueba="Acuse del servidor",
        actor=funcionario,
        archivos=[SimpleUploadedFile("prueba-interna.pdf", archivos.pdf_bytes())],
    )
    publico = Adjunto.objects.get(nombre_original="mio.pdf")
    interno = Adjunto.objects.get(nombre_original="prueba-interna.pdf")
    verificar(client, solicitud)

    descarga = client.get(reverse("pqrs:adjunto", args=[publico.pk]))

    assert descarga.status_code == HTTPStatus.OK
    assert b"".join(descarga.streaming_content).startswith(b"%PDF")
    assert 'attachment; filename="mio.pdf"' in descarga["Content-Disposition"]
    assert "prueba-interna.pdf" not in client.get(SEGUIMIENTO).content.decode()
    assert client.get(reverse("pqrs:adjunto", args=[interno.pk])).status_code == HTTPStatus.NOT_FOUND
    assert Client().get(reverse("pqrs:adjunto", args=[publico.pk])).status_code == HTTPStatus.NOT_FOUND


def _eventos_publicos_con_adjunto(solicitud: Solicitud, desde: int, hasta: int) -> None:
    for i in range(desde, hasta):
        evento = Evento.objects.create(
            solicitud=solicitud,
            tipo=TipoEvento.NOTIFICADA,
            estado_anterior=solicitud.estado,
            estado_nuevo=solicitud.estado,
            nota=f"Evento público {i}",
            publico=True,
        )
        Adjunto.objects.create(
            solicitud=solicitud,
            evento=evento,
            archivo=SimpleUploadedFile(f"a{i}.pdf", archivos.pdf_bytes()),
            nombre_original=f"a{i}.pdf",
            tamano=10,
            origen=Adjunto.Origen.FUNCIONARIO,
            publico=True,
        )


def test_seguimiento_hace_las_mismas_consultas_con_1_o_30_eventos(client, django_assert_max_num_queries):
    solicitud = hoy_solicitud()
    _eventos_publicos_con_adjunto(solicitud, 0, 1)
    verificar(client, solicitud)
    client.get(SEGUIMIENTO)  # warm the business-day calendar

    with CaptureQueriesContext(connection) as con_uno:
        assert client.get(SEGUIMIENTO).status_code == HTTPStatus.OK
    _eventos_publicos_con_adjunto(solicitud, 1, 30)

    with django_assert_max_num_queries(len(con_uno)):
        respuesta = client.get(SEGUIMIENTO)

    html = respuesta.content.decode()
    assert "Evento público 29" in html and "a29.pdf" in html
    assert len(con_uno) <= 6  # session, request, events, their attachments (+ savepoints on some backends)


def test_respuestas_publicadas_sin_datos_personales(client, funcionario):
    publicada = anonima(
        ahora=timezone.now(), barrio="Barrio Secreto", telefono="3009998888", autorizacion_datos_version="1.0"
    )
    services.responder(solicitud=publicada, texto="Se abrió investigación disciplinaria.", actor=funcionario)
    con_correo = hoy_solicitud()
    services.responder(solicitud=con_correo, texto="Respuesta enviada por correo.", actor=funcionario)

    html = client.get(PUBLICADAS).content.decode()

    assert publicada.radicado in html
    assert "Se abrió investigación disciplinaria." in html
    assert con_correo.radicado not in html
    assert "Barrio Secreto" not in html and "3009998888" not in html


def test_respuestas_publicadas_hace_las_mismas_consultas_con_1_o_30(
    client, funcionario, django_assert_max_num_queries
):
    def publicar(n):
        for _ in range(n):
            s = anonima(ahora=timezone.now())
            services.responder(solicitud=s, texto=f"Respuesta {s.radicado}", actor=funcionario)

    publicar(1)
    with CaptureQueriesContext(connection) as con_una:
        client.get(PUBLICADAS)
    publicar(29)

    with django_assert_max_num_queries(len(con_una)):
        respuesta = client.get(PUBLICADAS)

    assert "Página 1 de 2" in respuesta.content.decode()


def test_el_peticionario_pide_un_mes_mas_con_un_boton(client, funcionario):
    """Ley 1755/2015 art. 17: the month to complete the request is extendable once, on request."""
    import time_machine

    from tests.pqrs.factories import en_bogota

    with time_machine.travel(en_bogota(2026, 3, 20), tick=False):
        solicitud = hoy_solicitud()
        services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)
    # Asked Wed 25 Mar 2026: a month → Sat 25 Apr, which runs to Mon 27 Apr; one more → Mon 25 May.
    services.solicitar_informacion(
        solicitud=solicitud,
        requerimiento="Envíe la foto.",
        actor=funcionario,
        hoy=en_bogota(2026, 3, 25).date(),
    )
    with time_machine.travel(en_bogota(2026, 4, 20), tick=False):
        verificar(client, solicitud)
        assert "Pedir un mes más de plazo" in client.get(SEGUIMIENTO).content.decode()
        respuesta = client.post(reverse("pqrs:ampliar_plazo"), follow=True)
        assert "ahora tiene hasta el lunes 25 de mayo de 2026" in respuesta.content.decode()
        solicitud.refresh_from_db()
        assert (solicitud.fecha_limite_ciudadano.isoformat(), solicitud.plazo_ciudadano_ampliado) == (
            "2026-05-25",
            True,
        )
        # Once only: the button is gone, and a second request says why.
        assert "Pedir un mes más de plazo" not in respuesta.content.decode()
        otra = client.post(reverse("pqrs:ampliar_plazo"), follow=True).content.decode()
        assert "ya fue ampliado una vez" in otra
    assert Evento.objects.filter(solicitud=solicitud, tipo=TipoEvento.PLAZO_CIUDADANO_PRORROGADO).count() == 1


def test_el_peticionario_desiste_desde_la_pagina_de_su_solicitud(client, funcionario):
    solicitud = hoy_solicitud()
    verificar(client, solicitud)
    pagina = client.get(SEGUIMIENTO).content.decode()
    assert "Desistir de la solicitud" in pagina
    # Without confirming, nothing happens and the page says why.
    sin_confirmar = client.post(reverse("pqrs:desistir"), {"motivo": "Ya no lo necesito."}, follow=True)
    assert "marque la casilla" in sin_confirmar.content.decode()
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.RADICADA

    respuesta = client.post(
        reverse("pqrs:desistir"), {"confirmo": "on", "motivo": "Ya no lo necesito."}, follow=True
    )
    html = respuesta.content.decode()
    assert "Registramos que desistió de su solicitud" in html
    assert "Desistir de la solicitud" not in html
    assert Solicitud.objects.get(pk=solicitud.pk).estado == Estado.DESISTIDA
    assert "El peticionario desistió de la solicitud" in html  # the public timeline
