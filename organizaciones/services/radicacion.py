"""Filing a procedure: on the portal by the organization's legal representative, at the window by staff,
or de oficio by the IVC office (a suspension, a cancellation).

Everything is checked before the radicado is taken (a refused filing holds no number): the checklist,
the type's own data and the law's rules (`organizaciones.validaciones`).
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from civic import calendario
from civic.expedientes import radicados
from civic.expedientes.archivos import adjuntar, validar_tamanos
from civic.expedientes.maquina import registrar_evento
from civic.expedientes.servicios import radicar_una_vez, restricciones_en_espanol, servicio
from organizaciones import eventos, validaciones
from organizaciones.declaraciones import EXPEDIENTES
from organizaciones.emails import enviar_acuse
from organizaciones.models import (
    DE_OFICIO,
    Adjunto,
    Canal,
    ClaseTramite,
    Dignatario,
    EstadoOrganizacion,
    Libro,
    Organizacion,
    Resolucion,
    TipoOrganizacion,
    TipoTramite,
    Tramite,
)

# Procedures an organization may file only while its legal status is in force.
REQUIEREN_ACTIVA = frozenset(
    {
        ClaseTramite.REFORMA_ESTATUTOS,
        ClaseTramite.INSCRIPCION_DIGNATARIOS,
        ClaseTramite.ELECCION_FUERA_TERMINO,
        ClaseTramite.REGISTRO_LIBROS,
    }
)


def radicar(*, token_radicacion: UUID | None = None, **datos) -> tuple[Tramite, str | None]:
    """File a procedure once per form: the portal's form sends a one-time token, and the same token again
    (a double click, the back button) returns the procedure it filed with no code (None). Staff filings
    have no token. The arguments are `_radicar`'s."""
    return radicar_una_vez(
        Tramite, token_radicacion, lambda: _radicar(token_radicacion=token_radicacion, **datos)
    )


@servicio
def _radicar(
    *,
    token_radicacion: UUID | None,
    clase: str,
    peticionario: Mapping,
    organizacion: Organizacion | None = None,
    nueva: Mapping | None = None,
    descripcion: str = "",
    documentos: Mapping[int, Iterable[File]] | None = None,
    dignatarios: Iterable[Mapping] = (),
    libros: Iterable[Mapping] = (),
    datos: Mapping | None = None,
    resolucion_impugnada: Resolucion | None = None,
    canal: str = Canal.PORTAL,
    actor=None,
    ahora: datetime | None = None,
) -> tuple[Tramite, str]:
    """File a procedure of `clase`; returns it and its consultation code (shown once, mailed once).

    `nueva` carries the organization's data for a recognition (it is registered «en trámite»);
    `organizacion` is the registered one for every other type. `documentos` maps each checklist line
    (`DocumentoRequerido` id) to its files; on the portal every mandatory line needs one.
    """
    ahora = ahora or timezone.now()
    clase = ClaseTramite(clase)
    tipo = TipoTramite.objects.prefetch_related("documentos").get(clase=clase)
    if canal == Canal.PORTAL and (clase in DE_OFICIO or not tipo.en_linea):
        raise ValidationError(_("Este trámite no se radica en el portal."), code="no_en_linea")
    datos_del_tipo = dict(datos or {})
    propuestos = [dict(d) for d in dignatarios]
    libros_propuestos = [dict(libro) for libro in libros]
    archivos = _documentos(tipo, documentos or {}, exigir=canal == Canal.PORTAL)
    _validar_datos(clase, organizacion, datos_del_tipo, propuestos, libros_propuestos, resolucion_impugnada)

    if clase == ClaseTramite.RECONOCIMIENTO:
        organizacion = _registrar_en_tramite(nueva or {})
    assert organizacion is not None  # _validar_datos refuses every other type without it
    efectiva = calendario.fecha_radicacion_efectiva(ahora)
    tramite = Tramite(
        clase=clase,
        organizacion=organizacion,
        canal=canal,
        descripcion=(descripcion or "").strip(),
        plazo_dias=tipo.plazo_dias,
        fecha_vencimiento=calendario.sumar_dias_habiles(efectiva, tipo.plazo_dias),
        datos=datos_del_tipo,
        resolucion_impugnada=resolucion_impugnada,
        radicado_por=actor,
        token_radicacion=token_radicacion,
        radicada_en=ahora,
        fecha_radicacion_efectiva=efectiva,
        **_peticionario(peticionario, canal, ahora),
    )
    tramite.full_clean(
        exclude=[
            "radicado",
            "serie",
            "anio",
            "consecutivo",
            "codigo_consulta_hash",
            "organizacion",
            "resolucion_impugnada",
            "radicado_por",
            "responsable",
        ],
        validate_unique=False,
        validate_constraints=False,
    )
    codigo = radicados.radicar_en(tramite, EXPEDIENTES[clase], ahora=ahora)
    with restricciones_en_espanol(Tramite):
        tramite.save()
    evento = registrar_evento(eventos.radicado(tramite), actor=actor, momento=ahora)
    for requisito, lista in archivos:
        adjuntar(
            Adjunto,
            lista,
            tramite=tramite,
            evento=evento,
            requisito=requisito,
            origen=Adjunto.Origen.FUNCIONARIO if canal == Canal.OFICIO else Adjunto.Origen.CIUDADANO,
            publico=True,
        )
    _propuestas(tramite, propuestos, libros_propuestos)
    if canal != Canal.OFICIO:
        # Art. 11/36: filing shows the organization is alive.
        Organizacion.objects.filter(pk=organizacion.pk).update(ultima_actividad=efectiva)
        enviar_acuse(tramite, codigo)
    return tramite, codigo


