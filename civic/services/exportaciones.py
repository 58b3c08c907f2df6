"""Exports that never lie: a list goes out whole or not at all.

An app declares what it exports (`registrar(Exportable(...))`): the rows a user may take for the list's
query string, and how they are written. Asked from the admin, `exportar` counts with a bounded query
(`LIMIT n + 1`): up to EXPORTACION_SINCRONA_MAX_FILAS rows it builds the whole file and answers it with its
length, so a failure is an error page and never a cut file behind a 200; beyond that it records an
`Exportacion` and hands it to the worker, and the person follows its progress on the job's page, which
gives the download link (and an e-mail says so) when the file is complete. Only the person who asked may
read the file, while they still hold the list's permission (and the personal-data one, if the file has
those columns); it is deleted after EXPORTACIONES_HORAS.
"""

import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from kombu.exceptions import KombuError

from civic.formato import fecha_hora, numero
from civic.models import Exportacion
from civic.services.notificaciones import encolar_correo

logger = logging.getLogger(__name__)

PLANTILLA_CORREO = "civic/emails/exportacion_lista"
# Progress is written every this many rows: one UPDATE per batch, never one per row.
LOTE_AVANCE = 2000


@dataclass(frozen=True)
class Exportable:
    clave: str
    titulo: str | Promise
    # The file's name before the date: "solicitudes-pqrs" → solicitudes-pqrs-20260325.csv
    nombre_archivo: str
    # Who (an active staff user) may take the list at all, and who gets its personal columns
    # (Ley 1581/2012 art. 4 lit. g): asked when the export is requested, when the job runs and on download.
    puede: Callable[[Any], bool]
    ve_datos: Callable[[Any], bool]
    # (user, query string) → the rows that user may export with those filters. May raise the list's own
    # errors for a bad filter (the app's view answers them).
    filas: Callable[..., QuerySet]
    # (rows, with personal columns, today) → the file's lines: the header first, then one per row.
    lineas: Callable[[QuerySet, bool, date], Iterator[str]]


_REGISTRO: dict[str, Exportable] = {}


def registrar(exportable: Exportable) -> None:
    _REGISTRO[exportable.clave] = exportable


def declarada(clave: str) -> Exportable:
    return _REGISTRO[clave]


def exportar(request, clave: str) -> HttpResponse:
    """The current list of `request` (its query string) as a file now, or as a job beyond the limit."""
    exportable = _REGISTRO[clave]
    if not _puede(exportable, request.user):
        raise PermissionDenied
    parametros = request.GET.urlencode()
    filas = exportable.filas(request.user, parametros)
    datos = exportable.ve_datos(request.user)
    limite = settings.EXPORTACION_SINCRONA_MAX_FILAS
    if filas[: limite + 1].count() <= limite:
        return _archivo_completo(exportable, filas, datos)
    exportacion = Exportacion.objects.create(
        propietario=request.user,
        clave=clave,
        titulo=str(exportable.titulo),
        parametros=parametros,
        datos_personales=datos,
        nombre_archivo=_nombre(exportable),
    )
    transaction.on_commit(partial(_publicar, exportacion.pk))
    return redirect(reverse("admin:civic_exportacion_change", args=[exportacion.pk]))


def _puede(exportable: Exportable, usuario) -> bool:
    return usuario.is_active and usuario.is_staff and exportable.puede(usuario)


def _nombre(exportable: Exportable) -> str:
    return f"{exportable.nombre_archivo}-{timezone.localdate():%Y%m%d}.csv"


def _archivo_completo(exportable: Exportable, filas: QuerySet, datos: bool) -> HttpResponse:
    # Built whole before the first byte goes out, and sent with its length: if anything fails on the way,
    # the answer is an error, never a 200 with part of the list.
    contenido = "".join(exportable.lineas(filas, datos, timezone.localdate())).encode("utf-8")
    respuesta = HttpResponse(contenido, content_type="text/csv; charset=utf-8")
    respuesta["Content-Length"] = str(len(contenido))
    respuesta["Content-Disposition"] = f'attachment; filename="{_nombre(exportable)}"'
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


def _publicar(exportacion_id: int) -> None:
    from civic.tasks import exportar_task

    try:
        exportar_task.delay(exportacion_id)
    except (KombuError, OSError) as error:
        # The page must not show a job waiting forever for a worker that will never hear of it.
        logger.warning("No se pudo encolar la exportación %s: %s", exportacion_id, error)
        _fallar(exportacion_id, gettext("No se pudo poner en cola. Vuelva a exportar en unos minutos."))


def _fallar(exportacion_id: int, mensaje: str) -> None:
    ahora = timezone.now()
    Exportacion.objects.filter(pk=exportacion_id).exclude(estado=Exportacion.Estado.LISTA).update(
        estado=Exportacion.Estado.FALLIDA, error=mensaje, terminada=ahora, expira=_expira(ahora)
    )


def _expira(desde):
    return desde + timedelta(hours=settings.EXPORTACIONES_HORAS)


