"""The PQRS list as CSV, declared on the kernel's exports (`civic.services.exportaciones`).

The rows are the changelist's own (the user's scope, the declared filters, the search and its
personal-data rule, the order), rebuilt from the list's query string for the user who asked: in the
request for a short list, in the worker for a long one. The personal columns follow
`pqrs.ver_datos_personales` (Ley 1581/2012 art. 4 lit. g), as on the list itself.
"""

from datetime import date

from django.contrib import admin
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from civic.services import exportaciones
from pqrs import exportar as csv_exportar
from pqrs.models import Solicitud

from .permisos import puede_ver_datos

CLAVE = "pqrs.solicitudes"


def filas(usuario, parametros: str):
    """What the changelist shows `usuario` for `parametros`; raises what the changelist raises."""
    peticion = HttpRequest()
    peticion.method = "GET"
    peticion.GET = QueryDict(parametros)
    peticion.user = usuario
    model_admin = admin.site.get_model_admin(Solicitud)
    return model_admin.get_changelist_instance(peticion).queryset.select_related("comuna")


def puede_exportar(usuario) -> bool:
    # Who sees the list may export it (ModelAdmin.has_view_permission: view or change).
    return usuario.has_perm("pqrs.view_solicitud") or usuario.has_perm("pqrs.change_solicitud")


def lineas(consulta, con_datos_personales: bool, hoy: date):
    return csv_exportar.lineas_csv(consulta, con_datos_personales=con_datos_personales, hoy=hoy)


exportaciones.registrar(
    exportaciones.Exportable(
        clave=CLAVE,
        titulo=_("Solicitudes PQRS"),
        nombre_archivo="solicitudes-pqrs",
        puede=puede_exportar,
        ve_datos=puede_ver_datos,
        filas=filas,
        lineas=lineas,
    )
)
