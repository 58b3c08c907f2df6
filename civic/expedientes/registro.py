"""The expedientes the apps declare, so the kernel can number, track and remind without naming them.

An app calls `registrar(Expediente(...))` from its `AppConfig.ready()`. The kernel then knows the model
behind a radicado prefix (for the one tracking page), the series its numbers come from, and where its
citizen's tracking page lives.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

if TYPE_CHECKING:
    from .modelos import Radicable


@dataclass(frozen=True)
class Retencion:
    """What the retention of personal data needs to know about an expediente (civic.expedientes.retencion).

    Ley 1581/2012 art. 4 lit. g and art. 11: personal data are kept only as long as the purpose and the
    archive rules (the entity's TRD) require; after RETENCION_DATOS_PERSONALES_ANIOS from its closing, a
    closed expediente keeps its numbers and dates but not who filed it.
    """

    estados_cerrados: frozenset[str]  # nothing more happens in these states
    # An extra condition for "closed" the states cannot say (e.g. no appeal pending).
    condicion: Q = field(default_factory=Q)
    # The moment the period counts from: a datetime field or expression; empty, the last event's moment.
    desde: object = None
    eventos: str = "eventos"  # the reverse name of the expediente's events
    # Event types whose note is the petitioner's own words (information sent, a withdrawal, an appeal…):
    # the whole note is replaced. Every other note and event datum only loses the petitioner's values.
    eventos_del_peticionario: frozenset[str] = frozenset()
    datos_personales: frozenset[str] = frozenset()  # event `datos` keys dropped whole
    adjuntos: str = ""  # the reverse name of its attachments (AdjuntoBase), if any
    origenes_personales: frozenset[str] = frozenset({"ciudadano"})  # whose files are deleted
    textos: tuple[str, ...] = ()  # the expediente's free-text fields replaced whole (the petition)
    depurar: tuple[str, ...] = ()  # its short texts that only lose the petitioner's values (a subject)
    # Related rows' text fields blanked: {reverse name: (fields,)}, e.g. a satisfaction survey's comment.
    relacionados: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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
    retencion: Retencion | None = None  # how its personal data end; None: never anonymized

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
