"""Handling a request while its term runs: assignment, art. 17 requirement, traslado, prórroga."""

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext

from civic import calendario
from civic.calendario import habil_o_siguiente
from civic.expedientes.archivos import adjuntar
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.formato import fecha_larga
from civic.models import Dependencia, Usuario
from pqrs import emails, eventos
from pqrs.models import CANALES_VERBALES, Adjunto, Entidad, Solicitud, TipoEvento
from pqrs.workflow import Accion, Estado

from ._base import exigir, hoy_o, termino_nuevo

# Ley 1755/2015 art. 17: the requirement must be made within 10 days of the radicación.
DIAS_PARA_REQUERIR = 10
# Ley 1755/2015 art. 21: remission to the competent authority within 5 days; a verbal petition (in person,
# by phone) at once, which the office reads as the same business day it was received.
DIAS_PARA_TRASLADAR = 5


def dias_para_trasladar(canal: str) -> int:
    return 0 if canal in CANALES_VERBALES else DIAS_PARA_TRASLADAR


def fecha_maxima_prorroga(solicitud: Solicitud) -> date | None:
    """The latest due date a prórroga may set: twice the initial term, counted from its start (Ley 1755
    de 2015, art. 14 parágrafo); None without a legal term. The prórroga page shows it before asking."""
    if not solicitud.plazo_dias:
        return None
    return calendario.sumar_dias_habiles(solicitud.fecha_inicio_termino, 2 * solicitud.plazo_dias)


@servicio
def asignar(
    *,
    solicitud: Solicitud,
    dependencia: Dependencia,
    responsable: Usuario | None = None,
    actor: Usuario,
    nota: str = "",
) -> Solicitud:
    """Assign (or reassign) the request to a dependencia and optionally to one of its staff."""
    bloquear(solicitud, Accion.ASIGNAR)
    if not dependencia.activa:
        raise ValidationError({"dependencia": gettext("La dependencia no está activa.")}, code="inactiva")
    if responsable is not None and responsable.dependencia_id != dependencia.pk:
        raise ValidationError(
            {"responsable": gettext("El responsable debe pertenecer a la dependencia asignada.")},
            code="otra_dependencia",
        )
    cambia_dependencia = solicitud.dependencia_id != dependencia.pk
    evento = eventos.asignada(
        solicitud,
        dependencia=dependencia,
        responsable=responsable,
        nota=nota.strip(),
        reasignacion=solicitud.estado != Estado.RADICADA,
    )
    transicionar(
        solicitud,
        Accion.ASIGNAR,
        evento=evento,
        actor=actor,
        campos={"dependencia": dependencia, "responsable": responsable},
        bloqueado=True,
    )
    if cambia_dependencia:
        emails.enviar_asignacion(solicitud)
        if solicitud.riesgo_vida:
            # Art. 20: the head of the dependencia that now has it hears at once, not at the next sweep.
            emails.alertar_riesgo_vida(solicitud, solo_jefe=True)
    return solicitud


