"""What the staff action pages show and do beyond their forms: the request's summary above the decision, the
responsable list narrowed to the chosen dependencia (htmx), the prórroga's allowed range, and the new
consultation code at the ventanilla.

Time is frozen on Wed 25 Mar 2026, 10:00 in Bogotá. A request filed Fri 20 Mar 2026 is due Wed 15 Apr 2026
(15 business days; 23 Mar, 2-3 Apr and 1 May are holidays), and its term doubled ends Thu 7 May 2026.
"""

from datetime import date
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from civic import roles
from civic.expedientes import codigos, radicados
from civic.models import Notificacion
from pqrs import services
from pqrs.models import Evento
from pqrs.roles import COORDINACION_PQRS
from pqrs.workflow import Estado
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    anonima,
    coordinador,
    en_bogota,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def hoy_fijo():
    with time_machine.travel(en_bogota(2026, 3, 25, 10), tick=False):
        yield


def pdf(nombre):
    return SimpleUploadedFile(nombre, PDF, content_type="application/pdf")


def con_rol(usuario, rol):
    usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.fixture
def dependencia():
    return DependenciaFactory(sigla="SINF", nombre="Secretaría de Infraestructura")


@pytest.fixture
def funcionario(dependencia):
    return con_rol(FuncionarioFactory(dependencia=dependencia, first_name="Pedro"), roles.FUNCIONARIO)


@pytest.fixture
def solicitud(funcionario):
    solicitud = SolicitudFactory(archivos=[pdf("cedula.pdf")])
    return services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)


def url_accion(solicitud, accion):
    return reverse("admin:pqrs_solicitud_accion", args=[solicitud.pk, accion])


def sin_datos_personales(dependencia):
    """Acts on requests (view and change) without pqrs.ver_datos_personales."""
    usuario = FuncionarioFactory(dependencia=dependencia)
    usuario.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="pqrs", codename__in=["view_solicitud", "change_solicitud"]
        )
    )
    return usuario


def con_aporte_art_17(solicitud, funcionario, *nombres):
    services.solicitar_informacion(
        solicitud=solicitud, requerimiento="Indique la dirección exacta.", actor=funcionario
    )
    return services.aportar_informacion(
        solicitud=solicitud,
        texto="Es la calle 5 # 40-12, frente al parque.",
        archivos=[pdf(n) for n in nombres],
    )


# --- The request above the form ------------------------------------------------------------------


def test_responder_muestra_la_solicitud_y_lo_que_aporto_el_peticionario(client, funcionario, solicitud):
    solicitud = con_aporte_art_17(solicitud, funcionario, "foto-poste.pdf")
    services.aportar_documento(solicitud=solicitud, archivos=[pdf("recibo.pdf")], texto="Olvidé el recibo.")
    client.force_login(funcionario)
    texto = client.get(url_accion(solicitud, "responder")).content.decode()

    inicio = texto.index('id="pqrs-resumen-titulo"')
    resumen = texto[inicio : texto.index("<form", inicio)]
    assert solicitud.asunto in resumen
    assert solicitud.descripcion in resumen
    assert str(solicitud.modalidad) in resumen
    # Art. 17: the information restarted a full term, counted from 25 Mar: 15 business days, due 17 Apr.
    assert solicitud.fecha_vencimiento == date(2026, 4, 17)
    assert "viernes 17 de abril de 2026" in resumen
    assert "<dd><strong>15</strong></dd>" in resumen
    assert "20 de marzo de 2026" in resumen
    # The petitioner, the filing's attachment and the art. 17 information with its own attachment.
    assert "Luz Marina Rentería Caicedo" in resumen and solicitud.numero_documento in resumen
    assert "Es la calle 5 # 40-12, frente al parque." in resumen
    assert "Información recibida del peticionario" in resumen
    assert "El peticionario aportó un documento" in resumen and "Olvidé el recibo." in resumen
    for adjunto in solicitud.adjuntos.all():
        enlace = reverse("admin:pqrs_solicitud_adjunto", args=[solicitud.pk, adjunto.pk])
        assert f'href="{enlace}">{adjunto.nombre_original}</a>' in resumen
    assert {a.nombre_original for a in solicitud.adjuntos.all()} == {
        "cedula.pdf",
        "foto-poste.pdf",
        "recibo.pdf",
    }


