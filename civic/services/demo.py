"""Demo data for `make run`: a realistic set of dependencias and one staff user per role.

Only for development (the command refuses to run with DEBUG off): the passwords are public.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from civic import roles
from civic.models import Dependencia, Usuario

CONTRASENA_DEMO = "portal-demo-2026"

# What each app adds to the demo (its own rows, through its services), registered from its AppConfig.
_CARGAS: list = []


def registrar_carga(cargar) -> None:
    """Register `cargar(stdout)`, run by `cargar_demo` after the territory, dependencias and users."""
    if cargar not in _CARGAS:
        _CARGAS.append(cargar)


def cargas() -> list:
    return list(_CARGAS)


DEPENDENCIAS = [
    ("Secretaría de Desarrollo Territorial y Participación Ciudadana", "SDTPC", "participacion"),
    ("Secretaría de Bienestar Social", "SBS", "bienestar"),
    ("Secretaría de Salud Pública", "SSP", "salud"),
    ("Secretaría de Educación", "SEM", "educacion"),
    ("Secretaría de Seguridad y Justicia", "SSJ", "seguridad"),
    ("Secretaría de Movilidad", "SMOV", "movilidad"),
    ("Secretaría de Infraestructura", "SINF", "infraestructura"),
    ("Secretaría de Vivienda Social y Hábitat", "SVSH", "vivienda"),
    ("Secretaría de Cultura", "SCUL", "cultura"),
    ("Secretaría del Deporte y la Recreación", "SDR", "deporte"),
    ("Departamento Administrativo de Planeación", "DAP", "planeacion"),
    ("Departamento Administrativo de Gestión del Medio Ambiente", "DAGMA", "ambiente"),
    ("Departamento Administrativo de Hacienda", "DAHM", "hacienda"),
]


@dataclass(frozen=True)
class UsuarioDemo:
    usuario: str
    nombre: str
    apellido: str
    rol: str | None
    sigla_dependencia: str


def usuarios_demo() -> list[UsuarioDemo]:
    """The superuser, then one user per declared role that names its demo user (civic.roles)."""
    return [
        UsuarioDemo("admin", "Administración", "del portal", None, "SDTPC"),
        *(
            UsuarioDemo(*rol.demo[:3], rol.nombre, rol.demo[3])
            for rol in roles.ROLES.values()
            if rol.demo is not None
        ),
    ]


@transaction.atomic
def cargar_dependencias_y_usuarios(*, dominio_correo: str) -> list[UsuarioDemo]:
    """Create or refresh the demo dependencias and users; safe to run on every `make run`."""
    dependencias = {}
    for nombre, sigla, buzon in DEPENDENCIAS:
        dependencia, _ = Dependencia.objects.update_or_create(
            sigla=sigla, defaults={"nombre": nombre, "correo": f"{buzon}@{dominio_correo}", "activa": True}
        )
        dependencias[sigla] = dependencia
    usuarios = usuarios_demo()
    for demo in usuarios:
        usuario, _ = Usuario.objects.get_or_create(username=demo.usuario)
        usuario.first_name, usuario.last_name = demo.nombre, demo.apellido
        usuario.email = f"{demo.usuario}@{dominio_correo}"
        usuario.dependencia = dependencias[demo.sigla_dependencia]
        usuario.is_staff = True
        usuario.is_superuser = demo.rol is None
        usuario.set_password(CONTRASENA_DEMO)
        usuario.full_clean()
        usuario.save()
        usuario.groups.set(Group.objects.filter(name=demo.rol) if demo.rol else [])
    jefe = Usuario.objects.get(username="funcionario")
    Dependencia.objects.filter(sigla="SINF").update(jefe=jefe)
    return usuarios
