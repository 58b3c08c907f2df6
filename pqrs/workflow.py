"""States of a PQRS and the one table of allowed transitions (Ley 1755 de 2015), as a kernel `Maquina`.

Only `pqrs.services` changes `Solicitud.estado`, always through `civic.expedientes.maquina.transicionar`.
A prórroga is a flag on the request, not a state: the request stays in process with a later due date
(art. 14 parágrafo).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from civic.expedientes.maquina import Maquina


class Estado(models.TextChoices):
    RADICADA = "radicada", _("Radicada")
    ASIGNADA = "asignada", _("En trámite")
    # Ley 1755/2015 art. 17: the term is suspended while the petitioner completes the request.
    EN_ESPERA_CIUDADANO = "en_espera_ciudadano", _("En espera de información del peticionario")
    # Ley 1755/2015 art. 19: an obscure petition goes back to the petitioner for 10 days.
    POR_CORREGIR = "por_corregir", _("Devuelta al peticionario para corregir")
    # Ley 1755/2015 art. 26: the petitioner insists on information denied under legal reserve.
    EN_INSISTENCIA = "en_insistencia", _("Insistencia en trámite")
    RESPONDIDA = "respondida", _("Respondida")
    TRASLADADA = "trasladada", _("Trasladada a otra entidad")
    DESISTIDA = "desistida", _("Desistida")
    RECHAZADA = "rechazada", _("Rechazada")
    ARCHIVADA = "archivada", _("Archivada")
    CERRADA = "cerrada", _("Cerrada")


class Accion(models.TextChoices):
    ASIGNAR = "asignar", _("asignar")
    SOLICITAR_INFORMACION = "solicitar_informacion", _("solicitar información al peticionario")
    APORTAR_INFORMACION = "aportar_informacion", _("aportar la información solicitada")
    AMPLIAR_PLAZO_CIUDADANO = "ampliar_plazo_ciudadano", _("ampliar el plazo del peticionario")
    DEVOLVER_PARA_CORREGIR = "devolver_para_corregir", _("devolver para corregir")
    CORREGIR = "corregir", _("corregir")
    APORTAR_DOCUMENTO = "aportar_documento", _("aportar un documento a")
    DECLARAR_SILENCIO_POSITIVO = "declarar_silencio_positivo", _("registrar el silencio positivo de")
    DECLARAR_DESISTIMIENTO = "declarar_desistimiento", _("declarar el desistimiento")
    DESISTIR = "desistir", _("desistir de")
    CONTINUAR_DE_OFICIO = "continuar_de_oficio", _("continuar de oficio")
    TRASLADAR = "trasladar", _("trasladar por competencia")
    PRORROGAR = "prorrogar", _("prorrogar el término")
    RESPONDER = "responder", _("responder")
    REGISTRAR_NOTIFICACION = "registrar_notificacion", _("registrar la notificación")
    RECHAZAR = "rechazar", _("rechazar")
    ARCHIVAR = "archivar", _("archivar")
    AGREGAR_NOTA_INTERNA = "agregar_nota_interna", _("agregar una nota interna")
    CALIFICAR = "calificar", _("calificar la atención")
    INSISTIR = "insistir", _("insistir en")
    REMITIR_INSISTENCIA = "remitir_insistencia", _("remitir al tribunal la insistencia de")
    INTERPONER_REPOSICION = "interponer_reposicion", _("interponer recurso de reposición contra")
    REPONER = "reponer", _("reponer la decisión sobre")
    CONFIRMAR_DECISION = "confirmar_decision", _("confirmar la decisión sobre")


E = Estado

# The term runs in these states: they count for due dates, the traffic light and the overdue list.
EN_CURSO = frozenset({E.RADICADA, E.ASIGNADA})
# The request's decision is taken: what remains is its notification, a note, a rating, an insistence, and
# the ways back to work (continuar de oficio after an express withdrawal, reponer after an appeal).
FINALES = frozenset({E.TRASLADADA, E.DESISTIDA, E.RECHAZADA, E.ARCHIVADA, E.CERRADA})
# CPACA art. 74 num. 1: the decisions that end a request without an answer admit reposición.
RECURRIBLES = (E.DESISTIDA, E.RECHAZADA, E.ARCHIVADA)

# accion → {estado de origen: estado de destino}. The one place that says what may happen when.
TRANSICIONES: dict[Accion, dict[Estado, Estado]] = {
    Accion.ASIGNAR: {E.RADICADA: E.ASIGNADA, E.ASIGNADA: E.ASIGNADA},
    # Ley 1755/2015 art. 17: the dependencia studying the request is the one that finds it incomplete,
    # so a request must be assigned before information is requested.
    Accion.SOLICITAR_INFORMACION: {E.ASIGNADA: E.EN_ESPERA_CIUDADANO},
    Accion.APORTAR_INFORMACION: {E.EN_ESPERA_CIUDADANO: E.ASIGNADA},
    Accion.AMPLIAR_PLAZO_CIUDADANO: {E.EN_ESPERA_CIUDADANO: E.EN_ESPERA_CIUDADANO},
    Accion.DECLARAR_DESISTIMIENTO: {E.EN_ESPERA_CIUDADANO: E.DESISTIDA},
    # Ley 1755/2015 art. 18: the petitioner may withdraw at any time before the answer (desistimiento
    # expreso); the authority may go on ex officio, by a reasoned decision, if the public interest needs it.
    Accion.DESISTIR: {
        E.RADICADA: E.DESISTIDA,
        E.ASIGNADA: E.DESISTIDA,
        E.EN_ESPERA_CIUDADANO: E.DESISTIDA,
        E.POR_CORREGIR: E.DESISTIDA,
    },
    Accion.CONTINUAR_DE_OFICIO: {E.DESISTIDA: E.ASIGNADA},
    # Ley 1755/2015 art. 19: like the art. 17 requirement, the dependencia studying the petition is the one
    # that cannot make out its object; the term starts again when the correction arrives.
    Accion.DEVOLVER_PARA_CORREGIR: {E.ASIGNADA: E.POR_CORREGIR},
    Accion.CORREGIR: {E.POR_CORREGIR: E.ASIGNADA},
    # A document the petitioner forgot, added while the request is studied; the term does not restart.
    Accion.APORTAR_DOCUMENTO: {E.RADICADA: E.RADICADA, E.ASIGNADA: E.ASIGNADA},
    # Ley 1755/2015 art. 14 num. 1: an information request unanswered in its term counts as granted; the
    # request stays in process until the copies are delivered.
    Accion.DECLARAR_SILENCIO_POSITIVO: {E.RADICADA: E.RADICADA, E.ASIGNADA: E.ASIGNADA},
    Accion.TRASLADAR: {E.RADICADA: E.TRASLADADA, E.ASIGNADA: E.TRASLADADA},
    Accion.PRORROGAR: {E.RADICADA: E.RADICADA, E.ASIGNADA: E.ASIGNADA},
    Accion.RESPONDER: {E.RADICADA: E.RESPONDIDA, E.ASIGNADA: E.RESPONDIDA},
    # An answer is complete only when the petitioner learns it: its notification closes the request.
    Accion.REGISTRAR_NOTIFICACION: {
        E.RESPONDIDA: E.CERRADA,
        E.TRASLADADA: E.TRASLADADA,
        E.DESISTIDA: E.DESISTIDA,
        E.RECHAZADA: E.RECHAZADA,
        E.ARCHIVADA: E.ARCHIVADA,
    },
    # Ley 1755/2015 art. 19: disrespectful petitions are rejected; uncorrected obscure ones archived.
    Accion.RECHAZAR: {E.RADICADA: E.RECHAZADA, E.ASIGNADA: E.RECHAZADA},
    # Not while waiting on the petitioner (art. 17): their month runs, and once it ran out the way to end
    # the request is the reasoned desistimiento tácito, not an archive.
    # Art. 19: an obscure petition not corrected within its 10 days is archived.
    Accion.ARCHIVAR: {E.RADICADA: E.ARCHIVADA, E.ASIGNADA: E.ARCHIVADA, E.POR_CORREGIR: E.ARCHIVADA},
    Accion.AGREGAR_NOTA_INTERNA: {estado: estado for estado in Estado},
    Accion.CALIFICAR: {E.RESPONDIDA: E.RESPONDIDA, E.CERRADA: E.CERRADA},
    # Ley 1755/2015 art. 26: insistence on information denied under reserve; the office sends it on to the
    # administrative judge, who decides, and the request ends here.
    Accion.INSISTIR: {E.RESPONDIDA: E.EN_INSISTENCIA, E.CERRADA: E.EN_INSISTENCIA},
    Accion.REMITIR_INSISTENCIA: {E.EN_INSISTENCIA: E.CERRADA},
    # CPACA art. 74 num. 1 and art. 76: reposición against desistimiento tácito, rechazo and archivo. The
    # state stays while the appeal is pending (`reposicion_pendiente`); reponer revives the request.
    Accion.INTERPONER_REPOSICION: {estado: estado for estado in RECURRIBLES},
    Accion.REPONER: {estado: E.ASIGNADA for estado in RECURRIBLES},
    Accion.CONFIRMAR_DECISION: {estado: estado for estado in RECURRIBLES},
}


MAQUINA = Maquina(
    estados=Estado,
    acciones=Accion,
    transiciones=TRANSICIONES,
    sujeto=_("una solicitud"),
    sujeto_definido=_("la solicitud"),
    en_curso=EN_CURSO,
)
