"""Staff roles as Django groups, and the permissions each one holds, declared by the apps.

The kernel declares the roles every app shares (Ventanilla receives whatever arrives on paper or in person;
a funcionario works in a dependencia) with read access to the territory. Each app declares its own roles
and grants its permissions from its `AppConfig.ready()` with `declarar` and `conceder`; `sincronizar_roles`
then gives every group exactly what was declared. It runs after every `migrate` (and every test flush):
the code is the source of truth for roles, like the beat schedule, so permissions edited by hand in the
admin last until the next deploy.
"""

from dataclasses import dataclass, field

VENTANILLA = "Ventanilla"
FUNCIONARIO = "Funcionario de dependencia"

_TERRITORIO_LECTURA = ("civic.view_comuna", "civic.view_barrio", "civic.view_dependencia")


@dataclass
class Rol:
    nombre: str
    permisos: list[str] = field(default_factory=list)
    # The demo user `cargar_demo` creates for it: (username, first name, last name, dependencia's sigla).
    demo: tuple[str, str, str, str] | None = None


ROLES: dict[str, Rol] = {}


def declarar(nombre: str, *, permisos=(), demo: tuple[str, str, str, str] | None = None) -> Rol:
    """Declare a role (idempotent); later declarations add permissions and may set the demo user."""
    rol = ROLES.setdefault(nombre, Rol(nombre))
    conceder(nombre, permisos)
    if demo is not None:
        rol.demo = demo
    return rol


def conceder(nombre: str, permisos) -> None:
    """Grant `permisos` ("app_label.codename") to a declared role. Names that do not exist are skipped,
    so a role may be granted an app's permissions before that app has models."""
    rol = ROLES[nombre]
    for permiso in permisos:
        if permiso not in rol.permisos:
            rol.permisos.append(permiso)


declarar(VENTANILLA, permisos=_TERRITORIO_LECTURA, demo=("ventanilla", "Valentina", "Rengifo", "SDTPC"))
declarar(FUNCIONARIO, permisos=_TERRITORIO_LECTURA, demo=("funcionario", "Andrés", "Mosquera", "SINF"))


def territorio_lectura() -> tuple[str, ...]:
    """What every staff role reads of the kernel: comunas, barrios and dependencias."""
    return _TERRITORIO_LECTURA


def sincronizar_roles(apps, schema_editor=None, *, crear_permisos: bool = True):
    """Create every declared role group and give it exactly the permissions declared for it.

    Usable from a migration (historical `apps`) or from code (`django.apps.apps`). After migrate has
    created every permission (post_migrate of the last app), `crear_permisos=False` skips doing it again.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; inside a migration make sure they exist now. A
    # migration's historical app configs have no models module, which create_permissions takes as "no
    # models": stand one in, then put back whatever was there (the live registry must keep its own).
    for app_config in apps.get_app_configs() if crear_permisos else ():
        modulo = getattr(app_config, "models_module", None)
        app_config.models_module = modulo or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = modulo

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for rol in ROLES.values():
        grupo, _ = Group.objects.get_or_create(name=rol.nombre)
        seleccion = Permission.objects.none()
        for permiso in rol.permisos:
            app_label, codename = permiso.split(".")
            seleccion |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        grupo.permissions.set(seleccion)