def ejecutar(exportacion_id: int) -> None:
    """The worker's part: write every row to a private file, tell the progress, mark it done, mail it.

    Runs outside any transaction, so each progress update is seen by the job's page at once. A job is
    taken once (pending → running); a redelivered task finds it taken and does nothing.
    """
    tomada = Exportacion.objects.filter(pk=exportacion_id, estado=Exportacion.Estado.PENDIENTE).update(
        estado=Exportacion.Estado.EN_CURSO, actualizada=timezone.now()
    )
    if not tomada:
        return
    exportacion = Exportacion.objects.select_related("propietario").get(pk=exportacion_id)
    try:
        _escribir(exportacion)
    except PermissionDenied:
        _fallar(exportacion_id, gettext("Ya no tiene permiso para exportar esta lista."))
        return
    except Exception:
        logger.exception("La exportación %s falló", exportacion_id)
        _fallar(exportacion_id, gettext("Ocurrió un error al generar el archivo. Vuelva a exportar."))
        raise
    _avisar(exportacion)


def _escribir(exportacion: Exportacion) -> None:
    exportable = _REGISTRO[exportacion.clave]
    propietario = exportacion.propietario
    if not _puede(exportable, propietario):
        raise PermissionDenied
    # Never more than when it was asked, nor than the owner may see now.
    datos = exportacion.datos_personales and exportable.ve_datos(propietario)
    filas = exportable.filas(propietario, exportacion.parametros)
    total = filas.count()
    Exportacion.objects.filter(pk=exportacion.pk).update(total=total, datos_personales=datos)
    escritas = 0
    with tempfile.TemporaryFile() as temporal:
        for numero, linea in enumerate(exportable.lineas(filas, datos, timezone.localdate())):
            temporal.write(linea.encode("utf-8"))
            escritas = numero  # the header is line 0
            if numero and numero % LOTE_AVANCE == 0:
                Exportacion.objects.filter(pk=exportacion.pk).update(
                    procesadas=numero, actualizada=timezone.now()
                )
        temporal.seek(0)
        exportacion.archivo.save(exportacion.nombre_archivo, File(temporal), save=False)
    ahora = timezone.now()
    exportacion.estado = Exportacion.Estado.LISTA
    exportacion.total = total
    exportacion.procesadas = escritas
    exportacion.datos_personales = datos
    exportacion.terminada = ahora
    exportacion.expira = _expira(ahora)
    exportacion.save()


def _avisar(exportacion: Exportacion) -> None:
    correo = exportacion.propietario.email
    if not correo:
        return
    encolar_correo(
        destinatario=correo,
        plantilla=PLANTILLA_CORREO,
        contexto={
            "nombre": exportacion.propietario.first_name,
            "titulo": exportacion.titulo,
            "filas": numero(exportacion.procesadas),
            "expira": fecha_hora(exportacion.expira),
            "url": settings.MUNICIPIO["sitio"].rstrip("/")
            + reverse("admin:civic_exportacion_change", args=[exportacion.pk]),
        },
        objeto=exportacion,
    )


def interrumpida(exportacion: Exportacion) -> bool:
    """A job whose worker stopped moving it (killed, restarted): it will not finish by itself."""
    limite = timezone.now() - timedelta(seconds=settings.EXPORTACIONES_SIN_AVANCE_SEGUNDOS)
    en_marcha = exportacion.estado in {Exportacion.Estado.PENDIENTE, Exportacion.Estado.EN_CURSO}
    return en_marcha and exportacion.actualizada < limite


def descargar(usuario, exportacion: Exportacion) -> FileResponse:
    """The finished file, to its owner only, while they hold the list's (and the data's) permission."""
    exportable = _REGISTRO[exportacion.clave]
    puede = usuario.pk == exportacion.propietario_id and _puede(exportable, usuario)
    if exportacion.datos_personales:
        puede = puede and exportable.ve_datos(usuario)
    if not puede:
        raise PermissionDenied
    respuesta = FileResponse(
        exportacion.archivo.open("rb"),
        as_attachment=True,
        filename=exportacion.nombre_archivo,
        content_type="text/csv; charset=utf-8",
    )
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


def limpiar(ahora=None) -> tuple[int, int]:
    """Delete the expired files and their rows; mark as failed the jobs that stopped moving.

    Returns (deleted, marked failed).
    """
    ahora = ahora or timezone.now()
    borradas = 0
    for exportacion in Exportacion.objects.filter(expira__lt=ahora).iterator():
        if exportacion.archivo:
            exportacion.archivo.delete(save=False)
        exportacion.delete()
        borradas += 1
    parada = ahora - timedelta(seconds=settings.EXPORTACIONES_SIN_AVANCE_SEGUNDOS)
    fallidas = Exportacion.objects.filter(
        estado__in=[Exportacion.Estado.PENDIENTE, Exportacion.Estado.EN_CURSO], actualizada__lt=parada
    ).update(
        estado=Exportacion.Estado.FALLIDA,
        error=gettext("Se interrumpió sin terminar. Vuelva a exportar."),
        terminada=ahora,
        expira=_expira(ahora),
    )
    return borradas, fallidas
