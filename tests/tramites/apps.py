from django.apps import AppConfig


class TramitesConfig(AppConfig):
    """A test-only expediente that gets radicado, code, tracking, transitions with events, a reminder
    rule, the digest and admin actions from the kernel by declaring them."""

    name = "tests.tramites"
    label = "tramites"

    def ready(self):
        from civic import periodicas, roles
        from civic.expedientes import registro
        from civic.plazos import recordatorios, resumen

        from . import declaraciones

        registro.registrar(declaraciones.EXPEDIENTE)
        recordatorios.registrar_reglas(declaraciones.reglas)
        resumen.registrar_seccion(declaraciones.SECCION)
        roles.conceder(roles.FUNCIONARIO, ["tramites.view_tramite", "tramites.change_tramite"])
        periodicas.registrar(
            "tramites-cierre-semanal", "tramites.cierre", periodicas.en_dias_habiles("18:00")
        )
