"""The end of personal data: closed expedientes anonymized after the retention period.

Ley 1581/2012 art. 4 lit. g (temporality) and art. 11: personal data are kept no longer than the purpose
and the archive rules require. The entity's Tabla de Retención Documental (TRD) fixes how long a series
stays in the archives; RETENCION_DATOS_PERSONALES_ANIOS says how many years after its closing an
expediente keeps who filed it. After that the expediente keeps its radicado, type, dates, states and
events (statistics, rendición de cuentas) and loses:

- the petitioner's identity and contact (`CAMPOS_PERSONALES`); it becomes `anonima`, the one shape the
  Peticionario CHECK constraints allow without identity, contact or response channel;
- the texts the app declares (`Retencion.textos`), and the petitioner's values inside short ones (`depurar`);
- the petitioner's files (deleted from storage first, so a failed run leaves nothing orphaned and the next
  run finishes the job), and their rows;
- in the timeline, the notes that are the petitioner's own words, the data keys the app declares personal,
  and the petitioner's values (name, document, e-mail, phone, address) wherever else they were written;
- in the outbox, the petitioner's address, the message context and any reserved context of the
  expediente's mail (the row stays as the record that a message went out; one still waiting ends failed);
- the related texts the app declares (a survey comment).

Each one is recorded in `civic.models.Anonimizacion` (content type + id), in the same transaction, so a
second run skips it. Expedientes are walked in keyset pages (civic.bd.paginas), each page one short
transaction that locks its rows and selects them again.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import bd
from civic.models import Anonimizacion, Notificacion

from . import registro
from .modelos import CAMPOS_PERSONALES
from .registro import Expediente, Retencion

LOTE_POR_DEFECTO = 200
# The outbox address of an anonymized message: the reserved .invalid domain (RFC 2606) never delivers.
DESTINATARIO_ANONIMO = "anonimizado@anonimizado.invalid"
# Values shorter than this are not searched for in texts: "Ana" would also hit "Analizada".
MINIMO_DEPURAR = 4


def texto_suprimido() -> str:
    """What stands in a text that was the petitioner's whole."""
    return _("[Suprimido por retención de datos personales]")


def dato_suprimido() -> str:
    """What stands in a text where one of the petitioner's values was."""
    return _("[dato suprimido]")


@dataclass
class Resumen:
    expedientes: int = 0
    adjuntos: int = 0
    eventos: int = 0
    notificaciones: int = 0
    radicados: list[str] = field(default_factory=list)


def limite(hoy: date, anios: int) -> datetime:
    """Expedientes closed before this moment have served their period: one closed on 10 March 2016 with
    10 years keeps its data through 10 March 2026 and is anonymized from 11 March 2026."""
    return timezone.make_aware(datetime.combine(hoy - relativedelta(years=anios), time.min))


def anios_configurados() -> int:
    anios = settings.RETENCION_DATOS_PERSONALES_ANIOS
    if anios <= 0:
        raise ImproperlyConfigured(
            _(
                "Configure RETENCION_DATOS_PERSONALES_ANIOS con los años que fija la Tabla de Retención "
                "Documental de la entidad; sin ese valor no se anonimiza nada."
            )
        )
    return anios


def vencidos(expediente: Expediente, hasta: datetime) -> QuerySet:
    """The closed expedientes whose period ended before `hasta` and are not anonymized yet."""
    retencion = _retencion(expediente)
    modelo = expediente.model
    hechas = Anonimizacion.objects.filter(
        objeto_tipo=ContentType.objects.get_for_model(modelo), objeto_id=OuterRef("pk")
    )
    desde = retencion.desde if retencion.desde is not None else _ultimo_evento(modelo, retencion)
    maquina = modelo.maquina  # type: ignore[attr-defined]
    return (
        # A model may hold several expedientes (one per series): each sweeps its own rows.
        modelo._default_manager.filter(serie=expediente.serie)
        .filter(**{f"{maquina.campo}__in": retencion.estados_cerrados})
        .filter(retencion.condicion)
        .filter(~Exists(hechas))
        .annotate(_cerrado_en=desde)
        .filter(_cerrado_en__lt=hasta)
    )


def _ultimo_evento(modelo, retencion: Retencion) -> Subquery:
    # A correlated subquery, not Max() with GROUP BY: each row reads its newest event from the event
    # table's (expediente, momento) index, and the keyset pages can stop at their limit.
    relacion = modelo._meta.get_field(retencion.eventos)
    eventos = relacion.related_model._default_manager.filter(**{relacion.field.name: OuterRef("pk")})
    return Subquery(eventos.order_by("-momento").values("momento")[:1])


