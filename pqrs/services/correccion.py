"""What the petitioner adds while the request is studied: the correction of an obscure petition
(Ley 1755/2015 art. 19) and a document they forgot."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext

from civic import calendario
from civic.calendario import habil_o_siguiente
from civic.expedientes.archivos import adjuntar
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.models import Usuario
from pqrs import emails, eventos
from pqrs.models import Adjunto, Solicitud
from pqrs.workflow import Accion

from ._base import exigir, hoy_o, termino_nuevo

# Ley 1755/2015 art. 19: the petitioner corrects or clarifies within the 10 (business) days that follow.
DIAS_PARA_CORREGIR = 10


@servicio
def devolver_para_corregir(
    *, solicitud: Solicitud, que_corregir: str, actor: Usuario, hoy: date | None = None
) -> Solicitud:
    """Return a petition whose object or purpose cannot be understood, saying what to clarify (art. 19).

    The art. says it is "devuelta": the term stops, and a full new one starts with the correction, as with
    art. 17. Incomplete petitions are not returned (art. 19 in fine): that is the art. 17 requirement.
    """
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.DEVOLVER_PARA_CORREGIR)
    que_corregir = exigir(
        que_corregir,
        "que_corregir",
        gettext("Explique qué no se comprende y qué debe aclarar el peticionario."),
    )
    limite = calendario.sumar_dias_habiles(habil_o_siguiente(hoy), DIAS_PARA_CORREGIR)
    transicionar(
        solicitud,
        Accion.DEVOLVER_PARA_CORREGIR,
        evento=eventos.devuelta_para_corregir(solicitud, que_corregir=que_corregir, fecha_limite=limite),
        actor=actor,
        campos={"fecha_limite_ciudadano": limite},
        bloqueado=True,
    )
    emails.enviar_devolucion(solicitud, que_corregir)
    return solicitud


@servicio
def corregir(
    *,
    solicitud: Solicitud,
    texto: str,
    archivos: Iterable[File] = (),
    actor: Usuario | None = None,
    hoy: date | None = None,
) -> Solicitud:
    """The petitioner's correction, from the tracking page (`actor` None) or brought to the ventanilla and
    recorded there; the term starts again (art. 19).

    A correction that arrives after the 10 days but before the archive is still taken: the archive is an
    act the office must issue, and until then the petition is alive (as with art. 17).
    """
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.CORREGIR)
    texto = exigir(texto, "texto", gettext("Escriba su petición corregida o aclarada."))
    recibida = habil_o_siguiente(hoy)
    termino = termino_nuevo(solicitud.plazo_dias, recibida)
    evento = transicionar(
        solicitud,
        Accion.CORREGIR,
        evento=eventos.corregida(
            solicitud, texto=texto, recibida=recibida, fecha_vencimiento=termino["fecha_vencimiento"]
        ),
        actor=actor,
        campos={**termino, "fecha_limite_ciudadano": None},
        bloqueado=True,
    )
    adjuntar(Adjunto, list(archivos), solicitud=solicitud, evento=evento, origen="ciudadano", publico=True)
    emails.avisar_a_cargo(solicitud, aporte="correccion")
    return solicitud


@servicio
def aportar_documento(*, solicitud: Solicitud, archivos: Iterable[File], texto: str = "") -> Solicitud:
    """A document the petitioner forgot, added from the tracking page while the request is studied.

    The term does not change: nothing was asked of them (contrast art. 17).
    """
    bloquear(solicitud, Accion.APORTAR_DOCUMENTO)
    archivos = list(archivos)
    if not archivos:
        raise ValidationError({"archivos": gettext("Adjunte el documento.")}, code="requerido")
    evento = transicionar(
        solicitud,
        Accion.APORTAR_DOCUMENTO,
        evento=eventos.documento_aportado(solicitud, texto=(texto or "").strip()),
        actor=None,
        bloqueado=True,
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="ciudadano", publico=True)
    emails.avisar_a_cargo(solicitud, aporte="documento")
    return solicitud
