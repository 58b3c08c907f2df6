"""The registry as CSV: one django-import-export resource both writes and reads it, so the file the
registry exports is the file it imports (export, edit in a spreadsheet, import back).

A row updates the organization of its `id`, else the one of its NIT, else creates one. Every value is
checked here and by the model (`full_clean`: NIT check digit, choices, the CHECK and unique constraints),
and each refusal is a Spanish message tied to its column. Writing goes through
`organizaciones.services.importacion`, which owns the transaction and the state's act (`CambioEstado`).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from stdnum.co import nit as stdnum_nit

from civic import hojas
from civic.importacion import Comunas, Fecha, OpcionesDeImportacion, Texto, vacia
from civic.importacion import plano as _plano
from civic.models import Barrio, Comuna

from .models import (
    ClaseTerritorio,
    EstadoOrganizacion,
    Organizacion,
    TipoOrganizacion,
    normalizar_nit,
    validar_nit,
)
from .validaciones import validar_constitucion

# The file's columns, in order: the model's attribute names, so a message names the column it is about.
COLUMNAS = (
    "id",
    "tipo",
    "nombre",
    "nit",
    "ruc",
    "comuna",
    "barrio",
    "clase_territorio",
    "direccion",
    "correo_contacto",
    "telefono_contacto",
    "contacto_publico",
    "fecha_constitucion",
    "afiliados",
    "familias",
    "personeria_numero",
    "personeria_fecha",
    "personeria_autoridad",
    "estado",
    "suspendida_hasta",
)
OBLIGATORIAS = ("tipo", "nombre", "comuna", "estado")


class Opcion(widgets.Widget):
    """A choice written as its code (`jac`) or its label (`Junta de Acción Comunal`), any case or accents."""

    def __init__(self, opciones, mensaje: str, obligatoria: bool = True):
        super().__init__()
        self.opciones = opciones
        self.mensaje = mensaje
        self.obligatoria = obligatoria

    def clean(self, value, row=None, **kwargs):
        texto = hojas.texto_de_celda(value)
        if vacia(texto, self.obligatoria):
            return ""
        buscado = _plano(texto)
        for codigo, etiqueta in self.opciones.choices:
            if buscado in (_plano(codigo), _plano(str(etiqueta))):
                return codigo
        raise ValueError(self.mensaje % {"valor": texto, "validos": ", ".join(self.opciones.values)})

    def render(self, value, obj=None, **kwargs):
        return value or ""


class Entero(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        texto = hojas.texto_de_celda(value).replace(".", "").replace(" ", "")
        if not texto:
            return 0
        if not texto.isdigit():
            raise ValueError(
                _("«%(valor)s» no es un número entero sin signo.") % {"valor": hojas.texto_de_celda(value)}
            )
        return int(texto)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class SiNo(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        texto = _plano(hojas.texto_de_celda(value))
        if texto in ("si", "s", "1", "true", "x"):
            return True
        if texto in ("", "no", "n", "0", "false"):
            return False
        raise ValueError(_("«%(valor)s» no es «sí» ni «no».") % {"valor": hojas.texto_de_celda(value)})

    def render(self, value, obj=None, **kwargs):
        return _("sí") if value else _("no")


class Nit(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        texto = hojas.texto_de_celda(value)
        if not texto:
            return ""
        try:
            validar_nit(texto)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return normalizar_nit(texto)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class Territorio(widgets.Widget):
    """Comuna by number (an urban comuna) or by name; barrio by name inside the row's comuna. The
    resource loads the territory once per file, so no row queries it."""

    def __init__(self, resource, es_barrio: bool = False):
        super().__init__()
        self.resource = resource
        self.es_barrio = es_barrio

    def clean(self, value, row=None, **kwargs):
        texto = hojas.texto_de_celda(value)
        if self.es_barrio:
            return self.resource.buscar_barrio(texto, row) if texto else None
        if not texto:
            raise ValueError(_("Falta el valor: la columna es obligatoria."))
        return self.resource.buscar_comuna(texto)

    def render(self, value, obj=None, **kwargs):
        return value.nombre if value else ""


class OrganizacionResource(resources.ModelResource):
    """The registry's columns. `actor` and `hoy` are who imports and the date of the act it records."""

    def __init__(self, *, actor=None, hoy: date | None = None, **kwargs):
        super().__init__(**kwargs)
        self.actor = actor
        self.hoy = hoy
        self._comunas: Comunas | None = None
        self._barrios: dict[tuple[int, str], Barrio] = {}
        self._nits: dict[str, int] = {}
        self._anteriores: dict[int, tuple[str, date | None]] = {}
        self.fields["comuna"].widget = Territorio(self)
        self.fields["barrio"].widget = Territorio(self, es_barrio=True)

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget(), readonly=True)
    tipo = fields.Field(
        attribute="tipo",
        column_name="tipo",
        widget=Opcion(
            TipoOrganizacion, _("«%(valor)s» no es un tipo de organización. Use uno de: %(validos)s.")
        ),
    )
    nombre = fields.Field(attribute="nombre", column_name="nombre", widget=Texto())
    nit = fields.Field(attribute="nit", column_name="nit", widget=Nit())
    ruc = fields.Field(attribute="ruc", column_name="ruc", widget=Texto())
    comuna = fields.Field(attribute="comuna", column_name="comuna")
    barrio = fields.Field(attribute="barrio", column_name="barrio", saves_null_values=True)
    clase_territorio = fields.Field(
        attribute="clase_territorio",
        column_name="clase_territorio",
        widget=Opcion(
            ClaseTerritorio,
            _("«%(valor)s» no es una clase de territorio. Use una de: %(validos)s."),
            obligatoria=False,
        ),
    )
    direccion = fields.Field(attribute="direccion", column_name="direccion", widget=Texto())
    correo_contacto = fields.Field(attribute="correo_contacto", column_name="correo_contacto", widget=Texto())
    telefono_contacto = fields.Field(
        attribute="telefono_contacto", column_name="telefono_contacto", widget=Texto()
    )
    contacto_publico = fields.Field(
        attribute="contacto_publico", column_name="contacto_publico", widget=SiNo()
    )
    fecha_constitucion = fields.Field(
        attribute="fecha_constitucion",
        column_name="fecha_constitucion",
        widget=Fecha(),
        saves_null_values=True,
    )
    afiliados = fields.Field(attribute="afiliados", column_name="afiliados", widget=Entero())
    familias = fields.Field(attribute="familias", column_name="familias", widget=Entero())
    personeria_numero = fields.Field(
        attribute="personeria_numero", column_name="personeria_numero", widget=Texto()
    )
    personeria_fecha = fields.Field(
        attribute="personeria_fecha", column_name="personeria_fecha", widget=Fecha(), saves_null_values=True
    )
    personeria_autoridad = fields.Field(
        attribute="personeria_autoridad", column_name="personeria_autoridad", widget=Texto()
    )
    estado = fields.Field(
        attribute="estado",
        column_name="estado",
        widget=Opcion(EstadoOrganizacion, _("«%(valor)s» no es un estado. Use uno de: %(validos)s.")),
    )
    suspendida_hasta = fields.Field(
        attribute="suspendida_hasta", column_name="suspendida_hasta", widget=Fecha(), saves_null_values=True
    )

    class Meta(OpcionesDeImportacion):
        model = Organizacion
        fields = COLUMNAS
        export_order = COLUMNAS
        import_id_fields = ["id"]

    # --- territory, loaded once per file -------------------------------------------------------------

    def _cargar_territorio(self):
        if self._comunas is None:
            self._comunas = Comunas()
            self._comunas.indice()
            for barrio in Barrio.objects.all():
                self._barrios[(barrio.comuna_id, _plano(barrio.nombre))] = barrio

    def buscar_comuna(self, texto: str) -> Comuna:
        self._cargar_territorio()
        return self._comunas.buscar(texto)

    def buscar_barrio(self, texto: str, row) -> Barrio:
        try:
            comuna = self.buscar_comuna(hojas.texto_de_celda(row.get("comuna")))
        except ValueError:
            raise ValueError(_("No se puede buscar el barrio sin una comuna válida.")) from None
        barrio = self._barrios.get((comuna.pk, _plano(texto)))
        if barrio is None:
            raise ValueError(
                _("«%(valor)s» no es un barrio o vereda de %(comuna)s.")
                % {"valor": texto, "comuna": comuna.nombre}
            )
        return barrio

    # --- which organization a row is ---------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self._cargar_territorio()
        # The NIT's first row, to refuse its repetitions; and the organizations the file names, in one query.
        self._nits = {}
        self._repetidos: dict[int, int] = {}
        self._ids_repetidos: dict[int, int] = {}
        primeros_ids: dict[int, int] = {}
        ids, nits = set(), set()
        for numero, fila in enumerate(dataset.dict, 1):
            texto = hojas.texto_de_celda(fila.get("nit"))
            if texto and stdnum_nit.is_valid(texto):
                nit = normalizar_nit(texto)
                nits.add(nit)
                if nit in self._nits:
                    self._repetidos[numero] = self._nits[nit]
                else:
                    self._nits[nit] = numero
            identificador = hojas.texto_de_celda(fila.get("id"))
            if identificador.isdigit():
                ids.add(int(identificador))
                if int(identificador) in primeros_ids:
                    self._ids_repetidos[numero] = primeros_ids[int(identificador)]
                else:
                    primeros_ids[int(identificador)] = numero
        existentes = Organizacion.objects.filter(pk__in=ids) | Organizacion.objects.filter(nit__in=nits)
        self._por_id = {o.pk: o for o in existentes}
        self._por_nit = {o.nit: o for o in self._por_id.values() if o.nit}

    def get_instance(self, instance_loader, row):
        identificador = hojas.texto_de_celda(row.get("id"))
        numero = self._numero_actual
        if numero in self._ids_repetidos:
            raise ValidationError(
                {
                    "id": _("El id está repetido en el archivo: ya aparece en la fila %(fila)s.")
                    % {"fila": self._ids_repetidos[numero] + 1}
                }
            )
        if identificador:
            if not identificador.isdigit():
                raise ValidationError(
                    {
                        "id": _("«%(valor)s» no es un id: déjelo vacío para una organización nueva.")
                        % {"valor": identificador}
                    }
                )
            instancia = self._por_id.get(int(identificador))
            if instancia is None:
                raise ValidationError(
                    {
                        "id": _("No hay una organización con id %(id)s: déjelo vacío para crearla.")
                        % {"id": identificador}
                    }
                )
            return instancia
        texto = hojas.texto_de_celda(row.get("nit"))
        if texto and stdnum_nit.is_valid(texto):
            return self._por_nit.get(normalizar_nit(texto))
        return None

    def before_import_row(self, row, **kwargs):
        self._numero_actual = kwargs.get("row_number")

    def after_init_instance(self, instance, new, row, **kwargs):
        # What the state was before this row: the act is recorded only when the row changes it.
        if not new:
            self._anteriores[id(instance)] = (instance.estado, instance.suspendida_hasta)

    # --- the law's checks, tied to their column ----------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        errores: dict = {}
        nueva = instance.pk is None
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errores = error.update_error_dict(errores)
        numero = kwargs.get("row_number")
        if numero in self._repetidos and "nit" not in errores:
            errores["nit"] = [
                _("El NIT está repetido en el archivo: ya aparece en la fila %(fila)s.")
                % {"fila": self._repetidos[numero] + 1}
            ]
        for columna in OBLIGATORIAS:
            if columna not in row and nueva and columna not in errores:
                errores[columna] = [_("Falta la columna: es obligatoria para crear una organización.")]
        if "estado" not in errores and "suspendida_hasta" not in errores:
            if instance.estado == EstadoOrganizacion.SUSPENDIDA and not instance.suspendida_hasta:
                errores["suspendida_hasta"] = [
                    _("Una organización suspendida debe decir hasta qué fecha está suspendida.")
                ]
            elif (
                instance.estado == EstadoOrganizacion.SUSPENDIDA
                and self.hoy
                and instance.suspendida_hasta <= self.hoy
            ):
                errores["suspendida_hasta"] = [
                    _("La suspensión ya terminó el %(fecha)s: registre el estado que tiene hoy.")
                    % {"fecha": instance.suspendida_hasta.isoformat()}
                ]
            elif instance.estado != EstadoOrganizacion.SUSPENDIDA and instance.suspendida_hasta:
                errores["suspendida_hasta"] = [
                    _("Solo una organización suspendida lleva fecha de fin de la suspensión.")
                ]
        # Art. 11 is the minimum to constitute: it is checked on the organizations the file creates. An
        # existing one keeps its real count, and falling under half of it is an IVC alert, not a refusal.
        if nueva and not errores.keys() & {"tipo", "clase_territorio", "afiliados", "familias"}:
            try:
                validar_constitucion(
                    tipo=instance.tipo,
                    clase_territorio=instance.clase_territorio,
                    afiliados=instance.afiliados,
                    familias=instance.familias,
                )
            except ValidationError as error:
                errores = error.update_error_dict(errores)
        if errores:
            raise ValidationError(errores)

    # --- the act behind the state --------------------------------------------------------------------

    def after_save_instance(self, instance, row, **kwargs):
        from .services.importacion import registrar_estado_importado

        anterior = self._anteriores.pop(id(instance), None)
        registrar_estado_importado(
            instance,
            estado_anterior=anterior[0] if anterior else "",
            hasta_anterior=anterior[1] if anterior else None,
            actor=self.actor,
            fecha=self.hoy or date.today(),
        )

    def filas_exportables(self, queryset):
        return queryset.select_related("comuna", "barrio")
