"""The organizaciones admin through the test client: each workflow action (and its refusal, which shows the
Spanish error next to the field and writes nothing), filing at the window and de oficio, the state change
with its act, certificates, personal data masked without the permission, and the queue's query count."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from civic.admin import inicio
from organizaciones.admin import cola as panel_cola
from organizaciones.models import (
    CambioEstado,
    Certificado,
    ClaseTramite,
    DocumentoRequerido,
    EstadoOrganizacion,
    Evento,
    Organizacion,
    RequerimientoIVC,
    Resolucion,
    Tramite,
)
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios
from organizaciones.workflow import Estado
from tests.civic.fabricas import ComunaFactory, FuncionarioFactory

from .fabricas import PDF, OrganizacionFactory, documentos_de, funcionario_ivc, junta, peticionario

pytestmark = pytest.mark.django_db


def _reconocimiento(nombre="Junta de Acción Comunal Barrio El Vallado", nit="900373913-4"):
    tramite, _codigo = radicacion.radicar(
        clase=ClaseTramite.RECONOCIMIENTO,
        peticionario=peticionario(),
        nueva={
            "tipo": "jac",
            "nombre": nombre,
            "nit": nit,
            "comuna": ComunaFactory(),
            "clase_territorio": "barrio_capital",
            "afiliados": 80,
        },
        documentos=documentos_de(ClaseTramite.RECONOCIMIENTO),
    )
    return tramite


def _accion(tramite, accion):
    return reverse("admin:organizaciones_tramite_accion", args=[tramite.pk, accion])


@pytest.fixture
def ivc(client):
    usuario = funcionario_ivc()
    client.force_login(usuario)
    return usuario


@pytest.fixture
def sin_datos(client):
    """Staff who works the registry and procedures but without `ver_datos_personales`."""
    usuario = FuncionarioFactory()
    usuario.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="organizaciones").exclude(
            codename="ver_datos_personales"
        )
    )
    client.force_login(usuario)
    return usuario


# --- Workflow actions --------------------------------------------------------------------------------


def test_revisar_requerir_corregir_aprobar_y_notificar_desde_el_admin(client, ivc):
    tramite = _reconocimiento()
    pagina = client.get(reverse("admin:organizaciones_tramite_change", args=[tramite.pk])).content.decode()
    assert "Iniciar la revisión" in pagina
    # The checklist with what arrived for each line.
    for requisito in DocumentoRequerido.objects.filter(tipo__clase=ClaseTramite.RECONOCIMIENTO):
        assert requisito.nombre in pagina

    assert client.post(_accion(tramite, "revisar")).status_code == 302
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION and tramite.responsable == ivc

    respuesta = client.post(_accion(tramite, "requerir"), {"requerimiento": "Falta el acta firmada."})
    assert respuesta.status_code == 302
    tramite.refresh_from_db()
    assert tramite.estado == Estado.REQUERIMIENTO and tramite.fecha_vencimiento is None

    archivo = SimpleUploadedFile("acta.pdf", PDF, content_type="application/pdf")
    respuesta = client.post(_accion(tramite, "corregir"), {"texto": "Trajo el acta.", "archivos": [archivo]})
    assert respuesta.status_code == 302
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION
    assert tramite.adjuntos.filter(nombre_original="acta.pdf", evento__tipo="corregido").exists()
    # Registered by staff at the window: the event says who.
    assert Evento.objects.get(tramite=tramite, tipo="corregido").actor == ivc

    respuesta = client.post(_accion(tramite, "aprobar"), {"considerandos": "Cumple el art. 11."})
    assert respuesta.status_code == 302
    tramite.refresh_from_db()
    assert tramite.estado == Estado.APROBADO
    assert tramite.organizacion.estado == EstadoOrganizacion.ACTIVA
    pdf = client.get(reverse("admin:organizaciones_tramite_resolucion", args=[tramite.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"

    respuesta = client.post(
        _accion(tramite, "notificar"), {"medio": "personal", "fecha": timezone.localdate().isoformat()}
    )
    assert respuesta.status_code == 302
    tramite.refresh_from_db()
    assert tramite.estado == Estado.NOTIFICADO


@pytest.mark.parametrize(
    ("accion", "datos", "campo", "mensaje"),
    [
        ("requerir", {"requerimiento": "   "}, "requerimiento", "Este campo es obligatorio"),
        ("aprobar", {"considerandos": "  "}, "considerandos", "Este campo es obligatorio"),
        ("negar", {"considerandos": ""}, "considerandos", "Este campo es obligatorio"),
    ],
)
def test_una_accion_rechazada_muestra_el_error_junto_al_campo_y_no_escribe_nada(
    client, ivc, accion, datos, campo, mensaje
):
    tramite = _reconocimiento()
    servicios.revisar(tramite=tramite, actor=ivc)
    eventos = Evento.objects.count()
    respuesta = client.post(_accion(tramite, accion), datos)
    assert respuesta.status_code == 200
    form = respuesta.context["form"]
    assert any(mensaje in e for e in form.errors.get(campo, [])), form.errors
    assert "No se guardó nada" in respuesta.content.decode()
    tramite.refresh_from_db()
    assert tramite.estado == Estado.EN_REVISION
    assert Evento.objects.count() == eventos
    assert not Resolucion.objects.exists()


def test_una_notificacion_con_fecha_futura_se_rechaza_junto_a_la_fecha(client, ivc):
    tramite = _reconocimiento()
    servicios.revisar(tramite=tramite, actor=ivc)
    servicios.negar(tramite=tramite, considerandos="No cumple el mínimo de afiliados.", actor=ivc)
    manana = timezone.localdate() + timedelta(days=1)
    respuesta = client.post(_accion(tramite, "notificar"), {"medio": "personal", "fecha": manana.isoformat()})
    assert respuesta.status_code == 200
    assert "fecha futura" in " ".join(respuesta.context["form"].errors["fecha"])
    tramite.refresh_from_db()
    assert tramite.estado == Estado.NEGADO


def test_una_accion_que_el_estado_no_permite_no_se_ofrece_y_se_rechaza(client, ivc):
    tramite = _reconocimiento()
    pagina = client.get(reverse("admin:organizaciones_tramite_change", args=[tramite.pk])).content.decode()
    assert _accion(tramite, "aprobar") not in pagina
    respuesta = client.post(_accion(tramite, "aprobar"), {"considerandos": "Cumple."})
    assert respuesta.status_code == 200
    assert respuesta.context["form"].non_field_errors()
    tramite.refresh_from_db()
    assert tramite.estado == Estado.RADICADO


# --- Filing from the admin ---------------------------------------------------------------------------


def test_la_ventanilla_radica_un_reconocimiento_recibido_en_papel(client, ivc):
    comuna = ComunaFactory()
    url = reverse("admin:organizaciones_tramite_radicar") + "?clase=reconocimiento"
    assert client.get(url).status_code == 200
    documentos = {
        f"documento_{d.pk}": SimpleUploadedFile(f"{d.pk}.pdf", PDF, content_type="application/pdf")
        for d in DocumentoRequerido.objects.filter(tipo__clase="reconocimiento")
    }
    respuesta = client.post(
        url,
        {
            **peticionario(),
            "autoriza_datos": "on",
            "tipo": "jac",
            "nombre": "Junta de Acción Comunal Barrio Mojica",
            "nit": "",
            "comuna": comuna.pk,
            "clase_territorio": "barrio_capital",
            "afiliados": 90,
            **documentos,
        },
    )
    assert respuesta.status_code == 302, respuesta.context and respuesta.context["form"].errors
    tramite = Tramite.objects.get()
    assert tramite.canal == "ventanilla" and tramite.radicado_por == ivc
    assert tramite.organizacion.nombre == "Junta de Acción Comunal Barrio Mojica"
    assert tramite.adjuntos.count() == len(documentos)


def test_la_ventanilla_rechaza_los_afiliados_insuficientes_junto_al_campo(client, ivc):
    url = reverse("admin:organizaciones_tramite_radicar") + "?clase=reconocimiento"
    respuesta = client.post(
        url,
        {
            **peticionario(),
            "autoriza_datos": "on",
            "tipo": "jac",
            "nombre": "Junta pequeña",
            "comuna": ComunaFactory().pk,
            "clase_territorio": "barrio_capital",
            "afiliados": 10,
        },
    )
    assert respuesta.status_code == 200
    errores = respuesta.context["form"].errors
    assert errores and "No se guardó nada" in respuesta.content.decode()
    assert not Tramite.objects.exists() and not Organizacion.objects.exists()


def test_la_ventanilla_radica_una_inscripcion_con_sus_dignatarios(client, ivc):
    organizacion = OrganizacionFactory()
    url = reverse("admin:organizaciones_tramite_radicar") + "?clase=inscripcion_dignatarios"
    filas = junta(5, mujeres=2)
    datos = {
        **peticionario(),
        "autoriza_datos": "on",
        "organizacion": organizacion.pk,
        "dignatarios-TOTAL_FORMS": "7",
        "dignatarios-INITIAL_FORMS": "0",
    }
    for i, fila in enumerate(filas):
        datos.update({f"dignatarios-{i}-{k}": v for k, v in fila.items()})
    respuesta = client.post(url, datos)
    assert respuesta.status_code == 302, respuesta.context and respuesta.context["form"].errors
    tramite = Tramite.objects.get()
    assert tramite.dignatarios.count() == 5 and not tramite.dignatarios.filter(vigente=True).exists()


def test_la_secretaria_abre_una_suspension_de_oficio(client, ivc):
    organizacion = OrganizacionFactory()
    hasta = timezone.localdate() + timedelta(days=90)
    url = reverse("admin:organizaciones_tramite_de_oficio") + "?clase=suspension"
    respuesta = client.post(
        url,
        {
            "organizacion": organizacion.pk,
            "descripcion": "No ha inscrito dignatarios ni realizado asambleas en un año.",
            "hasta": hasta.isoformat(),
        },
    )
    assert respuesta.status_code == 302
    tramite = Tramite.objects.get()
    assert tramite.canal == "oficio" and tramite.clase == "suspension"
    assert tramite.datos == {"hasta": hasta.isoformat()}
    assert tramite.anonima


def test_una_cancelacion_de_oficio_sin_motivacion_no_se_radica(client, ivc):
    url = reverse("admin:organizaciones_tramite_de_oficio") + "?clase=cancelacion"
    respuesta = client.post(url, {"organizacion": OrganizacionFactory().pk, "descripcion": ""})
    assert respuesta.status_code == 200
    assert "descripcion" in respuesta.context["form"].errors
    assert not Tramite.objects.exists()


# --- The registry -------------------------------------------------------------------------------------


def test_el_estado_y_la_personeria_no_se_editan_en_el_formulario(client, ivc):
    organizacion = OrganizacionFactory()
    url = reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk])
    form = client.get(url).context["adminform"].form
    for campo in ("estado", "suspendida_hasta", "personeria_numero", "personeria_fecha"):
        assert campo not in form.fields


def test_cambio_de_estado_con_su_acto(client, ivc):
    organizacion = OrganizacionFactory()
    url = reverse("admin:organizaciones_organizacion_cambiar_estado", args=[organizacion.pk])
    # Without the act: refused next to the field, nothing written.
    respuesta = client.post(url, {"estado": "en_liquidacion", "fecha": "2026-03-02", "acto": ""})
    assert respuesta.status_code == 200
    assert "Cite el acto" in " ".join(respuesta.context["form"].errors["acto"])
    assert not CambioEstado.objects.exists()
    respuesta = client.post(
        url, {"estado": "en_liquidacion", "fecha": "2026-03-02", "acto": "Resolución 0042 de 2026"}
    )
    assert respuesta.status_code == 302
    organizacion.refresh_from_db()
    assert organizacion.estado == EstadoOrganizacion.EN_LIQUIDACION
    assert CambioEstado.objects.get().acto == "Resolución 0042 de 2026"


def test_una_organizacion_migrada_del_papel_entra_con_su_acto(client, ivc):
    comuna = ComunaFactory()
    respuesta = client.post(
        reverse("admin:organizaciones_organizacion_add"),
        {
            "tipo": "jac",
            "nombre": "Junta de Acción Comunal Barrio San Nicolás",
            "comuna": comuna.pk,
            "clase_territorio": "barrio_capital",
            "afiliados": 150,
            "familias": 0,
            "estado": "activa",
            "personeria_numero": "Resolución 1234 de 1995",
            "personeria_fecha": "1995-04-12",
            "personeria_autoridad": "Gobernación del Valle",
        },
    )
    assert respuesta.status_code == 302, respuesta.context and respuesta.context["adminform"].form.errors
    organizacion = Organizacion.objects.get()
    assert organizacion.estado == EstadoOrganizacion.ACTIVA
    cambio = CambioEstado.objects.get()
    # Its first entry: no previous state in the registry, the paper act as its act.
    assert cambio.estado_anterior == "" and "Resolución 1234 de 1995" in cambio.acto
    assert cambio.estado_nuevo == EstadoOrganizacion.ACTIVA


def test_expedir_y_revocar_un_certificado(client, ivc):
    organizacion = OrganizacionFactory()
    url = reverse("admin:organizaciones_organizacion_expedir_certificado", args=[organizacion.pk])
    assert client.post(url).status_code == 302
    certificado = Certificado.objects.get()
    pagina = client.get(reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk]))
    html = pagina.content.decode()
    assert reverse("admin:organizaciones_certificado_pdf", args=[certificado.pk]) in html
    assert reverse("organizaciones:verificar", args=[certificado.codigo]) in html

    revocar = reverse("admin:organizaciones_certificado_revocar", args=[certificado.pk])
    respuesta = client.post(revocar, {"motivo": ""})
    assert respuesta.status_code == 200 and "motivo" in respuesta.context["form"].errors
    certificado.refresh_from_db()
    assert certificado.revocado_en is None
    assert client.post(revocar, {"motivo": "Se expidió con el representante equivocado."}).status_code == 302
    certificado.refresh_from_db()
    assert certificado.revocado_en is not None


def test_no_se_certifica_una_organizacion_en_tramite(client, ivc):
    organizacion = OrganizacionFactory(estado=EstadoOrganizacion.EN_TRAMITE)
    url = reverse("admin:organizaciones_organizacion_expedir_certificado", args=[organizacion.pk])
    respuesta = client.post(url)
    assert respuesta.status_code == 200
    assert "no tiene personería" in " ".join(respuesta.context["form"].non_field_errors())
    assert not Certificado.objects.exists()


# --- Personal data ------------------------------------------------------------------------------------


def _junta_inscrita(actor):
    organizacion = OrganizacionFactory()
    tramite, _ = radicacion.radicar(
        clase=ClaseTramite.INSCRIPCION_DIGNATARIOS,
        peticionario=peticionario(),
        organizacion=organizacion,
        documentos=documentos_de(ClaseTramite.INSCRIPCION_DIGNATARIOS),
        dignatarios=junta(5, mujeres=2, base=777000),
    )
    servicios.revisar(tramite=tramite, actor=actor)
    servicios.aprobar(tramite=tramite, considerandos="Elección conforme a los estatutos.", actor=actor)
    return organizacion, tramite


def test_con_el_permiso_se_ven_los_documentos(client, ivc):
    organizacion, tramite = _junta_inscrita(ivc)
    html = client.get(reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk])).content
    assert b"CC 777001" in html
    html = client.get(reverse("admin:organizaciones_tramite_change", args=[tramite.pk])).content
    assert b"31999888" in html and b"777001" in html


def test_sin_el_permiso_los_datos_personales_se_reservan(client, sin_datos):
    organizacion, tramite = _junta_inscrita(funcionario_ivc())
    html = client.get(reverse("admin:organizaciones_organizacion_change", args=[organizacion.pk])).content
    assert b"777001" not in html and b"Reservado" in html
    html = client.get(reverse("admin:organizaciones_tramite_change", args=[tramite.pk])).content.decode()
    for dato in ("31999888", "presidencia.jac@correo.test", "3001234567", "777001"):
        assert dato not in html
    accion = client.get(_accion(tramite, "notificar")).content.decode()
    assert "777001" not in accion
    # Attachments can carry IDs: no download without the permission.
    adjunto = tramite.adjuntos.first()
    url = reverse("admin:organizaciones_tramite_adjunto", args=[tramite.pk, adjunto.pk])
    assert client.get(url).status_code == 403


def test_sin_el_permiso_no_se_busca_ni_filtra_ni_ordena_por_datos_personales(client, sin_datos):
    _organizacion, tramite = _junta_inscrita(funcionario_ivc())
    lista = reverse("admin:organizaciones_tramite_changelist")
    # Searching a petitioner's document finds nothing (it is matched only against names).
    assert tramite.radicado not in client.get(lista, {"q": "31999888"}).content.decode()
    assert tramite.radicado not in client.get(lista, {"q": "Arboleda"}).content.decode()
    # Filtering on a personal field through the URL is refused (DisallowedModelAdminLookup).
    for parametro in ("numero_documento", "nombres__icontains", "correo__startswith"):
        respuesta = client.get(lista, {parametro: "3"})
        assert respuesta.status_code == 400, parametro
    organizaciones = reverse("admin:organizaciones_organizacion_changelist")
    for parametro in ("dignatarios__numero_documento", "dignatarios__numero_documento__startswith"):
        respuesta = client.get(organizaciones, {parametro: "777001"})
        assert respuesta.status_code == 400, parametro
    # Sorting only by the declared columns: an unknown column index is ignored, not applied.
    assert client.get(lista, {"o": "9"}).status_code == 200


def test_con_el_permiso_se_busca_por_documento_del_peticionario(client, ivc):
    tramite = _reconocimiento()
    lista = reverse("admin:organizaciones_tramite_changelist")
    assert tramite.radicado in client.get(lista, {"q": "31999888"}).content.decode()
    assert tramite.radicado in client.get(lista, {"q": "el vallado"}).content.decode()
    assert tramite.radicado in client.get(lista, {"q": tramite.radicado.lower()}).content.decode()


# --- The work queue -----------------------------------------------------------------------------------


def _panel(rf, usuario):
    peticion = rf.get("/admin/")
    peticion.user = usuario
    return panel_cola.contexto(peticion)


def test_la_cola_agrupa_por_semaforo_con_consultas_constantes(rf, django_assert_max_num_queries):
    funcionario = funcionario_ivc()
    _reconocimiento()
    with django_assert_max_num_queries(8):
        contexto = _panel(rf, funcionario)
        assert contexto["cola"].total == 1
    for i in range(12):
        _reconocimiento(nombre=f"Junta {i}", nit="")
    organizacion = OrganizacionFactory()
    for i in range(5):
        RequerimientoIVC.objects.create(
            organizacion=organizacion,
            descripcion=f"Requerimiento {i}",
            fecha=date(2026, 3, 2),
            vence=date(2026, 3, 23) + timedelta(days=i),
            responsable=funcionario,
        )
    with django_assert_max_num_queries(8):
        contexto = _panel(rf, funcionario)
        assert contexto["cola"].total == 13
        assert contexto["cola"].requerimientos_total == 5
        for grupo in contexto["cola"].grupos:
            for fila in grupo.filas:
                str(fila.objeto.organizacion.nombre)
        for requerimiento in contexto["cola"].requerimientos:
            str(requerimiento.organizacion.nombre)


def test_la_cola_es_solo_del_rol(rf):
    assert _panel(rf, FuncionarioFactory()) is None
    assert any(p.clave == "organizaciones" for p in inicio._PANELES.values())


def test_la_cola_en_la_pagina_de_inicio(client, ivc):
    tramite = _reconocimiento()
    html = client.get(reverse("admin:index")).content.decode()
    assert "Trámites de organizaciones" in html and tramite.radicado in html
    assert "Requerimientos de IVC pendientes" in html
