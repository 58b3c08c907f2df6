from django.apps import AppConfig


class PqrsConfig(AppConfig):
    name = "pqrs"
    verbose_name = "PQRS"