def test_sin_permiso_de_datos_el_resumen_no_muestra_datos_ni_adjuntos(client, funcionario, solicitud):
    solicitud = con_aporte_art_17(solicitud, funcionario, "foto-poste.pdf")
    client.force_login(sin_datos_personales(funcionario.dependencia))
    respuesta = client.get(url_accion(solicitud, "responder"))
    assert respuesta.status_code == 200
    texto = respuesta.content.decode()
    assert solicitud.asunto in texto and "Es la calle 5 # 40-12" in texto
    for dato in (
        "Luz Marina",
        "Rentería",
        solicitud.numero_documento,
        solicitud.correo,
        "cedula.pdf",
        "foto-poste.pdf",
    ):
        assert dato not in texto
    assert "Reservado: su rol no tiene permiso para ver datos personales." in texto
    assert "su rol no tiene permiso para verlos" in texto
    assert "/adjuntos/" not in texto


def test_el_resumen_no_crece_en_consultas_con_los_aportes(
    client, funcionario, dependencia, django_assert_max_num_queries
):
    """The summary reads the filing and every later contribution with their files in two queries."""

    def consultas_de_la_pagina(solicitud):
        with django_assert_max_num_queries(1000) as capturadas:
            assert client.get(url_accion(solicitud, "responder")).status_code == 200
        return len(capturadas)

    client.force_login(funcionario)
    una = services.asignar(
        solicitud=SolicitudFactory(archivos=[pdf("a.pdf")]), dependencia=dependencia, actor=funcionario
    )
    varias = services.asignar(
        solicitud=SolicitudFactory(archivos=[pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]),
        dependencia=dependencia,
        actor=funcionario,
    )
    varias = con_aporte_art_17(varias, funcionario, "d.pdf", "e.pdf")
    assert consultas_de_la_pagina(una) == consultas_de_la_pagina(varias)


@pytest.mark.parametrize(
    ("accion", "con_resumen"), [("trasladar", True), ("rechazar", True), ("asignar", False)]
)
def test_otras_acciones_comparten_el_resumen(client, funcionario, solicitud, accion, con_resumen):
    client.force_login(funcionario)
    texto = client.get(url_accion(solicitud, accion)).content.decode()
    assert ('id="pqrs-resumen-titulo"' in texto) is con_resumen
    assert (solicitud.descripcion in texto) is con_resumen


# --- Asignar: the responsable list follows the dependencia ----------------------------------------


class Opciones(HTMLParser):
    """The <select id="id_responsable"> in a page or fragment: its option labels and the selected value."""

    def __init__(self, html):
        super().__init__()
        self.dentro, self.etiquetas, self.elegida, self.selects = False, [], None, 0
        self._valor = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        atributos = dict(attrs)
        if tag == "select" and atributos.get("id") == "id_responsable":
            self.dentro, self.selects = True, self.selects + 1
        elif tag == "option" and self.dentro:
            self._valor = atributos.get("value")
            if "selected" in atributos:
                self.elegida = self._valor

    def handle_endtag(self, tag):
        if tag == "select":
            self.dentro = False

    def handle_data(self, data):
        if self.dentro and self._valor is not None:
            self.etiquetas.append(data.strip())
            self._valor = None


@pytest.fixture
def personal(dependencia):
    otra = DependenciaFactory(sigla="SSP", nombre="Secretaría de Seguridad")
    cerrada = DependenciaFactory(sigla="SVIEJA", nombre="Secretaría suprimida", activa=False)
    return {
        "ana": FuncionarioFactory(dependencia=dependencia, first_name="Ana", last_name="Gómez"),
        "retirado": FuncionarioFactory(
            dependencia=dependencia, first_name="Rita", last_name="Retirada", is_active=False
        ),
        "otro": FuncionarioFactory(dependencia=otra, first_name="Omar", last_name="Otero"),
        "otra": otra,
        "cerrada": cerrada,
    }


