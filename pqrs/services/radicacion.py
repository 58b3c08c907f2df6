"""Filing a request (radicación) and checking a petitioner's consultation code."""

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext

from civic import calendario
from civic.expedientes import radicados, registro
from civic.expedientes.archivos import adjuntar, validar_tamanos
from civic.expedientes.maquina import registrar_evento
from civic.expedientes.modelos import CAMPOS_IDENTIDAD
from civic.expedientes.servicios import radicar_una_vez, servicio
from civic.models import Comuna, Usuario
from pqrs import emails, eventos
from pqrs.models import Adjunto, CanalRespuesta, CondicionPoblacional, Modalidad, Solicitud, TipoPersona
from pqrs.workflow import Estado

from ._base import ahora_o

# The kernel's name for the PQRS expediente (series, tracking), declared in pqrs.apps.
EXPEDIENTE = "pqrs"
# Set by `radicados.radicar_en` after validation, inside the transaction.
_NUMERACION = frozenset({"radicado", "serie", "anio", "consecutivo", "codigo_consulta_hash"})


def radicar(*, token_radicacion: UUID | None = None, **datos) -> tuple[Solicitud, str | None]:
    """File a request once per token: return it with its consultation code in clear (shown once).

    The web form sends a one-time token (`civic.expedientes.acuse`): the same token again (a double
    click, the back button and a re-sent form, two concurrent requests, which queue on the series'
    counter row and the token's index) finds the filing it made and returns it with no code (None).
    Without a token (staff filings), every call files.
    """
    return radicar_una_vez(
        Solicitud, token_radicacion, lambda: _radicar(token_radicacion=token_radicacion, **datos)
    )


@servicio
def _radicar(
    *,
    token_radicacion: UUID | None,
    modalidad: Modalidad,
    canal: str,
    asunto: str,
    descripcion: str,
    anonima: bool = False,
    tipo_persona: str = TipoPersona.NATURAL,
    tipo_documento: str = "",
    numero_documento: str = "",
    nombres: str = "",
    apellidos: str = "",
    razon_social: str = "",
    correo: str = "",
    telefono: str = "",
    direccion: str = "",
    comuna: Comuna | None = None,
    barrio: str = "",
    canal_respuesta: str = "",
    condiciones: Iterable[CondicionPoblacional] = (),
    autorizacion_datos_version: str = "",
    prioritaria: bool = False,
    riesgo_vida: bool = False,
    archivos: Iterable[File] = (),
    actor: Usuario | None = None,
    ahora: datetime | None = None,
) -> tuple[Solicitud, str]:
    """File a request and return it with its consultation code in clear (shown to the petitioner once).

    `actor` is the staff member who records a verbal or paper petition (Ley 1755/2015 art. 15), None on
    the web form. An e-mailed acknowledgement goes out after commit when the petitioner gave an address.
    """
    ahora = ahora_o(ahora)
    if not modalidad.activa:
        raise ValidationError({"modalidad": gettext("Esta modalidad no está disponible.")}, code="inactiva")
    condiciones = list(condiciones)
    datos_personales = {
        "tipo_documento": tipo_documento,
        "numero_documento": numero_documento.strip(),
        "nombres": nombres.strip(),
        "apellidos": apellidos.strip(),
        "razon_social": razon_social.strip(),
    }
    if anonima:
        datos_personales = dict.fromkeys(CAMPOS_IDENTIDAD, "")
    correo = correo.strip().lower()
    if not canal_respuesta:
        canal_respuesta = CanalRespuesta.CORREO if correo else (CanalRespuesta.DIRECCION if direccion else "")

    # CPACA art. 56: filed on a non-business day, it counts as received on the next business day;
    # Ley 1755/2015 art. 14: the term runs from the day after.
    efectiva = calendario.fecha_radicacion_efectiva(ahora)
    plazo = modalidad.plazo_dias
    vencimiento = calendario.sumar_dias_habiles(efectiva, plazo) if plazo else None
    solicitud = Solicitud(
        modalidad=modalidad,
        canal=canal,
        token_radicacion=token_radicacion,
        radicada_en=ahora,
        fecha_radicacion_efectiva=efectiva,
        anonima=anonima,
        tipo_persona=tipo_persona,
        correo=correo,
        telefono=telefono.strip(),
        direccion=direccion.strip(),
        comuna=comuna,
        barrio=barrio.strip(),
        canal_respuesta=canal_respuesta,
        # Ley 1755/2015 art. 20 and CPACA art. 5 num. 6: preferential handling.
        prioritaria=prioritaria or riesgo_vida or any(c.da_prelacion for c in condiciones),
        riesgo_vida=riesgo_vida,
        autorizacion_datos_version=autorizacion_datos_version,
        autorizacion_datos_en=ahora if autorizacion_datos_version else None,
        asunto=asunto.strip(),
        descripcion=descripcion.strip(),
        plazo_dias=plazo,
        fecha_inicio_termino=efectiva,
        fecha_vencimiento=vencimiento,
        fecha_vencimiento_original=vencimiento,
        estado=Estado.RADICADA,
        **datos_personales,
    )
    # Validated here, before a number is taken, only what costs no query: the fields' own checks (lengths,
    # choices, formats), for every caller, with a form or without. The relations are rows the caller holds
    # (the form's choice fields fetched them); the CHECK constraints and the unique token are the
    # database's to enforce on insert, and a refusal rolls the number back with the rest (see `radicar`).
    solicitud.full_clean(
        exclude=[f.name for f in Solicitud._meta.concrete_fields if f.is_relation or f.name in _NUMERACION],
        validate_unique=False,
        validate_constraints=False,
    )
    archivos = list(archivos)
    validar_tamanos(archivos, Adjunto)

    # The consecutive is taken last, inside this transaction: a rollback returns it (no gaps).
    codigo = radicados.radicar_en(solicitud, registro.expediente(EXPEDIENTE), ahora=ahora)
    solicitud.save()
    if condiciones:
        solicitud.condiciones.add(*condiciones)

    evento = registrar_evento(
        eventos.radicada(solicitud, canal=canal, fecha_vencimiento=vencimiento), actor=actor, momento=ahora
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="ciudadano", publico=True)
    emails.enviar_acuse(solicitud, codigo)
    if riesgo_vida:
        emails.alertar_riesgo_vida(solicitud)
    return solicitud, codigo
