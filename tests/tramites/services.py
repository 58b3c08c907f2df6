from django.utils import timezone

from civic import calendario
from civic.expedientes import radicados
from civic.expedientes.maquina import registrar_evento, transicionar
from civic.expedientes.servicios import servicio

from .declaraciones import EXPEDIENTE
from .models import Accion, Estado, Evento, Tramite


@servicio
def radicar(*, asunto: str, correo: str, responsable=None, plazo_dias: int = 10) -> tuple[Tramite, str]:
    ahora = timezone.now()
    efectiva = calendario.fecha_radicacion_efectiva(ahora)
    tramite = Tramite(
        asunto=asunto,
        anonima=True,
        correo=correo,
        autorizacion_datos_version="v1",
        autorizacion_datos_en=ahora,
        radicada_en=ahora,
        fecha_radicacion_efectiva=efectiva,
        responsable=responsable,
        fecha_vencimiento=calendario.sumar_dias_habiles(efectiva, plazo_dias),
    )
    codigo = radicados.radicar_en(tramite, EXPEDIENTE, ahora=ahora)
    tramite.save()
    registrar_evento(Evento(tramite=tramite, tipo="radicado", estado_nuevo=Estado.RECIBIDO, publico=True))
    return tramite, codigo


@servicio
def estudiar(*, tramite: Tramite, actor) -> Tramite:
    transicionar(
        tramite, Accion.ESTUDIAR, evento=Evento(tramite=tramite, tipo="estudio", publico=True), actor=actor
    )
    return tramite


@servicio
def resolver(*, tramite: Tramite, respuesta: str, actor) -> Tramite:
    evento = Evento(tramite=tramite, tipo="resuelto", nota=respuesta, publico=True)
    transicionar(tramite, Accion.RESOLVER, evento=evento, actor=actor)
    return tramite
