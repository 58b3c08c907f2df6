"""Ending a request: the answer and its notification, rejection, archive; internal notes and the survey."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic import calendario
from civic.expedientes.archivos import adjuntar
from civic.expedientes.maquina import bloquear, registrar_evento, transicionar
from civic.expedientes.servicios import servicio
from civic.models import Usuario
from pqrs import emails, eventos
from pqrs.models import Adjunto, Calificacion, CanalRespuesta, SentidoRespuesta, Solicitud
from pqrs.workflow import Accion

from ._base import ahora_o, exigir

# CPACA art. 69: an answer that cannot be delivered is published for 5 days.
DIAS_PUBLICACION = 5


class MedioNotificacion(models.TextChoices):
    CORREO_ELECTRONICO = "correo_electronico", _("Correo electrónico")
    PERSONAL = "personal", _("Personal")
    CORREO_CERTIFICADO = "correo_certificado", _("Correo certificado")
    AVISO = "aviso", _("Aviso o publicación (CPACA art. 69)")
    TELEFONICO = "telefonico", _("Telefónica, con constancia")


@servicio
def responder(
    *,
    solicitud: Solicitud,
    texto: str,
    archivos: Iterable[File] = (),
    sentido: str = SentidoRespuesta.DE_FONDO,
    norma_reserva: str = "",
    publicar: bool = False,
    actor: Usuario,
    ahora: datetime | None = None,
) -> Solicitud:
    """Record the answer, the business days it took and whether it was on time; deliver or publish it.

    E-mailed when the petitioner chose e-mail. Published for 5 business days (CPACA art. 69) when the
    petitioner cannot be reached: an anonymous request without e-mail, or `publicar=True` when staff
    know the contact data to be useless.
    """
    ahora = ahora_o(ahora)
    bloquear(solicitud, Accion.RESPONDER)
    texto = exigir(texto, "texto", gettext("Escriba la respuesta."))
    sentido = SentidoRespuesta(sentido)
    norma_reserva = norma_reserva.strip()
    # Ley 1755/2015 art. 25 and Ley 1712/2014 art. 28: a denial of information cites the legal reserve.
    if sentido == SentidoRespuesta.NIEGA and solicitud.modalidad.es_acceso_informacion and not norma_reserva:
        raise ValidationError(
            {"norma_reserva": gettext("Cite la norma que establece la reserva en que se funda la negación.")},
            code="sin_norma_reserva",
        )
    hoy = timezone.localdate(ahora)
    # Measured from the radicación as the petitioner lived it (pauses included), for reports.
    dias = max(0, calendario.dias_habiles_entre(solicitud.fecha_radicacion_efectiva, hoy))
    a_tiempo = solicitud.fecha_vencimiento is None or hoy <= solicitud.fecha_vencimiento
    inalcanzable = publicar or (solicitud.anonima and not solicitud.correo)
    publicada_hasta = calendario.sumar_dias_habiles(hoy, DIAS_PUBLICACION) if inalcanzable else None
    archivos = list(archivos)
    evento = transicionar(
        solicitud,
        Accion.RESPONDER,
        evento=eventos.respondida(
            solicitud,
            texto=texto,
            sentido=sentido.value,
            norma_reserva=norma_reserva,
            dias_habiles=dias,
            a_tiempo=a_tiempo,
            publicada_hasta=publicada_hasta,
        ),
        actor=actor,
        momento=ahora,
        bloqueado=True,
        campos={
            "respondida_en": ahora,
            "sentido_respuesta": sentido,
            "dias_habiles_respuesta": dias,
            "respondida_a_tiempo": a_tiempo,
            "publicada_hasta": publicada_hasta,
        },
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="funcionario", publico=True)
    if solicitud.canal_respuesta == CanalRespuesta.CORREO and not publicar:
        emails.enviar_respuesta(solicitud, texto, con_adjuntos=bool(archivos))
    return solicitud


@servicio
def registrar_notificacion(
    *,
    solicitud: Solicitud,
    medio: str,
    prueba: str,
    actor: Usuario,
    archivos: Iterable[File] = (),
    ahora: datetime | None = None,
) -> Solicitud:
    """Record how and when the petitioner learned the decision, with its proof; an answer then closes."""
    ahora = ahora_o(ahora)
    bloquear(solicitud, Accion.REGISTRAR_NOTIFICACION)
    medio = MedioNotificacion(medio)
    prueba = exigir(prueba, "prueba", gettext("Describa la prueba de la notificación."))
    evento = transicionar(
        solicitud,
        Accion.REGISTRAR_NOTIFICACION,
        evento=eventos.notificada(solicitud, medio=medio.value, medio_nombre=str(medio.label), prueba=prueba),
        actor=actor,
        momento=ahora,
        campos={"notificada_en": ahora},
        bloqueado=True,
    )
    # Proof documents (signed receipts, postal guides) are internal.
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="funcionario", publico=False)
    return solicitud


@servicio
def rechazar(*, solicitud: Solicitud, motivo: str, actor: Usuario) -> Solicitud:
    """Reject a disrespectful petition, with reasons (Ley 1755/2015 art. 19)."""
    bloquear(solicitud, Accion.RECHAZAR)
    motivo = exigir(motivo, "motivo", gettext("El rechazo debe motivarse."))
    transicionar(
        solicitud,
        Accion.RECHAZAR,
        evento=eventos.rechazada(solicitud, motivo=motivo),
        actor=actor,
        bloqueado=True,
    )
    emails.enviar_rechazo(solicitud, motivo)
    return solicitud


@servicio
def archivar(*, solicitud: Solicitud, motivo: str, actor: Usuario) -> Solicitud:
    """Archive a request, with reasons: an obscure petition not corrected in time (Ley 1755/2015 art. 19)."""
    bloquear(solicitud, Accion.ARCHIVAR)
    motivo = exigir(motivo, "motivo", gettext("El archivo debe motivarse."))
    transicionar(
        solicitud,
        Accion.ARCHIVAR,
        evento=eventos.archivada(solicitud, motivo=motivo),
        actor=actor,
        bloqueado=True,
    )
    emails.enviar_archivo(solicitud, motivo)
    return solicitud


@servicio
def agregar_nota_interna(*, solicitud: Solicitud, nota: str, actor: Usuario) -> Solicitud:
    """A note for staff only: never shown to the petitioner."""
    bloquear(solicitud, Accion.AGREGAR_NOTA_INTERNA)
    nota = exigir(nota, "nota", gettext("Escriba la nota."))
    transicionar(
        solicitud,
        Accion.AGREGAR_NOTA_INTERNA,
        evento=eventos.nota_interna(solicitud, nota=nota),
        actor=actor,
        bloqueado=True,
    )
    return solicitud


@servicio
def calificar(
    *, solicitud: Solicitud, calificacion: int, comentario: str = "", ahora: datetime | None = None
) -> Calificacion:
    """The petitioner's one-time satisfaction survey, after the answer."""
    ahora = ahora_o(ahora)
    bloquear(solicitud, Accion.CALIFICAR)
    if Calificacion.objects.filter(solicitud=solicitud).exists():
        raise ValidationError(gettext("Esta solicitud ya fue calificada."), code="ya_calificada")
    registro = Calificacion(
        solicitud=solicitud, puntaje=calificacion, comentario=comentario.strip(), momento=ahora
    )
    registro.full_clean()
    registro.save()
    registrar_evento(eventos.calificada(solicitud, puntaje=calificacion), actor=None, momento=ahora)
    return registro
