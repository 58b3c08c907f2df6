"""Who may open what of the organizaciones admin: every admin URL and custom page for the IVC role, a
superuser, the other staff roles (nothing) and an anonymous visitor (the login page)."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from civic.roles import FUNCIONARIO, VENTANILLA
from organizaciones.models import ClaseTramite, RequerimientoIVC
from organizaciones.roles import ORGANIZACIONES
from organizaciones.services import certificados, radicacion
from pqrs.roles import COORDINACION_PQRS
from tests.civic.fabricas import FuncionarioFactory

from .fabricas import OrganizacionFactory, documentos_de, peticionario

pytestmark = pytest.mark.django_db

OK, PROHIBIDO, NO_EXISTE, AL_INGRESO = (
    HTTPStatus.OK,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.FOUND,
)


def _paginas(c) -> dict[str, str]:
    o, t, cert, r = c["organizacion"], c["tramite"], c["certificado"], c["requerimiento"]
    adjunto = t.adjuntos.first()
    return {
        "organizaciones": reverse("admin:organizaciones_organizacion_changelist"),
        "organizacion": reverse("admin:organizaciones_organizacion_change", args=[o.pk]),
        "nueva_organizacion": reverse("admin:organizaciones_organizacion_add"),
        "cambiar_estado": reverse("admin:organizaciones_organizacion_cambiar_estado", args=[o.pk]),
        "expedir": reverse("admin:organizaciones_organizacion_expedir_certificado", args=[o.pk]),
        "tramites": reverse("admin:organizaciones_tramite_changelist"),
        "tramite": reverse("admin:organizaciones_tramite_change", args=[t.pk]),
        "accion": reverse("admin:organizaciones_tramite_accion", args=[t.pk, "revisar"]),
        "registrar": reverse("admin:organizaciones_tramite_add"),
        "ventanilla": reverse("admin:organizaciones_tramite_radicar") + "?clase=certificado",
        "de_oficio": reverse("admin:organizaciones_tramite_de_oficio") + "?clase=suspension",
        "adjunto": reverse("admin:organizaciones_tramite_adjunto", args=[t.pk, adjunto.pk]),
        "certificados": reverse("admin:organizaciones_certificado_changelist"),
        "certificado": reverse("admin:organizaciones_certificado_change", args=[cert.pk]),
        "certificado_pdf": reverse("admin:organizaciones_certificado_pdf", args=[cert.pk]),
        "revocar": reverse("admin:organizaciones_certificado_revocar", args=[cert.pk]),
        "tipos": reverse("admin:organizaciones_tipotramite_changelist"),
        "visitas": reverse("admin:organizaciones_visita_changelist"),
        "nueva_visita": reverse("admin:organizaciones_visita_add"),
        "requerimientos": reverse("admin:organizaciones_requerimientoivc_changelist"),
        "requerimiento": reverse("admin:organizaciones_requerimientoivc_change", args=[r.pk]),
        "capacitaciones": reverse("admin:organizaciones_capacitacion_changelist"),
        "elecciones": reverse("admin:organizaciones_eleccion_changelist"),
        "autocompletar": reverse("admin:autocomplete")
        + "?app_label=organizaciones&model_name=capacitacion&field_name=organizaciones&term=junta",
        "seccion": reverse("admin:app_list", args=["organizaciones"]),
    }


@pytest.fixture
def caso():
    funcionario = FuncionarioFactory()
    funcionario.groups.add(Group.objects.get(name=ORGANIZACIONES))
    organizacion = OrganizacionFactory()
    tramite, _codigo = radicacion.radicar(
        clase=ClaseTramite.REFORMA_ESTATUTOS,
        peticionario=peticionario(),
        organizacion=organizacion,
        documentos=documentos_de(ClaseTramite.REFORMA_ESTATUTOS),
        datos={"fecha_asamblea": date(2026, 2, 14)},
    )
    certificado = certificados.expedir(organizacion=organizacion, actor=funcionario)
    requerimiento = RequerimientoIVC.objects.create(
        organizacion=organizacion,
        descripcion="Presentar el libro de actas.",
        fecha="2026-03-02",
        vence="2026-03-23",
        responsable=funcionario,
    )
    return {
        "organizacion": organizacion,
        "tramite": tramite,
        "certificado": certificado,
        "requerimiento": requerimiento,
    }


def _personal(rol: str | None, **datos):
    usuario = FuncionarioFactory(**datos)
    if rol:
        usuario.groups.add(Group.objects.get(name=rol))
    return usuario


@pytest.mark.parametrize("rol", [ORGANIZACIONES, "superusuario"])
def test_el_rol_de_organizaciones_y_el_superusuario_abren_cada_pagina(client, caso, rol):
    usuario = _personal(None, is_superuser=True) if rol == "superusuario" else _personal(rol)
    client.force_login(usuario)
    for nombre, url in _paginas(caso).items():
        respuesta = client.get(url)
        assert respuesta.status_code == OK, (nombre, respuesta.status_code)


@pytest.mark.parametrize("rol", [VENTANILLA, FUNCIONARIO, COORDINACION_PQRS, None])
def test_los_otros_roles_no_ven_nada_de_organizaciones(client, caso, rol):
    client.force_login(_personal(rol))
    for nombre, url in _paginas(caso).items():
        respuesta = client.get(url)
        # The app's section does not exist for them; every other page is forbidden.
        esperado = NO_EXISTE if nombre == "seccion" else PROHIBIDO
        assert respuesta.status_code == esperado, (nombre, respuesta.status_code)
    # Their home: no queue of procedures, no link into the app.
    inicio = client.get(reverse("admin:index")).content.decode()
    assert "Trámites de organizaciones" not in inicio
    assert "/admin/organizaciones/" not in inicio


def test_un_anonimo_va_al_ingreso(client, caso):
    for nombre, url in _paginas(caso).items():
        respuesta = client.get(url)
        assert respuesta.status_code == AL_INGRESO, nombre
        assert respuesta["Location"].startswith(reverse("admin:login")), nombre


def test_sin_permiso_de_tramitar_no_hay_acciones_ni_radicacion(client, caso):
    """Someone who may only read the registry (view permissions) cannot act or file."""
    from django.contrib.auth.models import Permission

    lector = FuncionarioFactory()
    lector.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="organizaciones", codename__in=["view_tramite", "view_organizacion"]
        )
    )
    client.force_login(lector)
    paginas = _paginas(caso)
    assert client.get(paginas["tramites"]).status_code == OK
    for nombre in ("accion", "registrar", "ventanilla", "de_oficio", "cambiar_estado", "expedir", "adjunto"):
        assert client.get(paginas[nombre]).status_code == PROHIBIDO, nombre
