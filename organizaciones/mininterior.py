"""The quarterly report of the communal registry to the Ministerio del Interior, as CSV.

Which organizations: the quarter's NEWS of the communal organizations the municipality supervises (JAC,
JVC, Asocomunal, federación): those registered in the portal, given personería, changing state or getting
dignatarios inscribed within the quarter. The ministry keeps the national registry from these
novelties, and a whole-registry file every quarter would resend thousands of unchanged rows. Each row
shows the organization as it stands when the file is made (the state history is in the registry).

Which columns: `settings.ORGANIZACIONES_COLUMNAS_MININTERIOR`, a JSON list of [path, header]; a path is
a field of Organizacion (`nombre`, `tipo` — choices are written as their label), a path through its
relations (`comuna.nombre`) or one of the computed names below. The personal ID of the legal
representative only goes to who holds `organizaciones.ver_datos_personales`.
"""

from collections.abc import Iterator
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db.models import DateField, Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.http import QueryDict
from django.utils.translation import gettext as _

from civic import hojas

from . import periodos
from .models import CARGOS_REPRESENTANTES, COMUNALES, CambioEstado, Dignatario, Organizacion

COLUMNAS_POR_DEFECTO = [
    ["tipo", "Tipo de organización"],
    ["nombre", "Nombre"],
    ["nit", "NIT"],
    ["ruc", "Número RUC"],
    ["municipio", "Municipio"],
    ["comuna.nombre", "Comuna o corregimiento"],
    ["barrio.nombre", "Barrio o vereda"],
    ["personeria_numero", "Resolución de personería jurídica"],
    ["personeria_fecha", "Fecha de la personería"],
    ["estado", "Estado"],
    ["representante_legal", "Representante legal"],
    ["representante_documento", "Documento del representante legal"],
    ["dignatarios_inscritos", "Dignatarios inscritos"],
    ["periodo", "Periodo"],
    ["novedades", "Novedades del trimestre"],
]
CALCULADAS = frozenset(
    {
        "municipio",
        "representante_legal",
        "representante_documento",
        "dignatarios_inscritos",
        "periodo",
        "novedades",
    }
)
# Ley 1581/2012: a person's ID number, only with the personal-data permission.
PERSONALES = frozenset({"representante_documento"})


def columnas(con_datos_personales: bool) -> list[tuple[str, str]]:
    configuradas = getattr(settings, "ORGANIZACIONES_COLUMNAS_MININTERIOR", None) or COLUMNAS_POR_DEFECTO
    resultado = []
    for entrada in configuradas:
        if not (
            isinstance(entrada, (list, tuple))
            and len(entrada) == 2
            and all(isinstance(v, str) for v in entrada)
        ):
            raise ImproperlyConfigured(
                f"ORGANIZACIONES_COLUMNAS_MININTERIOR: each column is [path, header], got {entrada!r}"
            )
        ruta, encabezado = entrada
        _comprobar_ruta(ruta)
        if ruta in PERSONALES and not con_datos_personales:
            continue
        resultado.append((ruta, encabezado))
    return resultado


def _comprobar_ruta(ruta: str) -> None:
    if ruta in CALCULADAS:
        return
    modelo = Organizacion
    partes = ruta.split(".")
    for n, parte in enumerate(partes):
        try:
            campo = modelo._meta.get_field(parte)
        except FieldDoesNotExist:
            raise ImproperlyConfigured(
                f"ORGANIZACIONES_COLUMNAS_MININTERIOR: unknown column path {ruta!r}"
            ) from None
        if campo.many_to_many or campo.one_to_many:
            raise ImproperlyConfigured(f"ORGANIZACIONES_COLUMNAS_MININTERIOR: {ruta!r} is not a single value")
        if n < len(partes) - 1:
            if not campo.is_relation:
                raise ImproperlyConfigured(f"ORGANIZACIONES_COLUMNAS_MININTERIOR: {ruta!r} is not a relation")
            modelo = campo.related_model


def trimestre(anio: int, numero: int) -> tuple[date, date]:
    inicio = date(anio, 3 * (numero - 1) + 1, 1)
    siguiente = date(anio + (numero == 4), (3 * numero) % 12 + 1, 1)
    return inicio, siguiente - timedelta(days=1)


