"""The staff workflow in the admin, through the test client: roles, scope, actions, data masking, export.

Time is frozen on Wed 25 Mar 2026, 10:00 in Bogotá. A request filed Fri 20 Mar 2026 (the factory's
default) is due Wed 15 Apr 2026 (15 business days; 23 Mar and 2-3 Apr are holidays).
"""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from civic import roles
from pqrs import selectors, services
from pqrs.models import Adjunto, Canal, Evento, Modalidad, Solicitud, TipoEvento
from pqrs.selectors import Semaforo
from pqrs.workflow import Estado
from rendicion.roles import RENDICION
from tests.apoyo import verificada
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    coordinador,
    en_bogota,
    entidad,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def hoy_fijo():
    with time_machine.travel(en_bogota(2026, 3, 25, 10), tick=False):
        yield


def con_rol(usuario, rol):
    usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.fixture
def dependencia():
    return DependenciaFactory(
        sigla="SINF", nombre="Secretaría de Infraestructura", correo="sinf@alcaldia.test"
    )


@pytest.fixture
def funcionario(dependencia):
    return con_rol(FuncionarioFactory(dependencia=dependencia, first_name="Pedro"), roles.FUNCIONARIO)


@pytest.fixture
def coordinadora():
    return coordinador(first_name="Carmen")


@pytest.fixture
def solicitud(funcionario):
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    return services.asignar(solicitud=solicitud, dependencia=funcionario.dependencia, actor=funcionario)


def url_cambio(solicitud):
    return reverse("admin:pqrs_solicitud_change", args=[solicitud.pk])


def url_accion(solicitud, accion):
    return reverse("admin:pqrs_solicitud_accion", args=[solicitud.pk, accion])


def pdf(nombre="documento.pdf"):
    return SimpleUploadedFile(nombre, PDF, content_type="application/pdf")


def eventos(solicitud):
    return list(Evento.objects.filter(solicitud=solicitud).order_by("id").values_list("tipo", flat=True))