@servicio
def solicitar_informacion(
    *, solicitud: Solicitud, requerimiento: str, actor: Usuario, hoy: date | None = None
) -> Solicitud:
    """Ask the petitioner to complete the request; the term is suspended (Ley 1755/2015 art. 17)."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.SOLICITAR_INFORMACION)
    requerimiento = exigir(requerimiento, "requerimiento", gettext("Indique qué información falta."))
    transcurridos = calendario.dias_habiles_entre(solicitud.fecha_radicacion_efectiva, hoy)
    if transcurridos > DIAS_PARA_REQUERIR:
        raise ValidationError(
            gettext(
                "El requerimiento de información solo puede hacerse dentro de los %(dias)s días hábiles "
                "siguientes a la radicación (Ley 1755 de 2015, art. 17); ya transcurrieron %(transcurridos)s."
            )
            % {"dias": DIAS_PARA_REQUERIR, "transcurridos": transcurridos},
            code="requerimiento_extemporaneo",
        )
    # Art. 17: the petitioner has one month (a calendar month, Ley 4/1913 art. 59).
    limite = habil_o_siguiente(hoy + relativedelta(months=1))
    transicionar(
        solicitud,
        Accion.SOLICITAR_INFORMACION,
        evento=eventos.requerimiento(solicitud, requerimiento=requerimiento, fecha_limite=limite),
        actor=actor,
        campos={"requerimiento_en": hoy, "fecha_limite_ciudadano": limite, "plazo_ciudadano_ampliado": False},
        bloqueado=True,
    )
    emails.enviar_requerimiento(solicitud, requerimiento)
    return solicitud


@servicio
def aportar_informacion(
    *, solicitud: Solicitud, texto: str, archivos: Iterable[File] = (), hoy: date | None = None
) -> Solicitud:
    """The petitioner completes the request from the tracking page; a new term starts.

    Ley 1755/2015 art. 17 says the term "se reactivará" the day after the information arrives. Reading
    chosen: a full new term, counted from the day the information arrives (its first day is the next
    business day), as art. 21 does for a remitted petition; not the remainder of the suspended term.
    Information that arrives after the month but before desistimiento is declared is still accepted:
    desistimiento is an act the authority must issue, and until then the petition is alive.
    """
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.APORTAR_INFORMACION)
    archivos = list(archivos)
    if not (texto or "").strip() and not archivos:
        raise ValidationError(
            {"texto": gettext("Escriba la información o adjunte un archivo.")}, code="requerido"
        )
    # CPACA art. 56: what arrives on a non-business day is received the next business day.
    recibida = habil_o_siguiente(hoy)
    termino = termino_nuevo(solicitud.plazo_dias, recibida)
    evento = transicionar(
        solicitud,
        Accion.APORTAR_INFORMACION,
        evento=eventos.informacion_recibida(
            solicitud,
            texto=(texto or "").strip(),
            recibida=recibida,
            fecha_vencimiento=termino["fecha_vencimiento"],
        ),
        actor=None,
        bloqueado=True,
        campos=termino,
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="ciudadano", publico=True)
    emails.enviar_informacion_recibida(solicitud)
    return solicitud


@servicio
def ampliar_plazo_ciudadano(
    *, solicitud: Solicitud, actor: Usuario | None = None, nota: str = "", hoy: date | None = None
) -> Solicitud:
    """Extend the petitioner's month once by one more month, on their request (Ley 1755/2015 art. 17).

    `actor` is the staff member who records the request, None when the petitioner asks online.
    """
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.AMPLIAR_PLAZO_CIUDADANO)
    limite_ciudadano = solicitud.fecha_limite_ciudadano
    assert limite_ciudadano is not None  # set in EN_ESPERA_CIUDADANO, the only state allowing this action
    if solicitud.plazo_ciudadano_ampliado:
        raise ValidationError(
            gettext("El plazo del peticionario ya fue ampliado una vez; no admite otra ampliación."),
            code="ya_ampliado",
        )
    if hoy > limite_ciudadano:
        raise ValidationError(
            gettext("La ampliación debe pedirse antes de que venza el plazo del %(fecha)s.")
            % {"fecha": fecha_larga(limite_ciudadano)},
            code="plazo_vencido",
        )
    # One more month after the first one, counted from the requirement like the first.
    requerimiento = solicitud.requerimiento_en
    assert requerimiento is not None  # set with the petitioner's term by solicitar_informacion
    limite = habil_o_siguiente(requerimiento + relativedelta(months=2))
    transicionar(
        solicitud,
        Accion.AMPLIAR_PLAZO_CIUDADANO,
        evento=eventos.plazo_ciudadano_ampliado(solicitud, nota=nota.strip(), fecha_limite=limite),
        actor=actor,
        campos={"fecha_limite_ciudadano": limite, "plazo_ciudadano_ampliado": True},
        bloqueado=True,
    )
    emails.enviar_plazo_ampliado(solicitud)
    return solicitud


@servicio
def declarar_desistimiento(
    *, solicitud: Solicitud, motivacion: str, actor: Usuario, hoy: date | None = None
) -> Solicitud:
    """Declare desistimiento tácito by a reasoned act once the petitioner's term passed (art. 17)."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.DECLARAR_DESISTIMIENTO)
    limite_ciudadano = solicitud.fecha_limite_ciudadano
    assert limite_ciudadano is not None  # set in EN_ESPERA_CIUDADANO, the only state allowing this action
    motivacion = exigir(motivacion, "motivacion", gettext("El desistimiento debe motivarse."))
    if hoy <= limite_ciudadano:
        raise ValidationError(
            gettext(
                "El peticionario tiene plazo hasta el %(fecha)s; antes no puede declararse el desistimiento."
            )
            % {"fecha": fecha_larga(limite_ciudadano)},
            code="plazo_vigente",
        )
    transicionar(
        solicitud,
        Accion.DECLARAR_DESISTIMIENTO,
        evento=eventos.desistimiento(solicitud, motivacion=motivacion),
        actor=actor,
        bloqueado=True,
    )
    emails.enviar_desistimiento(solicitud, motivacion)
    return solicitud