def con_retencion() -> list[Expediente]:
    return [e for e in registro.todos() if e.retencion is not None]


def contar(expediente: Expediente, hasta: datetime) -> tuple[int, int]:
    """What a run would do, for --dry-run: the expedientes, and their petitioner's files."""
    retencion = _retencion(expediente)
    ids = vencidos(expediente, hasta).values("pk")
    cuantos = vencidos(expediente, hasta).count()
    if not retencion.adjuntos:
        return cuantos, 0
    relacion = expediente.model._meta.get_field(retencion.adjuntos)
    adjuntos = relacion.related_model._default_manager.filter(  # type: ignore[union-attr]
        **{f"{relacion.field.name}__in": ids, "origen__in": retencion.origenes_personales}  # type: ignore[union-attr]
    )
    return cuantos, adjuntos.count()


def anonimizar(expediente: Expediente, hasta: datetime, *, lote: int = LOTE_POR_DEFECTO) -> Resumen:
    """Anonymize every expediente `vencidos` selects, a page at a time; return what was done."""
    resumen = Resumen()
    for filas in bd.paginas(vencidos(expediente, hasta), ("pk",), lote):
        _anonimizar_pagina(expediente, hasta, [pk for (pk,) in filas], resumen)
    return resumen


@transaction.atomic
def _anonimizar_pagina(expediente: Expediente, hasta: datetime, ids: list[int], resumen: Resumen) -> None:
    retencion = _retencion(expediente)
    modelo = expediente.model
    # Locked and selected again: one reopened or anonymized meanwhile is left alone.
    cerrados = dict(
        vencidos(expediente, hasta)
        .filter(pk__in=ids)
        .select_for_update(of=("self",))
        .values_list("pk", "_cerrado_en")
    )
    objetos = list(modelo._default_manager.filter(pk__in=cerrados).order_by("pk"))
    if not objetos:
        return
    tipo = ContentType.objects.get_for_model(modelo)
    por_objeto = {o.pk: _patron(o) for o in objetos}
    borrados = _borrar_adjuntos(modelo, retencion, list(cerrados)) if retencion.adjuntos else {}
    resumen.eventos += _depurar_eventos(modelo, retencion, por_objeto)
    resumen.notificaciones += _depurar_notificaciones(tipo, objetos, por_objeto)
    _vaciar_relacionados(modelo, retencion, list(cerrados))
    for objeto in objetos:
        _vaciar_peticionario(objeto, retencion, por_objeto[objeto.pk])
    campos = ["anonima", "canal_respuesta", *CAMPOS_PERSONALES, *retencion.textos, *retencion.depurar]
    modelo._default_manager.bulk_update(objetos, campos)
    ahora = timezone.now()
    Anonimizacion.objects.bulk_create(
        [
            Anonimizacion(
                objeto_tipo=tipo,
                objeto_id=o.pk,
                radicado=o.radicado,
                momento=ahora,
                cerrado_en=cerrados[o.pk],
                adjuntos_borrados=borrados.get(o.pk, 0),
            )
            for o in objetos
        ]
    )
    resumen.expedientes += len(objetos)
    resumen.adjuntos += sum(borrados.values())
    resumen.radicados += [o.radicado for o in objetos]


def _retencion(expediente: Expediente) -> Retencion:
    if expediente.retencion is None:
        raise LookupError(f"{expediente.clave} no declara retención de datos personales")
    return expediente.retencion


def _patron(objeto: models.Model) -> re.Pattern | None:
    """The petitioner's values as one case-insensitive pattern of whole words, longest first."""
    valores = {str(getattr(objeto, c) or "").strip() for c in CAMPOS_PERSONALES}
    nombre = " ".join(str(getattr(objeto, c) or "").strip() for c in ("nombres", "apellidos")).strip()
    valores.add(nombre)
    utiles = sorted((v for v in valores if len(v) >= MINIMO_DEPURAR), key=len, reverse=True)
    if not utiles:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in utiles) + r")(?!\w)", re.IGNORECASE)


