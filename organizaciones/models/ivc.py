"""Inspección, vigilancia y control (Ley 2166/2021 arts. 74, 76): visits and their requirements.

Sanctions are not here: a suspension or a cancellation is a procedure opened de oficio
(`ClaseTramite.SUSPENSION`, `CANCELACION`) decided by a reasoned resolution with its documents.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registro import Organizacion


class Visita(models.Model):
    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="visitas", verbose_name=_("organización")
    )
    fecha = models.DateField(_("fecha"))
    funcionario = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("funcionario")
    )
    hallazgos = models.TextField(_("hallazgos"))
    documento = models.FileField(_("acta de visita"), upload_to="organizaciones/ivc/%Y", blank=True)

    class Meta:
        verbose_name = _("visita de IVC")
        verbose_name_plural = _("visitas de IVC")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.organizacion} · {self.fecha}"


class RequerimientoIVC(models.Model):
    """Something the organization must do within a term; a reminder goes out before it ends."""

    organizacion = models.ForeignKey(
        Organizacion, on_delete=models.CASCADE, related_name="requerimientos", verbose_name=_("organización")
    )
    visita = models.ForeignKey(
        Visita,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requerimientos",
        verbose_name=_("visita"),
    )
    descripcion = models.TextField(_("qué se requiere"))
    fecha = models.DateField(_("fecha"))
    plazo_dias = models.PositiveSmallIntegerField(_("plazo en días hábiles"), default=15)
    vence = models.DateField(_("vence"))
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("funcionario a cargo"),
    )
    atendido_en = models.DateField(_("atendido el"), null=True, blank=True)
    respuesta = models.TextField(_("respuesta de la organización"), blank=True)

    class Meta:
        verbose_name = _("requerimiento de IVC")
        verbose_name_plural = _("requerimientos de IVC")
        ordering = ["vence"]
        indexes = [models.Index(fields=["vence"], name="org_requerimiento_vence_idx")]

    def __str__(self):
        return f"{self.organizacion} · {self.vence}"
