"""Who may open what in the PQRS admin: every admin URL and custom view, for each role and for a funcionario
of another dependencia; and no personal field can be used as a filter (Ley 1581 de 2012 art. 4 lit. g)."""

from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from civic.roles import FUNCIONARIO, VENTANILLA
from consejos.roles import SECRETARIA_CONSEJOS
from organizaciones.roles import ORGANIZACIONES
from pqrs import services
from pqrs.models import Adjunto, Canal
from pqrs.roles import COORDINACION_PQRS
from rendicion.roles import RENDICION
from tests.pqrs.factories import DependenciaFactory, FuncionarioFactory, SolicitudFactory, en_bogota

pytestmark = pytest.mark.django_db

OK, PROHIBIDO, NO_EXISTE = HTTPStatus.OK, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# Each page of the PQRS admin, as (name, how to build its URL from the request and its attachment).
PAGINAS = {
    "lista": lambda s, a: reverse("admin:pqrs_solicitud_changelist"),
    "solicitud": lambda s, a: reverse("admin:pqrs_solicitud_change", args=[s.pk]),
    "historial": lambda s, a: reverse("admin:pqrs_solicitud_history", args=[s.pk]),
    "radicar": lambda s, a: reverse("admin:pqrs_solicitud_add"),
    "accion": lambda s, a: reverse("admin:pqrs_solicitud_accion", args=[s.pk, "responder"]),
    "adjunto": lambda s, a: reverse("admin:pqrs_solicitud_adjunto", args=[s.pk, a.pk]),
    "constancia": lambda s, a: reverse("admin:pqrs_solicitud_constancia", args=[s.pk]),
    "exportar": lambda s, a: reverse("admin:pqrs_solicitud_exportar"),
    "responsables": lambda s, a: reverse("admin:pqrs_solicitud_responsables", args=[s.pk]),
    "renovar_codigo": lambda s, a: reverse("admin:pqrs_solicitud_renovar_codigo"),
    # Art. 22 consolidated answers (adding one answers the selected requests) and the catalogues the
    # procedures draw on (arts. 21, 24 and 26).
    "consolidar": lambda s, a: reverse("admin:pqrs_respuestaconsolidada_add"),
    "consolidadas": lambda s, a: reverse("admin:pqrs_respuestaconsolidada_changelist"),
    "entidades": lambda s, a: reverse("admin:pqrs_entidad_changelist"),
    "nueva_entidad": lambda s, a: reverse("admin:pqrs_entidad_add"),
    "reservas": lambda s, a: reverse("admin:pqrs_materiareservada_changelist"),
}

# What each role gets on each page for a request of the Infraestructura dependencia.
ESPERADO = {
    # Ventanilla files and prints constancias, and renews the code of whoever proves their identity there,
    # whatever the dependencia; it sees requests but acts on none (no change permission).
    VENTANILLA: dict(lista=OK, solicitud=NO_EXISTE, historial=NO_EXISTE, radicar=OK, accion=PROHIBIDO,
                     adjunto=NO_EXISTE, constancia=NO_EXISTE, exportar=OK, responsables=PROHIBIDO,
                     renovar_codigo=OK, consolidar=PROHIBIDO, consolidadas=PROHIBIDO, entidades=OK,
                     nueva_entidad=PROHIBIDO, reservas=OK),
    FUNCIONARIO: dict(lista=OK, solicitud=OK, historial=OK, radicar=PROHIBIDO, accion=OK, adjunto=OK,
                      constancia=OK, exportar=OK, responsables=OK, renovar_codigo=PROHIBIDO, consolidar=OK,
                      consolidadas=OK, entidades=OK, nueva_entidad=PROHIBIDO, reservas=OK),
    # Another dependencia's funcionario may consolidate too, but is offered only its own requests.
    "otra dependencia": dict(lista=OK, solicitud=NO_EXISTE, historial=NO_EXISTE, radicar=PROHIBIDO,
                             accion=NO_EXISTE, adjunto=NO_EXISTE, constancia=NO_EXISTE, exportar=OK,
                             responsables=NO_EXISTE, renovar_codigo=PROHIBIDO, consolidar=OK,
                             consolidadas=OK, entidades=OK, nueva_entidad=PROHIBIDO, reservas=OK),
    COORDINACION_PQRS: dict(lista=OK, solicitud=OK, historial=OK, radicar=OK, accion=OK, adjunto=OK,
                            constancia=OK, exportar=OK, responsables=OK, renovar_codigo=OK, consolidar=OK,
                            consolidadas=OK, entidades=OK, nueva_entidad=OK, reservas=OK),
    # Reports: sees the request of its dependencia, masked; no files, no actions.
    RENDICION: dict(lista=OK, solicitud=OK, historial=OK, radicar=PROHIBIDO, accion=PROHIBIDO,
                    adjunto=PROHIBIDO, constancia=OK, exportar=OK, responsables=PROHIBIDO,
                    renovar_codigo=PROHIBIDO, consolidar=PROHIBIDO, consolidadas=PROHIBIDO,
                    entidades=PROHIBIDO, nueva_entidad=PROHIBIDO, reservas=PROHIBIDO),
    # Roles of other apps and staff without a role: nothing of PQRS.
    ORGANIZACIONES: dict.fromkeys(PAGINAS, PROHIBIDO),
    SECRETARIA_CONSEJOS: dict.fromkeys(PAGINAS, PROHIBIDO),
    "sin rol": dict.fromkeys(PAGINAS, PROHIBIDO),
}  # fmt: skip


