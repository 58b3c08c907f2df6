from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizacionesConfig(AppConfig):
    name = "organizaciones"
    verbose_name = "Organizaciones comunales"
    # Its public pages, under /organizaciones/ (civic.urls includes them).
    prefijo_url = "organizaciones/"

    def ready(self):
        """Organizations on the kernel, by declaration: one expediente per type of procedure, the role,
        the reminder rules, the seed catalogues, the e-mail names and the home-page section."""
        from celery.schedules import crontab

        from civic import indicadores, periodicas, roles, semillas
        from civic.expedientes import registro
        from civic.plazos import recordatorios as plazos
        from civic.services import demo as demo_del_portal
        from civic.services import plantillas
        from civic.sitio import secciones

        from . import demo, emails, recordatorios
        from .declaraciones import EXPEDIENTES
        from .roles import ORGANIZACIONES, permisos
        from .semillas import sembrar_tipos

        for expediente in EXPEDIENTES.values():
            registro.registrar(expediente)
        roles.declarar(
            ORGANIZACIONES,
            permisos=[*roles.territorio_lectura(), *permisos()],
            demo=("ivc", "Jhon Jairo", "Valencia", "SDTPC"),
        )
        plazos.registrar_reglas(recordatorios.reglas)
        semillas.registrar(sembrar_tipos)
        # Its figures for the informes de gestión (personerías, dignatarios, trámites, capacitaciones).
        from .selectors.indicadores import FUENTES

        indicadores.registrar(*FUENTES)
        demo_del_portal.registrar_carga(demo.cargar)
        plantillas.registrar(emails.NOMBRES_DE_PLANTILLAS)
        # Shortly after midnight (Bogotá): a suspension ends with the day its act set.
        periodicas.registrar(
            "organizaciones-suspensiones", "organizaciones.levantar_suspensiones", crontab(hour=0, minute=35)
        )
        secciones.registrar(
            secciones.Seccion(
                clave="organizaciones",
                nombre=_("Organizaciones comunales"),
                titulo=_("Organizaciones comunales"),
                descripcion=_(
                    "Directorio de juntas de acción comunal y otras organizaciones, trámites de personería "
                    "jurídica y dignatarios, y verificación de certificados."
                ),
                nombre_url="organizaciones:inicio",
                icono="people",
                orden=30,
                # The verification form is a public page too: bench/bench_publicas.py measures it.
                otras_paginas=("organizaciones:verificar_formulario",),
            )
        )
