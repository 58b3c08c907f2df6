import json
import uuid
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from civic.models import Consecutivo, Notificacion
from pqrs.models import CondicionPoblacional, Evento, Solicitud, TipoEvento
from pqrs.workflow import Estado
from tests.apoyo import verificada
from tests.pqrs.factories import SolicitudFactory, anonima, en_bogota, modalidad

pytestmark = pytest.mark.django_db


# DOMAIN.md §1 worked examples (2026 calendar), filed through the service.
@pytest.mark.parametrize(
    ("ahora", "codigo", "efectiva", "vence"),
    [
        (en_bogota(2026, 3, 20), "peticion-interes-general", date(2026, 3, 20), date(2026, 4, 15)),
        (en_bogota(2026, 3, 31), "peticion-documentos", date(2026, 3, 31), date(2026, 4, 16)),
        # Saturday: radicado on Monday 6 April (CPACA art. 56).
        (en_bogota(2026, 4, 4), "queja", date(2026, 4, 6), date(2026, 4, 27)),
        (en_bogota(2026, 12, 18), "reclamo", date(2026, 12, 18), date(2027, 1, 13)),
        # Jueves Santo (holiday): also radicado on Monday 6 April.
        (en_bogota(2026, 4, 2), "queja", date(2026, 4, 6), date(2026, 4, 27)),
        # 23:59 in Bogotá is still Friday, although it is Saturday in UTC.
        (en_bogota(2026, 3, 20, 23, 59), "peticion-interes-general", date(2026, 3, 20), date(2026, 4, 15)),
    ],
)
def test_fechas_de_los_ejemplos_del_dominio(ahora, codigo, efectiva, vence):
    solicitud = SolicitudFactory(modalidad=modalidad(codigo), ahora=ahora)

    solicitud.refresh_from_db()
    assert solicitud.fecha_radicacion_efectiva == efectiva
    assert solicitud.fecha_vencimiento == vence
    assert solicitud.fecha_vencimiento_original == vence
    assert solicitud.fecha_inicio_termino == efectiva
    assert solicitud.radicada_en == ahora


def test_consulta_tiene_30_dias_y_felicitacion_no_tiene_termino():
    consulta = SolicitudFactory(modalidad=modalidad("consulta"), ahora=en_bogota(2026, 3, 20))
    felicitacion = SolicitudFactory(modalidad=modalidad("felicitacion"), ahora=en_bogota(2026, 3, 20))

    assert consulta.plazo_dias == 30
    # 24 Mar-7 May: skips San José (23 Mar), Semana Santa (2-3 Apr) and 1 May.
    assert consulta.fecha_vencimiento == date(2026, 5, 7)
    assert felicitacion.plazo_dias is None
    assert felicitacion.fecha_vencimiento is None


def test_radicado_consecutivo_por_anio_con_prefijo_configurable(settings):
    primera = SolicitudFactory(ahora=en_bogota(2026, 12, 30))
    segunda = SolicitudFactory(ahora=en_bogota(2026, 12, 31))
    settings.RADICADO_PREFIJOS = {"pqrs": "CALI"}
    # Filed on 1 January (holiday): radicado on the next business day, in 2027.
    de_2027 = SolicitudFactory(ahora=en_bogota(2027, 1, 1))

    assert primera.radicado == "PQRS-2026-000001"
    assert segunda.radicado == "PQRS-2026-000002"
    assert de_2027.radicado == "CALI-2027-000001"
    assert (de_2027.anio, de_2027.consecutivo) == (2027, 1)
    assert dict(Consecutivo.objects.filter(serie="pqrs").values_list("anio", "ultimo")) == {2026: 2, 2027: 1}


def test_radicar_escribe_un_evento_publico():
    solicitud = SolicitudFactory()

    (evento,) = Evento.objects.filter(solicitud=solicitud)
    assert evento.tipo == TipoEvento.RADICADA
    assert (evento.estado_anterior, evento.estado_nuevo) == ("", Estado.RADICADA)
    assert evento.publico is True
    assert evento.datos["fecha_vencimiento"] == "2026-04-15"


