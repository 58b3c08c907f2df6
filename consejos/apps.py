from django.apps import AppConfig


class ConsejosConfig(AppConfig):
    name = "consejos"
    verbose_name = "Consejos, comités y mesas"