def _documentos(tipo: TipoTramite, documentos: Mapping[int, Iterable[File]], *, exigir: bool):
    """The files of each checklist line, checked by size before anything is numbered."""
    errores: dict[str, list[str]] = {}
    resultado = []
    for requisito in tipo.documentos.all():
        lista = list(documentos.get(requisito.pk, ()))
        if not lista and requisito.obligatorio and exigir:
            errores.setdefault(f"documento_{requisito.pk}", []).append(
                _("Adjunte «%(documento)s»: es obligatorio para este trámite.")
                % {"documento": requisito.nombre}
            )
            continue
        try:
            validar_tamanos(lista, Adjunto)
        except ValidationError as error:
            errores.setdefault(f"documento_{requisito.pk}", []).extend(error.messages)
            continue
        if lista:
            resultado.append((requisito, lista))
    if errores:
        raise ValidationError(errores)
    return resultado


def _validar_datos(clase, organizacion, datos, dignatarios, libros, resolucion_impugnada) -> None:
    if clase == ClaseTramite.RECONOCIMIENTO:
        return  # the new organization's data are checked as it is registered
    if organizacion is None:
        raise ValidationError({"organizacion": _("Elija la organización registrada.")}, code="requerido")
    if organizacion.estado == EstadoOrganizacion.EN_TRAMITE:
        raise ValidationError(
            {"organizacion": _("La organización aún no tiene personería jurídica reconocida.")},
            code="sin_personeria",
        )
    if clase in REQUIEREN_ACTIVA and organizacion.estado != EstadoOrganizacion.ACTIVA:
        raise ValidationError(
            {
                "organizacion": _(
                    "La organización está «%(estado)s»: este trámite requiere la personería jurídica vigente."
                )
                % {"estado": organizacion.get_estado_display()}
            },
            code="no_activa",
        )
    if clase == ClaseTramite.INSCRIPCION_DIGNATARIOS:
        validaciones.validar_junta(dignatarios, tipo=organizacion.tipo)
        _validar_dignatarios(dignatarios, organizacion)
    elif clase == ClaseTramite.REGISTRO_LIBROS and not libros:
        raise ValidationError(
            {"libros": _("Relacione al menos un libro con su número de folios.")}, code="requerido"
        )
    elif clase == ClaseTramite.REFORMA_ESTATUTOS and not datos.get("fecha_asamblea"):
        raise ValidationError(
            {"fecha_asamblea": _("Indique la fecha de la asamblea que aprobó la reforma.")}, code="requerido"
        )
    elif clase == ClaseTramite.ELECCION_FUERA_TERMINO:
        _validar_eleccion(datos)
    elif clase == ClaseTramite.SUSPENSION:
        hasta = datos.get("hasta")
        if not hasta or date.fromisoformat(str(hasta)) <= timezone.localdate():
            raise ValidationError(
                {"hasta": _("Indique hasta qué fecha se propone la suspensión.")}, code="requerido"
            )
    elif clase == ClaseTramite.IMPUGNACION and (
        resolucion_impugnada is None or resolucion_impugnada.organizacion_id != organizacion.pk
    ):
        raise ValidationError(
            {
                "resolucion_impugnada": _(
                    "Elija la resolución de inscripción que se impugna, de esta organización."
                )
            },
            code="requerido",
        )


