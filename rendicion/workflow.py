"""The state machines of rendición: an informe's, an audiencia question's and an improvement action's."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civic.expedientes.maquina import Maquina
from civic.plazos.compromisos import maquina_de_compromiso


class EstadoInforme(models.TextChoices):
    BORRADOR = "borrador", _("Borrador")
    PUBLICADO = "publicado", _("Publicado")
    REEMPLAZADO = "reemplazado", _("Reemplazado por una versión corregida")


class AccionInforme(models.TextChoices):
    PUBLICAR = "publicar", _("publicar")
    REEMPLAZAR = "reemplazar", _("reemplazar")


MAQUINA_INFORME = Maquina(
    estados=EstadoInforme,
    acciones=AccionInforme,
    transiciones={
        AccionInforme.PUBLICAR: {EstadoInforme.BORRADOR: EstadoInforme.PUBLICADO},
        AccionInforme.REEMPLAZAR: {EstadoInforme.PUBLICADO: EstadoInforme.REEMPLAZADO},
    },
    sujeto=_("un informe"),
    sujeto_definido=_("el informe"),
)


class EstadoPregunta(models.TextChoices):
    RECIBIDA = "recibida", _("Recibida, en moderación")
    PUBLICADA = "publicada", _("Publicada, por responder")
    FUSIONADA = "fusionada", _("Unida a otra pregunta igual")
    RECHAZADA = "rechazada", _("No publicada")
    RESPONDIDA = "respondida", _("Respondida")


class AccionPregunta(models.TextChoices):
    PUBLICAR = "publicar", _("publicar")
    FUSIONAR = "fusionar", _("unir a otra")
    RECHAZAR = "rechazar", _("rechazar")
    RESPONDER = "responder", _("responder")


MAQUINA_PREGUNTA = Maquina(
    estados=EstadoPregunta,
    acciones=AccionPregunta,
    transiciones={
        AccionPregunta.PUBLICAR: {EstadoPregunta.RECIBIDA: EstadoPregunta.PUBLICADA},
        AccionPregunta.FUSIONAR: {
            EstadoPregunta.RECIBIDA: EstadoPregunta.FUSIONADA,
            EstadoPregunta.PUBLICADA: EstadoPregunta.FUSIONADA,
        },
        AccionPregunta.RECHAZAR: {EstadoPregunta.RECIBIDA: EstadoPregunta.RECHAZADA},
        # Ley 1757/2015 art. 56: every question gets a written answer, even one not published.
        AccionPregunta.RESPONDER: {
            EstadoPregunta.RECIBIDA: EstadoPregunta.RESPONDIDA,
            EstadoPregunta.PUBLICADA: EstadoPregunta.RESPONDIDA,
            EstadoPregunta.RECHAZADA: EstadoPregunta.RESPONDIDA,
        },
    },
    sujeto=_("una pregunta"),
    sujeto_definido=_("la pregunta"),
    # The 15 business days run until the written answer.
    en_curso=frozenset({EstadoPregunta.RECIBIDA, EstadoPregunta.PUBLICADA, EstadoPregunta.RECHAZADA}),
)


class EstadoAccion(models.TextChoices):
    PENDIENTE = "pendiente", _("Pendiente")
    EN_CURSO = "en_curso", _("En curso")
    CUMPLIDA = "cumplida", _("Cumplida")
    CANCELADA = "cancelada", _("Cancelada")


class AccionDeMejora(models.TextChoices):
    INICIAR = "iniciar", _("iniciar")
    CUMPLIR = "cumplir", _("dar por cumplida")
    CANCELAR = "cancelar", _("cancelar")


# «Vencida» is the traffic light of a running action past its date, never a state.
MAQUINA_ACCION = maquina_de_compromiso(
    estados=EstadoAccion,
    acciones=AccionDeMejora,
    cumplido=EstadoAccion.CUMPLIDA,
    cancelado=EstadoAccion.CANCELADA,
    sujeto=_("una acción de mejora"),
    sujeto_definido=_("la acción de mejora"),
)
