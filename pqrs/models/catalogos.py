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