def url_responsables(solicitud, **consulta):
    return reverse("admin:pqrs_solicitud_responsables", args=[solicitud.pk]), consulta


def test_la_lista_de_responsables_solo_trae_el_personal_activo_de_la_dependencia(
    client, funcionario, solicitud, dependencia, personal
):
    client.force_login(funcionario)
    url, consulta = url_responsables(solicitud, dependencia=dependencia.pk, responsable=personal["ana"].pk)
    respuesta = client.get(url, consulta, headers={"HX-Request": "true"})
    assert respuesta.status_code == 200
    opciones = Opciones(respuesta.content.decode())
    assert opciones.selects == 1
    assert opciones.etiquetas == [
        "---------",
        "Ana Gómez — SINF",
        "Pedro " + funcionario.last_name + " — SINF",
    ]
    # What was chosen stays chosen when it belongs to the dependencia.
    assert opciones.elegida == str(personal["ana"].pk)

    url, consulta = url_responsables(
        solicitud, dependencia=personal["otra"].pk, responsable=personal["ana"].pk
    )
    opciones = Opciones(client.get(url, consulta).content.decode())
    assert (opciones.etiquetas, opciones.elegida) == (["---------", "Omar Otero — SSP"], None)

    # No dependencia, an inactive one, or garbage: nobody to choose.
    for valor in ("", personal["cerrada"].pk, "x", "999999"):
        url, consulta = url_responsables(solicitud, dependencia=valor)
        assert Opciones(client.get(url, consulta).content.decode()).etiquetas == ["---------"]


def test_la_pagina_de_asignar_pide_la_lista_con_htmx_y_sin_js_ofrece_todo_el_personal(
    client, funcionario, solicitud, personal
):
    client.force_login(funcionario)
    texto = client.get(url_accion(solicitud, "asignar")).content.decode()
    url, _consulta = url_responsables(solicitud)
    assert f'hx-get="{url}"' in texto
    assert 'hx-target="#id_responsable"' in texto
    assert "django_htmx/htmx-2.min.js" in texto
    # Without JavaScript: every active dependencia's active staff, the inactive never.
    etiquetas = Opciones(texto).etiquetas
    assert "Ana Gómez — SINF" in etiquetas and "Omar Otero — SSP" in etiquetas
    assert not any("Retirada" in etiqueta for etiqueta in etiquetas)


def test_sin_js_un_responsable_de_otra_dependencia_se_rechaza_junto_al_campo(
    client, funcionario, solicitud, dependencia, personal
):
    client.force_login(funcionario)
    eventos_antes = Evento.objects.filter(solicitud=solicitud).count()
    respuesta = client.post(
        url_accion(solicitud, "asignar"),
        {"dependencia": dependencia.pk, "responsable": personal["otro"].pk, "nota": "Urgente, revisar hoy"},
    )
    assert respuesta.status_code == 200
    form = respuesta.context["form"]
    assert form.errors["responsable"] == ["El responsable debe pertenecer a la dependencia asignada."]
    texto = respuesta.content.decode()
    assert "Urgente, revisar hoy" in texto
    assert Opciones(texto).elegida == str(personal["otro"].pk)
    solicitud.refresh_from_db()
    assert solicitud.responsable is None
    assert Evento.objects.filter(solicitud=solicitud).count() == eventos_antes

    respuesta = client.post(
        url_accion(solicitud, "asignar"), {"dependencia": dependencia.pk, "responsable": personal["ana"].pk}
    )
    assert respuesta.status_code == 302
    solicitud.refresh_from_db()
    assert solicitud.responsable == personal["ana"]


# --- Prórroga: the allowed range up front ----------------------------------------------------------


def test_fecha_maxima_de_prorroga_es_el_doble_del_termino(solicitud):
    assert solicitud.fecha_vencimiento == date(2026, 4, 15)
    assert services.fecha_maxima_prorroga(solicitud) == date(2026, 5, 7)


