"""The registry of community organizations (Ley 2166 de 2021) and of other registered organizations.

Only services write these rows (`organizaciones.services`); the public directory reads them through
`organizaciones.selectors.publico`, which never exposes a person's ID or a contact without consent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from stdnum.co import nit as stdnum_nit

from civic.expedientes.modelos import TipoDocumento
from civic.indices import IndiceTrigramas


class TipoOrganizacion(models.TextChoices):
    JAC = "jac", _("Junta de Acción Comunal")
    JVC = "jvc", _("Junta de Vivienda Comunitaria")
    ASOCOMUNAL = "asocomunal", _("Asociación de Juntas de Acción Comunal (Asocomunal)")
    FEDERACION = "federacion", _("Federación comunal")
    JAL = "jal", _("Junta Administradora Local")
    ONG = "ong", _("Organización no gubernamental")
    FUNDACION = "fundacion", _("Fundación")
    ASOCIACION = "asociacion", _("Asociación")
    MUJERES = "mujeres", _("Organización de mujeres")
    JOVENES = "jovenes", _("Organización de jóvenes")
    DISCAPACIDAD = "discapacidad", _("Organización de personas con discapacidad")
    ETNICA = "etnica", _("Organización de grupo étnico")
    CONSEJO_AFRO = "consejo_afro", _("Consejo comunitario afrodescendiente")
    CABILDO = "cabildo", _("Cabildo indígena")


# Ley 2166/2021 art. 8: the grades of acción comunal; the municipality holds IVC over grades 1-2 (arts. 74,
# 76) and keeps the federación's registry data when the department delegates it.
GRADOS = {
    TipoOrganizacion.JAC: 1,
    TipoOrganizacion.JVC: 1,
    TipoOrganizacion.ASOCOMUNAL: 2,
    TipoOrganizacion.FEDERACION: 3,
}
COMUNALES = frozenset(GRADOS)


class ClaseTerritorio(models.TextChoices):
    """Ley 2166/2021 art. 11: the minimum of afiliados of a JAC depends on where it is."""

    BARRIO_CAPITAL = "barrio_capital", _("Barrio de capital de departamento")
    CENTRO_URBANO = "centro_urbano", _("Barrio de otro centro urbano")
    SIN_BARRIOS = "sin_barrios", _("Población sin división en barrios")
    VEREDA = "vereda", _("Vereda")


class EstadoOrganizacion(models.TextChoices):
    EN_TRAMITE = "en_tramite", _("En trámite")
    ACTIVA = "activa", _("Activa")
    SUSPENDIDA = "suspendida", _("Suspendida")
    CANCELADA = "cancelada", _("Cancelada")
    EN_LIQUIDACION = "en_liquidacion", _("En liquidación")


# What the public directory lists: an organization whose recognition is still in procedure is not yet one.
ESTADOS_PUBLICOS = frozenset(set(EstadoOrganizacion.values) - {EstadoOrganizacion.EN_TRAMITE})


def validar_nit(valor: str) -> None:
    if valor and not stdnum_nit.is_valid(valor):
        raise ValidationError(
            gettext(
                "El NIT «%(nit)s» no es válido: revise los números y el dígito de verificación "
                "(por ejemplo 900373913-4)."
            )
            % {"nit": valor},
            code="nit_invalido",
        )


def normalizar_nit(valor: str) -> str:
    """`900.373.913-4`, `900373913 4`, `9003739134` → `900373913-4`: how the registry writes a NIT."""
    compacto = stdnum_nit.compact(valor or "")
    return f"{compacto[:-1]}-{compacto[-1]}" if len(compacto) > 1 else compacto


class OrganizacionQuerySet(models.QuerySet):
    def publicas(self):
        return self.filter(estado__in=ESTADOS_PUBLICOS)


class Organizacion(models.Model):
    tipo = models.CharField(_("tipo"), max_length=20, choices=TipoOrganizacion.choices)
    nombre = models.CharField(_("nombre"), max_length=200)
    nit = models.CharField(
        _("NIT"),
        max_length=15,
        blank=True,
        validators=[validar_nit],
        help_text=_("Con dígito de verificación, por ejemplo 900373913-4."),
    )
    ruc = models.CharField(
        _("número RUC"),
        max_length=30,
        blank=True,
        help_text=_("Registro Único Comunal del Ministerio del Interior (contratación comunitaria)."),
    )
    comuna = models.ForeignKey(
        "civic.Comuna", on_delete=models.PROTECT, related_name="organizaciones", verbose_name=_("comuna")
    )
    barrio = models.ForeignKey(
        "civic.Barrio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizaciones",
        verbose_name=_("barrio o vereda"),
    )
    clase_territorio = models.CharField(
        _("clase de territorio"), max_length=20, choices=ClaseTerritorio.choices, blank=True
    )
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    correo_contacto = models.EmailField(_("correo de contacto"), blank=True)
    telefono_contacto = models.CharField(_("teléfono de contacto"), max_length=30, blank=True)
    # Ley 1581/2012 art. 9: the contact is published only with the organization's authorization.
    contacto_publico = models.BooleanField(
        _("autoriza publicar el contacto"),
        default=False,
        help_text=_("Solo con autorización expresa se publican dirección, correo y teléfono."),
    )
    fecha_constitucion = models.DateField(_("fecha de constitución"), null=True, blank=True)
    afiliados = models.PositiveIntegerField(_("afiliados"), default=0)
    familias = models.PositiveIntegerField(
        _("familias"), default=0, help_text=_("Solo juntas de vivienda comunitaria.")
    )
    # Asocomunal and federación: the organizations of the lower grade that founded or joined it (art. 11).
    afiliadas = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="asociaciones",
        verbose_name=_("organizaciones afiliadas"),
    )
    personeria_numero = models.CharField(_("resolución de personería jurídica"), max_length=60, blank=True)
    personeria_fecha = models.DateField(_("fecha de la personería"), null=True, blank=True)
    personeria_autoridad = models.CharField(_("autoridad que la otorgó"), max_length=200, blank=True)
    estado = models.CharField(
        _("estado"), max_length=20, choices=EstadoOrganizacion.choices, default=EstadoOrganizacion.EN_TRAMITE
    )
    suspendida_hasta = models.DateField(_("suspendida hasta"), null=True, blank=True)
    # Art. 11 and 36: a year without activity leads to suspension; the assemblies, procedures and IVC
    # visits that show activity move this date.
    ultima_actividad = models.DateField(_("última actividad registrada"), null=True, blank=True)
    creada = models.DateTimeField(_("registrada en"), auto_now_add=True)

    objects = OrganizacionQuerySet.as_manager()

    class Meta:
        verbose_name = _("organización")
        verbose_name_plural = _("organizaciones")
        ordering = ["nombre", "id"]
        permissions = [
            (
                "ver_datos_personales",
                _("Puede ver documentos y datos de contacto de dignatarios y peticionarios"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nit"],
                condition=~Q(nit=""),
                name="organizaciones_nit_unico",
                violation_error_message=_("Ya hay una organización registrada con ese NIT."),
            ),
            models.CheckConstraint(
                condition=Q(estado=EstadoOrganizacion.SUSPENDIDA, suspendida_hasta__isnull=False)
                | ~Q(estado=EstadoOrganizacion.SUSPENDIDA),
                name="organizaciones_suspension_con_fecha",
                violation_error_message=_("Una suspensión debe decir hasta qué fecha."),
            ),
        ]
        indexes = [
            IndiceTrigramas("nombre", name="org_nombre_trgm"),
            models.Index(fields=["estado", "tipo", "comuna", "nombre"], name="org_directorio_idx"),
            models.Index(fields=["comuna", "estado", "nombre"], name="org_comuna_idx"),
            # The directory's order with no filter or a common word: read in order, stop at the page.
            models.Index(fields=["nombre", "id"], name="org_nombre_orden_idx"),
        ]

    def __str__(self):
        return self.nombre

    @property
    def grado(self) -> int | None:
        return GRADOS.get(self.tipo)

    @property
    def es_comunal(self) -> bool:
        return self.tipo in COMUNALES

    @property
    def territorio(self) -> str:
        return f"{self.barrio}, {self.comuna}" if self.barrio_id else str(self.comuna)


class CambioEstado(models.Model):
    """Every change of an organization's state, with the act behind it: the state's own history."""

    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="cambios_estado", verbose_name=_("organización")
    )
    estado_anterior = models.CharField(
        _("estado anterior"), max_length=20, choices=EstadoOrganizacion.choices, blank=True
    )
    estado_nuevo = models.CharField(_("estado nuevo"), max_length=20, choices=EstadoOrganizacion.choices)
    hasta = models.DateField(_("hasta"), null=True, blank=True)
    resolucion = models.ForeignKey(
        "organizaciones.Resolucion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cambios_estado",
        verbose_name=_("acto administrativo"),
    )
    acto = models.CharField(
        _("acto"), max_length=200, blank=True, help_text=_("El acto cuando no es una resolución del portal.")
    )
    motivo = models.TextField(_("motivo"), blank=True)
    fecha = models.DateField(_("fecha"))
    registrado_en = models.DateTimeField(_("registrado en"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("registró")
    )

    class Meta:
        verbose_name = _("cambio de estado")
        verbose_name_plural = _("cambios de estado")
        ordering = ["fecha", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolucion__isnull=False) | ~Q(acto=""),
                name="organizaciones_cambio_con_acto",
                violation_error_message=_("Todo cambio de estado debe citar el acto que lo ordena."),
            )
        ]

    def __str__(self):
        return f"{self.get_estado_nuevo_display()} ({self.fecha})"


class Estatuto(models.Model):
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="estatutos", verbose_name=_("organización")
    )
    version = models.PositiveSmallIntegerField(_("versión"))
    fecha_aprobacion = models.DateField(_("aprobados por la asamblea el"))
    archivo = models.FileField(_("archivo"), upload_to="organizaciones/estatutos/%Y", blank=True)
    resolucion = models.ForeignKey(
        "organizaciones.Resolucion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("resolución"),
    )
    tramite = models.ForeignKey(
        "organizaciones.Tramite",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="estatutos",
        verbose_name=_("trámite"),
    )

    class Meta:
        verbose_name = _("estatutos")
        verbose_name_plural = _("estatutos")
        ordering = ["organizacion", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organizacion", "version"],
                name="organizaciones_estatuto_version_unica",
                violation_error_message=_("Esa versión de los estatutos ya está registrada."),
            )
        ]

    def __str__(self):
        return gettext("Estatutos, versión %(v)s") % {"v": self.version}


class Cargo(models.TextChoices):
    """Ley 2166/2021 arts. 33-35 (dignatarios); Ley 136/1994 (ediles); representante legal of others."""

    PRESIDENTE = "presidente", _("Presidente")
    VICEPRESIDENTE = "vicepresidente", _("Vicepresidente")
    TESORERO = "tesorero", _("Tesorero")
    SECRETARIO = "secretario", _("Secretario")
    FISCAL = "fiscal", _("Fiscal")
    FISCAL_SUPLENTE = "fiscal_suplente", _("Fiscal suplente")
    CONCILIADOR = "conciliador", _("Conciliador")
    DELEGADO = "delegado", _("Delegado")
    DELEGADO_SUPLENTE = "delegado_suplente", _("Delegado suplente")
    COORDINADOR_COMISION = "coordinador_comision", _("Coordinador de comisión de trabajo")
    EDIL = "edil", _("Edil")
    REPRESENTANTE_LEGAL = "representante_legal", _("Representante legal")


# Who represents the organization before third parties (the certificate's legal representative).
CARGOS_REPRESENTANTES = (Cargo.PRESIDENTE, Cargo.REPRESENTANTE_LEGAL)


class Genero(models.TextChoices):
    MUJER = "mujer", _("Mujer")
    HOMBRE = "hombre", _("Hombre")
    OTRO = "otro", _("Otro / no binario")


class DignatarioQuerySet(models.QuerySet):
    def vigentes(self):
        return self.filter(vigente=True)


class Dignatario(models.Model):
    """A person in a cargo for a period. Rows are never deleted: a new inscription ends the old ones
    (`vigente=False`, `retirado_en`), so the history of every junta stays."""

    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="dignatarios", verbose_name=_("organización")
    )
    nombres = models.CharField(_("nombres"), max_length=120)
    apellidos = models.CharField(_("apellidos"), max_length=120)
    # Never public (DOMAIN.md §3): shown only to staff with the personal-data permission.
    tipo_documento = models.CharField(
        _("tipo de documento"), max_length=5, choices=TipoDocumento.choices, default=TipoDocumento.CC
    )
    numero_documento = models.CharField(_("número de documento"), max_length=20)
    genero = models.CharField(_("género"), max_length=10, choices=Genero.choices)
    cargo = models.CharField(_("cargo"), max_length=30, choices=Cargo.choices)
    comision = models.CharField(
        _("comisión de trabajo"), max_length=120, blank=True, help_text=_("Solo coordinadores de comisión.")
    )
    inicio = models.DateField(_("inicio del periodo"))
    fin = models.DateField(_("fin del periodo"))
    resolucion = models.ForeignKey(
        "organizaciones.Resolucion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dignatarios",
        verbose_name=_("resolución de inscripción"),
    )
    tramite = models.ForeignKey(
        "organizaciones.Tramite",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dignatarios",
        verbose_name=_("trámite"),
    )
    vigente = models.BooleanField(_("vigente"), default=False)
    retirado_en = models.DateField(_("retirado el"), null=True, blank=True)

    objects = DignatarioQuerySet.as_manager()

    class Meta:
        verbose_name = _("dignatario")
        verbose_name_plural = _("dignatarios")
        ordering = ["organizacion", "cargo", "apellidos", "id"]
        constraints = [
            # Ley 2166/2021 art. 35 (incompatibilidades): an active dignatario of one organization only.
            models.UniqueConstraint(
                fields=["tipo_documento", "numero_documento"],
                condition=Q(vigente=True),
                name="organizaciones_dignatario_activo_unico",
                violation_error_message=_(
                    "Esta persona ya es dignataria activa de otra organización: una persona solo puede ser "
                    "dignataria activa de una organización."
                ),
            ),
            models.CheckConstraint(
                condition=Q(fin__gt=models.F("inicio")),
                name="organizaciones_dignatario_periodo",
                violation_error_message=_("El fin del periodo debe ser posterior a su inicio."),
            ),
            models.CheckConstraint(
                condition=Q(vigente=False) | Q(resolucion__isnull=False),
                name="organizaciones_dignatario_vigente_inscrito",
                violation_error_message=_("Solo un dignatario inscrito por resolución puede estar vigente."),
            ),
        ]
        indexes = [
            models.Index(fields=["organizacion", "vigente"], name="org_dignatario_vigente_idx"),
        ]

    def __str__(self):
        return f"{self.nombres} {self.apellidos} ({self.get_cargo_display()})"

    @property
    def nombre_completo(self) -> str:
        return f"{self.nombres} {self.apellidos}"


class TipoLibro(models.TextChoices):
    """Ley 2166/2021 art. 65."""

    TESORERIA = "tesoreria", _("Tesorería")
    INVENTARIOS = "inventarios", _("Inventarios")
    ACTAS_ASAMBLEA = "actas_asamblea", _("Actas de asamblea")
    AFILIADOS = "afiliados", _("Registro de afiliados")
    CONVIVENCIA = "convivencia", _("Actas de la comisión de convivencia y conciliación")
    JUNTA_DIRECTIVA = "junta_directiva", _("Actas de junta directiva")


class Libro(models.Model):
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="libros", verbose_name=_("organización")
    )
    tipo = models.CharField(_("libro"), max_length=20, choices=TipoLibro.choices)
    folios = models.PositiveIntegerField(_("folios"))
    fecha_registro = models.DateField(_("fecha de registro"), null=True, blank=True)
    resolucion = models.ForeignKey(
        "organizaciones.Resolucion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="libros",
        verbose_name=_("acto de registro"),
    )
    tramite = models.ForeignKey(
        "organizaciones.Tramite",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="libros",
        verbose_name=_("trámite"),
    )

    class Meta:
        verbose_name = _("libro")
        verbose_name_plural = _("libros")
        ordering = ["organizacion", "tipo", "fecha_registro"]

    def __str__(self):
        return self.get_tipo_display()


class Eleccion(models.Model):
    """An election of dignatarios, with its tribunal de garantías (art. 36; formed 30 days before)."""

    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="elecciones", verbose_name=_("organización")
    )
    fecha = models.DateField(_("fecha de la elección"))
    tribunal_conformado_en = models.DateField(_("tribunal de garantías conformado el"), null=True, blank=True)
    fuera_de_termino = models.BooleanField(_("autorizada fuera de término"), default=False)

    class Meta:
        verbose_name = _("elección")
        verbose_name_plural = _("elecciones")
        ordering = ["-fecha"]
        indexes = [models.Index(fields=["fecha"], name="org_eleccion_fecha_idx")]

    def __str__(self):
        return gettext("Elección del %(fecha)s") % {"fecha": self.fecha}


class Capacitacion(models.Model):
    """A training session the secretaría gives to organizations (rendición counts them)."""

    fecha = models.DateField(_("fecha"))
    tema = models.CharField(_("tema"), max_length=200)
    comuna = models.ForeignKey(
        "civic.Comuna", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("comuna")
    )
    organizaciones = models.ManyToManyField(
        Organizacion, blank=True, related_name="capacitaciones", verbose_name=_("organizaciones asistentes")
    )
    asistentes = models.PositiveIntegerField(_("número de asistentes"))

    class Meta:
        verbose_name = _("capacitación")
        verbose_name_plural = _("capacitaciones")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.tema} ({self.fecha})"
