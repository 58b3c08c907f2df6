"""Files of an expediente: the checks on what a citizen or a clerk uploads (how many, how big, what
they really are), their rows, and the one way they are served.

The type is read from the content with libmagic (python-magic), never from the name or the browser's
Content-Type, which the sender controls: an executable renamed `.pdf` is refused. The detected type is
written back on the upload, so the Adjunto row records what the file is, not what it claimed to be.
"""

import mimetypes
import zipfile
from collections.abc import Iterable, Sequence

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic.formato import tamano_legible

from .modelos import AdjuntoBase, EventoBase

# What libmagic reports for the formats people attach to a petition: PDF, images, office documents.
TIPOS_PERMITIDOS = frozenset(
    {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/tiff",
        "image/heic",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
        "application/rtf",
        "text/rtf",
        "text/plain",
        "text/csv",
    }
)
# Office Open XML and OpenDocument files are zip archives; libmagic names them only when the telling
# entry comes first. A zip is accepted as one of them only if its directory shows it is.
_OFFICE_ZIP = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
_BYTES_MUESTRA = 64 * 1024
DESCRIPCION_TIPOS = _(
    "PDF, imágenes (JPG, PNG, GIF, WEBP, TIFF) y documentos de oficina (Word, Excel, "
    "PowerPoint, OpenDocument, texto)"
)
# A hint for the browser's file picker only; the content check below is what decides.
ACEPTA = (
    ".pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.heic,"
    ".doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.csv"
)


def tipo_por_contenido(archivo: UploadedFile) -> str:
    archivo.seek(0)
    muestra = archivo.read(_BYTES_MUESTRA)
    archivo.seek(0)
    tipo = magic.from_buffer(muestra, mime=True)
    if tipo in {"application/zip", "application/octet-stream", "application/x-zip-compressed"}:
        nombre = archivo.name or ""
        extension = nombre.rsplit(".", 1)[-1].lower() if "." in nombre else ""
        if extension in _OFFICE_ZIP and _es_office_zip(archivo):
            tipo = _OFFICE_ZIP[extension]
    return tipo


def _es_office_zip(archivo: UploadedFile) -> bool:
    try:
        with zipfile.ZipFile(archivo) as z:
            nombres = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        archivo.seek(0)
    return "[Content_Types].xml" in nombres or "mimetype" in nombres


def validar_adjuntos(archivos: Sequence[UploadedFile]) -> list[UploadedFile]:
    """Every problem with every file, each naming the file, in one ValidationError."""
    errores = []
    maximo = settings.ADJUNTOS_MAX
    if len(archivos) > maximo:
        errores.append(
            ValidationError(
                gettext("Puede adjuntar como máximo %(maximo)s archivos; seleccionó %(n)s.")
                % {"maximo": maximo, "n": len(archivos)},
                code="demasiados_adjuntos",
            )
        )
    limite = settings.ADJUNTO_MAX_BYTES
    for archivo in archivos:
        nombre = archivo.name
        tamano = archivo.size or 0  # always set on an upload; typed optional for other File objects
        if tamano > limite:
            errores.append(
                ValidationError(
                    gettext("El archivo «%(nombre)s» pesa %(tamano)s; el máximo es %(limite)s por archivo.")
                    % {
                        "nombre": nombre,
                        "tamano": tamano_legible(tamano),
                        "limite": tamano_legible(limite),
                    },
                    code="adjunto_muy_grande",
                )
            )
            continue
        if tamano == 0:
            errores.append(
                ValidationError(
                    gettext("El archivo «%(nombre)s» está vacío.") % {"nombre": nombre}, code="adjunto_vacio"
                )
            )
            continue
        tipo = tipo_por_contenido(archivo)
        if tipo not in TIPOS_PERMITIDOS:
            errores.append(
                ValidationError(
                    gettext(
                        "El archivo «%(nombre)s» no es de un tipo permitido: por su contenido no es un PDF, "
                        "una imagen ni un documento de oficina, aunque su nombre lo sugiera."
                    )
                    % {"nombre": nombre},
                    code="adjunto_tipo_no_permitido",
                )
            )
            continue
        # Store what the content is, not what the browser said.
        archivo.content_type = tipo
    if errores:
        raise ValidationError(errores)
    return list(archivos)


def adjuntar(
    modelo: type[AdjuntoBase],
    archivos: Iterable[File],
    *,
    origen: str,
    publico: bool,
    evento: EventoBase | None = None,
    **expediente,
) -> list[AdjuntoBase]:
    """Save checked uploads as `modelo` rows of an expediente (`solicitud=...`), tied to `evento`, in one
    INSERT (each file is written to storage as its row is prepared)."""
    adjuntos = []
    for archivo in archivos:
        nombre = getattr(archivo, "name", "") or gettext("archivo")
        tipo = getattr(archivo, "content_type", None) or mimetypes.guess_type(nombre)[0] or ""
        # `evento` is declared by each concrete subclass (a foreign key to its own event table).
        adjunto = modelo(  # type: ignore[misc]
            **expediente,
            evento=evento,
            archivo=archivo,
            nombre_original=nombre.rsplit("/", 1)[-1][:255],
            tipo_contenido=tipo[:100],
            tamano=archivo.size,
            origen=origen,
            publico=publico,
        )
        # The file's own validators; the expediente and the event are rows this transaction holds.
        adjunto.full_clean(exclude=[f.name for f in modelo._meta.concrete_fields if f.is_relation])
        adjuntos.append(adjunto)
    return modelo._default_manager.bulk_create(adjuntos) if adjuntos else []


def validar_tamanos(archivos: Iterable[File], modelo: type[AdjuntoBase]) -> None:
    """Run the attachment field's validators before anything is numbered or written."""
    campo = modelo._meta.get_field("archivo")
    for archivo in archivos:
        campo.run_validators(archivo)


def respuesta_archivo(adjunto: AdjuntoBase) -> FileResponse:
    """The file as a download, never rendered inline nor cached: files are private personal data."""
    respuesta = FileResponse(
        adjunto.archivo.open("rb"),
        as_attachment=True,
        filename=adjunto.nombre_original,
        content_type=adjunto.tipo_contenido or "application/octet-stream",
    )
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta
