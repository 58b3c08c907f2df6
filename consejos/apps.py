from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsejosConfig(AppConfig):
    name = "consejos"
    verbose_name = "Consejos, comités y mesas"
    # Its public pages, under /consejos/ (civic.urls includes them).
    prefijo_url = "consejos/"

    def ready(self):
        """Consejos on the kernel, by declaration: the role, the reminder rules, the seed catalogues,
        the e-mail names and the home-page section."""
        from civic import indicadores, roles, semillas
        from civic.plazos import recordatorios as plazos
        from civic.services import demo as demo_del_portal
        from civic.services import plantillas
        from civic.sitio import secciones

        from . import demo, recordatorios
        from .roles import SECRETARIA_CONSEJOS, permisos
        from .semillas import sembrar_catalogos

        roles.declarar(
            SECRETARIA_CONSEJOS,
            permisos=[*roles.territorio_lectura(), *permisos()],
            demo=("consejos", "Paola Andrea", "Ospina", "SDTPC"),
        )
        plazos.registrar_reglas(recordatorios.reglas)
        semillas.registrar(sembrar_catalogos)
        # Its figures for the informes de gestión (sessions, comunas covered, commitments, people reached).
        from .selectors.indicadores import FUENTES

        indicadores.registrar(*FUENTES)
        demo_del_portal.registrar_carga(demo.cargar)
        plantillas.registrar(
            {
                "consejos/emails/confirmar": _("Consejos: confirmar la suscripción"),
                "consejos/emails/acta_publicada": _("Consejos: acta publicada, a los suscriptores"),
                "consejos/emails/compromiso": _("Consejos: cambio de un compromiso, a los suscriptores"),
                "consejos/emails/recordatorio_compromiso": _("Recordatorio: compromiso por vencer o vencido"),
                "consejos/emails/recordatorio_acta": _("Recordatorio: acta sin publicar"),
            }
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
                otras_paginas=("consejos:buscar", "consejos:calendario_ayuda", "consejos:suscribir"),
            )
        )