def test_prorroga_muestra_el_rango_y_lo_pone_en_el_campo(client, funcionario, solicitud):
    client.force_login(funcionario)
    texto = client.get(url_accion(solicitud, "prorrogar")).content.decode()
    assert "miércoles 15 de abril de 2026" in texto
    # 26-27 and 30-31 Mar, 1, 6-10 and 13-15 Apr.
    assert "quedan 13 días hábiles" in texto
    assert "jueves 7 de mayo de 2026" in texto
    assert "30 días hábiles contados desde el 20 de marzo de 2026" in texto
    assert "El término ya venció" not in texto
    assert 'min="2026-04-16"' in texto and 'max="2026-05-07"' in texto


@pytest.mark.parametrize(("fecha", "acepta"), [("2026-05-07", True), ("2026-05-08", False)])
def test_la_pagina_y_el_servicio_coinciden_en_la_fecha_maxima(client, funcionario, solicitud, fecha, acepta):
    client.force_login(funcionario)
    respuesta = client.post(
        url_accion(solicitud, "prorrogar"), {"motivo": "Se requiere visita técnica.", "nueva_fecha": fecha}
    )
    solicitud.refresh_from_db()
    assert (respuesta.status_code == 302) is acepta
    assert solicitud.prorrogada is acepta
    if not acepta:
        assert "no superar el jueves 7 de mayo de 2026" in respuesta.context["form"].errors["nueva_fecha"][0]
        assert "Se requiere visita técnica." in respuesta.content.decode()


def test_prorroga_de_un_termino_vencido_lo_dice_antes_de_pedir(client, funcionario, solicitud):
    with time_machine.travel(en_bogota(2026, 4, 17, 10), tick=False):
        client.force_login(funcionario)
        texto = client.get(url_accion(solicitud, "prorrogar")).content.decode()
    assert "venció hace 2 días hábiles" in texto
    assert "El término ya venció: la prórroga debía informarse antes del vencimiento." in texto


def test_prorroga_ya_usada_lo_dice_antes_de_pedir(client, funcionario, solicitud):
    services.prorrogar(
        solicitud=solicitud, motivo="Visita.", nueva_fecha=date(2026, 4, 24), actor=funcionario
    )
    client.force_login(funcionario)
    texto = client.get(url_accion(solicitud, "prorrogar")).content.decode()
    assert "El término ya fue prorrogado una vez; no admite otra prórroga." in texto


# --- Ventanilla: a new consultation code -----------------------------------------------------------

URL_RENOVAR = "admin:pqrs_solicitud_renovar_codigo"


@pytest.fixture
def ventanilla():
    # A clerk of another dependencia: the ventanilla serves every request.
    return con_rol(FuncionarioFactory(dependencia=DependenciaFactory(sigla="SGA")), roles.VENTANILLA)


def renovar(client, solicitud, numero=None, **extra):
    datos = {
        "radicado": solicitud.radicado.lower(),
        "tipo_documento": "CC",
        "numero_documento": numero if numero is not None else solicitud.numero_documento,
        "identidad_verificada": "on",
        **extra,
    }
    return client.post(reverse(URL_RENOVAR), datos)


