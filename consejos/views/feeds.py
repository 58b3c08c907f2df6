"""The calendar feeds (iCalendar, one per comuna and per instancia), their help page, and the Atom feed
of newly published actas. Everything here is public and read through `consejos.selectors.feeds`."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event, Timezone

from civic.formato import fecha_larga
from consejos.models import EstadoSesion, Sesion, VersionActa
from consejos.selectors import feeds as selectores

# A session without a closing time is shown this long in the calendar.
DURACION_SIN_CIERRE = timedelta(hours=2)
# Calendar clients that honour it re-read the feed this often (Google and Apple decide for themselves).
REFRESCO = timedelta(hours=6)
# Proxies and browsers may keep a feed this long: a change shows within minutes.
CACHE_SEGUNDOS = 15 * 60


def _host() -> str:
    """The site's host, for UIDs that stay the same whichever address served the feed."""
    return urlsplit(settings.MUNICIPIO["sitio"]).hostname or "localhost"


def _evento(request, sesion: Sesion, ahora: datetime) -> Event:
    instancia = sesion.instancia
    inicio = timezone.localtime(sesion.inicio)  # America/Bogota: written with TZID and its VTIMEZONE
    fin = timezone.localtime(sesion.fin) if sesion.fin else inicio + DURACION_SIN_CIERRE
    cancelada = sesion.estado == EstadoSesion.CANCELADA
    resumen = _("%(instancia)s: sesión %(tipo)s") % {
        "instancia": instancia.nombre,
        "tipo": sesion.get_tipo_display().lower(),
    }
    lineas = [
        _("Instancia: %(nombre)s") % {"nombre": instancia.nombre},
        _("Tipo: %(tipo)s") % {"tipo": instancia.get_tipo_display()},
        _("Sesión %(tipo)s n.º %(numero)s de %(anio)s")
        % {"tipo": sesion.get_tipo_display().lower(), "numero": sesion.numero, "anio": sesion.anio},
    ]
    agenda = list(sesion.agenda.all())
    if agenda:
        lineas.append(_("Orden del día:"))
        lineas.extend(f"{punto.orden}. {punto.titulo}" for punto in agenda)
    if cancelada:
        resumen = _("Cancelada: %(resumen)s") % {"resumen": resumen}
        lineas.insert(0, _("Sesión cancelada. %(motivo)s") % {"motivo": sesion.motivo_cancelacion})
    if sesion.acta_publicada:
        url = reverse("consejos:acta", args=[sesion.acta_publicada])
        lineas.append(_("Acta publicada: %(url)s") % {"url": request.build_absolute_uri(url)})
    else:
        url = reverse("consejos:instancia", args=[instancia.pk])
    lugar = sesion.lugar
    comuna = sesion.comuna or instancia.comuna
    if comuna is not None and str(comuna) not in lugar:
        lugar = f"{lugar}, {comuna}"

    evento = Event()
    evento.add("uid", f"sesion-{sesion.pk}@{_host()}")
    evento.add("dtstamp", ahora)
    evento.add("dtstart", inicio)
    evento.add("dtend", fin)
    evento.add("summary", resumen)
    evento.add("location", lugar)
    evento.add("description", "\n".join(lineas))
    evento.add("url", request.build_absolute_uri(url))
    evento.add("status", "CANCELLED" if cancelada else "CONFIRMED")
    evento.add("transp", "TRANSPARENT" if cancelada else "OPAQUE")
    return evento


def _calendario(request, nombre: str, sesiones: list[Sesion], v: selectores.Ventana, archivo: str):
    ahora = timezone.now()
    calendario = Calendar()
    calendario.add("prodid", f"-//{settings.MUNICIPIO['nombre']}//Consejos//ES")
    calendario.add("version", "2.0")
    calendario.add("calscale", "GREGORIAN")
    calendario.add("method", "PUBLISH")
    # RFC 7986 NAME, and the older names Apple and Google still read.
    calendario.add("name", nombre)
    calendario.add("x-wr-calname", nombre)
    calendario.add("x-wr-timezone", settings.TIME_ZONE)
    calendario.add("refresh-interval", REFRESCO, parameters={"VALUE": "DURATION"})
    calendario.add("x-published-ttl", "PT6H")
    # The VTIMEZONE for America/Bogota built from zoneinfo for the published window, always (an empty
    # calendar declares it too: X-WR-TIMEZONE names it, and the events added later refer to it).
    calendario.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE, first_date=v.desde.date(), last_date=v.hasta.date() + timedelta(days=1)
        )
    )
    for sesion in sesiones:
        calendario.add_component(_evento(request, sesion, ahora))
    respuesta = HttpResponse(calendario.to_ical(), content_type="text/calendar; charset=utf-8")
    respuesta["Content-Disposition"] = f'inline; filename="{archivo}.ics"'
    respuesta["Cache-Control"] = f"public, max-age={CACHE_SEGUNDOS}"
    return respuesta


