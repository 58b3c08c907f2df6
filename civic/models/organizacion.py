from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Dependencia(models.Model):
    """A secretaría or oficina of the administration that receives and answers requests."""

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    sigla = models.CharField(_("sigla"), max_length=20, unique=True)
    correo = models.EmailField(
        _("correo institucional"), help_text=_("Buzón que recibe avisos de la dependencia.")
    )
    jefe = models.ForeignKey(
        "civic.Usuario",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependencias_a_cargo",
        verbose_name=_("jefe"),
    )
    activa = models.BooleanField(_("activa"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dependencia")
        verbose_name_plural = _("dependencias")
        ordering = ["nombre"]

    def __str__(self):
        return f"{self.nombre} ({self.sigla})"


class Usuario(AbstractUser):
    """A person who signs in: staff of a dependencia (citizens file without an account)."""

    dependencia = models.ForeignKey(
        Dependencia,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funcionarios",
        verbose_name=_("dependencia"),
    )
    cargo = models.CharField(_("cargo"), max_length=150, blank=True)

    # Django's documented way to extend AbstractUser's Meta; django-stubs declares no AbstractUser.Meta.
    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username
