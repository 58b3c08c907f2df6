"""The states of an organization's procedure and the one table of what may happen when.

radicado → en revisión → requerimiento (the organization corrects; the term pauses) → en revisión →
aprobado / negado → notificado. The term runs while the procedure is radicado or en revisión.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civic.expedientes.maquina import Maquina


class Estado(models.TextChoices):
    RADICADO = "radicado", _("Radicado")
    EN_REVISION = "en_revision", _("En revisión")
    REQUERIMIENTO = "requerimiento", _("Requerimiento a la organización")
    APROBADO = "aprobado", _("Aprobado")
    NEGADO = "negado", _("Negado")
    NOTIFICADO = "notificado", _("Notificado")


class Accion(models.TextChoices):
    REVISAR = "revisar", _("iniciar la revisión de")
    REQUERIR = "requerir", _("requerir a la organización en")
    CORREGIR = "corregir", _("corregir")
    APROBAR = "aprobar", _("aprobar")
    NEGAR = "negar", _("negar")
    NOTIFICAR = "notificar", _("notificar")


MAQUINA = Maquina(
    estados=Estado,
    acciones=Accion,
    transiciones={
        Accion.REVISAR: {Estado.RADICADO: Estado.EN_REVISION},
        Accion.REQUERIR: {Estado.EN_REVISION: Estado.REQUERIMIENTO},
        Accion.CORREGIR: {Estado.REQUERIMIENTO: Estado.EN_REVISION},
        Accion.APROBAR: {Estado.EN_REVISION: Estado.APROBADO},
        Accion.NEGAR: {Estado.EN_REVISION: Estado.NEGADO},
        Accion.NOTIFICAR: {Estado.APROBADO: Estado.NOTIFICADO, Estado.NEGADO: Estado.NOTIFICADO},
    },
    sujeto=_("un trámite"),
    sujeto_definido=_("el trámite"),
    en_curso=frozenset({Estado.RADICADO, Estado.EN_REVISION}),
)
FINALES = frozenset({Estado.NOTIFICADO})