def _validar_dignatarios(dignatarios: list[dict], organizacion: Organizacion) -> None:
    """Each proposed dignatario: a complete period, and not an active dignatario of another organization
    (art. 35). The database enforces the second again when the inscription is approved."""
    for d in dignatarios:
        validaciones.validar_periodo(d["inicio"], d["fin"])
    documentos = [(d["tipo_documento"], d["numero_documento"]) for d in dignatarios]
    if len(set(documentos)) != len(documentos):
        raise ValidationError(
            {"dignatarios": _("La misma persona aparece dos veces en la lista de dignatarios.")},
            code="repetido",
        )
    ocupados = (
        Dignatario.objects.vigentes()
        .exclude(organizacion=organizacion)
        .filter(numero_documento__in=[n for _t, n in documentos])
        .select_related("organizacion")
    )
    por_documento = {(o.tipo_documento, o.numero_documento): o for o in ocupados}
    for ocupado in filter(None, (por_documento.get(documento) for documento in documentos)):
        raise ValidationError(
            {
                "dignatarios": _(
                    "%(nombre)s ya es dignatario activo de «%(organizacion)s»: una persona solo "
                    "puede ser dignataria activa de una organización (Ley 2166 de 2021, art. 35)."
                )
                % {"nombre": ocupado.nombre_completo, "organizacion": ocupado.organizacion}
            },
            code="dignatario_activo_en_otra",
        )


def _validar_eleccion(datos: dict) -> None:
    if not datos.get("fecha_eleccion"):
        raise ValidationError(
            {"fecha_eleccion": _("Indique la fecha propuesta para la elección.")}, code="requerido"
        )
    if not str(datos.get("causa", "")).strip():
        raise ValidationError(
            {
                "causa": _(
                    "Explique la causa justificada para elegir fuera de término (art. 36, parágrafo 2)."
                )
            },
            code="requerido",
        )


def _registrar_en_tramite(nueva: Mapping) -> Organizacion:
    """The organization asking for recognition, registered «en trámite» after the art. 11 checks."""
    afiliadas = list(nueva.get("afiliadas", ()))
    organizacion = Organizacion(
        **{k: v for k, v in nueva.items() if k != "afiliadas"}, estado=EstadoOrganizacion.EN_TRAMITE
    )
    organizacion.full_clean(validate_constraints=False, validate_unique=False)
    validaciones.validar_constitucion(
        tipo=organizacion.tipo,
        clase_territorio=organizacion.clase_territorio,
        afiliados=organizacion.afiliados,
        familias=organizacion.familias,
    )
    if organizacion.tipo == TipoOrganizacion.ASOCOMUNAL:
        juntas = Organizacion.objects.filter(
            tipo=TipoOrganizacion.JAC, comuna=organizacion.comuna, estado=EstadoOrganizacion.ACTIVA
        )
        validaciones.validar_asociacion(
            afiliadas=juntas.filter(pk__in=[a.pk for a in afiliadas]).count(),
            juntas_del_territorio=juntas.count(),
        )
    with restricciones_en_espanol(Organizacion, campo="nit"):
        organizacion.save()
    if afiliadas:
        organizacion.afiliadas.set(afiliadas)
    return organizacion


def _peticionario(datos: Mapping, canal: str, ahora: datetime) -> dict:
    if canal == Canal.OFICIO:
        return {"anonima": True}
    campos = {
        k: (datos.get(k) or "").strip() if isinstance(datos.get(k), str) else datos.get(k)
        for k in (
            "tipo_documento",
            "numero_documento",
            "nombres",
            "apellidos",
            "correo",
            "telefono",
            "direccion",
        )
    }
    campos = {k: v or "" for k, v in campos.items()}
    return {
        **campos,
        "anonima": False,
        "canal_respuesta": "correo_electronico" if campos["correo"] else "direccion_postal",
        "autorizacion_datos_version": datos.get("autorizacion_datos_version") or "",
        "autorizacion_datos_en": ahora if datos.get("autorizacion_datos_version") else None,
    }


def _propuestas(tramite: Tramite, dignatarios: list[dict], libros: list[dict]) -> None:
    """The proposed dignatarios and books wait in the procedure, not in force until the act."""
    Dignatario.objects.bulk_create(
        [
            Dignatario(organizacion=tramite.organizacion, tramite=tramite, vigente=False, **d)
            for d in dignatarios
        ]
    )
    Libro.objects.bulk_create(
        [Libro(organizacion=tramite.organizacion, tramite=tramite, **libro) for libro in libros]
    )
