"""What the calendar and Atom feeds publish: sessions in a bounded window and the newest published actas.

Only public data: a session's date, place, instancia and announced agenda titles (the convocation is
public), whether its acta is published; actas only as their vigente `VersionActa`.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from civic.models import Comuna
from consejos.models import EstadoSesion, Instancia, PuntoAgenda, Sesion, VersionActa

# A subscribed calendar keeps the sessions of the last month (held or cancelled: what was there stays
# visible) and shows the next six months; older events are dropped by the client on the next refresh.
DIAS_ATRAS = 30
DIAS_ADELANTE = 180
# The Atom feed lists this many of the latest publications (a correction counts as a new one).
ACTAS_EN_FEED = 30


@dataclass(frozen=True)
class Ventana:
    desde: datetime
    hasta: datetime


def ventana(ahora: datetime | None = None) -> Ventana:
    ahora = ahora or timezone.now()
    return Ventana(desde=ahora - timedelta(days=DIAS_ATRAS), hasta=ahora + timedelta(days=DIAS_ADELANTE))


def _sesiones(condicion: Q, v: Ventana) -> QuerySet[Sesion]:
    """Scheduled sessions and those held or cancelled inside the window, with what each event needs,
    in three queries whatever their number."""
    vigente = VersionActa.objects.vigentes().filter(acta__sesion=OuterRef("pk"))
    return (
        Sesion.objects.filter(condicion, inicio__gte=v.desde, inicio__lt=v.hasta)
        .filter(
            estado__in=[EstadoSesion.PROGRAMADA, EstadoSesion.REALIZADA, EstadoSesion.CANCELADA],
        )
        .select_related("instancia__comuna", "comuna")
        # The acta's id when a version of it is published (its page is the event's link), else None.
        .annotate(acta_publicada=Subquery(vigente.values("acta_id")[:1]))
        .prefetch_related(
            Prefetch("agenda", queryset=PuntoAgenda.objects.only("sesion_id", "orden", "titulo"))
        )
        .order_by("inicio", "pk")
    )


def comuna(pk: int) -> Comuna | None:
    return Comuna.objects.filter(pk=pk).first()


def instancia(pk: int) -> Instancia | None:
    return Instancia.objects.select_related("comuna").filter(pk=pk).first()


def sesiones_de_comuna(comuna: Comuna, v: Ventana) -> list[Sesion]:
    """Held in the comuna, or of an instancia of the comuna (wherever it met)."""
    return list(_sesiones(Q(comuna=comuna) | Q(instancia__comuna=comuna), v))


def sesiones_de_instancia(instancia: Instancia, v: Ventana) -> list[Sesion]:
    return list(_sesiones(Q(instancia=instancia), v))


def actas_recientes(n: int = ACTAS_EN_FEED) -> list[VersionActa]:
    """The last `n` publications of vigente versions, with the date of each acta's first publication."""
    primera = VersionActa.objects.filter(acta=OuterRef("acta"), numero=1).values("publicada_en")[:1]
    return list(
        VersionActa.objects.vigentes()
        .select_related("instancia__secretaria_tecnica", "comuna")
        .annotate(primera_publicacion=Subquery(primera))
        .defer("html", "texto", "vector")
        .order_by("-publicada_en", "-pk")[:n]
    )


def calendarios() -> tuple[list[Comuna], list[Instancia]]:
    """The feeds listed on the help page: every comuna and corregimiento (a leader may follow one before
    anything is scheduled there) and the active instancias."""
    comunas = list(Comuna.objects.order_by("tipo", "numero"))
    instancias = list(Instancia.objects.filter(activa=True).select_related("comuna").order_by("nombre"))
    return comunas, instancias
