"""The portal's sections, registered by the apps that serve them.

Each app registers its sections (`registrar`) from its `AppConfig.ready()`, naming the URL of its page, so
the kernel never names a domain app. An app may not be built yet: a URL that does not resolve makes its
section show as "coming soon", without a dead link, in the menu, the home page and the site map alike.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Seccion:
    clave: str
    nombre: str | Promise  # short label for the menu and the site map (usually a lazy translation)
    titulo: str | Promise  # the task, as a citizen would say it, for the home page cards
    descripcion: str | Promise
    nombre_url: str
    icono: str  # a bootstrap-icons name
    orden: int = 100
    # What the section is the portal's way to do, for the links the law asks for on the home page:
    # "quejas" (quejas, sugerencias y reclamos) and "denuncias" (reporting corruption), Ley 1474/2011 art. 76.
    propositos: frozenset[str] = frozenset()
    # Query string that presets the section's form for a purpose, e.g. {"denuncias": "tipo=denuncia"}.
    consultas: tuple[tuple[str, str], ...] = ()
    # Further public pages of the section (URL names, no arguments), e.g. the lost-code form: with the
    # section's own page, what `paginas_publicas` lists.
    otras_paginas: tuple[str, ...] = ()

    @property
    def ruta(self) -> str | None:
        try:
            return reverse(self.nombre_url)
        except NoReverseMatch:
            return None  # the app that serves it is not built yet


_SECCIONES: dict[str, Seccion] = {}


def registrar(seccion: Seccion) -> Seccion:
    """Called by each app from its AppConfig.ready(); the menu lists sections by `orden`."""
    _SECCIONES[seccion.clave] = seccion
    return seccion


def todas() -> list[Seccion]:
    return sorted(_SECCIONES.values(), key=lambda s: s.orden)


def _con_proposito(proposito: str) -> Seccion | None:
    return next((s for s in todas() if proposito in s.propositos), None)


def _ruta_para(proposito: str) -> str | None:
    seccion = _con_proposito(proposito)
    ruta = seccion.ruta if seccion else None
    if seccion is None or ruta is None:
        return None
    consulta = dict(seccion.consultas).get(proposito)
    return f"{ruta}?{consulta}" if consulta else ruta


def ruta_quejas() -> str | None:
    """Ley 1474/2011 art. 76: the home page links to filing quejas, sugerencias y reclamos."""
    return _ruta_para("quejas")


def ruta_denuncia_corrupcion() -> str | None:
    """Ley 1474/2011 art. 76: ... and to reporting corruption."""
    return _ruta_para("denuncias")


# The kernel's own public pages, besides the sections'.
PAGINAS_DEL_SITIO = (
    "sitio:inicio",
    "sitio:accesibilidad",
    "sitio:privacidad",
    "sitio:terminos",
    "sitio:mapa_del_sitio",
)


def paginas_publicas() -> list[str]:
    """The path of every page a visitor opens without an account or a code: the kernel's, then each
    section's page and its `otras_paginas`. The side-by-side benchmark (bench/bench_publicas.py) measures
    each one against the floor, so an app's public pages join it by being declared in its section."""
    nombres = [*PAGINAS_DEL_SITIO]
    for seccion in todas():
        nombres += [seccion.nombre_url, *seccion.otras_paginas]
    rutas = []
    for nombre in nombres:
        try:
            rutas.append(reverse(nombre))
        except NoReverseMatch:
            continue  # the app that serves it is not built yet
    return list(dict.fromkeys(rutas))


def secciones(request):
    """Context processor: the menu in base.html is rendered on every app's pages."""
    return {"SECCIONES": todas()}


registrar(
    Seccion(
        clave="consultar",
        nombre=_("Consultar solicitud"),
        titulo=_("Consultar el estado de mi solicitud"),
        descripcion=_(
            "Con su número de radicado, vea en qué va su solicitud y la fecha límite de respuesta."
        ),
        nombre_url="expedientes:consultar",
        icono="search",
        orden=20,
        otras_paginas=("expedientes:recuperar",),
    )
)