@pytest.fixture
def caso(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    infraestructura = DependenciaFactory(sigla="SINF")
    with time_machine.travel(en_bogota(2026, 3, 20), tick=False):
        solicitud = SolicitudFactory(
            archivos=[SimpleUploadedFile("cedula.pdf", PDF, content_type="application/pdf")]
        )
    responsable = FuncionarioFactory(dependencia=infraestructura)
    services.asignar(solicitud=solicitud, dependencia=infraestructura, actor=responsable)
    return solicitud, Adjunto.objects.get(solicitud=solicitud), infraestructura


def usuario_con(rol: str, infraestructura):
    otra = DependenciaFactory(sigla="SSP")
    dependencia = otra if rol in {"otra dependencia", VENTANILLA} else infraestructura
    usuario = FuncionarioFactory(dependencia=dependencia)
    nombre = FUNCIONARIO if rol == "otra dependencia" else rol
    if nombre != "sin rol":
        usuario.groups.add(Group.objects.get(name=nombre))
    return usuario


@pytest.mark.parametrize("rol", list(ESPERADO))
def test_cada_rol_en_cada_pagina(client, caso, rol):
    solicitud, adjunto, infraestructura = caso
    client.force_login(usuario_con(rol, infraestructura))
    obtenidos = {pagina: client.get(url(solicitud, adjunto)).status_code for pagina, url in PAGINAS.items()}
    assert obtenidos == ESPERADO[rol]


def test_la_constancia_la_ve_quien_radico_aunque_no_sea_de_la_dependencia(client, caso):
    _solicitud, _adjunto, infraestructura = caso
    ventanilla = usuario_con(VENTANILLA, infraestructura)
    client.force_login(ventanilla)
    propia, _codigo = services.radicar(
        modalidad=SolicitudFactory._meta.model.objects.first().modalidad,
        canal=Canal.PRESENCIAL,
        asunto="Recibida en ventanilla",
        descripcion="Texto.",
        anonima=True,
        actor=ventanilla,
    )
    assert client.get(reverse("admin:pqrs_solicitud_constancia", args=[propia.pk])).status_code == OK


# Every personal field, with the lookups a URL could try (exact value, prefix, substring, membership).
FILTROS_PERSONALES = [
    ("numero_documento", "{numero_documento}"),
    ("numero_documento__startswith", "{numero_documento}"),
    ("correo", "{correo}"),
    ("correo__startswith", "{correo}"),
    ("nombres__icontains", "{nombres}"),
    ("apellidos__icontains", "{apellidos}"),
    ("razon_social__icontains", "a"),
    ("telefono", "{telefono}"),
    ("telefono__contains", "3"),
    ("direccion__icontains", "Calle"),
    ("barrio__icontains", "a"),
    ("tipo_documento", "CC"),
    ("condiciones", "1"),
    ("condiciones__codigo", "victima"),
    ("anonima", "0"),
    ("autorizacion_datos_en__isnull", "False"),
]


@pytest.mark.parametrize("rol", [FUNCIONARIO, COORDINACION_PQRS, RENDICION])
@pytest.mark.parametrize(("parametro", "valor"), FILTROS_PERSONALES)
def test_ningun_dato_personal_sirve_de_filtro(client, caso, rol, parametro, valor):
    """Only the declared filters apply: a personal field in the URL is refused, in the list and the CSV
    export alike, whether or not the role may see personal data — a match would reveal the value."""
    solicitud, _adjunto, infraestructura = caso
    client.force_login(usuario_con(rol, infraestructura))
    consulta = {
        parametro: valor.format(
            **{
                c: getattr(solicitud, c)
                for c in ("numero_documento", "correo", "nombres", "apellidos", "telefono")
            }
        )
    }
    for pagina in ("admin:pqrs_solicitud_changelist", "admin:pqrs_solicitud_exportar"):
        respuesta = client.get(reverse(pagina), consulta)
        assert respuesta.status_code == HTTPStatus.BAD_REQUEST, (pagina, respuesta.status_code)
        assert solicitud.radicado.encode() not in b"".join(
            getattr(respuesta, "streaming_content", [respuesta.content])
        )


@pytest.mark.parametrize(
    ("parametro", "valor"),
    [("estado__exact", "asignada"), ("dependencia__id__exact", "{dependencia}"), ("canal__exact", "web")],
)
def test_los_filtros_declarados_siguen_sirviendo(client, caso, parametro, valor):
    solicitud, _adjunto, infraestructura = caso
    client.force_login(usuario_con(FUNCIONARIO, infraestructura))
    respuesta = client.get(
        reverse("admin:pqrs_solicitud_changelist"), {parametro: valor.format(dependencia=infraestructura.pk)}
    )
    assert respuesta.status_code == OK
    assert solicitud.radicado in respuesta.content.decode()


def test_la_respuesta_consolidada_solo_ofrece_solicitudes_propias(client, caso):
    solicitud, _adjunto, infraestructura = caso
    client.force_login(usuario_con("otra dependencia", infraestructura))
    pagina = client.get(reverse("admin:pqrs_respuestaconsolidada_add"))
    assert solicitud.radicado not in pagina.content.decode()
    # Nor can it be posted by id: the choice is not among the offered ones.
    respuesta = client.post(
        reverse("admin:pqrs_respuestaconsolidada_add"),
        {"solicitudes": [solicitud.pk], "objeto": "X", "sentido": "de_fondo", "texto": "R."},
    )
    assert respuesta.status_code == OK
    assert "solicitudes" in respuesta.context["form"].errors
    solicitud.refresh_from_db()
    assert solicitud.respondida_en is None


# --- Exports that go to the worker: the job's page and its file belong to who asked ---------------------


def exportacion_lista(propietario, *, datos_personales: bool):
    from civic.models import Exportacion
    from pqrs.admin.exportacion import CLAVE

    exportacion = Exportacion.objects.create(
        propietario=propietario,
        clave=CLAVE,
        titulo="Solicitudes PQRS",
        nombre_archivo="solicitudes-pqrs-20260320.csv",
        estado=Exportacion.Estado.LISTA,
        datos_personales=datos_personales,
        total=1,
        procesadas=1,
    )
    exportacion.archivo.save("x.csv", SimpleUploadedFile("x.csv", b"\xef\xbb\xbfRadicado\r\n"))
    return exportacion


def paginas_de(exportacion) -> dict[str, str]:
    return {
        "estado": reverse("admin:civic_exportacion_change", args=[exportacion.pk]),
        "descarga": reverse("admin:civic_exportacion_descargar", args=[exportacion.pk]),
        "mis exportaciones": reverse("admin:civic_exportacion_changelist"),
    }


@pytest.mark.parametrize("rol", [COORDINACION_PQRS, FUNCIONARIO, RENDICION, VENTANILLA])
def test_el_trabajo_de_exportacion_y_su_archivo_son_solo_de_quien_lo_pidio(client, caso, rol):
    _solicitud, _adjunto, infraestructura = caso
    duena = usuario_con(rol, infraestructura)
    exportacion = exportacion_lista(duena, datos_personales=rol != RENDICION)
    otra = usuario_con(rol, infraestructura)

    client.force_login(duena)
    assert {n: client.get(u).status_code for n, u in paginas_de(exportacion).items()} == dict.fromkeys(
        ["estado", "descarga", "mis exportaciones"], OK
    )
    # Someone else with the very same role: the job is not there for them (and their own list is empty).
    client.force_login(otra)
    obtenidos = {n: client.get(u) for n, u in paginas_de(exportacion).items()}
    assert {n: r.status_code for n, r in obtenidos.items()} == dict(
        estado=NO_EXISTE, descarga=NO_EXISTE, **{"mis exportaciones": OK}
    )
    assert exportacion.titulo not in obtenidos["mis exportaciones"].content.decode()
    client.logout()
    assert client.get(paginas_de(exportacion)["descarga"]).status_code == HTTPStatus.FOUND  # to the login


def test_quien_perdio_el_permiso_de_datos_no_descarga_el_archivo_que_los_trae(client, caso):
    _solicitud, _adjunto, infraestructura = caso
    duena = usuario_con(COORDINACION_PQRS, infraestructura)
    con_datos = exportacion_lista(duena, datos_personales=True)
    sin_datos = exportacion_lista(duena, datos_personales=False)
    duena.groups.set([Group.objects.get(name=RENDICION)])  # moved to reports: no personal data any more

    client.force_login(duena)
    assert client.get(paginas_de(con_datos)["descarga"]).status_code == PROHIBIDO
    assert client.get(paginas_de(sin_datos)["descarga"]).status_code == OK
    # And without any PQRS role, not even the file without personal data.
    duena.groups.clear()
    assert client.get(paginas_de(sin_datos)["descarga"]).status_code == PROHIBIDO
