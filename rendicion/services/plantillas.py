"""A draft informe from a saved template (rendicion.plantillas) for a period and, optionally, one
dependencia: its sections and indicators with the template's sources, filtered by the dependencia."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.expedientes.servicios import servicio
from civic.formato import fecha
from civic.models import Dependencia
from rendicion.models import EventoInforme, Indicador, Informe, Seccion
from rendicion.plantillas import PLANTILLAS


@servicio
def crear_desde_plantilla(
    *,
    clave: str,
    desde: date,
    hasta: date,
    actor,
    dependencia: Dependencia | None = None,
    fecha_informe: date | None = None,
) -> Informe:
    plantilla = PLANTILLAS.get(clave)
    if plantilla is None:
        raise ValidationError({"plantilla": _("Esa plantilla no existe.")}, code="plantilla")
    if hasta < desde:
        raise ValidationError({"hasta": _("El periodo termina antes de empezar.")}, code="periodo")
    parametros = {"dependencia": dependencia.sigla} if dependencia is not None else {}
    informe = Informe.objects.create(
        titulo=str(plantilla.titulo)
        % {
            "desde": fecha(desde),
            "hasta": fecha(hasta),
            "dependencia": f"{dependencia.nombre} " if dependencia is not None else "",
        },
        desde=desde,
        hasta=hasta,
        fecha=fecha_informe or timezone.localdate(),
        plantilla=plantilla.clave,
    )
    if dependencia is not None:
        informe.dependencias.set([dependencia])
    for n, seccion in enumerate(plantilla.secciones, start=1):
        creada = Seccion.objects.create(
            informe=informe, orden=n, titulo=str(seccion.titulo), narrativa=str(seccion.narrativa)
        )
        Indicador.objects.bulk_create(
            Indicador(
                seccion=creada,
                orden=m,
                nombre=str(i.nombre),
                fuente=i.fuente,
                parametros=parametros,
                grafico=i.grafico,
            )
            for m, i in enumerate(seccion.indicadores, start=1)
        )
    EventoInforme.objects.create(
        informe=informe,
        tipo="creado",
        estado_nuevo=informe.estado,
        actor=actor,
        nota=str(plantilla.nombre),
        publico=False,
    )
    return informe
