"""Informes de gestión: publishing computes every indicator from its source and freezes it, so the
published figures never change when data change later; a correction is a new version that replaces
the published one and keeps it readable."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import indicadores
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from rendicion.models import EventoInforme, Indicador, Informe, Seccion
from rendicion.workflow import AccionInforme, EstadoInforme


@servicio
def publicar(*, informe: Informe, actor, ahora: datetime | None = None) -> Informe:
    ahora = ahora or timezone.now()
    bloquear(informe, AccionInforme.PUBLICAR)
    indicadores_del_informe = list(
        Indicador.objects.filter(seccion__informe=informe).order_by("seccion__orden", "orden")
    )
    if not Seccion.objects.filter(informe=informe).exists():
        raise ValidationError(
            _("El informe no tiene secciones: escriba al menos una antes de publicarlo."), code="vacio"
        )
    desconocidas = [i.nombre for i in indicadores_del_informe if i.fuente and i.fuente not in _claves()]
    if desconocidas:
        raise ValidationError(
            _("Estos indicadores usan una fuente que no existe: %(lista)s.")
            % {"lista": ", ".join(desconocidas)},
            code="fuente",
        )
    for indicador in indicadores_del_informe:
        if indicador.fuente:
            calculado = indicadores.calcular(
                indicador.fuente, informe.desde, informe.hasta, indicador.parametros
            )
            indicador.resultado = calculado.como_dict()
            if not indicador.unidad:
                indicador.unidad = calculado.unidad[:60]
        else:
            indicador.resultado = None
    Indicador.objects.bulk_update(indicadores_del_informe, ["resultado", "unidad"])
    anterior = informe.anterior
    if anterior is not None:
        transicionar(
            anterior,
            AccionInforme.REEMPLAZAR,
            evento=EventoInforme(
                informe=anterior, tipo="reemplazado", publico=True, nota=informe.motivo_correccion
            ),
            actor=actor,
            momento=ahora,
        )
    transicionar(
        informe,
        AccionInforme.PUBLICAR,
        evento=EventoInforme(informe=informe, tipo="publicado", publico=True),
        actor=actor,
        campos={"publicado_en": ahora},
        momento=ahora,
        bloqueado=True,
    )
    return informe


def _claves() -> set[str]:
    return {f.clave for f in indicadores.fuentes()}


@servicio
def corregir(*, informe: Informe, motivo: str, actor) -> Informe:
    """A new draft version with the same sections and indicators (to be edited and published); the
    published one stays public until the correction is published, and readable after."""
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError({"motivo": _("Diga qué se corrige y por qué.")}, code="requerido")
    informe = Informe.objects.select_for_update().get(pk=informe.pk)
    if informe.estado == EstadoInforme.BORRADOR:
        raise ValidationError(_("Un borrador se corrige editándolo; solo se versiona un informe publicado."))
    if hasattr(informe, "correccion"):
        raise ValidationError(_("Este informe ya tiene una versión corregida."), code="ya_corregido")
    nuevo = Informe.objects.create(
        titulo=informe.titulo,
        desde=informe.desde,
        hasta=informe.hasta,
        fecha=timezone.localdate(),
        anterior=informe,
        version=informe.version + 1,
        motivo_correccion=motivo,
        plantilla=informe.plantilla,
    )
    nuevo.dependencias.set(informe.dependencias.all())
    for seccion in informe.secciones.prefetch_related("indicadores"):
        copia = Seccion.objects.create(
            informe=nuevo, orden=seccion.orden, titulo=seccion.titulo, narrativa=seccion.narrativa
        )
        Indicador.objects.bulk_create(
            Indicador(
                seccion=copia,
                orden=i.orden,
                nombre=i.nombre,
                fuente=i.fuente,
                parametros=i.parametros,
                meta=i.meta,
                logro=i.logro,
                unidad=i.unidad,
                evidencia=i.evidencia,
                grafico=i.grafico,
            )
            for i in seccion.indicadores.all()
        )
    return nuevo
