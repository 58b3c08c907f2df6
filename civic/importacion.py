"""What every CSV import of the portal shares (django-import-export underneath): the file read as a dataset,
the cell widgets that read back what `civic.hojas` wrote, the report of refusals (row as a spreadsheet
numbers it, column, Spanish message), the run that checks the columns and collects every row's errors, and
the signed file that carries a dry-run file to its confirmation without a server-side temp file.

An app declares its resource and its columns; its service runs `ejecutar` inside a transaction it rolls
back (the dry run) or keeps only when the report is clean (the import: everything or nothing).
"""

from __future__ import annotations

import base64
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import tablib
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export import widgets

from civic import hojas

MAXIMO_BYTES = 5 * 1024 * 1024
# The signed file in a confirmation form expires after this long: the dry run must be recent.
VIGENCIA_CONFIRMACION = 60 * 60


def plano(texto: str) -> str:
    """Lower case without accents: how a typed label is compared."""
    sin_tildes = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", sin_tildes).strip().lower()


# ---- cells ---------------------------------------------------------------------------------------------


def vacia(texto: str, obligatoria: bool) -> bool:
    """Whether the cell's text is empty, so the widget returns its empty value; an empty cell of a required
    column is refused instead."""
    if texto:
        return False
    if obligatoria:
        raise ValueError(_("Falta el valor: la columna es obligatoria."))
    return True


