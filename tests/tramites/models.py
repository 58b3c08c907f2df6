from django.conf import settings
from django.db import models

from civic.expedientes.maquina import Maquina
from civic.expedientes.modelos import EventoBase, Peticionario, Radicable


class Estado(models.TextChoices):
    RECIBIDO = "recibido", "Recibido"
    EN_ESTUDIO = "en_estudio", "En estudio"
    RESUELTO = "resuelto", "Resuelto"


class Accion(models.TextChoices):
    ESTUDIAR = "estudiar", "estudiar"
    RESOLVER = "resolver", "resolver"


MAQUINA = Maquina(
    estados=Estado,
    acciones=Accion,
    transiciones={
        Accion.ESTUDIAR: {Estado.RECIBIDO: Estado.EN_ESTUDIO},
        Accion.RESOLVER: {Estado.EN_ESTUDIO: Estado.RESUELTO},
    },
    sujeto="un trámite",
    sujeto_definido="el trámite",
    en_curso=frozenset({Estado.RECIBIDO, Estado.EN_ESTUDIO}),
)


class Tramite(Radicable, Peticionario):
    maquina = MAQUINA

    asunto = models.CharField(max_length=200)
    estado = models.CharField(max_length=20, choices=Estado.choices, default=Estado.RECIBIDO)
    fecha_vencimiento = models.DateField()
    responsable = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [*Radicable.Meta.constraints, *Peticionario.Meta.constraints]
        indexes = [models.Index(fields=["fecha_vencimiento"], name="tramites_vence_idx")]


class Evento(EventoBase):
    tramite = models.ForeignKey(Tramite, on_delete=models.CASCADE, related_name="eventos")

    class Meta(EventoBase.Meta):
        pass