def test_codigo_de_consulta_guardado_con_hmac_y_verificable():
    solicitud = SolicitudFactory()
    codigo = solicitud.codigo_claro

    assert len(codigo) == 10
    assert not set(codigo) & set("0O1IL")
    assert codigo not in solicitud.codigo_consulta_hash
    assert verificada(solicitud.radicado, codigo) == solicitud
    # As people type it: lower case, with spaces.
    escrito = f" {codigo[:5].lower()} {codigo[5:]} "
    assert verificada(solicitud.radicado.lower(), escrito) == solicitud


def test_codigo_errado_y_radicado_inexistente_dan_none_por_igual():
    solicitud = SolicitudFactory()
    otra = SolicitudFactory()

    assert verificada(solicitud.radicado, "ABCDEFGHJK") is None
    assert verificada("PQRS-2026-999999", solicitud.codigo_claro) is None
    # One request's code does not open another.
    assert verificada(otra.radicado, solicitud.codigo_claro) is None
    assert verificada(solicitud.radicado, "") is None


def test_acuse_de_recibo_se_envia_una_vez_con_radicado_y_codigo(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        solicitud = SolicitudFactory(correo="Luz.Renteria@Correo.test")

    assert len(mailoutbox) == 1
    mensaje = mailoutbox[0]
    assert mensaje.to == ["luz.renteria@correo.test"]
    assert solicitud.radicado in mensaje.subject
    assert solicitud.codigo_claro in mensaje.body
    assert "miércoles 15 de abril de 2026" in mensaje.body
    assert "Petición de interés general" in mensaje.body
    assert "/consultar/" in mensaje.body
    html = mensaje.alternatives[0][0]
    assert solicitud.codigo_claro in html
    # Once sent, the clear code survives nowhere in the database.
    (notificacion,) = Notificacion.objects.filter(plantilla="pqrs/emails/acuse")
    assert notificacion.estado == Notificacion.Estado.ENVIADA
    assert solicitud.codigo_claro not in json.dumps([notificacion.contexto, notificacion.contexto_reservado])


def test_sin_correo_no_hay_acuse(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        SolicitudFactory(correo="", direccion="Calle 5 # 10-20")

    assert mailoutbox == []


def test_anonima_no_guarda_identidad_y_no_exige_autorizacion():
    solicitud = anonima(nombres="Pedro", numero_documento="123")

    solicitud.refresh_from_db()
    assert solicitud.anonima
    assert (solicitud.nombres, solicitud.numero_documento, solicitud.tipo_documento) == ("", "", "")
    assert solicitud.canal_respuesta == ""
    assert solicitud.autorizacion_datos_en is None


def test_solicitud_con_nombre_sin_documento_se_rechaza_sin_consumir_consecutivo():
    # The CHECK constraints refuse on insert (no query re-checks them first); the person reads their words.
    with pytest.raises(ValidationError) as sin_documento:
        SolicitudFactory(numero_documento="")
    with pytest.raises(ValidationError) as sin_autorizacion:
        SolicitudFactory(autorizacion_datos_version="")

    assert sin_documento.value.messages == [
        "Una solicitud con nombre debe indicar el tipo y número de documento y el nombre o la razón social."
    ]
    assert sin_autorizacion.value.messages == [
        "Para registrar datos personales se requiere la autorización de tratamiento de datos."
    ]

    assert Solicitud.objects.count() == 0
    assert SolicitudFactory().consecutivo == 1


def test_el_mismo_token_devuelve_la_radicacion_hecha_sin_tomar_otro_numero():
    token = uuid.uuid4()
    primera = SolicitudFactory(token_radicacion=token)

    # The token's unique index refuses the second insert; its transaction (and its number) rolls back.
    otra_vez = SolicitudFactory(token_radicacion=token, asunto="Otro asunto")

    assert otra_vez.pk == primera.pk
    assert otra_vez.codigo_claro is None
    assert Solicitud.objects.count() == 1
    assert Consecutivo.objects.get(serie="pqrs", anio=2026).ultimo == 1
    assert SolicitudFactory().consecutivo == 2


def test_autorizacion_de_datos_queda_probada():
    ahora = en_bogota(2026, 3, 20, 15, 30)
    solicitud = SolicitudFactory(ahora=ahora, autorizacion_datos_version="2026-01")

    solicitud.refresh_from_db()
    assert solicitud.autorizacion_datos_version == "2026-01"
    assert solicitud.autorizacion_datos_en == ahora


def test_condicion_de_periodista_da_prioridad():
    periodista = CondicionPoblacional.objects.get(codigo="periodista")
    indigena = CondicionPoblacional.objects.get(codigo="indigena")

    prioritaria = SolicitudFactory(condiciones=[periodista])
    comun = SolicitudFactory(condiciones=[indigena])

    assert prioritaria.prioritaria is True
    assert list(prioritaria.condiciones.all()) == [periodista]
    assert comun.prioritaria is False


def test_adjuntos_del_ciudadano_quedan_en_ruta_privada_sin_nombre_original():
    archivo = SimpleUploadedFile(
        "cédula escaneada.pdf", b"%PDF-1.4 contenido", content_type="application/pdf"
    )

    solicitud = SolicitudFactory(archivos=[archivo])

    (adjunto,) = solicitud.adjuntos.all()
    assert adjunto.nombre_original == "cédula escaneada.pdf"
    assert adjunto.tamano == len(b"%PDF-1.4 contenido")
    assert adjunto.origen == "ciudadano"
    assert adjunto.archivo.name.startswith("pqrs/")
    assert "cédula" not in adjunto.archivo.name
    assert adjunto.evento.tipo == TipoEvento.RADICADA


def test_adjunto_demasiado_grande_se_rechaza(settings):
    settings.ADJUNTO_MAX_BYTES = 10
    archivo = SimpleUploadedFile("grande.pdf", b"x" * 11, content_type="application/pdf")

    with pytest.raises(ValidationError):
        SolicitudFactory(archivos=[archivo])
    assert Solicitud.objects.count() == 0


def test_modalidades_sembradas_con_su_fundamento():
    terminos = dict(modalidad().__class__.objects.values_list("codigo", "plazo_dias"))

    assert terminos == {
        "peticion-interes-general": 15,
        "peticion-interes-particular": 15,
        "queja": 15,
        "reclamo": 15,
        "sugerencia": 15,
        "denuncia": 15,
        "peticion-documentos": 10,
        "consulta": 30,
        "peticion-entre-autoridades": 10,
        "felicitacion": None,
        "acceso-informacion-publica": 10,
    }


def test_una_vida_en_riesgo_alerta_de_inmediato_y_pasa_primero(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    """Ley 1755/2015 art. 20: Coordinación hears at filing, the head of the dependencia at assignment, and
    the request is priority (first in the staff list)."""
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from pqrs import services
    from pqrs.roles import COORDINACION_PQRS
    from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, coordinador

    coordinadora = coordinador(email="coordinacion@alcaldia.test")
    jefe = FuncionarioFactory(email="jefe@alcaldia.test")
    dependencia = DependenciaFactory(jefe=jefe)
    with django_capture_on_commit_callbacks(execute=True):
        urgente = SolicitudFactory(ahora=en_bogota(2026, 3, 20, 9), riesgo_vida=True)
    assert (urgente.riesgo_vida, urgente.prioritaria) == (True, True)
    (alerta,) = [m for m in mailoutbox if "URGENTE" in m.subject]
    assert alerta.to == ["coordinacion@alcaldia.test"]
    assert f"/admin/pqrs/solicitud/{urgente.pk}/change/" in alerta.body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.asignar(solicitud=urgente, dependencia=dependencia, actor=coordinadora)
    assert [m.to for m in mailoutbox if "URGENTE" in m.subject] == [["jefe@alcaldia.test"]]

    ordinaria = SolicitudFactory(ahora=en_bogota(2026, 3, 20, 11))  # newer, not priority
    coordinadora.groups.add(Group.objects.get(name=COORDINACION_PQRS))
    client.force_login(coordinadora)
    lista = client.get(reverse("admin:pqrs_solicitud_changelist")).content.decode()
    assert lista.index(urgente.radicado) < lista.index(ordinaria.radicado)
    assert "Vida en riesgo:" in lista
