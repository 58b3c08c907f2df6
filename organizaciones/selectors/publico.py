"""What the public directory and an organization's page read: public facts only.

The rows are read with `only()`: an ID number or a contact without consent is never even fetched, so no
template can leak it. Every read is a fixed number of queries whatever the number of rows.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from organizaciones.models import (
    CambioEstado,
    Cargo,
    Dignatario,
    EstadoOrganizacion,
    Libro,
    Organizacion,
)

# The columns a directory row shows.
CAMPOS_DIRECTORIO = (
    "nombre",
    "tipo",
    "estado",
    "suspendida_hasta",
    "comuna__tipo",
    "comuna__numero",
    "comuna__nombre",
    "barrio__nombre",
)

CAMPOS_FICHA = (
    *CAMPOS_DIRECTORIO,
    "nit",
    "ruc",
    "personeria_numero",
    "personeria_fecha",
    "personeria_autoridad",
    "fecha_constitucion",
    "contacto_publico",
    "direccion",
    "correo_contacto",
    "telefono_contacto",
)

# Never `numero_documento` nor `tipo_documento` (DOMAIN.md §3).
CAMPOS_DIGNATARIO = ("organizacion_id", "nombres", "apellidos", "cargo", "comision", "inicio", "fin")

_ORDEN_CARGOS = {valor: i for i, valor in enumerate(Cargo.values)}


def por_cargo(dignatarios: list[dict]) -> list[dict]:
    """A certificate's snapshot (cargos by their name) in the order the law lists the cargos."""
    orden = {str(nombre): i for i, nombre in enumerate(Cargo.labels)}
    return sorted(dignatarios, key=lambda d: orden.get(d.get("cargo", ""), len(orden)))


def directorio(*, nombre: str = "", tipo: str = "", comuna=None, estado: str = "") -> QuerySet[Organizacion]:
    """Organizations with legal status (never one still in procedure), by name."""
    filas = Organizacion.objects.publicas()
    if nombre:
        filas = filas.filter(nombre__icontains=nombre)  # the trigram index on UPPER(nombre)
    if tipo:
        filas = filas.filter(tipo=tipo)
    if comuna is not None:
        filas = filas.filter(comuna=comuna)
    if estado:
        filas = filas.filter(estado=estado)
    return filas.select_related("comuna", "barrio").only(*CAMPOS_DIRECTORIO).order_by("nombre", "id")


@dataclass(frozen=True)
class Ficha:
    organizacion: Organizacion
    dignatarios: list[Dignatario]  # current ones, by cargo as the law lists them
    libros: list[Libro]
    ultimo_cambio: CambioEstado | None  # the act behind the current state

    @property
    def periodo(self) -> tuple[date, date] | None:
        if not self.dignatarios:
            return None
        return min(d.inicio for d in self.dignatarios), max(d.fin for d in self.dignatarios)

    @property
    def acto_estado(self) -> str:
        return acto(self.ultimo_cambio) if self.ultimo_cambio else ""

    @property
    def contacto(self) -> dict | None:
        """Address, e-mail and phone, only with the organization's authorization (Ley 1581/2012 art. 9)."""
        o = self.organizacion
        if not o.contacto_publico:
            return None
        datos = {"direccion": o.direccion, "correo": o.correo_contacto, "telefono": o.telefono_contacto}
        return datos if any(datos.values()) else None


def acto(cambio: CambioEstado) -> str:
    """The act behind a state change: the portal's resolution, or the act cited when it was recorded."""
    return str(cambio.resolucion) if cambio.resolucion_id else cambio.acto


def ficha(pk: int) -> Ficha | None:
    """An organization's public page: 4 queries, whatever the size of its junta or its history."""
    organizacion = (
        Organizacion.objects.publicas()
        .select_related("comuna", "barrio")
        .only(*CAMPOS_FICHA)
        .prefetch_related(
            Prefetch(
                "dignatarios",
                queryset=Dignatario.objects.vigentes().only(*CAMPOS_DIGNATARIO).order_by("apellidos", "id"),
                to_attr="vigentes",
            ),
            Prefetch(
                "libros",
                # A book proposed in a procedure still open has no registration date yet.
                queryset=Libro.objects.filter(fecha_registro__isnull=False)
                .select_related("resolucion")
                .only(
                    "organizacion_id",
                    "tipo",
                    "folios",
                    "fecha_registro",
                    "resolucion__numero",
                    "resolucion__anio",
                )
                .order_by("tipo", "fecha_registro", "id"),
                to_attr="libros_registrados",
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if organizacion is None:
        return None
    ultimo = (
        CambioEstado.objects.filter(organizacion_id=pk, estado_nuevo=organizacion.estado)
        .select_related("resolucion")
        .only("fecha", "estado_nuevo", "hasta", "acto", "resolucion__numero", "resolucion__anio")
        .order_by("-fecha", "-id")
        .first()
    )
    dignatarios = sorted(organizacion.vigentes, key=lambda d: _ORDEN_CARGOS.get(d.cargo, len(_ORDEN_CARGOS)))
    return Ficha(organizacion, dignatarios, organizacion.libros_registrados, ultimo)


def estados_publicos() -> list[tuple[str, str]]:
    return [(v, str(n)) for v, n in EstadoOrganizacion.choices if v != EstadoOrganizacion.EN_TRAMITE]