def test_ventanilla_renueva_el_codigo_lo_muestra_una_vez_y_el_anterior_deja_de_servir(
    client, ventanilla, solicitud
):
    anterior = solicitud.codigo_claro
    assert radicados.verificar(solicitud.radicado, anterior) is not None
    client.force_login(ventanilla)
    # The number as it reads on the card, with dots.
    numero = f"{int(solicitud.numero_documento):,}".replace(",", ".")
    respuesta = renovar(client, solicitud, numero=numero)

    assert respuesta.status_code == 200
    codigo = respuesta.context["codigo"]
    texto = respuesta.content.decode()
    assert texto.count(codigo) == 1
    assert "no-store" in respuesta["Cache-Control"]
    assert radicados.verificar(solicitud.radicado, anterior) is None
    assert radicados.verificar(solicitud.radicado, codigo) is not None
    # The citizen's own consultation form refuses the old code and takes the new one.
    ciudadano = Client()
    consultar = reverse("expedientes:consultar")
    con_anterior = ciudadano.post(consultar, {"radicado": solicitud.radicado, "codigo": anterior})
    assert "No encontramos una solicitud con ese número de radicado" in con_anterior.content.decode()
    assert ciudadano.post(consultar, {"radicado": solicitud.radicado, "codigo": codigo}).status_code == 302
    # Shown in that response only: not in the session, not in a message, not in the database.
    assert codigo not in str(dict(client.session))
    assert list(get_messages(respuesta.wsgi_request)) == []
    guardado = [(e.nota, e.datos) for e in Evento.objects.all()]
    guardado += [(n.contexto, n.contexto_reservado) for n in Notificacion.objects.all()]
    assert guardado and codigo not in str(guardado)
    # Recorded on the request's timeline for staff, with who did it and how.
    evento = Evento.objects.get(solicitud=solicitud, tipo=codigos.TIPO_EVENTO)
    assert (evento.actor, evento.datos, evento.publico) == (ventanilla, {"medio": "ventanilla"}, False)
    # The page asks for the next petitioner, with an empty form.
    assert not respuesta.context["form"].is_bound


@pytest.mark.parametrize(
    ("caso", "campo", "error"),
    [
        (
            "otro documento",
            "numero_documento",
            "El documento no coincide con el del peticionario de esta solicitud.",
        ),
        (
            "otro tipo",
            "numero_documento",
            "El documento no coincide con el del peticionario de esta solicitud.",
        ),
        ("radicado inexistente", "radicado", "No hay una solicitud PQRS con ese radicado."),
        ("sin verificar", "identidad_verificada", "Este campo es obligatorio."),
    ],
)
def test_sin_identidad_que_coincida_no_se_renueva(client, ventanilla, solicitud, caso, campo, error):
    hash_antes = solicitud.codigo_consulta_hash
    extra = {
        "otro documento": {"numero_documento": "99999999"},
        "otro tipo": {"tipo_documento": "CE"},
        "radicado inexistente": {"radicado": "PQRS-2026-999999"},
        "sin verificar": {"identidad_verificada": ""},
    }[caso]
    client.force_login(ventanilla)
    respuesta = renovar(client, solicitud, **extra)
    assert respuesta.status_code == 200
    assert respuesta.context["form"].errors[campo] == [error]
    assert respuesta.context["codigo"] is None
    solicitud.refresh_from_db()
    assert solicitud.codigo_consulta_hash == hash_antes
    assert not Evento.objects.filter(solicitud=solicitud, tipo=codigos.TIPO_EVENTO).exists()
    # What was typed stays.
    assert f'value="{extra.get("radicado", solicitud.radicado.lower())}"' in respuesta.content.decode()


def test_una_solicitud_anonima_no_se_renueva_en_ventanilla(client, ventanilla):
    reservada = anonima()
    client.force_login(ventanilla)
    respuesta = renovar(client, reservada, numero="12345678")
    assert "La solicitud es anónima" in respuesta.context["form"].errors["radicado"][0]
    assert radicados.verificar(reservada.radicado, reservada.codigo_claro) is not None


def test_el_enlace_para_renovar_lo_ve_quien_puede(client, funcionario, solicitud, ventanilla):
    coordinadora = coordinador()
    assert coordinadora.groups.filter(name=COORDINACION_PQRS).exists()
    enlace = reverse(URL_RENOVAR)
    client.force_login(coordinadora)
    pagina = client.get(reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])).content.decode()
    assert f"{enlace}?radicado={solicitud.radicado}" in pagina
    assert enlace in client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()
    formulario = client.get(enlace, {"radicado": solicitud.radicado}).content.decode()
    assert f'value="{solicitud.radicado}"' in formulario

    client.force_login(ventanilla)
    assert enlace in client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()

    client.force_login(funcionario)
    assert (
        enlace not in client.get(reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])).content.decode()
    )
    assert enlace not in client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()
    assert client.get(enlace).status_code == 403
    assert solicitud.estado == Estado.ASIGNADA