def parametros_de(parametros: str) -> tuple[int, int]:
    """(year, quarter) from the query string; ValidationError in Spanish when missing or out of range."""
    datos = QueryDict(parametros)
    try:
        anio, numero = int(datos.get("anio", "")), int(datos.get("trimestre", ""))
    except ValueError:
        raise ValidationError(_("Indique el año y el trimestre.")) from None
    if not (2000 <= anio <= 2100 and 1 <= numero <= 4):
        raise ValidationError(_("El trimestre debe ser de 1 a 4 y el año de 2000 a 2100."))
    return anio, numero


def filas(anio: int, numero: int) -> QuerySet:
    inicio, fin = trimestre(anio, numero)
    cambios = CambioEstado.objects.filter(organizacion=OuterRef("pk"), fecha__range=(inicio, fin))
    inscritos = Dignatario.objects.filter(organizacion=OuterRef("pk"), resolucion__fecha__range=(inicio, fin))
    vigentes = Dignatario.objects.vigentes().order_by("cargo", "apellidos", "id")
    return (
        Organizacion.objects.filter(tipo__in=COMUNALES)
        .annotate(novedad_estado=Exists(cambios), novedad_dignatarios=Exists(inscritos))
        # The quarter travels with the rows: the kernel hands `lineas` the rows, not the filters.
        .annotate(trimestre_inicio=Value(inicio, DateField()), trimestre_fin=Value(fin, DateField()))
        .filter(
            Q(personeria_fecha__range=(inicio, fin))
            | Q(creada__date__range=(inicio, fin))
            | Q(novedad_estado=True)
            | Q(novedad_dignatarios=True)
        )
        .select_related("comuna", "barrio")
        .prefetch_related(Prefetch("dignatarios", queryset=vigentes, to_attr="vigentes"))
        .order_by("comuna__numero", "nombre", "id")
    )


def _municipio() -> str:
    nombre = settings.MUNICIPIO["nombre"]
    for prefijo in ("Alcaldía de ", "Alcaldía del ", "Alcaldía "):
        if nombre.startswith(prefijo):
            return nombre.removeprefix(prefijo)
    return nombre


def _valor(organizacion, ruta: str, contexto: dict):
    if ruta == "municipio":
        return contexto["municipio"]
    if ruta in ("representante_legal", "representante_documento"):
        representante = next((d for d in organizacion.vigentes if d.cargo in CARGOS_REPRESENTANTES), None)
        if representante is None:
            return ""
        if ruta == "representante_legal":
            return representante.nombre_completo
        return f"{representante.tipo_documento} {representante.numero_documento}"
    if ruta == "dignatarios_inscritos":
        return len(organizacion.vigentes)
    if ruta == "periodo":
        periodo = periodos.periodo(organizacion.tipo, organizacion.trimestre_fin)
        return f"{periodo[0].isoformat()} – {periodo[1].isoformat()}" if periodo else ""
    if ruta == "novedades":
        novedades = []
        inicio, fin = organizacion.trimestre_inicio, organizacion.trimestre_fin
        if organizacion.personeria_fecha and inicio <= organizacion.personeria_fecha <= fin:
            novedades.append(_("personería jurídica"))
        if organizacion.novedad_estado:
            novedades.append(_("cambio de estado"))
        if organizacion.novedad_dignatarios:
            novedades.append(_("inscripción de dignatarios"))
        if not novedades:
            novedades.append(_("registro en el portal"))
        return "; ".join(novedades)
    objeto = organizacion
    partes = ruta.split(".")
    for parte in partes[:-1]:
        objeto = getattr(objeto, parte)
        if objeto is None:
            return ""
    mostrar = getattr(objeto, f"get_{partes[-1]}_display", None)
    return mostrar() if mostrar else getattr(objeto, partes[-1])


def lineas(consulta: QuerySet, con_datos_personales: bool, hoy: date) -> Iterator[str]:
    elegidas = columnas(con_datos_personales)
    contexto = {"municipio": _municipio()}
    filas = (
        [_valor(organizacion, ruta, contexto) for ruta, _e in elegidas]
        for organizacion in consulta.iterator(chunk_size=2000)
    )
    yield from hojas.lineas([encabezado for _ruta, encabezado in elegidas], filas)