@servicio
def desistir(*, solicitud: Solicitud, manifestacion: str = "", actor: Usuario | None = None) -> Solicitud:
    """The petitioner withdraws the request (desistimiento expreso, Ley 1755/2015 art. 18): online from the
    tracking page (`actor` None) or at the ventanilla, where the clerk records how they expressed it."""
    bloquear(solicitud, Accion.DESISTIR)
    if actor is not None:
        manifestacion = exigir(
            manifestacion,
            "manifestacion",
            gettext("Escriba cómo manifestó el peticionario su desistimiento."),
        )
    transicionar(
        solicitud,
        Accion.DESISTIR,
        evento=eventos.desistimiento_expreso(
            solicitud,
            manifestacion=manifestacion.strip() or gettext("Desistió en el portal."),
            medio="ventanilla" if actor is not None else "portal",
        ),
        actor=actor,
        bloqueado=True,
    )
    # Whoever was working on it stops, or decides to go on ex officio (art. 18).
    if solicitud.dependencia_id is not None:
        emails.avisar_a_cargo(solicitud, aporte="desistimiento")
    return solicitud


def desistio_expresamente(solicitud: Solicitud) -> bool:
    """Whether the last withdrawal was the petitioner's own (art. 18), not the office's tácito (art. 17)."""
    ultimo = (
        solicitud.eventos.filter(tipo__in=[TipoEvento.DESISTIMIENTO, TipoEvento.DESISTIMIENTO_EXPRESO])
        .order_by("-momento", "-id")
        .values_list("tipo", flat=True)
        .first()
    )
    return ultimo == TipoEvento.DESISTIMIENTO_EXPRESO