def _depurar(valor, patron: re.Pattern | None, quitar: Iterable[str] = ()):
    """`valor` (text, or JSON of dicts and lists) without the petitioner's values nor the keys `quitar`."""
    if isinstance(valor, str):
        return patron.sub(dato_suprimido(), valor) if patron is not None else valor
    if isinstance(valor, dict):
        quitar = frozenset(quitar)
        return {k: _depurar(v, patron, quitar) for k, v in valor.items() if k not in quitar}
    if isinstance(valor, list):
        return [_depurar(v, patron, quitar) for v in valor]
    return valor


def _borrar_adjuntos(modelo, retencion: Retencion, ids: list[int]) -> dict[int, int]:
    """Delete the petitioner's files (storage, then rows); return how many per expediente."""
    relacion = modelo._meta.get_field(retencion.adjuntos)
    clave = relacion.field.name
    adjuntos = relacion.related_model._default_manager.filter(
        **{f"{clave}__in": ids, "origen__in": retencion.origenes_personales}
    )
    borrados: dict[int, int] = {}
    for adjunto in adjuntos:
        # The file goes first: if this transaction fails, the row is still there for the next run.
        if adjunto.archivo:
            adjunto.archivo.storage.delete(adjunto.archivo.name)
        dueno = getattr(adjunto, f"{clave}_id")
        borrados[dueno] = borrados.get(dueno, 0) + 1
    adjuntos.delete()
    return borrados


def _depurar_eventos(modelo, retencion: Retencion, por_objeto: dict[int, re.Pattern | None]) -> int:
    relacion = modelo._meta.get_field(retencion.eventos)
    clave = relacion.field.name
    eventos = list(relacion.related_model._default_manager.filter(**{f"{clave}__in": list(por_objeto)}))
    cambiados = []
    for evento in eventos:
        patron = por_objeto[getattr(evento, f"{clave}_id")]
        nota = (
            texto_suprimido()
            if evento.tipo in retencion.eventos_del_peticionario and evento.nota
            else _depurar(evento.nota, patron)
        )
        datos = _depurar(evento.datos, patron, retencion.datos_personales)
        if (nota, datos) != (evento.nota, evento.datos):
            evento.nota, evento.datos = nota, datos
            cambiados.append(evento)
    relacion.related_model._default_manager.bulk_update(cambiados, ["nota", "datos"])
    return len(cambiados)


def _depurar_notificaciones(tipo, objetos: list, por_objeto: dict[int, re.Pattern | None]) -> int:
    """The expediente's mail keeps its date, template and state; not what it said nor, when it went to the
    petitioner, where. Mail still waiting ends failed: nothing goes to a petitioner who no longer exists."""
    correos = {o.pk: (o.correo or "").lower() for o in objetos}
    filas = list(Notificacion.objects.filter(objeto_tipo=tipo, objeto_id__in=list(correos)))
    for fila in filas:
        assert fila.objeto_id is not None  # selected by it
        if correos[fila.objeto_id] and fila.destinatario.lower() == correos[fila.objeto_id]:
            fila.destinatario = DESTINATARIO_ANONIMO
        fila.contexto = {}
        fila.contexto_reservado = {}
        fila.ultimo_error = _depurar(fila.ultimo_error, por_objeto[fila.objeto_id])
        if fila.estado in (Notificacion.Estado.PENDIENTE, Notificacion.Estado.ENVIANDO):
            fila.estado = Notificacion.Estado.FALLIDA
            fila.reclamada_en = None
            fila.ultimo_error = _("Anulada: el expediente se anonimizó por retención de datos personales.")
    Notificacion.objects.bulk_update(
        filas, ["destinatario", "contexto", "contexto_reservado", "ultimo_error", "estado", "reclamada_en"]
    )
    return len(filas)


def _vaciar_relacionados(modelo, retencion: Retencion, ids: list[int]) -> None:
    for nombre, campos in retencion.relacionados.items():
        relacion = modelo._meta.get_field(nombre)
        relacion.related_model._default_manager.filter(**{f"{relacion.field.name}__in": ids}).update(
            **dict.fromkeys(campos, "")
        )


def _vaciar_peticionario(objeto, retencion: Retencion, patron: re.Pattern | None) -> None:
    for campo in retencion.depurar:
        limite_largo = objeto._meta.get_field(campo).max_length
        setattr(objeto, campo, _depurar(getattr(objeto, campo), patron)[:limite_largo])
    for campo in retencion.textos:
        setattr(objeto, campo, texto_suprimido())
    for campo in CAMPOS_PERSONALES:
        setattr(objeto, campo, "")
    # The only shape the Peticionario CHECK constraints allow without identity, contact or channel.
    objeto.anonima = True
    objeto.canal_respuesta = ""
