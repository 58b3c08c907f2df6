"""Staff roles as Django groups, and the permissions each one holds.

The groups are created by a data migration (civic 0002). Later apps grant their own models'
permissions by adding them to ROLES and calling `sincronizar_roles` from a migration of theirs.
"""

VENTANILLA = "Ventanilla"
FUNCIONARIO = "Funcionario de dependencia"
COORDINACION_PQRS = "Coordinación PQRS"
ORGANIZACIONES = "Organizaciones comunales (IVC)"
SECRETARIA_CONSEJOS = "Secretaría técnica de consejos"
RENDICION = "Rendición de cuentas"

_TERRITORIO_LECTURA = ["civic.view_comuna", "civic.view_barrio", "civic.view_dependencia"]

# PQRS (strings only: civic never imports pqrs). `pqrs.ver_datos_personales` opens the petitioner's
# identity, contact data, declared conditions and the attachments (Ley 1581 de 2012 art. 4 lit. g:
# access restricted to those who need it); without it the admin masks them.
_PQRS_CATALOGOS_LECTURA = ["pqrs.view_modalidad", "pqrs.view_condicionpoblacional"]
_PQRS_TRAMITE = [
    *_PQRS_CATALOGOS_LECTURA,
    "pqrs.view_solicitud",
    "pqrs.change_solicitud",
    "pqrs.ver_datos_personales",
]

# Role → permissions ("app_label.codename"). Names that do not exist yet are skipped, so an early
# migration can run before a later app's models exist.
ROLES: dict[str, list[str]] = {
    # Ley 1755/2015 art. 15: Ventanilla records verbal and paper petitions and issues the constancia.
    VENTANILLA: [
        *_TERRITORIO_LECTURA,
        *_PQRS_CATALOGOS_LECTURA,
        "pqrs.add_solicitud",
        "pqrs.view_solicitud",
        "pqrs.ver_datos_personales",
    ],
    FUNCIONARIO: [*_TERRITORIO_LECTURA, *_PQRS_TRAMITE],
    COORDINACION_PQRS: [
        *_TERRITORIO_LECTURA,
        *_PQRS_TRAMITE,
        "pqrs.add_solicitud",
        "pqrs.change_modalidad",
        "pqrs.add_condicionpoblacional",
        "pqrs.change_condicionpoblacional",
        "civic.view_notificacion",
        "civic.change_notificacion",
        "civic.view_dianohabil",
    ],
    ORGANIZACIONES: [*_TERRITORIO_LECTURA],
    SECRETARIA_CONSEJOS: [*_TERRITORIO_LECTURA],
    # Reports only: figures, never the petitioner's personal data.
    RENDICION: [
        *_TERRITORIO_LECTURA,
        "civic.view_dianohabil",
        *_PQRS_CATALOGOS_LECTURA,
        "pqrs.view_solicitud",
    ],
}


def sincronizar_roles(apps, schema_editor=None):
    """Create every role group and give it exactly the permissions listed in ROLES.

    Usable from a migration (historical `apps`) or from code (`django.apps.apps`).
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure they exist now. A migration's historical
    # app configs have no models module, which create_permissions takes as "no models": stand one in, then
    # put back whatever was there (the live registry must keep its own).
    for app_config in apps.get_app_configs():
        modulo = getattr(app_config, "models_module", None)
        app_config.models_module = modulo or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = modulo

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nombre, permisos in ROLES.items():
        grupo, _ = Group.objects.get_or_create(name=nombre)
        seleccion = Permission.objects.none()
        for permiso in permisos:
            app_label, codename = permiso.split(".")
            seleccion |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        grupo.permissions.set(seleccion)