class Texto(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        # Import format = export format: what `render` guarded against formulas comes back as it was.
        return hojas.texto_de_celda(value)

    def render(self, value, obj=None, **kwargs):
        return hojas.celda("" if value is None else str(value))


class Fecha(widgets.Widget):
    FORMATOS = ("%Y-%m-%d", "%d/%m/%Y")

    def __init__(self, obligatoria: bool = False):
        super().__init__()
        self.obligatoria = obligatoria

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, date):
            return value
        texto = hojas.texto_de_celda(value)
        if vacia(texto, self.obligatoria):
            return None
        for formato in self.FORMATOS:
            try:
                return datetime.strptime(texto, formato).date()
            except ValueError:
                continue
        raise ValueError(
            _(
                "«%(valor)s» no es una fecha válida: escríbala AAAA-MM-DD (por ejemplo 2024-03-15) "
                "o DD/MM/AAAA."
            )
            % {"valor": texto}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class Numero(widgets.Widget):
    """A decimal number written with a decimal comma or point (1.234,5 · 1234.5 · 1234,5)."""

    def __init__(self, obligatoria: bool = True, defecto: Decimal | None = None):
        super().__init__()
        self.obligatoria = obligatoria
        self.defecto = defecto

    def clean(self, value, row=None, **kwargs):
        original = hojas.texto_de_celda(value)
        texto = original.replace(" ", "")
        if not texto and self.defecto is not None:
            return self.defecto
        if vacia(texto, self.obligatoria):
            return None
        if "," in texto:  # Colombian style: points group thousands, the comma is decimal
            texto = texto.replace(".", "").replace(",", ".")
        try:
            numero = Decimal(texto)
        except InvalidOperation:
            raise ValueError(_("«%(valor)s» no es un número.") % {"valor": original}) from None
        if not numero.is_finite():
            raise ValueError(_("«%(valor)s» no es un número.") % {"valor": original})
        return numero

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return format(Decimal(value).normalize(), "f")


class OpcionesDeImportacion:
    """The `Meta` options every import resource shares (`class Meta(OpcionesDeImportacion)`): each row
    checked by the model (`full_clean`), in one transaction, and every row reported, none diffed."""

    clean_model_instances = True
    use_transactions = True
    skip_diff = True
    skip_unchanged = False
    report_skipped = True


# ---- the report ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Error:
    fila: int | None  # None: the file as a whole (its columns, its encoding)
    columna: str
    mensaje: str


@dataclass
class Informe:
    filas: int = 0
    nuevas: int = 0
    actualizadas: int = 0
    errores: list[Error] = field(default_factory=list)
    importado: bool = False

    @property
    def limpio(self) -> bool:
        return not self.errores


def leer(contenido: bytes) -> tablib.Dataset:
    """The CSV as a dataset; a file that is not one raises ValidationError in Spanish."""
    if len(contenido) > MAXIMO_BYTES:
        raise ValidationError(_("El archivo supera los 5 MB: divídalo en varios."), code="grande")
    try:
        texto = contenido.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            texto = contenido.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError(
                _("No se pudo leer el archivo: guárdelo como CSV UTF-8."), code="codificacion"
            ) from None
    separador = ";" if texto.split("\n", 1)[0].count(";") > texto.split("\n", 1)[0].count(",") else ","
    try:
        datos = tablib.Dataset().load(texto, format="csv", delimiter=separador)
    except Exception:
        raise ValidationError(_("El archivo no es un CSV válido."), code="csv") from None
    if not datos.headers:
        raise ValidationError(_("El archivo está vacío: la primera fila debe tener los encabezados."))
    datos.headers = [(h or "").strip().lstrip("\ufeff").lower() for h in datos.headers]
    return datos


def mensaje_generico(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return _("Error inesperado al guardar la fila; revise sus valores o avise a soporte.")


def ejecutar(
    contenido: bytes,
    *,
    recurso: Callable[[], object],
    columnas: Sequence[str],
    obligatorias: Sequence[str],
    de_verdad: bool,
    mensaje_de_excepcion: Callable[[Exception], str] = mensaje_generico,
) -> Informe:
    """Read the file, check its columns, run the resource's import and report every refusal (sorted by
    row, then column). The caller owns the transaction: it rolls back a dry run or an unclean report."""
    informe = Informe()
    try:
        datos = leer(contenido)
    except ValidationError as error:
        informe.errores.append(Error(None, "", error.messages[0]))
        return informe
    informe.filas = len(datos)
    for columna in [h for h in datos.headers if h not in columnas]:
        informe.errores.append(
            Error(None, columna, _("Columna desconocida: use los encabezados del archivo exportado."))
        )
    for columna in obligatorias:
        if columna not in datos.headers:
            informe.errores.append(Error(None, columna, _("Falta esta columna obligatoria.")))
    if not informe.filas:
        informe.errores.append(Error(None, "", _("El archivo no tiene filas de datos.")))
    if informe.errores:
        return informe
    resultado = recurso().import_data(  # type: ignore[attr-defined]
        datos,
        dry_run=not de_verdad,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    for general in resultado.base_errors:
        informe.errores.append(Error(None, "", mensaje_de_excepcion(general.error)))
    for fila in resultado.invalid_rows:
        for columna, mensajes in fila.error_dict.items():
            for mensaje in mensajes:
                informe.errores.append(
                    Error(fila.number + 1, "" if columna == NON_FIELD_ERRORS else columna, str(mensaje))
                )
    for numero, errores in resultado.row_errors():
        for de_fila in errores:
            informe.errores.append(Error(numero + 1, "", mensaje_de_excepcion(de_fila.error)))
    informe.errores.sort(
        key=lambda e: (e.fila or 0, columnas.index(e.columna) if e.columna in columnas else -1)
    )
    informe.nuevas = resultado.totals.get("new", 0)
    informe.actualizadas = resultado.totals.get("update", 0)
    return informe


# ---- dry run → confirmation ----------------------------------------------------------------------------


def firmar(contenido: bytes, usuario, sal: str) -> str:
    """The reviewed file, compressed and signed for this user, to put in the confirmation form."""
    comprimido = base64.b64encode(zlib.compress(contenido)).decode("ascii")
    return signing.TimestampSigner(salt=f"{sal}:{usuario.pk}").sign(comprimido)


def abrir(firmado: str, usuario, sal: str) -> bytes:
    """The file back; raises signing.BadSignature (or zlib.error, ValueError) when it is not the one."""
    firmador = signing.TimestampSigner(salt=f"{sal}:{usuario.pk}")
    comprimido = firmador.unsign(firmado, max_age=VIGENCIA_CONFIRMACION)
    return zlib.decompress(base64.b64decode(comprimido))


# ---- territory -----------------------------------------------------------------------------------------


class Comunas:
    """A comuna written by number (an urban comuna: «15», «Comuna 15») or by name («La Buitrera»); the
    territory is read once per file, so no row queries it."""

    def __init__(self):
        self._indice: dict[str, object] | None = None

    def indice(self) -> dict:
        if self._indice is None:
            from civic.models import Comuna

            self._indice = {}
            for comuna in Comuna.objects.all():
                self._indice[plano(comuna.nombre)] = comuna
                if comuna.tipo == Comuna.Tipo.COMUNA:
                    self._indice[str(comuna.numero)] = comuna
        return self._indice

    def buscar(self, texto: str):
        indice = self.indice()
        clave = plano(texto)
        numero = re.fullmatch(r"(?:comuna\s*)?0*(\d+)", clave)
        comuna = indice.get(numero.group(1) if numero else clave) or indice.get(clave)
        if comuna is None:
            raise ValueError(
                _("No existe la comuna o corregimiento «%(valor)s»: use su número o su nombre.")
                % {"valor": texto}
            )
        return comuna
