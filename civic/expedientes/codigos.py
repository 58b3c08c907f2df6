"""A new consultation code for a citizen who lost theirs, for every series.

Only the code's HMAC is kept, so a lost code cannot be sent again: a new one is generated, its hash
replaces the old one (which stops working at once) and the clear code travels only by e-mail to the address
on record, in the outbox's reserved context (erased once sent). Without an e-mail on record nothing is
sent: the citizen proves who they are at the ventanilla with an ID document, where staff renew the code
with the same service.
"""

import logging

from django.conf import settings
from django.db import models
from django.urls import reverse

from civic.services.notificaciones import encolar_correo

from . import radicados
from .maquina import registrar_evento
from .modelos import Radicable
from .servicios import servicio

logger = logging.getLogger(__name__)

TIPO_EVENTO = "codigo_renovado"
PLANTILLA_CORREO = "civic/emails/codigo_nuevo"


def _registrar_renovacion(objeto: Radicable, *, actor, medio: str) -> None:
    """Record the renewal on the expediente's own timeline when its event table can say so; log it always.

    The kernel knows an expediente's events by the `eventos` relation (as its tracking page does); an app
    whose event types are a closed list without this one gets the log line only.
    """
    logger.info("Código de consulta renovado para %s (%s)", objeto.radicado, medio)
    relacion = getattr(objeto, "eventos", None)
    if relacion is None:
        return
    modelo = relacion.model
    campo_tipo = modelo._meta.get_field("tipo")
    if campo_tipo.choices and TIPO_EVENTO not in {str(valor) for valor, _ in campo_tipo.flatchoices}:
        return
    maquina = getattr(type(objeto), "maquina", None)
    estado = getattr(objeto, maquina.campo) if maquina else ""
    foranea = relacion.field.name
    # Staff-only audit: who asked is unknown (the citizen or someone with the radicado), never the code.
    evento = modelo(
        **{foranea: objeto},
        tipo=TIPO_EVENTO,
        estado_anterior=estado,
        estado_nuevo=estado,
        publico=False,
        datos={"medio": medio},
    )
    registrar_evento(evento, actor=actor)


@servicio
def renovar_codigo(objeto: Radicable, *, actor=None, medio: str = "ventanilla") -> str:
    """Give `objeto` a new consultation code and return it; the previous code stops working.

    For the ventanilla (the petitioner identified in person) and for `enviar_codigo_nuevo`.
    """
    objeto.refresh_from_db(
        fields=["codigo_consulta_hash"],
        from_queryset=type(objeto)._default_manager.select_for_update(),
    )
    codigo = radicados.generar_codigo()
    objeto.codigo_consulta_hash = radicados.hash_codigo(objeto.serie, objeto.radicado, codigo)
    objeto.save(update_fields=["codigo_consulta_hash"])
    _registrar_renovacion(objeto, actor=actor, medio=medio)
    return codigo


def _correo(objeto: models.Model) -> str:
    return getattr(objeto, "correo", "") or ""


@servicio
def enviar_codigo_nuevo(radicado: str) -> bool:
    """E-mail a new code to the e-mail on record of `radicado`; False without one (or without the radicado).

    The caller must not tell the two outcomes apart to the visitor: anyone may type any radicado.
    """
    hallado = radicados.buscar(radicado, para_actualizar=True)
    if hallado is None:
        return False
    _expediente, objeto = hallado
    destinatario = _correo(objeto)
    if not destinatario:
        logger.info("Recuperación de código pedida para %s, sin correo registrado", objeto.radicado)
        return False
    codigo = renovar_codigo.en_transaccion(objeto, medio="correo")
    encolar_correo(
        destinatario=destinatario,
        plantilla=PLANTILLA_CORREO,
        contexto=_contexto(objeto),
        contexto_reservado={"codigo": codigo},
        objeto=objeto,
    )
    return True


def _contexto(objeto: Radicable) -> dict:
    anonima = getattr(objeto, "anonima", True)
    return {
        "radicado": objeto.radicado,
        "nombre": "" if anonima else getattr(objeto, "nombre_peticionario", ""),
        "url_consulta": settings.MUNICIPIO["sitio"].rstrip("/") + reverse("expedientes:consultar"),
    }
