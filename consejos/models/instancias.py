"""The spaces where the administration meets the community: consejos, comités, mesas, encuentros."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TipoInstancia(models.TextChoices):
    GOBIERNO_COMUNAS = "gobierno_comunas", _("Consejo comunitario de gobierno / Gobierno en las comunas")
    POLITICA_SOCIAL = "politica_social", _("Consejo Municipal de Política Social")
    COMITE_TECNICO = "comite_tecnico", _("Comité técnico")
    MESA = "mesa_concertacion", _("Mesa de concertación")
    PARTICIPACION = "participacion_ciudadana", _("Consejo Municipal de Participación Ciudadana")
    PLANEACION = "territorial_planeacion", _("Consejo Territorial de Planeación")
    ENCUENTRO = "encuentro_comunitario", _("Encuentro comunitario")
    SEGUIMIENTO = "seguimiento_interinstitucional", _("Reunión de seguimiento interinstitucional")
    OTRO = "otro", _("Otra instancia")


class Sector(models.TextChoices):
    ACADEMIA = "academia", _("Academia")
    IGLESIA = "iglesia", _("Iglesia")
    PERSONERIA = "personeria", _("Personería")
    RED_SOLIDARIDAD = "red_solidaridad", _("Red de Solidaridad")
    EMPRESARIAL = "empresarial", _("Sector empresarial")
    ONG = "ong", _("ONG")
    COMUNAL = "organizacion_comunal", _("Organización comunal")
    DISCAPACIDAD = "discapacidad", _("Población con discapacidad")
    ETNICO = "etnico", _("Grupo étnico")
    ADMINISTRACION = "administracion", _("Administración municipal")
    MINISTERIO_PUBLICO = "ministerio_publico", _("Ministerio Público")
    COMUNIDAD = "comunidad", _("Comunidad")
    OTRO = "otro", _("Otro")


class RolIntegrante(models.TextChoices):
    PRESIDE = "preside", _("Preside")
    SECRETARIA_TECNICA = "secretaria_tecnica", _("Secretaría técnica")
    MIEMBRO = "miembro", _("Integrante")
    INVITADO_PERMANENTE = "invitado_permanente", _("Invitado permanente")


# Who counts for the quórum: the members with a vote, not the permanent guests.
ROLES_CON_VOTO = frozenset({RolIntegrante.PRESIDE, RolIntegrante.SECRETARIA_TECNICA, RolIntegrante.MIEMBRO})


class Instancia(models.Model):
    nombre = models.CharField(_("nombre"), max_length=200)
    tipo = models.CharField(_("tipo"), max_length=40, choices=TipoInstancia.choices)
    # Null: municipal scope; otherwise the comuna or corregimiento it belongs to.
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instancias",
        verbose_name=_("comuna o corregimiento"),
        help_text=_("Vacío si es de alcance municipal."),
    )
    descripcion = models.TextField(_("descripción"), blank=True)
    secretaria_tecnica = models.ForeignKey(
        "civic.Dependencia",
        on_delete=models.PROTECT,
        related_name="instancias",
        verbose_name=_("secretaría técnica"),
    )
    inicio = models.DateField(
        _("inicio"), null=True, blank=True, help_text=_("Para las instancias temporales.")
    )
    fin = models.DateField(_("fin"), null=True, blank=True)
    sesiones_minimas_anio = models.PositiveSmallIntegerField(
        _("sesiones mínimas al año"),
        null=True,
        blank=True,
        help_text=_(
            "Cuando la ley fija un mínimo (Consejo de Política Social: 4, Ley 1098 de 2006, art. 207)."
        ),
    )
    # Ley 2166/2021 art. 32 for juntas; a council's own rules may differ: the share of voting members.
    quorum_porcentaje = models.PositiveSmallIntegerField(
        _("quórum (% de integrantes con voto)"), default=50, help_text=_("Más de este porcentaje decide.")
    )
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("instancia")
        verbose_name_plural = _("instancias")
        ordering = ["nombre"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__isnull=True) | Q(inicio__isnull=True) | Q(fin__gte=models.F("inicio")),
                name="consejos_instancia_periodo",
                violation_error_message=_("El fin debe ser posterior al inicio."),
            )
        ]

    def __str__(self):
        return self.nombre


class Integrante(models.Model):
    """A seat in an instancia: a person or a role, their sector and the organization they represent."""

    instancia = models.ForeignKey(
        Instancia, on_delete=models.CASCADE, related_name="integrantes", verbose_name=_("instancia")
    )
    nombre = models.CharField(
        _("nombre"), max_length=200, help_text=_("La persona, o el cargo si es por rol.")
    )
    cargo = models.CharField(_("cargo o rol"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    organizacion = models.ForeignKey(
        "organizaciones.Organizacion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representaciones",
        verbose_name=_("organización que representa"),
    )
    entidad = models.CharField(
        _("entidad u organización"), max_length=200, blank=True, help_text=_("Si no está en el registro.")
    )
    rol = models.CharField(_("rol en la instancia"), max_length=30, choices=RolIntegrante.choices)
    inicio = models.DateField(_("desde"))
    fin = models.DateField(_("hasta"), null=True, blank=True)

    class Meta:
        verbose_name = _("integrante")
        verbose_name_plural = _("integrantes")
        ordering = ["instancia", "rol", "nombre"]

    def __str__(self):
        return self.nombre


class Tema(models.Model):
    nombre = models.CharField(_("nombre"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temas")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class GrupoPoblacional(models.Model):
    nombre = models.CharField(_("nombre"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("grupo poblacional")
        verbose_name_plural = _("grupos poblacionales")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre
