"""Everything the kernel needs to know about a trámite, declared."""

from civic.expedientes.registro import Expediente
from civic.models import Usuario
from civic.plazos.destinatarios import Cadena
from civic.plazos.recordatorios import Regla
from civic.plazos.resumen import SeccionResumen
from civic.roles import FUNCIONARIO

from .models import MAQUINA, Tramite

EXPEDIENTE = Expediente(clave="tramite", modelo="tramites.Tramite", prefijo="TRA", nombre="trámite")


def reglas() -> list[Regla]:
    cadena = Cadena(FUNCIONARIO)
    return [
        Regla(
            tipo="tramites.por_vencer",
            consulta=lambda: Tramite.objects.filter(estado__in=MAQUINA.en_curso).select_related(
                "responsable"
            ),
            campo="fecha_vencimiento",
            antes=(2, 0),
            plantilla="civic/emails/prueba",
            destinatarios=lambda t: cadena.a_cargo(t.responsable, None),
            contexto=lambda t, o: {"radicado": t.radicado, "restantes": o.restantes},
        )
    ]


SECCION = SeccionResumen(
    clave="tramites",
    titulo="Trámites de prueba",
    usuarios=lambda: Usuario.objects.filter(tramite__estado__in=MAQUINA.en_curso),
    pendientes=lambda u: Tramite.objects.filter(responsable=u, estado__in=MAQUINA.en_curso),
    en_curso=lambda t: t.estado in MAQUINA.en_curso,
    vencimiento=lambda t: t.fecha_vencimiento,
    fila=lambda t: {"radicado": t.radicado, "asunto": t.asunto, "url_admin": f"/admin/tramites/{t.pk}/"},
)
