from django.apps import AppConfig


class OrganizacionesConfig(AppConfig):
    name = "organizaciones"
    verbose_name = "Organizaciones comunales"