@require_GET
def calendario_comuna(request, pk: int):
    comuna = selectores.comuna(pk)
    if comuna is None:
        raise Http404
    v = selectores.ventana()
    nombre = _("Consejos y mesas – %(comuna)s") % {"comuna": comuna}
    return _calendario(request, nombre, selectores.sesiones_de_comuna(comuna, v), v, f"comuna-{comuna.pk}")


@require_GET
def calendario_instancia(request, pk: int):
    instancia = selectores.instancia(pk)
    if instancia is None:
        raise Http404
    v = selectores.ventana()
    sesiones = selectores.sesiones_de_instancia(instancia, v)
    return _calendario(request, instancia.nombre, sesiones, v, f"instancia-{instancia.pk}")


@require_GET
def calendario_ayuda(request):
    comunas, instancias = selectores.calendarios()

    def absoluta(nombre: str, pk: int) -> str:
        return request.build_absolute_uri(reverse(nombre, args=[pk]))

    contexto = {
        "comunas": [(c, absoluta("consejos:calendario_comuna", c.pk)) for c in comunas],
        "instancias": [(i, absoluta("consejos:calendario_instancia", i.pk)) for i in instancias],
        "dias_atras": selectores.DIAS_ATRAS,
        "dias_adelante": selectores.DIAS_ADELANTE,
        "url_atom": request.build_absolute_uri(reverse("consejos:feed_actas")),
    }
    return render(request, "consejos/calendario_ayuda.html", contexto)


class FeedActas(Feed):
    """Newly published actas (a correction is published again, as its new version)."""

    feed_type = Atom1Feed
    title = gettext_lazy("Actas publicadas de consejos, comités y mesas")
    subtitle = gettext_lazy("Las actas más recientes publicadas en el portal de participación ciudadana.")
    link = reverse_lazy("consejos:inicio")

    def author_name(self):
        return settings.MUNICIPIO["nombre"]

    def items(self):
        return selectores.actas_recientes()

    def item_title(self, item: VersionActa) -> str:
        if item.numero > 1:
            return _("%(titulo)s (corrección, versión %(numero)s)") % {
                "titulo": item.titulo,
                "numero": item.numero,
            }
        return item.titulo

    def item_link(self, item: VersionActa) -> str:
        return reverse("consejos:acta", args=[item.acta_id])

    def item_guid(self, item: VersionActa) -> str:
        # One entry per published version: a correction shows up as news, the old entry stays valid.
        return f"tag:{_host()},2026:consejos/acta/{item.acta_id}/v{item.numero}"

    item_guid_is_permalink = False

    def item_description(self, item: VersionActa) -> str:
        partes = [
            _("Sesión del %(fecha)s de %(instancia)s")
            % {"fecha": fecha_larga(item.fecha_sesion), "instancia": item.instancia.nombre}
            + (f" ({item.comuna})." if item.comuna_id else ".")
        ]
        if item.numero > 1 and item.motivo:
            partes.append(_("Corrección: %(motivo)s") % {"motivo": item.motivo})
        partes.append(
            _("Lea en el portal el acta completa: asistencia, orden del día, decisiones y compromisos.")
        )
        # Atom's summary is typed html: the plain text is escaped once for the reader.
        return escape(" ".join(partes))

    def item_pubdate(self, item: VersionActa) -> datetime:
        return item.primera_publicacion or item.publicada_en

    def item_updateddate(self, item: VersionActa) -> datetime:
        return item.publicada_en

    def item_author_name(self, item: VersionActa) -> str:
        return item.instancia.secretaria_tecnica.nombre

    def item_categories(self, item: VersionActa) -> list[str]:
        return [item.instancia.nombre] + ([str(item.comuna)] if item.comuna_id else [])
