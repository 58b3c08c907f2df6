"""Reads of requests for staff pages, the petitioner's tracking page and the public answers board."""

from datetime import date

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from civic import calendario
from civic.expedientes.radicados import normalizar_radicado
from civic.models import Usuario
from civic.plazos.semaforo import Semaforo, luz, umbral_amarillo
from civic.plazos.semaforo import dias_restantes as dias_restantes_hasta
from pqrs.models import Adjunto, CondicionPoblacional, Evento, Modalidad, Solicitud, TipoEvento
from pqrs.roles import COORDINACION_PQRS
from pqrs.workflow import EN_CURSO


def _base() -> QuerySet[Solicitud]:
    return Solicitud.objects.select_related("modalidad", "dependencia", "responsable", "comuna")


def ve_todas(usuario: Usuario) -> bool:
    return usuario.is_superuser or usuario.groups.filter(name=COORDINACION_PQRS).exists()


def solicitudes_para_funcionario(usuario: Usuario) -> QuerySet[Solicitud]:
    """What a staff member may see: their dependencia's requests; Coordinación PQRS and superusers, all."""
    if not (usuario.is_authenticated and usuario.is_active):
        return Solicitud.objects.none()
    if ve_todas(usuario):
        return _base()
    if usuario.dependencia_id:
        return _base().filter(dependencia_id=usuario.dependencia_id)
    return Solicitud.objects.none()


def detalle_para_funcionario(usuario: Usuario, pk: int) -> Solicitud:
    """One request with everything the staff page shows; DoesNotExist outside the user's scope."""
    return (
        solicitudes_para_funcionario(usuario)
        # The procedures' references the page shows (arts. 19, 21, 22 and 24), in the same query.
        .select_related("entidad_destino", "materia_reservada", "respuesta_referida", "respuesta_consolidada")
        .prefetch_related(
            "condiciones",
            Prefetch("eventos", queryset=Evento.objects.select_related("actor").order_by("momento", "id")),
            Prefetch("adjuntos", queryset=Adjunto.objects.order_by("creado", "id")),
        )
        .get(pk=pk)
    )


def eventos(solicitud: Solicitud) -> QuerySet[Evento]:
    """The full timeline for staff, internal notes included."""
    return (
        Evento.objects.filter(solicitud=solicitud)
        .select_related("actor")
        .prefetch_related("adjuntos")
        .order_by("momento", "id")
    )


def eventos_publicos(solicitud: Solicitud) -> QuerySet[Evento]:
    """The petitioner's timeline: public events with their public attachments, never an internal note.

    The actor comes along: the answer box names who signed the answer, with no query of its own.
    """
    return (
        Evento.objects.publicos()
        .filter(solicitud=solicitud)
        .select_related("actor")
        .prefetch_related(Prefetch("adjuntos", queryset=Adjunto.objects.filter(publico=True).order_by("id")))
        .order_by("momento", "id")
    )


def ultimo_de_tipo(eventos: list[Evento], tipo: str) -> Evento | None:
    """The latest event of `tipo` in a loaded timeline (no query): the answer, the art. 17 request."""
    return next((evento for evento in reversed(eventos) if evento.tipo == tipo), None)


def adjuntos_publicos(solicitud: Solicitud) -> QuerySet[Adjunto]:
    return Adjunto.objects.filter(solicitud=solicitud, publico=True).order_by("creado", "id")


def adjuntos_de_la_radicacion(solicitud: Solicitud) -> QuerySet[Adjunto]:
    """What the petitioner attached when filing, for the acuse de recibo: the proof of what was received."""
    return Adjunto.objects.filter(
        solicitud=solicitud, evento__tipo=TipoEvento.RADICADA, origen=Adjunto.Origen.CIUDADANO
    ).order_by("creado", "id")


# CPACA art. 69: what is published when the petitioner cannot be reached.
DECISIONES_PUBLICABLES = (TipoEvento.RESPONDIDA, TipoEvento.RECHAZADA, TipoEvento.ARCHIVADA)


def respuestas_publicadas(hoy: date | None = None) -> QuerySet:
    """Decisions published because the petitioner cannot be reached (CPACA art. 69), within their 5 days:
    answers, and the rejections and archives that end a request without one.

    Returns dicts with no personal data: radicado, modality, dates, the decision and its text only.
    """
    hoy = hoy or timezone.localdate()
    decision = Evento.objects.filter(solicitud=OuterRef("pk"), tipo__in=DECISIONES_PUBLICABLES).order_by(
        "-momento", "-id"
    )
    return (
        Solicitud.objects.filter(publicada_hasta__gte=hoy)
        .annotate(
            modalidad_nombre=F("modalidad__nombre"),
            decision=Subquery(decision.values("tipo")[:1]),
            decidida_en=Subquery(decision.values("momento")[:1]),
            respuesta=Subquery(decision.values("nota")[:1]),
        )
        .values(
            "pk",
            "radicado",
            "modalidad_nombre",
            "fecha_radicacion_efectiva",
            "decision",
            "decidida_en",
            "publicada_hasta",
            "respuesta",
        )
        .order_by("-publicada_hasta", "-pk")
    )


