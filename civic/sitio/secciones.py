"""The portal's sections: the single place that knows where each domain app lives.

Each section names the URL of its app's page. The kernel must not import the domain apps, and an app
may not be built yet: a URL that does not resolve makes its section show as "coming soon", without a
dead link, in the menu, the home page and the site map alike.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Seccion:
    clave: str
    nombre: str  # short label for the menu and the site map
    titulo: str  # the task, as a citizen would say it, for the home page cards
    descripcion: str
    nombre_url: str
    icono: str  # a bootstrap-icons name

    @property
    def ruta(self) -> str | None:
        try:
            return reverse(self.nombre_url)
        except NoReverseMatch:
            return None  # the app that serves it is not built yet


PQRS_RADICAR = Seccion(
    clave="pqrs-radicar",
    nombre=_("Radicar PQRS"),
    titulo=_("Radicar una petición, queja, reclamo, sugerencia o denuncia"),
    descripcion=_("Presente su solicitud en línea, con o sin identificarse, y reciba un número de radicado."),
    nombre_url="pqrs:radicar",
    icono="pencil-square",
)
PQRS_CONSULTAR = Seccion(
    clave="pqrs-consultar",
    nombre=_("Consultar solicitud"),
    titulo=_("Consultar el estado de mi solicitud"),
    descripcion=_("Con su número de radicado, vea en qué va su solicitud y la fecha límite de respuesta."),
    nombre_url="pqrs:consultar",
    icono="search",
)
ORGANIZACIONES = Seccion(
    clave="organizaciones",
    nombre=_("Organizaciones comunales"),
    titulo=_("Organizaciones comunales"),
    descripcion=_("Juntas de acción comunal y asociaciones: registro, dignatarios y certificados."),
    nombre_url="organizaciones:inicio",
    icono="people",
)
CONSEJOS = Seccion(
    clave="consejos",
    nombre=_("Consejos y mesas"),
    titulo=_("Consejos y mesas"),
    descripcion=_("Sesiones, compromisos y actas públicas de los consejos y mesas, por comuna."),
    nombre_url="consejos:inicio",
    icono="journal-text",
)
RENDICION = Seccion(
    clave="rendicion",
    nombre=_("Rendición de cuentas"),
    titulo=_("Rendición de cuentas"),
    descripcion=_("Informes de gestión, audiencias públicas y respuestas a las preguntas de la ciudadanía."),
    nombre_url="rendicion:inicio",
    icono="bar-chart-line",
)

SECCIONES = (PQRS_RADICAR, PQRS_CONSULTAR, ORGANIZACIONES, CONSEJOS, RENDICION)


def ruta_quejas() -> str | None:
    """Ley 1474/2011 art. 76: the home page links to filing quejas, sugerencias y reclamos."""
    return PQRS_RADICAR.ruta


def ruta_denuncia_corrupcion() -> str | None:
    """Ley 1474/2011 art. 76: ... and to reporting corruption (the filing form, preset to a denuncia)."""
    ruta = PQRS_RADICAR.ruta
    return f"{ruta}?tipo=denuncia" if ruta else None


def secciones(request):
    """Context processor: the menu in base.html is rendered on every app's pages."""
    return {"SECCIONES": SECCIONES}
