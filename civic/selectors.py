"""Reads of the kernel's data that other apps' pages need."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from civic.models import Comuna, Notificacion

# The civic.memo group of the territory: pages and forms that list comunas keep them in memory until an
# edit of a Comuna (civic.apps connects its signals).
GRUPO_TERRITORIO = "civic:territorio"


def notificaciones_de(objeto: models.Model) -> QuerySet[Notificacion]:
    """Every outbox message about an object (sent, pending, failed), newest first, for its staff page."""
    return Notificacion.objects.filter(
        objeto_tipo=ContentType.objects.get_for_model(objeto), objeto_id=objeto.pk
    ).order_by("-creada", "-id")


def comunas() -> QuerySet[Comuna]:
    """Comunas and corregimientos in the order people look for them (urban by number, then rural)."""
    return Comuna.objects.order_by("tipo", "numero")