def vencidas(hoy: date | None = None, base: QuerySet[Solicitud] | None = None) -> QuerySet[Solicitud]:
    """Requests whose term is running and already expired, oldest due date first."""
    hoy = hoy or timezone.localdate()
    base = _base() if base is None else base
    return base.filter(estado__in=EN_CURSO, fecha_vencimiento__lt=hoy).order_by(
        "fecha_vencimiento", "radicada_en"
    )


def por_vencer(hoy: date | None = None, base: QuerySet[Solicitud] | None = None) -> QuerySet[Solicitud]:
    """Running requests due within the yellow threshold (today included), for reminders."""
    hoy = hoy or timezone.localdate()
    base = _base() if base is None else base
    limite = calendario.sumar_dias_habiles(hoy, umbral_amarillo())
    return base.filter(
        estado__in=EN_CURSO, fecha_vencimiento__gte=hoy, fecha_vencimiento__lte=limite
    ).order_by("fecha_vencimiento", "radicada_en")


def semaforo(solicitud: Solicitud, hoy: date | None = None) -> Semaforo:
    """The request's traffic light (`civic.plazos.semaforo`): its term runs only in EN_CURSO states."""
    return luz(
        solicitud.fecha_vencimiento, hoy or timezone.localdate(), en_curso=solicitud.estado in EN_CURSO
    )


def dias_restantes(solicitud: Solicitud, hoy: date | None = None) -> int | None:
    """Business days left in the request's term; None when no term runs (suspended, closed or none)."""
    if solicitud.estado not in EN_CURSO or solicitud.fecha_vencimiento is None:
        return None
    return dias_restantes_hasta(solicitud.fecha_vencimiento, hoy or timezone.localdate())


# What the petitioner files and sends afterwards: the petition, the information asked for (Ley 1755/2015
# art. 17), the correction of an obscure petition (art. 19), a forgotten document, the insistence on
# reserved information (art. 26) and the recurso de reposición (CPACA art. 74).
APORTES_DEL_PETICIONARIO = (
    TipoEvento.RADICADA,
    TipoEvento.INFORMACION_RECIBIDA,
    TipoEvento.CORREGIDA,
    TipoEvento.DOCUMENTO_APORTADO,
    TipoEvento.INSISTENCIA,
    TipoEvento.REPOSICION_INTERPUESTA,
)


def aportes_del_peticionario(solicitud: Solicitud, *, con_adjuntos: bool) -> list[Evento]:
    """The filing and what the petitioner sent afterwards, oldest first, each with its own attachments on
    `adjuntos_del_peticionario` (empty unless `con_adjuntos`: they are personal data). Two queries."""
    consulta = Evento.objects.filter(solicitud=solicitud, tipo__in=APORTES_DEL_PETICIONARIO)
    if con_adjuntos:
        consulta = consulta.prefetch_related(
            Prefetch(
                "adjuntos",
                queryset=Adjunto.objects.filter(origen=Adjunto.Origen.CIUDADANO).order_by("creado", "id"),
                to_attr="adjuntos_del_peticionario",
            )
        )
    aportes = list(consulta.order_by("momento", "id"))
    if not con_adjuntos:
        for aporte in aportes:
            aporte.adjuntos_del_peticionario = []
    return aportes


def solicitud_por_radicado(radicado: str) -> Solicitud | None:
    """The request filed under `radicado` as people type it (spaces, lower case), on its unique index;
    the caller decides who may know it exists."""
    return Solicitud.objects.filter(radicado=normalizar_radicado(radicado)).first()


def solicitud_para_peticionario(pk: int) -> Solicitud | None:
    """The request behind a petitioner's verified session, with what their pages show."""
    return (
        Solicitud.objects.select_related("modalidad", "dependencia", "calificacion", "entidad_destino")
        .filter(pk=pk)
        .first()
    )


def respuesta_referida_publica(solicitud: Solicitud) -> dict | None:
    """The earlier answer a repeated petition was answered by reference to (Ley 1755/2015 art. 19): its
    radicado, date and text only; nothing of the earlier petitioner, whose request this session never
    proved. One query, none without a reference."""
    if solicitud.respuesta_referida_id is None:
        return None
    anterior = (
        Evento.objects.filter(
            solicitud_id=solicitud.respuesta_referida_id, tipo=TipoEvento.RESPONDIDA, publico=True
        )
        .order_by("-momento", "-id")
        .values("solicitud__radicado", "momento", "nota")
        .first()
    )
    if anterior is None:
        return None
    return {
        "radicado": anterior["solicitud__radicado"],
        "momento": anterior["momento"],
        "texto": anterior["nota"],
    }


def modalidades_activas() -> QuerySet[Modalidad]:
    """The modalities a new request may take, in the catalogue's order (public form and Ventanilla)."""
    return Modalidad.objects.filter(activa=True)


def condiciones_activas() -> QuerySet[CondicionPoblacional]:
    return CondicionPoblacional.objects.filter(activa=True)


def solicitud_para_constancia(pk: int) -> Solicitud | None:
    """A request with what its constancia prints (Decreto 1166 de 2016); the caller checks scope."""
    return (
        Solicitud.objects.select_related("modalidad", "comuna")
        .prefetch_related("eventos__actor")
        .filter(pk=pk)
        .first()
    )
