"""Citizens' questions to an audiencia: filed with a radicado and a code (the kernel's), moderated
(published, merged into an equal one, or not published with a reason), and answered in writing within 15
business days (Ley 1757/2015 art. 56); published answers appear on the audiencia's page."""

from collections.abc import Mapping
from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import calendario
from civic.expedientes import radicados
from civic.expedientes.maquina import bloquear, registrar_evento, transicionar
from civic.expedientes.servicios import radicar_una_vez, servicio
from rendicion.declaraciones import DIAS_PARA_RESPONDER, EXPEDIENTE
from rendicion.models import Audiencia, EventoPregunta, Pregunta
from rendicion.workflow import AccionPregunta, EstadoPregunta

TEXTO_MAX = 2000


def radicar(*, token_radicacion: UUID | None = None, **datos) -> tuple[Pregunta, str | None]:
    """File a question once per form (civic.expedientes.acuse): the same form sent again returns the
    question it filed with no code. The arguments are `_radicar`'s."""
    return radicar_una_vez(
        Pregunta, token_radicacion, lambda: _radicar(token_radicacion=token_radicacion, **datos)
    )


@servicio
def _radicar(
    *,
    audiencia: Audiencia,
    texto: str,
    peticionario: Mapping,
    token_radicacion: UUID | None = None,
    ahora: datetime | None = None,
) -> tuple[Pregunta, str]:
    """File a question; `peticionario` holds the kernel's petitioner fields (anonima, nombres, correo…
    and autorizacion_datos_version when personal data are given)."""
    ahora = ahora or timezone.now()
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({"texto": _("Escriba su pregunta.")}, code="requerido")
    if len(texto) > TEXTO_MAX:
        raise ValidationError({"texto": _("La pregunta admite hasta %(n)s caracteres.") % {"n": TEXTO_MAX}})
    if audiencia.recibe_preguntas_hasta and ahora > audiencia.recibe_preguntas_hasta:
        raise ValidationError(
            _("Esta audiencia ya no recibe preguntas; puede presentar una PQRS en el portal."), code="cerrada"
        )
    efectiva = calendario.fecha_radicacion_efectiva(ahora)
    datos = {k: v for k, v in peticionario.items() if k != "autorizacion_datos_version"}
    version = peticionario.get("autorizacion_datos_version") or ""
    pregunta = Pregunta(
        audiencia=audiencia,
        texto=texto,
        token_radicacion=token_radicacion,
        radicada_en=ahora,
        fecha_radicacion_efectiva=efectiva,
        fecha_vencimiento=calendario.sumar_dias_habiles(efectiva, DIAS_PARA_RESPONDER),
        autorizacion_datos_version=version,
        autorizacion_datos_en=ahora if version else None,
        **datos,
    )
    pregunta.full_clean(
        exclude=[
            "radicado",
            "serie",
            "anio",
            "consecutivo",
            "codigo_consulta_hash",
            "audiencia",
            "responsable",
        ],
        validate_unique=False,
    )
    codigo = radicados.radicar_en(pregunta, EXPEDIENTE, ahora=ahora)
    pregunta.save()
    registrar_evento(
        EventoPregunta(pregunta=pregunta, tipo="radicada", estado_nuevo=pregunta.estado, publico=True),
        momento=ahora,
    )
    return pregunta, codigo


@servicio
def publicar(*, pregunta: Pregunta, actor) -> Pregunta:
    transicionar(
        pregunta,
        AccionPregunta.PUBLICAR,
        evento=EventoPregunta(pregunta=pregunta, tipo="publicada", publico=True),
        actor=actor,
    )
    return pregunta


@servicio
def fusionar(*, pregunta: Pregunta, en: Pregunta, actor) -> Pregunta:
    """An equal question already published: this one is answered with it (the citizen is told)."""
    bloquear(pregunta, AccionPregunta.FUSIONAR)
    if (
        en.pk == pregunta.pk
        or en.audiencia_id != pregunta.audiencia_id
        or en.estado != EstadoPregunta.PUBLICADA
    ):
        raise ValidationError(
            {"en": _("Elija una pregunta publicada de la misma audiencia.")}, code="destino"
        )
    transicionar(
        pregunta,
        AccionPregunta.FUSIONAR,
        evento=EventoPregunta(
            pregunta=pregunta,
            tipo="fusionada",
            publico=True,
            nota=_("Se responde junto con %(r)s.") % {"r": en.radicado},
        ),
        actor=actor,
        campos={"fusionada_en": en},
        bloqueado=True,
    )
    return pregunta


@servicio
def rechazar(*, pregunta: Pregunta, motivo: str, actor) -> Pregunta:
    """Not published (offensive, off-topic, personal data of others…): the reason is told to the citizen,
    who still gets a written answer (art. 56)."""
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError({"motivo": _("Explique por qué no se publica: se le informa al ciudadano.")})
    transicionar(
        pregunta,
        AccionPregunta.RECHAZAR,
        evento=EventoPregunta(pregunta=pregunta, tipo="rechazada", publico=True, nota=motivo),
        actor=actor,
        campos={"motivo_rechazo": motivo},
    )
    return pregunta


@servicio
def responder(*, pregunta: Pregunta, respuesta: str, actor, ahora: datetime | None = None) -> Pregunta:
    ahora = ahora or timezone.now()
    respuesta = (respuesta or "").strip()
    if not respuesta:
        raise ValidationError({"respuesta": _("Escriba la respuesta.")}, code="requerido")
    transicionar(
        pregunta,
        AccionPregunta.RESPONDER,
        evento=EventoPregunta(pregunta=pregunta, tipo="respondida", publico=True, nota=respuesta),
        actor=actor,
        campos={"respuesta": respuesta, "respondida_en": ahora, "responsable": actor},
        momento=ahora,
    )
    return pregunta
