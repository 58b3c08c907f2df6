"""Commitments in the admin: the list by traffic light, each action through its form and service (a
refusal in Spanish that writes nothing), follow-ups with evidence, reviews in a later session; and the
subscriptions' addresses, masked without the permission."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consejos.models import Compromiso, EventoCompromiso, Evidencia, Suscripcion
from consejos.services import compromisos
from tests.civic.fabricas import DependenciaFactory
from tests.organizaciones.fabricas import pdf

from .fabricas import InstanciaFactory, secretaria, sesion_realizada

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return secretaria()


@pytest.fixture
def cliente(client, actor):
    client.force_login(actor)
    return client


@pytest.fixture
def instancia():
    return InstanciaFactory(nombre="Gobierno en las comunas – Comuna 5")


def _compromiso(sesion, actor, vence: date, texto="Revisar la ruta A14.") -> Compromiso:
    return compromisos.registrar(
        sesion=sesion,
        descripcion=texto,
        fecha_vencimiento=vence,
        dependencia=DependenciaFactory(),
        actor=actor,
    )


def _accion(compromiso, accion: str) -> str:
    return reverse("admin:consejos_compromiso_accion", args=[compromiso.pk, accion])


def _otra(compromiso, accion: str) -> str:
    return reverse("admin:consejos_compromiso_otra", args=[compromiso.pk, accion])


def test_la_lista_filtra_por_semaforo(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    hoy = timezone.localdate()
    vencido = _compromiso(sesion, actor, hoy - timedelta(days=20), "Vencido hace rato")
    a_tiempo = _compromiso(sesion, actor, hoy + timedelta(days=60), "Con tiempo de sobra")
    url = reverse("admin:consejos_compromiso_changelist")
    rojo = cliente.get(url, {"semaforo": "rojo"}).content.decode()
    verde = cliente.get(url, {"semaforo": "verde"}).content.decode()
    assert vencido.descripcion in rojo and a_tiempo.descripcion not in rojo
    assert a_tiempo.descripcion in verde and vencido.descripcion not in verde
    assert "Vencida" in cliente.get(url).content.decode()  # the column's word, not only a colour


def test_iniciar_cumplir_y_reabrir_con_motivo(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = _compromiso(sesion, actor, date(2026, 9, 15))
    pagina = cliente.get(reverse("admin:consejos_compromiso_change", args=[compromiso.pk])).content.decode()
    assert _accion(compromiso, "iniciar") in pagina and _accion(compromiso, "reabrir") not in pagina

    cliente.post(_accion(compromiso, "iniciar"), {"nota": ""})
    cliente.post(_accion(compromiso, "cumplir"), {"nota": "Ruta ajustada."})
    assert Compromiso.objects.get(pk=compromiso.pk).estado == "cumplido"

    eventos = EventoCompromiso.objects.count()
    respuesta = cliente.post(_accion(compromiso, "reabrir"), {"nota": ""})
    assert (
        respuesta.status_code == HTTPStatus.OK and "Este campo es obligatorio." in respuesta.content.decode()
    )
    assert Compromiso.objects.get(pk=compromiso.pk).estado == "cumplido"
    assert EventoCompromiso.objects.count() == eventos
    cliente.post(_accion(compromiso, "reabrir"), {"nota": "La comunidad reporta que la ruta no pasa."})
    assert Compromiso.objects.get(pk=compromiso.pk).estado == "en_curso"


def test_una_accion_que_el_estado_no_permite_se_rechaza_en_espanol(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = _compromiso(sesion, actor, date(2026, 9, 15))
    cliente.post(_accion(compromiso, "cancelar"), {"nota": "Ya no aplica."})
    eventos = EventoCompromiso.objects.count()
    respuesta = cliente.post(_accion(compromiso, "cumplir"), {"nota": ""})
    assert respuesta.status_code == HTTPStatus.OK
    texto = respuesta.content.decode()
    assert "No se guardó nada" in texto and "el compromiso" in texto
    assert Compromiso.objects.get(pk=compromiso.pk).estado == "cancelado"
    assert EventoCompromiso.objects.count() == eventos


def test_seguimiento_con_evidencias_revisadas_por_su_contenido(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = _compromiso(sesion, actor, date(2026, 9, 15))
    url = _otra(compromiso, "seguimiento")
    hoy = timezone.localdate()
    futura = cliente.post(url, {"texto": "Avance", "fecha": (hoy + timedelta(days=3)).isoformat()})
    assert "El seguimiento no puede tener fecha futura." in futura.content.decode()
    falsa = SimpleUploadedFile("foto.jpg", b"<?php echo 1; ?>")
    mala = cliente.post(url, {"texto": "Avance", "fecha": hoy.isoformat(), "evidencias": [falsa]})
    assert "no es de un tipo permitido" in mala.content.decode()
    assert not EventoCompromiso.objects.filter(tipo="seguimiento").exists()

    buena = cliente.post(
        url, {"texto": "Mesa con Metrocali.", "fecha": hoy.isoformat(), "evidencias": [pdf()]}
    )
    assert buena.status_code == HTTPStatus.FOUND
    evidencia = Evidencia.objects.get(compromiso=compromiso)
    pagina = cliente.get(reverse("admin:consejos_compromiso_change", args=[compromiso.pk])).content.decode()
    assert "Mesa con Metrocali." in pagina
    enlace = reverse("admin:consejos_compromiso_evidencia", args=[compromiso.pk, evidencia.pk])
    assert enlace in pagina
    assert cliente.get(enlace).status_code == HTTPStatus.OK


def test_revisar_en_una_sesion_posterior_de_la_misma_instancia(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    posterior, _ = sesion_realizada(instancia, actor, dia=(2026, 9, 1))
    de_otra, _ = sesion_realizada(InstanciaFactory(), actor, dia=(2026, 9, 2))
    compromiso = _compromiso(sesion, actor, date(2026, 9, 15))
    url = _otra(compromiso, "revisar")
    opciones = cliente.get(url).context["form"].fields["sesion"].queryset
    assert list(opciones) == [posterior]
    respuesta = cliente.post(url, {"sesion": de_otra.pk})
    assert "Escoja una opción válida" in respuesta.content.decode()
    assert not compromiso.revisado_en.exists()
    cliente.post(url, {"sesion": posterior.pk})
    assert list(compromiso.revisado_en.all()) == [posterior]


def test_el_compromiso_no_se_edita_ni_se_crea_fuera_de_la_sesion(cliente, instancia, actor):
    sesion, _acta = sesion_realizada(instancia, actor)
    compromiso = _compromiso(sesion, actor, date(2026, 9, 15))
    url = reverse("admin:consejos_compromiso_change", args=[compromiso.pk])
    assert cliente.post(url, {"descripcion": "Otra cosa"}).status_code == HTTPStatus.FORBIDDEN
    assert cliente.get(reverse("admin:consejos_compromiso_add")).status_code == HTTPStatus.FORBIDDEN
    assert Compromiso.objects.get(pk=compromiso.pk).descripcion == "Revisar la ruta A14."


# --- Subscriptions ----------------------------------------------------------------------------------


def _suscripcion(instancia) -> Suscripcion:
    return Suscripcion.objects.create(
        correo="lider.comuna5@example.org",
        comuna=instancia.comuna,
        autorizacion_datos_version="2026-01",
        autorizacion_datos_en=timezone.now(),
    )


def test_las_suscripciones_se_ven_sin_correo_y_no_se_editan(cliente, instancia):
    suscripcion = _suscripcion(instancia)
    texto = cliente.get(reverse("admin:consejos_suscripcion_changelist")).content.decode()
    assert "lider.comuna5" not in texto and "Reservado" in texto and "Sin confirmar" in texto
    # A list only: no detail page (its title would be the address).
    detalle = cliente.get(reverse("admin:consejos_suscripcion_change", args=[suscripcion.pk]))
    assert detalle.status_code == HTTPStatus.FORBIDDEN
    # No search by address, no filter by it through the URL ("is this person subscribed?").
    lista = reverse("admin:consejos_suscripcion_changelist")
    assert cliente.get(lista, {"correo__startswith": "lider"}).status_code == HTTPStatus.BAD_REQUEST
    assert "lider.comuna5" not in cliente.get(lista, {"q": "lider"}).content.decode()
    cambio = cliente.post(
        reverse("admin:consejos_suscripcion_change", args=[suscripcion.pk]), {"correo": "x@y.co"}
    )
    assert cambio.status_code == HTTPStatus.FORBIDDEN
    assert Suscripcion.objects.get(pk=suscripcion.pk).correo == "lider.comuna5@example.org"


def test_con_el_permiso_se_ve_el_correo(cliente, instancia, actor):
    suscripcion = _suscripcion(instancia)
    permiso, _ = Permission.objects.get_or_create(
        codename="ver_suscriptores",
        content_type=ContentType.objects.get_for_model(Suscripcion),
        defaults={"name": "Puede ver los correos de los suscriptores"},
    )
    actor.user_permissions.add(permiso)
    texto = cliente.get(reverse("admin:consejos_suscripcion_changelist"), {"q": "lider"}).content.decode()
    assert suscripcion.correo in texto
