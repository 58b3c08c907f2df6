"""Ending a request: the answer and its notification, rejection, archive; internal notes and the survey."""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civic import calendario
from civic.expedientes.archivos import adjuntar
from civic.expedientes.maquina import bloquear, registrar_evento, transicionar
from civic.expedientes.servicios import servicio
from civic.formato import fecha_hora, fecha_larga
from civic.models import Usuario
from pqrs import emails, eventos
from pqrs.models import (
    NEGACIONES,
    Adjunto,
    Calificacion,
    CanalRespuesta,
    MateriaReservada,
    RespuestaConsolidada,
    SentidoRespuesta,
    Solicitud,
)
from pqrs.workflow import Accion, Estado

from ._base import ahora_o, exigir, exigir_sin_silencio, hoy_o, persona, publicada_hasta


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
    materia_reservada: MateriaReservada | None = None,
    remite_a: Solicitud | None = None,
    publicar: bool = False,
    actor: Usuario,
    ahora: datetime | None = None,
    consolidada: RespuestaConsolidada | None = None,
) -> Solicitud:
    """Record the answer, the business days it took and whether it was on time; deliver or publish it.

    E-mailed when the petitioner chose e-mail. Published for 5 business days (CPACA art. 69) when the
    petitioner cannot be reached: an anonymous request without e-mail, or `publicar=True` when staff
    know the contact data to be useless. `remite_a` answers a repeated petition by reference to an earlier
    answer (art. 19); `consolidada` is set by `responder_consolidada` (art. 22).
    """
    ahora = ahora_o(ahora)
    bloquear(solicitud, Accion.RESPONDER)
    texto = exigir(texto, "texto", gettext("Escriba la respuesta."))
    sentido = SentidoRespuesta(sentido)
    _validar_negacion(solicitud, sentido, materia_reservada)
    if remite_a is not None:
        _validar_referencia(solicitud, remite_a)
    hoy = timezone.localdate(ahora)
    # Measured from the radicación as the petitioner lived it (pauses included), for reports.
    dias = max(0, calendario.dias_habiles_entre(solicitud.fecha_radicacion_efectiva, hoy))
    a_tiempo = solicitud.fecha_vencimiento is None or hoy <= solicitud.fecha_vencimiento
    publicacion = publicada_hasta(solicitud, hoy, publicar=publicar)
    archivos = list(archivos)
    norma = materia_reservada.norma if materia_reservada else ""
    evento = transicionar(
        solicitud,
        Accion.RESPONDER,
        evento=eventos.respondida(
            solicitud,
            texto=texto,
            sentido=sentido.value,
            norma_reserva=norma,
            referida=remite_a,
            consolidada=consolidada.pk if consolidada else None,
            dias_habiles=dias,
            a_tiempo=a_tiempo,
            publicada_hasta=publicacion,
        ),
        actor=actor,
        momento=ahora,
        bloqueado=True,
        campos={
            "respondida_en": ahora,
            "sentido_respuesta": sentido,
            "materia_reservada": materia_reservada,
            "respuesta_referida": remite_a,
            "respuesta_consolidada": consolidada,
            "dias_habiles_respuesta": dias,
            "respondida_a_tiempo": a_tiempo,
            "publicada_hasta": publicacion,
        },
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="funcionario", publico=True)
    if solicitud.canal_respuesta == CanalRespuesta.CORREO and not publicar:
        emails.enviar_respuesta(solicitud, texto, con_adjuntos=bool(archivos))
    return solicitud


def _validar_negacion(
    solicitud: Solicitud, sentido: SentidoRespuesta, materia: MateriaReservada | None
) -> None:
    if sentido not in NEGACIONES:
        if materia is not None:
            raise ValidationError(
                {"materia_reservada": gettext("La reserva legal solo se cita cuando se niega lo pedido.")},
                code="reserva_sin_negacion",
            )
        return
    # Ley 1755/2015 art. 14 num. 1: once granted by silence, the documents can no longer be denied, not
    # even in part.
    exigir_sin_silencio(solicitud, gettext("negarse"))
    # Ley 1755/2015 art. 27: reserve is never opposed to another authority asking in its functions.
    if materia is not None and solicitud.modalidad.entre_autoridades:
        raise ValidationError(
            {
                "materia_reservada": gettext(
                    "La reserva legal no es oponible a otra autoridad que pide la información en "
                    "ejercicio de sus funciones (Ley 1755 de 2015, art. 27)."
                )
            },
            code="reserva_entre_autoridades",
        )
    # Arts. 24-25 and Ley 1712/2014 art. 28: a denial of information rests on a legal reserve, cited by
    # its norm. Other denials (a request for something the office cannot grant) need no reserve.
    if materia is None:
        if solicitud.modalidad.es_acceso_informacion:
            raise ValidationError(
                {
                    "materia_reservada": gettext(
                        "Escoja la materia reservada, con su norma, en que se funda la negación."
                    )
                },
                code="sin_norma_reserva",
            )
        return
    if not materia.activa:
        raise ValidationError(
            {"materia_reservada": gettext("Esa materia ya no está en el catálogo de reservas vigentes.")},
            code="reserva_inactiva",
        )


