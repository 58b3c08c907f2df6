from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CivicConfig(AppConfig):
    name = "civic"
    verbose_name = "Núcleo compartido"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from civic import semillas
        from civic.services import plantillas

        # Catalogues and role groups after every migrate and every test flush (civic.semillas); the
        # receiver acts on the last app's signal.
        post_migrate.connect(semillas.al_migrar, dispatch_uid="civic.semillas")
        plantillas.registrar(
            {
                "civic/emails/resumen_diario": _("Resumen diario"),
                "civic/emails/codigo_nuevo": _("Código de consulta nuevo"),
            }
        )
