"""E-mail subscriptions without an account (double opt-in, Ley 1581 consent, one-click unsubscribe)."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def nueva_llave() -> str:
    return secrets.token_urlsafe(24)


class Suscripcion(models.Model):
    correo = models.EmailField(_("correo electrónico"))
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comuna"),
    )
    instancia = models.ForeignKey(
        "consejos.Instancia",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="suscripciones",
        verbose_name=_("instancia"),
    )
    # The secret in the confirmation and unsubscribe links (never shown elsewhere).
    llave = models.CharField(_("llave"), max_length=64, unique=True, default=nueva_llave, editable=False)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    confirmada_en = models.DateTimeField(_("confirmada en"), null=True, blank=True)
    baja_en = models.DateTimeField(_("se dio de baja en"), null=True, blank=True)
    # Ley 1581/2012 art. 9: which notice was accepted, and when.
    autorizacion_datos_version = models.CharField(_("versión del aviso de privacidad"), max_length=30)
    autorizacion_datos_en = models.DateTimeField(_("autorización otorgada en"))

    class Meta:
        verbose_name = _("suscripción")
        verbose_name_plural = _("suscripciones")
        ordering = ["-creada"]
        # Ley 1581/2012: without it the admin masks the addresses (consejos.admin.suscripciones).
        permissions = [("ver_suscriptores", _("Puede ver los correos de los suscriptores"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(comuna__isnull=False, instancia__isnull=True)
                | Q(comuna__isnull=True, instancia__isnull=False),
                name="consejos_suscripcion_a_una_cosa",
                violation_error_message=_("Suscríbase a una comuna o a una instancia."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["comuna"], condition=Q(baja_en__isnull=True), name="consejos_susc_comuna_idx"
            ),
            models.Index(
                fields=["instancia"], condition=Q(baja_en__isnull=True), name="consejos_susc_inst_idx"
            ),
        ]

    def __str__(self):
        return self.correo
