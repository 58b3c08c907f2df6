"""The expedientes the apps declare, so the kernel can number, track and remind without naming them.

An app calls `registrar(Expediente(...))` from its `AppConfig.ready()`. The kernel then knows the model
behind a radicado prefix (for the one tracking page), the series its numbers come from, and where its
citizen's tracking page lives.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

if TYPE_CHECKING:
    from .modelos import Radicable


@dataclass(frozen=True)
class Expediente:
    clave: str  # the app's name for its expediente, e.g. "pqrs"; its series unless RADICADO_SERIES says
    modelo: str  # "app_label.Model", a Radicable
    prefijo: str  # the radicado prefix by default, e.g. "PQRS"; RADICADO_PREFIJOS may change it
    nombre: str = ""  # how the citizen's pages name one, e.g. "trámite" (the generic page's heading)
    # URL name of the app's own tracking page once the code is proved; empty: the kernel's generic page.
    url_seguimiento: str = ""
    plantilla_seguimiento: str = "civic/expedientes/seguimiento.html"  # the generic page's template
    ayuda_consulta: str = ""  # a template the tracking form includes (e.g. where else answers appear)
    campo_vencimiento: str = "fecha_vencimiento"  # the date field of the running term, if any

    @property
    def serie(self) -> str:
        # AGN Acuerdo 060/2001: the archive office may number several apps in one entity-wide series.
        return settings.RADICADO_SERIES.get(self.clave, self.clave)

    @property
    def prefijo_radicado(self) -> str:
        return settings.RADICADO_PREFIJOS.get(self.serie, self.prefijo).upper()

    def ruta_seguimiento(self) -> str:
        if self.url_seguimiento:
            return reverse(self.url_seguimiento)
        return reverse("expedientes:seguimiento", args=[self.clave])

    @property
    def model(self) -> type["Radicable"]:
        return cast("type[Radicable]", apps.get_model(self.modelo))


_EXPEDIENTES: dict[str, Expediente] = {}


def registrar(expediente: Expediente) -> Expediente:
    _EXPEDIENTES[expediente.clave] = expediente
    return expediente


def expediente(clave: str) -> Expediente:
    return _EXPEDIENTES[clave]


def de_modelo(modelo: type[models.Model]) -> Expediente:
    etiqueta = modelo._meta.label
    for registrado in _EXPEDIENTES.values():
        if registrado.modelo.lower() == etiqueta.lower():
            return registrado
    raise LookupError(f"{etiqueta} no está registrado como expediente")


def todos() -> list[Expediente]:
    return list(_EXPEDIENTES.values())


def por_prefijo(prefijo: str) -> list[Expediente]:
    """Every expediente whose radicados start with `prefijo` (several when they share a series)."""
    prefijo = prefijo.upper()
    return [e for e in _EXPEDIENTES.values() if e.prefijo_radicado == prefijo]
