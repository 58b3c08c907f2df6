"""Ley 1755/2015 art. 22: more than ten petitions with the same object answered once.

Each request keeps its radicado, its own answer event and its own notification (the answer is e-mailed
or published to each petitioner as any answer); the consolidated row ties them together.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from civic.expedientes.maquina import TransicionInvalida
from civic.expedientes.servicios import servicio
from civic.models import Usuario
from pqrs.models import MateriaReservada, RespuestaConsolidada, SentidoRespuesta, Solicitud

from ._base import ahora_o, exigir, persona
from .cierre import responder

# Art. 22: "Cuando más de diez (10) personas formulen peticiones análogas, de información, de interés
# general o de consulta". The modalidades by their codes, which are fixed (the admin cannot edit them).
MINIMO_PETICIONES = 11
MODALIDADES = frozenset(
    {"peticion-interes-general", "peticion-documentos", "acceso-informacion-publica", "consulta"}
)


@servicio
def responder_consolidada(
    *,
    solicitudes: list[Solicitud],
    objeto: str,
    texto: str,
    sentido: str = SentidoRespuesta.DE_FONDO,
    materia_reservada: MateriaReservada | None = None,
    actor: Usuario,
    ahora: datetime | None = None,
) -> RespuestaConsolidada:
    """Answer every request in one transaction: all of them or none."""
    ahora = ahora_o(ahora)
    objeto = exigir(objeto, "objeto", gettext("Describa el objeto común de las peticiones."))
    texto = exigir(texto, "texto", gettext("Escriba la respuesta."))
    solicitudes = sorted({s.pk: s for s in solicitudes}.values(), key=lambda s: s.pk)
    otras = sorted({s.radicado for s in solicitudes if s.modalidad.codigo not in MODALIDADES})
    if otras:
        raise ValidationError(
            gettext(
                "La respuesta consolidada es para peticiones de información, de interés general o de "
                "consulta (Ley 1755 de 2015, art. 22); estas no lo son: %(radicados)s."
            )
            % {"radicados": ", ".join(otras)},
            code="modalidad_no_consolidable",
        )
    personas = len({persona(s) for s in solicitudes})
    if personas < MINIMO_PETICIONES:
        raise ValidationError(
            gettext(
                "La respuesta consolidada procede cuando más de diez personas piden lo mismo (Ley 1755 de "
                "2015, art. 22); las solicitudes seleccionadas son de %(n)s."
            )
            % {"n": personas},
            code="pocas_peticiones",
        )
    registro = RespuestaConsolidada.objects.create(objeto=objeto, texto=texto, actor=actor, momento=ahora)
    # In primary-key order, so two clerks consolidating overlapping groups lock in the same order.
    for solicitud in solicitudes:
        try:
            responder.en_transaccion(
                solicitud=solicitud,
                texto=texto,
                sentido=sentido,
                materia_reservada=materia_reservada,
                actor=actor,
                ahora=ahora,
                consolidada=registro,
            )
        except (ValidationError, TransicionInvalida) as error:
            # Say which one: the clerk selected many, and nothing was answered.
            motivo = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise ValidationError(
                gettext("No se respondió ninguna: %(radicado)s: %(error)s")
                % {"radicado": solicitud.radicado, "error": motivo},
                code="solicitud_no_respondible",
            ) from error
    return registro
