from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


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
        # Forms keep the comunas in memory (civic.memo): an edit makes every process read them again.
        from civic.memo import al_editar
        from civic.models import Comuna
        from civic.selectors import GRUPO_TERRITORIO

        for senal in (post_save, post_delete):
            senal.connect(
                al_editar(GRUPO_TERRITORIO), sender=Comuna, weak=False, dispatch_uid=f"civic.memo.{senal}"
            )
        plantillas.registrar(
            {
                "civic/emails/resumen_diario": _("Resumen diario"),
                "civic/emails/codigo_nuevo": _("Código de consulta nuevo"),
                "civic/emails/exportacion_lista": _("Exportación lista"),
            }
        )
