from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Modalidad(models.Model):
    """A kind of petition and its legal term, kept as data (Ley 1755 de 2015 arts. 14 and 30).

    `plazo_dias` is null where the law sets no term (felicitación); the municipality may set one.
    """

    codigo = models.SlugField(_("código"), max_length=50, unique=True)
    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    explicacion = models.CharField(
        _("explicación"), max_length=300, help_text=_("Una línea en lenguaje claro para la ciudadanía.")
    )
    plazo_dias = models.PositiveSmallIntegerField(
        _("plazo en días hábiles"),
        null=True,
        blank=True,
        help_text=_("Vacío cuando la ley no fija un término."),
    )
    fundamento = models.CharField(_("fundamento legal"), max_length=300)
    es_acceso_informacion = models.BooleanField(
        _("es solicitud de acceso a información"),
        default=False,
        help_text=_("Se cuenta en el informe de solicitudes de acceso a información (Ley 1712 de 2014)."),
    )
    # Ley 1755/2015 art. 27: legal reserve cannot be opposed to an authority asking in its functions.
    entre_autoridades = models.BooleanField(
        _("es petición entre autoridades"),
        default=False,
        help_text=_("La reserva legal no es oponible a estas peticiones (Ley 1755 de 2015, art. 27)."),
    )
    activa = models.BooleanField(_("activa"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("modalidad de petición")
        verbose_name_plural = _("modalidades de petición")
        ordering = ["orden", "nombre"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plazo_dias__isnull=True) | Q(plazo_dias__gt=0), name="modalidad_plazo_positivo"
            ),
        ]

    def __str__(self):
        return self.nombre


class CondicionPoblacional(models.Model):
    """A population condition the petitioner may declare (optional: sensitive data, Ley 1581 de 2012)."""

    codigo = models.SlugField(_("código"), max_length=50, unique=True)
    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    da_prelacion = models.BooleanField(
        _("da atención preferente"),
        default=False,
        help_text=_("CPACA art. 5 num. 6; Ley 1755 de 2015 art. 20 (periodistas)."),
    )
    activa = models.BooleanField(_("activa"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("condición poblacional")
        verbose_name_plural = _("condiciones poblacionales")
        ordering = ["orden", "nombre"]

    def __str__(self):
        return self.nombre


class Entidad(models.Model):
    """Another authority the office remits to: a petition outside its competence (Ley 1755/2015 art. 21),
    or an insistence on reserved information to the administrative judge (art. 26). Kept as data."""

    class Tipo(models.TextChoices):
        ENTIDAD = "entidad", _("Entidad pública")
        TRIBUNAL = "tribunal", _("Tribunal o juzgado administrativo")

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices, default=Tipo.ENTIDAD)
    correo = models.EmailField(
        _("correo de radicación"), help_text=_("Donde la entidad recibe peticiones y oficios.")
    )
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    activa = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("entidad competente")
        verbose_name_plural = _("entidades competentes")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class MateriaReservada(models.Model):
    """A matter the law reserves, and its norm: the only ground to deny information or documents
    (Ley 1755/2015 arts. 24 and 25; Ley 1712/2014 arts. 18 and 19)."""

    nombre = models.CharField(_("materia"), max_length=200, unique=True)
    norma = models.CharField(
        _("norma"), max_length=300, help_text=_("La disposición legal o constitucional que la reserva.")
    )
    activa = models.BooleanField(_("activa"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        verbose_name = _("materia con reserva legal")
        verbose_name_plural = _("materias con reserva legal")
        ordering = ["orden", "nombre"]

    def __str__(self):
        return self.nombre
