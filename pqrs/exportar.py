"""CSV lines of a filtered list of requests, for the kernel's exports (`pqrs.admin.exportacion`): a short
list in the request, a long one written to a file by the worker; a million rows need no memory.

Rows come from `QuerySet.iterator(chunk_size=…)` (a server-side cursor on PostgreSQL) with the related rows
joined by the caller's `select_related`; declared conditions are prefetched per chunk, so the number of
queries grows with the chunks, never with the rows.
"""

from collections.abc import Iterator
from datetime import date

from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from civic import calendario
from civic.hojas import Escritor, celda
from pqrs.models import Canal, Solicitud
from pqrs.selectors import Semaforo, semaforo
from pqrs.workflow import EN_CURSO, Estado

TAMANO_LOTE = 2000


def encabezados(con_datos_personales: bool) -> list[str]:
    columnas = [
        _("Radicado"),
        _("Recibida en"),
        _("Fecha de radicación"),
        _("Tipo de solicitud"),
        _("Canal"),
        _("Asunto"),
        _("Comuna o corregimiento"),
        _("Dependencia"),
        _("Responsable"),
        _("Estado"),
        _("Vencimiento"),
        _("Días hábiles restantes"),
        _("Semáforo"),
        _("Prorrogada"),
        _("Respondida en"),
        _("Días hábiles de respuesta"),
        _("Respondida a tiempo"),
        _("Notificada en"),
    ]
    if con_datos_personales:
        columnas += [
            _("Anónima"),
            _("Tipo de documento"),
            _("Número de documento"),
            _("Nombre o razón social"),
            _("Correo electrónico"),
            _("Teléfono"),
            _("Dirección"),
            _("Barrio o vereda"),
            _("Condiciones declaradas"),
        ]
    return columnas


def etiquetas() -> dict[str, dict[str, str]]:
    # Resolved once per export: get_FOO_display() translates its lazy labels on every row.
    return {
        "canal": {k: str(v) for k, v in Canal.choices},
        "estado": {k: str(v) for k, v in Estado.choices},
        "semaforo": {k: str(v) for k, v in Semaforo.choices},
        "si_no": (_("Sí"), _("No")),
    }


def fila(s: Solicitud, *, con_datos_personales: bool, hoy: date, nombres: dict) -> list[str]:
    restantes = (
        calendario.dias_habiles_entre(hoy, s.fecha_vencimiento)
        if s.estado in EN_CURSO and s.fecha_vencimiento
        else None
    )
    valores = [
        s.radicado,
        s.radicada_en,
        s.fecha_radicacion_efectiva,
        s.modalidad.nombre,
        nombres["canal"].get(s.canal, s.canal),
        s.asunto,
        s.comuna.nombre if s.comuna_id else "",
        s.dependencia.nombre if s.dependencia_id else "",
        str(s.responsable) if s.responsable_id else "",
        nombres["estado"].get(s.estado, s.estado),
        s.fecha_vencimiento,
        restantes,
        nombres["semaforo"][semaforo(s, hoy)],
        s.prorrogada,
        s.respondida_en,
        s.dias_habiles_respuesta,
        s.respondida_a_tiempo,
        s.notificada_en,
    ]
    if con_datos_personales:
        valores += [
            s.anonima,
            s.tipo_documento,
            s.numero_documento,
            "" if s.anonima else s.nombre_peticionario,
            s.correo,
            s.telefono,
            s.direccion,
            s.barrio,
            "; ".join(c.nombre for c in s.condiciones.all()),
        ]
    return [celda(v, si_no=nombres["si_no"]) for v in valores]


def lineas_csv(queryset: QuerySet[Solicitud], *, con_datos_personales: bool, hoy: date) -> Iterator[str]:
    escritor = Escritor()
    nombres = etiquetas()
    # A byte-order mark so that spreadsheet programs read the accents as UTF-8.
    yield escritor.encabezado(encabezados(con_datos_personales))
    if con_datos_personales:
        queryset = queryset.prefetch_related("condiciones")
    postgres = connections[queryset.db].vendor == "postgresql"
    if postgres:
        # PostgreSQL plans a server-side cursor for its first 10 % of rows (cursor_tuple_fraction), which
        # here means walking the whole radicada_en index; an export reads every row, so plan for all.
        with connections[queryset.db].cursor() as cursor:
            cursor.execute("SET cursor_tuple_fraction = 1.0")
    try:
        for solicitud in queryset.iterator(chunk_size=TAMANO_LOTE):
            yield escritor.linea(
                fila(solicitud, con_datos_personales=con_datos_personales, hoy=hoy, nombres=nombres)
            )
    finally:
        if postgres:
            with connections[queryset.db].cursor() as cursor:
                cursor.execute("RESET cursor_tuple_fraction")
