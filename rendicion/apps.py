from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RendicionConfig(AppConfig):
    name = "rendicion"
    verbose_name = "Rendición de cuentas"
    # Its public pages, under /rendicion/ (civic.urls includes them).
    prefijo_url = "rendicion/"

    def ready(self):
        """Rendición on the kernel, by declaration: the citizen's question as an expediente, the role,
        the reminder rules and the home-page section. It reads the other apps only through the kernel's
        registry of figure sources and their selectors."""
        from civic import roles, semillas
        from civic.expedientes import registro
        from civic.plazos import recordatorios as plazos
        from civic.services import demo as demo_del_portal
        from civic.services import plantillas
        from civic.sitio import secciones

        from . import demo, recordatorios
        from .declaraciones import EXPEDIENTE
        from .roles import RENDICION, permisos
        from .semillas import sembrar_estados_meta

        registro.registrar(EXPEDIENTE)
        semillas.registrar(sembrar_estados_meta)
        # Reports only: figures, never a PQRS petitioner's personal data (no pqrs.ver_datos_personales).
        roles.declarar(
            RENDICION,
            permisos=[
                *roles.territorio_lectura(),
                *permisos(),
                "civic.view_dianohabil",
                "pqrs.view_modalidad",
                "pqrs.view_condicionpoblacional",
                "pqrs.view_solicitud",
            ],
            demo=("rendicion", "Carlos Arturo", "Zúñiga", "DAP"),
        )
        plazos.registrar_reglas(recordatorios.reglas)
        plantillas.registrar(
            {
                "rendicion/emails/recordatorio_pregunta": _(
                    "Recordatorio: pregunta de audiencia por responder"
                ),
                "rendicion/emails/recordatorio_accion": _("Recordatorio: acción de mejora"),
            }
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
        # After consejos' (INSTALLED_APPS order): the 2004 informe counts the consejos demo's records.
        demo_del_portal.registrar_carga(demo.cargar)