def accionar(client, solicitud, accion, datos):
    respuesta = client.post(url_accion(solicitud, accion), datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    assert respuesta["Location"] == url_cambio(solicitud)
    solicitud.refresh_from_db()
    return respuesta


# --- Workflow actions ------------------------------------------------------------------------------


def test_asignar_desde_el_admin(
    client, coordinadora, funcionario, django_capture_on_commit_callbacks, mailoutbox
):
    nueva = SolicitudFactory()
    client.force_login(coordinadora)
    pagina = client.get(url_cambio(nueva)).content.decode()
    # Only the actions the state allows: a radicada request can be assigned, not notified.
    assert url_accion(nueva, "asignar") in pagina
    assert url_accion(nueva, "registrar_notificacion") not in pagina
    assert url_accion(nueva, "solicitar_informacion") not in pagina

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = accionar(
            client,
            nueva,
            "asignar",
            {"dependencia": funcionario.dependencia.pk, "responsable": funcionario.pk, "nota": "Revisar"},
        )
    assert (nueva.estado, nueva.dependencia, nueva.responsable) == (
        Estado.ASIGNADA,
        funcionario.dependencia,
        funcionario,
    )
    assert eventos(nueva)[-1] == TipoEvento.ASIGNADA
    assert Evento.objects.filter(solicitud=nueva).latest("id").actor == coordinadora
    assert "sinf@alcaldia.test" in [m.to[0] for m in mailoutbox]
    pagina = client.get(respuesta["Location"]).content.decode()
    assert "Se registró «Asignar o reasignar» en la solicitud" in pagina


def test_requerimiento_ampliacion_y_desistimiento(client, funcionario, solicitud):
    client.force_login(funcionario)
    accionar(client, solicitud, "solicitar_informacion", {"requerimiento": "Falta la dirección exacta."})
    assert solicitud.estado == Estado.EN_ESPERA_CIUDADANO
    assert solicitud.fecha_limite_ciudadano == date(2026, 4, 27)  # 25 Apr is a Saturday

    accionar(client, solicitud, "ampliar_plazo_ciudadano", {"nota": "Lo pidió por teléfono."})
    assert solicitud.plazo_ciudadano_ampliado
    assert solicitud.fecha_limite_ciudadano == date(2026, 5, 25)

    with time_machine.travel(en_bogota(2026, 5, 27, 9), tick=False):
        client.force_login(funcionario)  # the session of two months ago has expired
        accionar(client, solicitud, "declarar_desistimiento", {"motivacion": "No aportó la dirección."})
    assert solicitud.estado == Estado.DESISTIDA
    assert eventos(solicitud)[-3:] == [
        TipoEvento.REQUERIMIENTO_INFORMACION,
        TipoEvento.PLAZO_CIUDADANO_PRORROGADO,
        TipoEvento.DESISTIMIENTO,
    ]


def test_trasladar_con_oficio_adjunto(client, funcionario, solicitud):
    client.force_login(funcionario)
    emcali = entidad("EMCALI", correo="pqr@emcali.example.gov.co")
    accionar(
        client,
        solicitud,
        "trasladar",
        {"entidad": emcali.pk, "oficio": "Se remite por competencia.", "archivos": [pdf("oficio.pdf")]},
    )
    assert (solicitud.estado, solicitud.entidad_traslado, solicitud.entidad_destino) == (
        Estado.TRASLADADA,
        "EMCALI",
        emcali,
    )
    adjunto = Adjunto.objects.get(solicitud=solicitud)
    assert (adjunto.nombre_original, adjunto.evento.tipo, adjunto.tipo_contenido) == (
        "oficio.pdf",
        TipoEvento.TRASLADADA,
        "application/pdf",
    )


def test_prorrogar(client, funcionario, solicitud):
    client.force_login(funcionario)
    accionar(
        client, solicitud, "prorrogar", {"motivo": "Se requiere visita técnica.", "nueva_fecha": "2026-04-24"}
    )
    assert (solicitud.fecha_vencimiento, solicitud.prorrogada) == (date(2026, 4, 24), True)
    assert eventos(solicitud)[-1] == TipoEvento.PRORROGA


def test_responder_y_registrar_notificacion(
    client, funcionario, solicitud, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(funcionario)
    with django_capture_on_commit_callbacks(execute=True):
        accionar(
            client,
            solicitud,
            "responder",
            {
                "texto": "Se programó la reparación.",
                "sentido": "de_fondo",
                "archivos": [pdf("respuesta.pdf")],
            },
        )
    # The e-mail's delivery (after the commit) notified the answer by itself (CPACA art. 56).
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.CERRADA
    assert solicitud.respondida_a_tiempo is True
    assert any(solicitud.radicado in m.subject and m.to == [solicitud.correo] for m in mailoutbox)
    assert Adjunto.objects.get(solicitud=solicitud).publico is True
    assert eventos(solicitud)[-2:] == [TipoEvento.RESPONDIDA, TipoEvento.NOTIFICADA]


def test_registrar_notificacion_de_una_respuesta_publicada(client, funcionario, solicitud):
    client.force_login(funcionario)
    accionar(client, solicitud, "responder", {"texto": "Respuesta.", "sentido": "de_fondo", "publicar": "on"})
    assert solicitud.estado == Estado.RESPONDIDA
    # A day in the future is refused next to the field; the notification's real day is recorded.
    respuesta = client.post(
        url_accion(solicitud, "registrar_notificacion"),
        {"medio": "personal", "fecha": "2026-03-26", "prueba": "Firmó el recibido."},
    )
    assert "La notificación no puede ser futura." in respuesta.content.decode()
    respuesta = client.post(
        url_accion(solicitud, "registrar_notificacion"),
        {"medio": "personal", "fecha": "2026-03-24", "prueba": "Firmó el recibido."},
    )
    assert (
        "no puede ser anterior a la decisión, del miércoles 25 de marzo de 2026" in respuesta.content.decode()
    )
    accionar(
        client,
        solicitud,
        "registrar_notificacion",
        {"medio": "personal", "fecha": "2026-03-25", "prueba": "Se notificó en la ventanilla."},
    )
    assert solicitud.estado == Estado.CERRADA
    assert eventos(solicitud)[-2:] == [TipoEvento.RESPONDIDA, TipoEvento.NOTIFICADA]
    assert solicitud.notificada_en == en_bogota(2026, 3, 25, 10)  # today: the moment it was recorded


@pytest.mark.parametrize(
    ("accion", "estado"), [("rechazar", Estado.RECHAZADA), ("archivar", Estado.ARCHIVADA)]
)
def test_rechazar_y_archivar(client, funcionario, solicitud, accion, estado):
    client.force_login(funcionario)
    accionar(client, solicitud, accion, {"motivo": "Decisión motivada (art. 19)."})
    assert solicitud.estado == estado


def test_nota_interna_en_la_linea_de_tiempo(client, funcionario, solicitud):
    client.force_login(funcionario)
    accionar(client, solicitud, "agregar_nota_interna", {"nota": "Llamar al contratista."})
    evento = Evento.objects.filter(solicitud=solicitud).latest("id")
    assert (evento.tipo, evento.publico, evento.estado_nuevo) == (
        TipoEvento.NOTA_INTERNA,
        False,
        Estado.ASIGNADA,
    )
    pagina = client.get(url_cambio(solicitud)).content.decode()
    assert "Llamar al contratista." in pagina
    assert "Nota interna: no la ve el peticionario" in pagina
    # The due date's explanation names the skipped holidays.
    assert "Cómo se calculó el vencimiento" in pagina
    assert "San José" in pagina or "lunes 23 de marzo" in pagina


def test_accion_ilegal_muestra_error_y_no_cambia_nada(client, funcionario, solicitud):
    client.force_login(funcionario)
    antes = eventos(solicitud)
    respuesta = client.post(url_accion(solicitud, "declarar_desistimiento"), {"motivacion": "Sin respuesta."})
    assert respuesta.status_code == 200
    pagina = respuesta.content.decode()
    assert "No se guardó nada" in pagina
    assert "No se puede declarar el desistimiento una solicitud en estado «En trámite»." in pagina
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA
    assert eventos(solicitud) == antes
    # The page of an action the state does not allow says so before anything is typed.
    assert (
        "No se puede registrar la notificación"
        in client.get(url_accion(solicitud, "registrar_notificacion")).content.decode()
    )


def test_error_de_validacion_junto_al_campo_conserva_lo_escrito(client, funcionario, solicitud):
    client.force_login(funcionario)
    antes = eventos(solicitud)
    # More than twice the term (Ley 1755/2015 art. 14 parágrafo).
    respuesta = client.post(
        url_accion(solicitud, "prorrogar"),
        {"motivo": "Visita técnica pendiente.", "nueva_fecha": "2026-06-30"},
    )
    assert respuesta.status_code == 200
    form = respuesta.context["form"]
    assert "nueva_fecha" in form.errors
    assert "el doble del término inicial" in form.errors["nueva_fecha"][0]
    assert "Visita técnica pendiente." in respuesta.content.decode()
    solicitud.refresh_from_db()
    assert (solicitud.fecha_vencimiento, solicitud.prorrogada) == (date(2026, 4, 15), False)
    assert eventos(solicitud) == antes


def test_adjunto_de_respuesta_con_tipo_falso_se_rechaza(client, funcionario, solicitud):
    client.force_login(funcionario)
    falso = SimpleUploadedFile("respuesta.pdf", b"MZ\x90\x00 ejecutable", content_type="application/pdf")
    respuesta = client.post(
        url_accion(solicitud, "responder"), {"texto": "Respuesta", "sentido": "de_fondo", "archivos": [falso]}
    )
    assert respuesta.status_code == 200
    assert "archivos" in respuesta.context["form"].errors
    solicitud.refresh_from_db()
    assert solicitud.estado == Estado.ASIGNADA
    assert not Adjunto.objects.exists()


# --- Scope and personal data -------------------------------------------------------------------------


def test_funcionario_no_ve_ni_abre_solicitudes_de_otra_dependencia(client, funcionario, solicitud):
    ajena = SolicitudFactory(asunto="Asunto de otra dependencia", archivos=[pdf("cedula.pdf")])
    otra = DependenciaFactory()
    services.asignar(solicitud=ajena, dependencia=otra, actor=coordinador())
    adjunto = Adjunto.objects.get(solicitud=ajena)
    client.force_login(funcionario)

    lista = client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()
    assert solicitud.radicado in lista
    assert ajena.radicado not in lista
    assert client.get(url_cambio(ajena)).status_code == 404
    assert client.get(url_accion(ajena, "responder")).status_code == 404
    respuesta = client.post(url_accion(ajena, "agregar_nota_interna"), {"nota": "intrusa"})
    assert respuesta.status_code == 404
    assert not Evento.objects.filter(solicitud=ajena, tipo=TipoEvento.NOTA_INTERNA).exists()
    descarga = reverse("admin:pqrs_solicitud_adjunto", args=[ajena.pk, adjunto.pk])
    assert client.get(descarga).status_code == 404
    # The attachment id under its own request's URL does not help either.
    assert (
        client.get(reverse("admin:pqrs_solicitud_adjunto", args=[solicitud.pk, adjunto.pk])).status_code
        == 404
    )
    assert client.get(reverse("admin:pqrs_solicitud_history", args=[ajena.pk])).status_code == 404


def test_descarga_de_adjuntos_solo_con_permiso(client, funcionario, dependencia):
    solicitud = SolicitudFactory(archivos=[pdf("cedula.pdf")])
    services.asignar(solicitud=solicitud, dependencia=dependencia, actor=funcionario)
    adjunto = Adjunto.objects.get(solicitud=solicitud)
    url = reverse("admin:pqrs_solicitud_adjunto", args=[solicitud.pk, adjunto.pk])

    client.force_login(funcionario)
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == PDF
    assert respuesta["Content-Disposition"].startswith('attachment; filename="cedula.pdf"')
    assert "no-store" in respuesta["Cache-Control"]
    assert url in client.get(url_cambio(solicitud)).content.decode()

    # Rendición de cuentas (no personal-data permission) of the same dependencia: no download.
    analista = con_rol(FuncionarioFactory(dependencia=dependencia), RENDICION)
    client.force_login(analista)
    assert client.get(url).status_code == 403
    assert url not in client.get(url_cambio(solicitud)).content.decode()


def test_sin_permiso_de_datos_personales_se_enmascaran(client, funcionario, solicitud):
    analista = con_rol(FuncionarioFactory(dependencia=funcionario.dependencia), RENDICION)
    assert not analista.has_perm("pqrs.ver_datos_personales")
    client.force_login(analista)
    pagina = client.get(url_cambio(solicitud))
    assert pagina.status_code == 200
    texto = pagina.content.decode()
    assert solicitud.asunto in texto
    for dato in ("Rentería", "Luz Marina", solicitud.numero_documento, solicitud.correo):
        assert dato not in texto
    assert "Reservados: su rol no tiene permiso para ver datos personales" in texto
    # No actions either: the role cannot change requests.
    assert url_accion(solicitud, "responder") not in texto
    assert client.get(url_accion(solicitud, "responder")).status_code == 403
    # Searching by document number must not reveal whether a petitioner filed something.
    lista = client.get(reverse("admin:pqrs_solicitud_changelist"), {"q": solicitud.numero_documento})
    assert solicitud.radicado not in lista.content.decode()
    # The request's audit trail is its event log; the admin's history page copies no field values.
    historial = client.get(reverse("admin:pqrs_solicitud_history", args=[solicitud.pk])).content.decode()
    assert "Rentería" not in historial and solicitud.numero_documento not in historial

    client.force_login(funcionario)
    texto = client.get(url_cambio(solicitud)).content.decode()
    assert "Rentería" in texto and solicitud.numero_documento in texto


def test_la_pagina_de_la_solicitud_es_de_solo_lectura(client, funcionario, solicitud):
    client.force_login(funcionario)
    respuesta = client.post(url_cambio(solicitud), {"estado": Estado.CERRADA, "asunto": "cambiado"})
    assert respuesta.status_code == 403
    solicitud.refresh_from_db()
    assert (solicitud.estado, solicitud.asunto) == (Estado.ASIGNADA, "Reparación del alumbrado público")


def test_notificaciones_de_la_solicitud_en_su_pagina(client, coordinadora, solicitud):
    client.force_login(coordinadora)
    texto = client.get(url_cambio(solicitud)).content.decode()
    # The acknowledgement to the petitioner and the notice to the dependencia, with their state.
    assert "pqrs/emails/acuse" in texto
    assert "pqrs/emails/asignacion" in texto
    assert "Pendiente" in texto or "Enviada" in texto


# --- Export ---------------------------------------------------------------------------------------------


def leer_csv(respuesta):
    # A short list comes whole, with its length: never a stream that could stop half-way behind a 200.
    assert not respuesta.streaming
    assert int(respuesta["Content-Length"]) == len(respuesta.content)
    contenido = respuesta.content.decode("utf-8")
    assert contenido.startswith("\ufeff")
    return list(csv.reader(io.StringIO(contenido.lstrip("\ufeff"))))


def test_exportar_csv_de_la_lista_filtrada(client, coordinadora, solicitud):
    radicada = SolicitudFactory(asunto='=HYPERLINK("http://malo")')
    client.force_login(coordinadora)
    lista = client.get(reverse("admin:pqrs_solicitud_changelist"), {"estado__exact": "asignada"})
    url = reverse("admin:pqrs_solicitud_exportar") + "?estado__exact=asignada"
    assert url.replace("&", "&amp;") in lista.content.decode()

    respuesta = client.get(url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "text/csv; charset=utf-8"
    assert respuesta["Content-Disposition"] == 'attachment; filename="solicitudes-pqrs-20260325.csv"'
    encabezado, *filas = leer_csv(respuesta)
    assert encabezado[:4] == ["Radicado", "Recibida en", "Fecha de radicación", "Tipo de solicitud"]
    assert "Número de documento" in encabezado
    assert [f[0] for f in filas] == [solicitud.radicado]
    fila = dict(zip(encabezado, filas[0], strict=True))
    assert fila["Estado"] == "En trámite"
    assert fila["Vencimiento"] == "2026-04-15"
    assert fila["Días hábiles restantes"] == "13"  # 26, 27, 30, 31 Mar, 1, 6-10, 13-15 Apr
    assert fila["Semáforo"] == "A tiempo"
    assert fila["Número de documento"] == solicitud.numero_documento
    assert fila["Nombre o razón social"] == "Luz Marina Rentería Caicedo"

    todas = leer_csv(client.get(reverse("admin:pqrs_solicitud_exportar")))
    asuntos = {f[0]: f[5] for f in todas[1:]}
    # A cell that a spreadsheet would run as a formula is neutralised.
    assert asuntos[radicada.radicado] == '\'=HYPERLINK("http://malo")'


def test_exportar_sin_permiso_de_datos_omite_columnas_personales(client, funcionario, solicitud):
    analista = con_rol(FuncionarioFactory(dependencia=funcionario.dependencia), RENDICION)
    client.force_login(analista)
    encabezado, *filas = leer_csv(client.get(reverse("admin:pqrs_solicitud_exportar")))
    assert "Número de documento" not in encabezado
    assert [f[0] for f in filas] == [solicitud.radicado]
    assert solicitud.numero_documento not in ",".join(filas[0])


# --- Ventanilla -----------------------------------------------------------------------------------------


def test_ventanilla_radica_peticion_telefonica_y_entrega_constancia(client):
    ventanilla = con_rol(
        FuncionarioFactory(dependencia=None, first_name="Rosa", cargo="Auxiliar"), roles.VENTANILLA
    )
    client.force_login(ventanilla)
    assert client.get(reverse("admin:pqrs_solicitud_add")).status_code == 200
    datos = {
        "canal": Canal.TELEFONICO,
        "modalidad": Modalidad.objects.get(codigo="reclamo").pk,
        "asunto": "Recolección de basuras incumplida",
        "descripcion": "El carro recolector no pasa hace dos semanas por la carrera 8.",
        "tipo_persona": "natural",
        "tipo_documento": "CC",
        "numero_documento": "31222333",
        "nombres": "Aurora",
        "apellidos": "Mosquera",
        "telefono": "3151234567",
        "direccion": "Carrera 8 # 20-15",
        "canal_respuesta": "direccion_postal",
        "autoriza_datos": "on",
    }
    respuesta = client.post(reverse("admin:pqrs_solicitud_add"), datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    solicitud = Solicitud.objects.get(numero_documento="31222333")
    assert respuesta["Location"] == reverse("admin:pqrs_solicitud_constancia", args=[solicitud.pk])
    assert solicitud.canal == Canal.TELEFONICO
    assert solicitud.autorizacion_datos_version
    radicacion = Evento.objects.get(solicitud=solicitud, tipo=TipoEvento.RADICADA)
    assert (radicacion.actor, radicacion.datos["canal"]) == (ventanilla, Canal.TELEFONICO)

    constancia = client.get(respuesta["Location"])
    assert constancia.status_code == 200
    texto = constancia.content.decode()
    assert "Constancia de radicación de petición verbal" in texto
    assert "Decreto 1166 de 2016" in texto
    assert solicitud.radicado in texto and "Aurora Mosquera" in texto
    codigo = constancia.context["codigo"]
    assert codigo and codigo in texto
    assert verificada(solicitud.radicado, codigo) == solicitud
    # Shown once: a reprint no longer carries the code.
    otra_vez = client.get(respuesta["Location"]).content.decode()
    assert codigo not in otra_vez
    assert "se mostró una sola vez" in otra_vez
    # Another clerk cannot open it.
    client.force_login(con_rol(FuncionarioFactory(dependencia=None), roles.VENTANILLA))
    assert client.get(respuesta["Location"]).status_code == 404


def test_ventanilla_sin_autorizacion_de_datos_muestra_error_y_conserva_lo_escrito(client):
    ventanilla = con_rol(FuncionarioFactory(dependencia=None), roles.VENTANILLA)
    client.force_login(ventanilla)
    datos = {
        "canal": Canal.PRESENCIAL,
        "modalidad": Modalidad.objects.get(codigo="queja").pk,
        "asunto": "Mala atención",
        "descripcion": "Me atendieron mal en la ventanilla 3.",
        "tipo_persona": "natural",
        "tipo_documento": "CC",
        "numero_documento": "1234567",
        "nombres": "Harold",
    }
    respuesta = client.post(reverse("admin:pqrs_solicitud_add"), datos)
    assert respuesta.status_code == 200
    assert "autoriza_datos" in respuesta.context["form"].errors
    assert "Me atendieron mal en la ventanilla 3." in respuesta.content.decode()
    assert not Solicitud.objects.exists()


def test_funcionario_no_puede_radicar(client, funcionario):
    client.force_login(funcionario)
    assert client.get(reverse("admin:pqrs_solicitud_add")).status_code == 403


# --- Changelist ----------------------------------------------------------------------------------------


@pytest.fixture
def cuatro_luces():
    """One request per light on 25 Mar 2026, checked against the `semaforo` selector itself."""
    roja = SolicitudFactory(ahora=en_bogota(2026, 2, 2))  # due late February
    amarilla = SolicitudFactory(ahora=en_bogota(2026, 3, 4))  # due Thu 26 Mar: 1 business day left
    verde = SolicitudFactory(ahora=en_bogota(2026, 3, 20))  # due 15 Apr
    gris = SolicitudFactory(
        ahora=en_bogota(2026, 3, 20), modalidad=Modalidad.objects.get(codigo="felicitacion")
    )
    luces = {Semaforo.ROJO: roja, Semaforo.AMARILLO: amarilla, Semaforo.VERDE: verde, Semaforo.GRIS: gris}
    for luz, solicitud in luces.items():
        assert selectors.semaforo(solicitud) == luz
    return luces


@pytest.mark.parametrize("luz", list(Semaforo))
def test_filtro_semaforo(client, coordinadora, cuatro_luces, luz):
    client.force_login(coordinadora)
    respuesta = client.get(reverse("admin:pqrs_solicitud_changelist"), {"semaforo": luz.value})
    assert respuesta.status_code == 200
    mostradas = {s.radicado for s in respuesta.context["cl"].result_list}
    assert mostradas == {cuatro_luces[luz].radicado}
    # Accessible: the light says its state in words, not only by colour.
    assert f'semaforo--{luz.value}"><span aria-hidden="true">' in respuesta.content.decode()
    assert str(luz.label) in respuesta.content.decode()


def test_semaforo_del_sabado_coincide_con_el_selector(client, coordinadora):
    # Due Friday 27 Mar; on Saturday 28 no business day has passed since: still yellow, not red.
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 5))
    assert solicitud.fecha_vencimiento == date(2026, 3, 27)
    client.force_login(coordinadora)
    with time_machine.travel(en_bogota(2026, 3, 28, 10), tick=False):
        assert selectors.semaforo(solicitud) == Semaforo.AMARILLO
        for luz, esperado in ((Semaforo.AMARILLO, {solicitud.radicado}), (Semaforo.ROJO, set())):
            respuesta = client.get(reverse("admin:pqrs_solicitud_changelist"), {"semaforo": luz.value})
            assert {s.radicado for s in respuesta.context["cl"].result_list} == esperado


def test_busqueda_por_radicado_documento_y_nombre(client, coordinadora, solicitud):
    otra = SolicitudFactory(nombres="Jhon Jairo", apellidos="Cuero", asunto="Semáforo dañado")
    client.force_login(coordinadora)

    def buscar(termino):
        respuesta = client.get(reverse("admin:pqrs_solicitud_changelist"), {"q": termino})
        return {s.radicado for s in respuesta.context["cl"].result_list}

    assert buscar(solicitud.radicado) == {solicitud.radicado}
    assert buscar(solicitud.radicado.lower()) == {solicitud.radicado}
    assert buscar(f"2026-{solicitud.consecutivo}") == {solicitud.radicado}
    assert buscar(otra.numero_documento) == {otra.radicado}
    assert buscar("jairo cuero") == {otra.radicado}
    assert buscar("semáforo") == {otra.radicado}
    assert buscar("nadie") == set()


def test_filtros_de_la_lista(client, coordinadora, funcionario, solicitud):
    telefonica = SolicitudFactory(canal=Canal.TELEFONICO, modalidad=Modalidad.objects.get(codigo="queja"))
    client.force_login(coordinadora)

    def filtrar(**parametros):
        respuesta = client.get(reverse("admin:pqrs_solicitud_changelist"), parametros)
        assert respuesta.status_code == 200
        return {s.radicado for s in respuesta.context["cl"].result_list}

    assert filtrar(canal__exact="telefonico") == {telefonica.radicado}
    assert filtrar(modalidad__id__exact=telefonica.modalidad_id) == {telefonica.radicado}
    assert filtrar(dependencia__id__exact=funcionario.dependencia_id) == {solicitud.radicado}
    assert filtrar(estado__exact="radicada") == {telefonica.radicado}
    assert filtrar(anio="2026") == {solicitud.radicado, telefonica.radicado}
    assert filtrar(anio="2025") == set()


def test_catalogo_de_modalidades_editable_por_coordinacion(client, coordinadora, funcionario):
    modalidad = Modalidad.objects.get(codigo="felicitacion")
    url = reverse("admin:pqrs_modalidad_change", args=[modalidad.pk])
    client.force_login(funcionario)
    assert client.post(url, {}).status_code == 403
    client.force_login(coordinadora)
    datos = {
        "nombre": modalidad.nombre,
        "explicacion": modalidad.explicacion,
        "plazo_dias": 15,
        "fundamento": "Decisión de la entidad (sin término legal)",
        "activa": "on",
        "orden": modalidad.orden,
    }
    assert client.post(url, datos).status_code == 302
    modalidad.refresh_from_db()
    assert (modalidad.plazo_dias, modalidad.fundamento) == (15, "Decisión de la entidad (sin término legal)")


def test_la_lista_de_notificaciones_habla_como_la_oficina(
    client, coordinadora, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinadora)
    url = reverse("admin:civic_notificacion_changelist")

    def contar() -> int:
        with CaptureQueriesContext(connection) as consultas:
            assert client.get(url).status_code == 200
        return len(consultas)

    with django_capture_on_commit_callbacks(execute=True):
        primera = SolicitudFactory(correo="luz@correo.test")
    con_una = contar()
    html = client.get(url).content.decode()
    # The radicado instead of "solicitud PQRS #1", the message's name instead of its template path, and the
    # attempt that sent it counted.
    assert primera.radicado in html
    assert '<td class="field-mensaje">Acuse de recibo al peticionario</td>' in html
    assert '<td class="field-intentos_reales">1</td>' in html
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            SolicitudFactory(correo="otra@correo.test")
    assert contar() == con_una
