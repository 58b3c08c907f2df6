from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsejosConfig(AppConfig):
    name = "consejos"
    verbose_name = "Consejos, comités y mesas"

    def ready(self):
        from civic import roles
        from civic.sitio import secciones

        from .roles import SECRETARIA_CONSEJOS

        roles.declarar(
            SECRETARIA_CONSEJOS,
            permisos=roles.territorio_lectura(),
            demo=("consejos", "Paola Andrea", "Ospina", "SDTPC"),
        )
        secciones.registrar(
            secciones.Seccion(
                clave="consejos",
                nombre=_("Consejos y mesas"),
                titulo=_("Consejos y mesas"),
                descripcion=_("Sesiones, compromisos y actas públicas de los consejos y mesas, por comuna."),
                nombre_url="consejos:inicio",
                icono="journal-text",
                orden=40,
            )
        )
