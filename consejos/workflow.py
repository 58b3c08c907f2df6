"""The two state machines of the consejos: an acta's, and a commitment's.

An acta goes draft → approved → published; a correction takes a published acta back to draft as a new
version (the published ones stay visible). A commitment is pending or in progress until it is fulfilled
or cancelled; «vencido» is never a state: it is the traffic light of a running commitment whose due date
passed (`civic.plazos.semaforo`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civic.expedientes.maquina import Maquina
from civic.plazos.compromisos import maquina_de_compromiso


class EstadoActa(models.TextChoices):
    BORRADOR = "borrador", _("Borrador")
    APROBADA = "aprobada", _("Aprobada")
    PUBLICADA = "publicada", _("Publicada")


class AccionActa(models.TextChoices):
    APROBAR = "aprobar", _("aprobar")
    DEVOLVER = "devolver", _("devolver a borrador")
    PUBLICAR = "publicar", _("publicar")
    CORREGIR = "corregir", _("corregir")


MAQUINA_ACTA = Maquina(
    estados=EstadoActa,
    acciones=AccionActa,
    transiciones={
        AccionActa.APROBAR: {EstadoActa.BORRADOR: EstadoActa.APROBADA},
        AccionActa.DEVOLVER: {EstadoActa.APROBADA: EstadoActa.BORRADOR},
        AccionActa.PUBLICAR: {EstadoActa.APROBADA: EstadoActa.PUBLICADA},
        AccionActa.CORREGIR: {EstadoActa.PUBLICADA: EstadoActa.BORRADOR},
    },
    sujeto=_("un acta"),
    sujeto_definido=_("el acta"),
    # An acta not yet published: the secretariat's reminders run on it.
    en_curso=frozenset({EstadoActa.BORRADOR, EstadoActa.APROBADA}),
)


class EstadoCompromiso(models.TextChoices):
    PENDIENTE = "pendiente", _("Pendiente")
    EN_CURSO = "en_curso", _("En curso")
    CUMPLIDO = "cumplido", _("Cumplido")
    CANCELADO = "cancelado", _("Cancelado")


class AccionCompromiso(models.TextChoices):
    INICIAR = "iniciar", _("iniciar")
    CUMPLIR = "cumplir", _("dar por cumplido")
    CANCELAR = "cancelar", _("cancelar")
    REABRIR = "reabrir", _("reabrir")


MAQUINA_COMPROMISO = maquina_de_compromiso(
    estados=EstadoCompromiso,
    acciones=AccionCompromiso,
    cumplido=EstadoCompromiso.CUMPLIDO,
    cancelado=EstadoCompromiso.CANCELADO,
    sujeto=_("un compromiso"),
    sujeto_definido=_("el compromiso"),
    con_reabrir=True,
)
