"""What an acta says, read from its session in a fixed number of queries (GTC 185 elements)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from consejos.models import (
    ROLES_CON_VOTO,
    Asistencia,
    Compromiso,
    EstadoAsistencia,
    Integrante,
    Invitado,
    Sesion,
)


@dataclass
class Quorum:
    presentes: int  # members with a vote who came
    con_voto: int  # members with a vote on the session's day
    porcentaje: int  # the instancia's rule: more than this share decides

    @property
    def hay_quorum(self) -> bool:
        return self.con_voto > 0 and self.presentes * 100 > self.con_voto * self.porcentaje


@dataclass
class ContenidoActa:
    sesion: Sesion
    presentes: list = field(default_factory=list)
    ausentes: list = field(default_factory=list)
    excusados: list = field(default_factory=list)
    invitados: list = field(default_factory=list)  # guests whose names may be published
    invitados_sin_nombre: int = 0  # private citizens who did not consent: counted, not named
    quorum: Quorum | None = None
    compromisos: list = field(default_factory=list)


def sesion_completa(pk: int) -> Sesion:
    return (
        Sesion.objects.select_related("instancia__comuna", "instancia__secretaria_tecnica", "comuna")
        .prefetch_related(
            "agenda__decisiones",
            "decisiones",
            "temas",
            "grupos",
            "organizaciones_presentes",
            Prefetch("anexos"),
            Prefetch("asistencias", queryset=Asistencia.objects.select_related("integrante__organizacion")),
            Prefetch("invitados", queryset=Invitado.objects.order_by("nombre")),
            Prefetch(
                "compromisos",
                queryset=Compromiso.objects.select_related("dependencia", "organizacion", "integrante"),
            ),
        )
        .get(pk=pk)
    )


def contenido(sesion: Sesion) -> ContenidoActa:
    """The acta's parts, from a session loaded with `sesion_completa`."""
    contenido = ContenidoActa(sesion)
    por_estado: dict[str, list[Integrante]] = {estado: [] for estado in EstadoAsistencia.values}
    for asistencia in sesion.asistencias.all():
        por_estado[asistencia.estado].append(asistencia.integrante)
    contenido.presentes = por_estado[EstadoAsistencia.PRESENTE]
    contenido.ausentes = por_estado[EstadoAsistencia.AUSENTE]
    contenido.excusados = por_estado[EstadoAsistencia.EXCUSADO]
    invitados = list(sesion.invitados.all())
    contenido.invitados = [i for i in invitados if i.publicar_nombre]
    contenido.invitados_sin_nombre = len(invitados) - len(contenido.invitados)
    contenido.quorum = quorum(sesion)
    contenido.compromisos = list(sesion.compromisos.all())
    return contenido


def quorum(sesion: Sesion) -> Quorum:
    """Members with a vote present, against those who held a seat on the session's day (one query)."""
    dia = sesion.inicio.date()
    con_voto = (
        Integrante.objects.filter(instancia_id=sesion.instancia_id, rol__in=ROLES_CON_VOTO, inicio__lte=dia)
        .exclude(fin__lt=dia)
        .values_list("pk", flat=True)
    )
    asientos = set(con_voto)
    presentes = sum(
        1
        for a in sesion.asistencias.all()
        if a.estado == EstadoAsistencia.PRESENTE and a.integrante_id in asientos
    )
    return Quorum(presentes, len(asientos), sesion.instancia.quorum_porcentaje)
