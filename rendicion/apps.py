from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RendicionConfig(AppConfig):
    name = "rendicion"
    verbose_name = "Rendición de cuentas"

    def ready(self):
        from civic import roles
        from civic.sitio import secciones

        from .roles import RENDICION

        # Reports only: figures, never the petitioner's personal data (no pqrs.ver_datos_personales).
        roles.declarar(
            RENDICION,
            permisos=[
                *roles.territorio_lectura(),
                "civic.view_dianohabil",
                "pqrs.view_modalidad",
                "pqrs.view_condicionpoblacional",
                "pqrs.view_solicitud",
            ],
            demo=("rendicion", "Carlos Arturo", "Zúñiga", "DAP"),
        )
        secciones.registrar(
            secciones.Seccion(
                clave="rendicion",
                nombre=_("Rendición de cuentas"),
                titulo=_("Rendición de cuentas"),
                descripcion=_(
                    "Informes de gestión, audiencias públicas y respuestas a las preguntas de la ciudadanía."
                ),
                nombre_url="rendicion:inicio",
                icono="bar-chart-line",
                orden=50,
            )
        )
