"""The plan's goals as CSV: one django-import-export resource writes and reads it, so the exported file is
the file that updates the plan (export, edit in a spreadsheet, import back).

A row updates the goal of its `codigo`, else creates it. The parent is written by its code and must exist
already or come in an earlier row; the dependencia by its sigla, the comuna by number or name, the status by
name. Every catalogue is read once per file; each refusal is a Spanish message tied to its column. Writing
goes through `rendicion.services.metas`, which owns the transaction (everything or nothing).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from civic import hojas
from civic.importacion import Comunas, Fecha, Numero, OpcionesDeImportacion, Texto, plano, vacia
from civic.models import Dependencia

from .models import Avance, EstadoMeta, MetaPlan

COLUMNAS = (
    "codigo",
    "nombre",
    "padre",
    "peso",
    "linea_base",
    "meta_cuatrienio",
    "unidad",
    "dependencia",
    "comuna",
    "estado",
)
OBLIGATORIAS = ("codigo", "nombre", "meta_cuatrienio", "unidad", "dependencia")

COLUMNAS_AVANCES = ("codigo", "fecha", "valor", "descripcion", "evidencia", "publicar_desde")
OBLIGATORIAS_AVANCES = ("codigo", "fecha", "valor")


class Referencia(widgets.Widget):
    """A catalogue row by its written key; the resource resolves it from what it loaded once."""

    def __init__(self, buscar, mostrar, obligatoria: bool = False):
        super().__init__()
        self.buscar = buscar
        self.mostrar = mostrar
        self.obligatoria = obligatoria

    def clean(self, value, row=None, **kwargs):
        texto = hojas.texto_de_celda(value)
        if vacia(texto, self.obligatoria):
            return None
        return self.buscar(texto)

    def render(self, value, obj=None, **kwargs):
        return hojas.celda(self.mostrar(value)) if value is not None else ""


class MetaResource(resources.ModelResource):
    codigo = fields.Field(attribute="codigo", column_name="codigo", widget=Texto())
    nombre = fields.Field(attribute="nombre", column_name="nombre", widget=Texto())
    padre = fields.Field(attribute="padre", column_name="padre", saves_null_values=True)
    peso = fields.Field(attribute="peso", column_name="peso", widget=Numero(defecto=Decimal(1)))
    linea_base = fields.Field(
        attribute="linea_base", column_name="linea_base", widget=Numero(defecto=Decimal(0))
    )
    meta_cuatrienio = fields.Field(
        attribute="meta_cuatrienio", column_name="meta_cuatrienio", widget=Numero()
    )
    unidad = fields.Field(attribute="unidad", column_name="unidad", widget=Texto())
    dependencia = fields.Field(attribute="dependencia", column_name="dependencia")
    comuna = fields.Field(attribute="comuna", column_name="comuna", saves_null_values=True)
    estado = fields.Field(attribute="estado", column_name="estado", saves_null_values=True)

    class Meta(OpcionesDeImportacion):
        model = MetaPlan
        fields = COLUMNAS
        export_order = COLUMNAS
        import_id_fields = ["codigo"]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._comunas = Comunas()
        self._metas: dict[str, MetaPlan] | None = None
        self._dependencias: dict[str, Dependencia] = {}
        self._estados: dict[str, EstadoMeta] = {}
        self._numero_actual = 0
        self._fila_de_codigo: dict[str, int] = {}
        self.fields["padre"].widget = Referencia(self.buscar_padre, lambda m: m.codigo)
        self.fields["dependencia"].widget = Referencia(
            self.buscar_dependencia, lambda d: d.sigla, obligatoria=True
        )
        self.fields["comuna"].widget = Referencia(self._comunas.buscar, lambda c: c.nombre)
        self.fields["estado"].widget = Referencia(self.buscar_estado, lambda e: e.nombre)

    # --- catalogues, read once per file ---------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self._metas = {m.codigo: m for m in MetaPlan.objects.all()}
        self._dependencias = {plano(d.sigla): d for d in Dependencia.objects.all()}
        self._estados = {plano(e.nombre): e for e in EstadoMeta.objects.all()}
        self._comunas.indice()
        self._fila_de_codigo = {}
        self._repetidos: dict[int, int] = {}
        for numero, fila in enumerate(dataset.dict, 1):
            codigo = hojas.texto_de_celda(fila.get("codigo"))
            if codigo in self._fila_de_codigo:
                self._repetidos[numero] = self._fila_de_codigo[codigo]
            else:
                self._fila_de_codigo[codigo] = numero

    def before_import_row(self, row, **kwargs):
        self._numero_actual = kwargs.get("row_number") or 0

    def buscar_dependencia(self, texto: str) -> Dependencia:
        dependencia = self._dependencias.get(plano(texto))
        if dependencia is None:
            raise ValueError(_("No existe una dependencia con la sigla «%(valor)s».") % {"valor": texto})
        return dependencia

    def buscar_estado(self, texto: str) -> EstadoMeta:
        estado = self._estados.get(plano(texto))
        if estado is None:
            validos = ", ".join(e.nombre for e in self._estados.values())
            raise ValueError(
                _("«%(valor)s» no es un estado de meta. Use uno de: %(validos)s.")
                % {"valor": texto, "validos": validos}
            )
        return estado

    def buscar_padre(self, texto: str) -> MetaPlan:
        assert self._metas is not None
        padre = self._metas.get(texto)
        if padre is not None:
            return padre
        fila = self._fila_de_codigo.get(texto)
        if fila is not None and fila > self._numero_actual:
            raise ValueError(
                _("La meta superior «%(valor)s» está más abajo, en la fila %(fila)s: póngala antes.")
                % {"valor": texto, "fila": fila + 1}
            )
        raise ValueError(_("No existe una meta con el código «%(valor)s».") % {"valor": texto})

    # --- which goal a row is --------------------------------------------------------------------------

    def get_instance(self, instance_loader, row):
        assert self._metas is not None
        return self._metas.get(hojas.texto_de_celda(row.get("codigo")))

    def import_instance(self, instance, row, **kwargs):
        errores: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errores = error.update_error_dict(errores)
        numero = kwargs.get("row_number")
        if numero in self._repetidos:
            errores.setdefault("codigo", []).append(
                _("El código está repetido en el archivo: ya aparece en la fila %(fila)s.")
                % {"fila": self._repetidos[numero] + 1}
            )
        if "padre" not in errores and instance.padre is not None and self._crea_ciclo(instance):
            errores["padre"] = [
                _("La meta «%(valor)s» no puede estar debajo de sí misma ni de una de sus metas hijas.")
                % {"valor": instance.padre.codigo}
            ]
        if "peso" not in errores and instance.peso is not None and instance.peso <= 0:
            errores["peso"] = [_("El peso debe ser mayor que cero.")]
        if errores:
            raise ValidationError(errores)

    def _crea_ciclo(self, instance: MetaPlan) -> bool:
        assert self._metas is not None
        por_pk = {m.pk: m for m in self._metas.values() if m.pk is not None}
        actual: MetaPlan | None = instance.padre
        vistos = 0
        while actual is not None and vistos <= len(por_pk):
            if actual.codigo == instance.codigo:
                return True
            actual = por_pk.get(actual.padre_id) if actual.padre_id else None
            vistos += 1
        return False

    def after_save_instance(self, instance, row, **kwargs):
        # A later row may name it as its parent.
        assert self._metas is not None
        self._metas[instance.codigo] = instance

    def filas_exportables(self, consulta):
        return consulta.select_related("padre", "dependencia", "comuna", "estado")


class AvanceResource(resources.ModelResource):
    """Milestones: each row adds one to the goal of its `codigo` (a row with the same goal and date
    updates that milestone instead)."""

    codigo = fields.Field(attribute="meta", column_name="codigo")
    fecha = fields.Field(attribute="fecha", column_name="fecha", widget=Fecha(obligatoria=True))
    valor = fields.Field(attribute="valor", column_name="valor", widget=Numero())
    descripcion = fields.Field(attribute="descripcion", column_name="descripcion", widget=Texto())
    evidencia = fields.Field(attribute="evidencia", column_name="evidencia", widget=Texto())
    publicar_desde = fields.Field(
        attribute="publicar_desde", column_name="publicar_desde", widget=Fecha(), saves_null_values=True
    )

    class Meta(OpcionesDeImportacion):
        model = Avance
        fields = COLUMNAS_AVANCES
        export_order = COLUMNAS_AVANCES

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._metas: dict[str, MetaPlan] = {}
        self._avances: dict[tuple[int, object], Avance] = {}
        self._publicar_vacio = False
        self.fields["codigo"].widget = Referencia(self.buscar_meta, lambda m: m.codigo, obligatoria=True)

    def before_import(self, dataset, **kwargs):
        self._metas = {m.codigo: m for m in MetaPlan.objects.all()}
        self._avances = {(a.meta_id, a.fecha): a for a in Avance.objects.all()}

    def buscar_meta(self, texto: str) -> MetaPlan:
        meta = self._metas.get(texto)
        if meta is None:
            raise ValueError(_("No existe una meta con el código «%(valor)s».") % {"valor": texto})
        return meta

    def get_instance(self, instance_loader, row):
        meta = self._metas.get(hojas.texto_de_celda(row.get("codigo")))
        try:
            fecha = Fecha().clean(row.get("fecha"))
        except ValueError:
            return None
        return self._avances.get((meta.pk, fecha)) if meta is not None else None

    def import_instance(self, instance, row, **kwargs):
        errores: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errores = error.update_error_dict(errores)
        if instance.publicar_desde is None and instance.fecha is not None:
            instance.publicar_desde = instance.fecha  # public from its own date unless the file says
        self._publicar_vacio = not hojas.texto_de_celda(row.get("publicar_desde"))
        if errores:
            raise ValidationError(errores)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            errores = dict(error.error_dict)
            if "meta" in errores:  # the model's field is the file's `codigo` column
                errores["codigo"] = errores.pop("meta")
            if "fecha" in errores and self._publicar_vacio:
                errores.pop("publicar_desde", None)  # it follows the bad date: one message, not two
            raise ValidationError(errores) from None

    def filas_exportables(self, consulta):
        return consulta.select_related("meta")