def _validar_referencia(solicitud: Solicitud, anterior: Solicitud) -> None:
    """Ley 1755/2015 art. 19: only an earlier petition that was answered can be referred to."""
    if anterior.pk == solicitud.pk or anterior.respondida_en is None:
        raise ValidationError(
            {"remite_a": gettext("Indique una solicitud anterior que ya tenga respuesta.")},
            code="referencia_invalida",
        )
    # A repeated petition is the same person's: another petitioner's answer may carry their data.
    if persona(anterior) != persona(solicitud):
        raise ValidationError(
            {"remite_a": gettext("Solo se remite a una respuesta anterior dada al mismo peticionario.")},
            code="otro_peticionario",
        )
    if anterior.radicada_en >= solicitud.radicada_en:
        raise ValidationError(
            {"remite_a": gettext("La solicitud a la que se remite debe ser anterior a esta.")},
            code="referencia_posterior",
        )


@servicio
def registrar_notificacion(
    *,
    solicitud: Solicitud,
    medio: str,
    prueba: str,
    actor: Usuario | None,
    archivos: Iterable[File] = (),
    ahora: datetime | None = None,
    automatica: bool = False,
) -> Solicitud:
    """Record how and when the petitioner learned the decision, with its proof; an answer then closes.

    `automatica` (no actor) when the system itself has the proof: the outbox's delivery or the end of the
    publication (`pqrs.services.notificacion`)."""
    ahora = ahora_o(ahora)
    bloquear(solicitud, Accion.REGISTRAR_NOTIFICACION)
    # The first notification starts the terms to appeal and to insist: recording another would move them.
    if solicitud.notificada_en is not None:
        raise ValidationError(
            gettext("La decisión ya fue notificada el %(fecha)s.")
            % {"fecha": fecha_hora(solicitud.notificada_en)},
            code="ya_notificada",
        )
    if ahora > timezone.now():
        raise ValidationError({"fecha": gettext("La notificación no puede ser futura.")}, code="futura")
    # The last change of state, in the order the events were written.
    decision = solicitud.eventos.exclude(estado_anterior=F("estado_nuevo")).order_by("-id").first()
    if decision is not None and timezone.localdate(ahora) < timezone.localdate(decision.momento):
        raise ValidationError(
            {
                "fecha": gettext("La notificación no puede ser anterior a la decisión, del %(fecha)s.")
                % {"fecha": fecha_larga(timezone.localdate(decision.momento))}
            },
            code="antes_de_la_decision",
        )
    medio = MedioNotificacion(medio)
    prueba = exigir(prueba, "prueba", gettext("Describa la prueba de la notificación."))
    evento = transicionar(
        solicitud,
        Accion.REGISTRAR_NOTIFICACION,
        evento=eventos.notificada(
            solicitud,
            medio=medio.value,
            medio_nombre=str(medio.label),
            prueba=prueba,
            automatica=automatica,
        ),
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
    """Reject a disrespectful petition, with reasons (Ley 1755/2015 art. 19); published (CPACA art. 69)
    when the petitioner cannot be reached."""
    bloquear(solicitud, Accion.RECHAZAR)
    motivo = exigir(motivo, "motivo", gettext("El rechazo debe motivarse."))
    exigir_sin_silencio(solicitud, gettext("rechazarse"))
    transicionar(
        solicitud,
        Accion.RECHAZAR,
        evento=eventos.rechazada(solicitud, motivo=motivo),
        actor=actor,
        campos={"publicada_hasta": publicada_hasta(solicitud, timezone.localdate())},
        bloqueado=True,
    )
    emails.enviar_rechazo(solicitud, motivo)
    return solicitud


@servicio
def archivar(*, solicitud: Solicitud, motivo: str, actor: Usuario, hoy: date | None = None) -> Solicitud:
    """Archive a request, with reasons: above all an obscure petition not corrected within its 10 days
    (Ley 1755/2015 art. 19), which cannot be archived while those days run."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.ARCHIVAR)
    motivo = exigir(motivo, "motivo", gettext("El archivo debe motivarse."))
    limite = solicitud.fecha_limite_ciudadano
    if solicitud.estado == Estado.POR_CORREGIR and limite is not None and hoy <= limite:
        raise ValidationError(
            gettext("El peticionario tiene hasta el %(fecha)s para corregir; antes no puede archivarse.")
            % {"fecha": fecha_larga(limite)},
            code="plazo_vigente",
        )
    exigir_sin_silencio(solicitud, gettext("archivarse"))
    transicionar(
        solicitud,
        Accion.ARCHIVAR,
        evento=eventos.archivada(solicitud, motivo=motivo),
        actor=actor,
        campos={"publicada_hasta": publicada_hasta(solicitud, hoy)},
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