@servicio
def continuar_de_oficio(
    *,
    solicitud: Solicitud,
    motivacion: str,
    dependencia: Dependencia,
    actor: Usuario,
    hoy: date | None = None,
) -> Solicitud:
    """Go on with a withdrawn request because the public interest needs it, by a reasoned decision
    (Ley 1755/2015 art. 18). Only an express withdrawal: a desistimiento tácito is the authority's own act."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.CONTINUAR_DE_OFICIO)
    motivacion = exigir(
        motivacion, "motivacion", gettext("Motive por qué el interés público exige continuar (art. 18).")
    )
    if not desistio_expresamente(solicitud):
        raise ValidationError(
            gettext(
                "Solo se continúa de oficio una solicitud de la que el peticionario desistió expresamente "
                "(Ley 1755 de 2015, art. 18); el desistimiento tácito es un acto de la Alcaldía."
            ),
            code="no_es_desistimiento_expreso",
        )
    if not dependencia.activa:
        raise ValidationError({"dependencia": gettext("La dependencia no está activa.")}, code="inactiva")
    transicionar(
        solicitud,
        Accion.CONTINUAR_DE_OFICIO,
        evento=eventos.continuada_de_oficio(solicitud, motivacion=motivacion, dependencia=dependencia),
        actor=actor,
        # A person in charge belongs to their dependencia (as in asignar): a new one starts unassigned.
        campos={
            "dependencia": dependencia,
            "responsable": solicitud.responsable if solicitud.dependencia_id == dependencia.pk else None,
            # The withdrawal's notification, if any, no longer stands: the coming answer will have its own.
            "notificada_en": None,
            # A full term from the decision: the one that ran before the withdrawal may be long gone.
            **termino_nuevo(solicitud.plazo_dias, habil_o_siguiente(hoy)),
        },
        bloqueado=True,
    )
    emails.enviar_asignacion(solicitud)
    if solicitud.riesgo_vida:
        emails.alertar_riesgo_vida(solicitud, solo_jefe=True)
    return solicitud


@servicio
def trasladar(
    *,
    solicitud: Solicitud,
    entidad: Entidad,
    oficio: str,
    actor: Usuario,
    archivos: Iterable[File] = (),
    hoy: date | None = None,
) -> Solicitud:
    """Remit the request to the competent authority from the catalogue, e-mail it the remission letter
    with the petition, and send the petitioner a copy (Ley 1755/2015 art. 21)."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.TRASLADAR)
    oficio = exigir(oficio, "oficio", gettext("Incluya el oficio remisorio."))
    if not entidad.activa or entidad.tipo != Entidad.Tipo.ENTIDAD:
        raise ValidationError(
            {"entidad": gettext("Escoja una entidad activa del catálogo de entidades competentes.")},
            code="entidad_no_valida",
        )
    # Art. 21: within 5 business days, a verbal petition the same day. A late remission is still due (being
    # late does not make the office competent): it goes, and its delay stays on the record.
    transcurridos = calendario.dias_habiles_entre(solicitud.fecha_radicacion_efectiva, hoy)
    plazo = dias_para_trasladar(solicitud.canal)
    evento = transicionar(
        solicitud,
        Accion.TRASLADAR,
        evento=eventos.trasladada(
            solicitud, entidad=entidad, oficio=oficio, dias_habiles=transcurridos, plazo_dias=plazo
        ),
        actor=actor,
        campos={"entidad_destino": entidad, "entidad_traslado": entidad.nombre},
        bloqueado=True,
    )
    adjuntar(Adjunto, archivos, solicitud=solicitud, evento=evento, origen="funcionario", publico=True)
    emails.remitir_a_entidad(solicitud, entidad, oficio, evento=evento)
    emails.enviar_traslado(solicitud, entidad.nombre, oficio)
    return solicitud


@servicio
def prorrogar(
    *, solicitud: Solicitud, motivo: str, nueva_fecha: date, actor: Usuario, hoy: date | None = None
) -> Solicitud:
    """Extend the term before it expires, with reasons, to at most twice the term (art. 14 parágrafo)."""
    hoy = hoy_o(hoy)
    bloquear(solicitud, Accion.PRORROGAR)
    motivo = exigir(motivo, "motivo", gettext("Explique por qué no es posible responder en el término."))
    vencimiento = solicitud.fecha_vencimiento
    if vencimiento is None:
        raise ValidationError(
            gettext("Esta solicitud no tiene término legal que prorrogar."), code="sin_termino"
        )
    if solicitud.prorrogada:
        raise ValidationError(gettext("El término ya fue prorrogado una vez."), code="ya_prorrogada")
    if hoy > vencimiento:
        raise ValidationError(
            gettext("La prórroga debe informarse antes de que venza el término (vencía el %(fecha)s).")
            % {"fecha": fecha_larga(vencimiento)},
            code="termino_vencido",
        )
    maximo = fecha_maxima_prorroga(solicitud)
    assert maximo is not None  # a term (fecha_vencimiento, checked above) is always computed from plazo_dias
    if not vencimiento < nueva_fecha <= maximo:
        raise ValidationError(
            {
                "nueva_fecha": gettext(
                    "La nueva fecha debe ser posterior al %(vence)s y no superar el %(maximo)s "
                    "(el doble del término inicial, Ley 1755 de 2015, art. 14 parágrafo)."
                )
                % {"vence": fecha_larga(vencimiento), "maximo": fecha_larga(maximo)}
            },
            code="fecha_fuera_de_rango",
        )
    if not calendario.es_dia_habil(nueva_fecha):
        raise ValidationError(
            {"nueva_fecha": gettext("La nueva fecha debe ser un día hábil.")}, code="no_habil"
        )
    transicionar(
        solicitud,
        Accion.PRORROGAR,
        evento=eventos.prorroga(solicitud, motivo=motivo, nueva_fecha=nueva_fecha),
        actor=actor,
        campos={"fecha_vencimiento": nueva_fecha, "prorrogada": True},
        bloqueado=True,
    )
    emails.enviar_prorroga(solicitud, motivo, vencimiento)
    return solicitud
