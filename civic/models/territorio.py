from django.db import models
from django.utils.translation import gettext_lazy as _


class Comuna(models.Model):
    """An urban comuna or a rural corregimiento: the unit PQRS, organizations and councils refer to.

    Cali numbers comunas 1-22 and names 15 corregimientos; Palmira numbers 16 comunas of which
    8-16 are rural. `tipo` is what the city calls the unit, `zona` whether it is urban or rural.
    """

    class Tipo(models.TextChoices):
        COMUNA = "comuna", _("Comuna")
        CORREGIMIENTO = "corregimiento", _("Corregimiento")

    class Zona(models.TextChoices):
        URBANA = "urbana", _("Urbana")
        RURAL = "rural", _("Rural")

    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices)
    numero = models.PositiveSmallIntegerField(_("número"))
    nombre = models.CharField(_("nombre"), max_length=120)
    zona = models.CharField(_("zona"), max_length=10, choices=Zona.choices)

    class Meta:
        verbose_name = _("comuna o corregimiento")
        verbose_name_plural = _("comunas y corregimientos")
        ordering = ["tipo", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["tipo", "numero"], name="comuna_tipo_numero_unico"),
        ]

    def __str__(self):
        if self.tipo == self.Tipo.COMUNA and self.nombre == f"Comuna {self.numero}":
            return self.nombre
        return f"{self.get_tipo_display()} {self.numero} – {self.nombre}"


class Barrio(models.Model):
    """A barrio (urban) or vereda (rural) inside a comuna or corregimiento."""

    class Tipo(models.TextChoices):
        BARRIO = "barrio", _("Barrio")
        VEREDA = "vereda", _("Vereda")

    comuna = models.ForeignKey(
        Comuna, on_delete=models.PROTECT, related_name="barrios", verbose_name=_("comuna")
    )
    nombre = models.CharField(_("nombre"), max_length=120)
    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices, default=Tipo.BARRIO)

    class Meta:
        verbose_name = _("barrio o vereda")
        verbose_name_plural = _("barrios y veredas")
        ordering = ["comuna", "nombre"]
        constraints = [
            models.UniqueConstraint(fields=["comuna", "nombre"], name="barrio_comuna_nombre_unico"),
        ]

    def __str__(self):
        return self.nombre
