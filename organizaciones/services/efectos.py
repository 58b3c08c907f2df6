"""What an approving resolution changes in the registry, one function per type of procedure.

Each runs inside the approval's transaction, after the act is numbered and before its PDF is rendered.
"""

from datetime import date, datetime

from django.conf import settings
from django.db.models import Max

from organizaciones.models import (
    ClaseTramite,
    Dignatario,
    Eleccion,
    EstadoOrganizacion,
    Estatuto,
    Organizacion,
    Resolucion,
    Tramite,
)

from . import certificados
from .registro import cambiar_en_transaccion


def aplicar(
    tramite: Tramite, resolucion: Resolucion, *, actor, hoy: date, ahora: datetime | None = None
) -> None:
    """`hoy` is the act's date; `ahora` the moment it is recorded (None: now)."""
    _EFECTOS[ClaseTramite(tramite.clase)](tramite, resolucion, actor, hoy, ahora)


def _reconocer(tramite, resolucion, actor, hoy, ahora):
    cambiar_en_transaccion(
        tramite.organizacion,
        EstadoOrganizacion.ACTIVA,
        fecha=hoy,
        actor=actor,
        resolucion=resolucion,
        motivo=str(ClaseTramite.RECONOCIMIENTO.label),
        campos={
            "personeria_numero": str(resolucion),
            "personeria_fecha": hoy,
            "personeria_autoridad": settings.MUNICIPIO["entidad"],
            "ultima_actividad": hoy,
        },
    )


def _reformar_estatutos(tramite, resolucion, actor, hoy, ahora):
    ultima = tramite.organizacion.estatutos.aggregate(v=Max("version"))["v"] or 0
    documento = tramite.adjuntos.order_by("id").first()
    Estatuto.objects.create(
        organizacion=tramite.organizacion,
        version=ultima + 1,
        fecha_aprobacion=date.fromisoformat(str(tramite.datos["fecha_asamblea"])),
        # The statutes are the file the organization filed; the registry points at the same stored file.
        archivo=documento.archivo.name if documento else "",
        resolucion=resolucion,
        tramite=tramite,
    )


def _inscribir(tramite, resolucion, actor, hoy, ahora):
    # The new junta replaces the one in force: the old rows stay as history.
    Dignatario.objects.filter(organizacion=tramite.organizacion, vigente=True).update(
        vigente=False, retirado_en=hoy
    )
    tramite.dignatarios.update(vigente=True, resolucion=resolucion)


def _eleccion_fuera_de_termino(tramite, resolucion, actor, hoy, ahora):
    Eleccion.objects.create(
        organizacion=tramite.organizacion,
        fecha=date.fromisoformat(str(tramite.datos["fecha_eleccion"])),
        fuera_de_termino=True,
    )


def _registrar_libros(tramite, resolucion, actor, hoy, ahora):
    tramite.libros.update(fecha_registro=hoy, resolucion=resolucion)
    Organizacion.objects.filter(pk=tramite.organizacion_id).update(ultima_actividad=hoy)


def _certificar(tramite, resolucion, actor, hoy, ahora):
    certificados.expedir_en_transaccion(
        organizacion=tramite.organizacion, actor=actor, tramite=tramite, ahora=ahora
    )


def _suspender(tramite, resolucion, actor, hoy, ahora):
    cambiar_en_transaccion(
        tramite.organizacion,
        EstadoOrganizacion.SUSPENDIDA,
        fecha=hoy,
        actor=actor,
        resolucion=resolucion,
        motivo=tramite.descripcion,
        hasta=date.fromisoformat(str(tramite.datos["hasta"])),
    )


def _cancelar(tramite, resolucion, actor, hoy, ahora):
    # DOMAIN.md §3: a cancellation names a liquidator; the organization is in liquidation until the office
    # records, with its act, that the liquidation ended (services.registro.cambiar_estado → cancelada).
    estado = (
        EstadoOrganizacion.EN_LIQUIDACION if tramite.datos.get("liquidador") else EstadoOrganizacion.CANCELADA
    )
    cambiar_en_transaccion(
        tramite.organizacion,
        estado,
        fecha=hoy,
        actor=actor,
        resolucion=resolucion,
        motivo=tramite.descripcion,
    )


def _impugnar(tramite, resolucion, actor, hoy, ahora):
    # The challenge succeeds: the inscription it attacked loses its effect.
    tramite.resolucion_impugnada.dignatarios.filter(vigente=True).update(vigente=False, retirado_en=hoy)


_EFECTOS = {
    ClaseTramite.RECONOCIMIENTO: _reconocer,
    ClaseTramite.REFORMA_ESTATUTOS: _reformar_estatutos,
    ClaseTramite.INSCRIPCION_DIGNATARIOS: _inscribir,
    ClaseTramite.ELECCION_FUERA_TERMINO: _eleccion_fuera_de_termino,
    ClaseTramite.REGISTRO_LIBROS: _registrar_libros,
    ClaseTramite.CERTIFICADO: _certificar,
    ClaseTramite.SUSPENSION: _suspender,
    ClaseTramite.CANCELACION: _cancelar,
    ClaseTramite.IMPUGNACION: _impugnar,
}
