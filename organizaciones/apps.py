from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizacionesConfig(AppConfig):
    name = "organizaciones"
    verbose_name = "Organizaciones comunales"

    def ready(self):
        from civic import roles
        from civic.sitio import secciones

        from .roles import ORGANIZACIONES

        roles.declarar(
            ORGANIZACIONES,
            permisos=roles.territorio_lectura(),
            demo=("ivc", "Jhon Jairo", "Valencia", "SDTPC"),
        )
        secciones.registrar(
            secciones.Seccion(
                clave="organizaciones",
                nombre=_("Organizaciones comunales"),
                titulo=_("Organizaciones comunales"),
                descripcion=_(
                    "Juntas de acción comunal y asociaciones: registro, dignatarios y certificados."
                ),
                nombre_url="organizaciones:inicio",
                icono="people",
                orden=30,
            )
        )
