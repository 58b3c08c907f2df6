from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civic.expedientes.modelos import Peticionario, Radicable, RadicacionUnica
from civic.indices import IndiceTrigramas
from pqrs.workflow import EN_CURSO, MAQUINA, Estado

DESCRIPCION_MAX = 5000


class Canal(models.TextChoices):
    # Ley 1755/2015 art. 15: petitions may be verbal, written or electronic.
    WEB = "web", _("Formulario web")
    PRESENCIAL = "presencial", _("Presencial (ventanilla)")
    TELEFONICO = "telefonico", _("Telefónico")
    CORREO_POSTAL = "correo_postal", _("Correo postal o carta")
    CORREO_ELECTRONICO = "correo_electronico", _("Correo electrónico")


# Ley 1755/2015 art. 15: verbal petitions, recorded by staff with a constancia (Decreto 1166 de 2016).
CANALES_VERBALES = frozenset({Canal.PRESENCIAL, Canal.TELEFONICO})


class SentidoRespuesta(models.TextChoices):
    DE_FONDO = "de_fondo", _("Respuesta de fondo")
    ACCEDE = "accede", _("Se accede a lo pedido")
    ACCEDE_PARCIAL = "accede_parcial", _("Se accede parcialmente")
    # Ley 1755/2015 arts. 24-25: a denial based on legal reserve must cite the norm.
    NIEGA = "niega", _("Se niega")


# Ley 1755/2015 art. 25: "toda decisión que rechace la petición de informaciones o documentos" is reasoned
# and cites the reserve; granting part of what was asked denies the rest.
NEGACIONES = frozenset({SentidoRespuesta.NIEGA, SentidoRespuesta.ACCEDE_PARCIAL})


class Solicitud(Radicable, Peticionario, RadicacionUnica):
    """A petition (PQRSD) filed by a person or anonymously, from radicación to notification of the answer.

    Radicado, code and reception come from `Radicable`; the petitioner's identity, contact and data
    authorization (Ley 1755/2015 art. 16, Ley 1581/2012 art. 9) from `Peticionario`.
    """

    maquina = MAQUINA

    # --- Radicación ------------------------------------------------------------------------
    modalidad = models.ForeignKey(
        "pqrs.Modalidad",
        on_delete=models.PROTECT,
        db_index=False,
        related_name="solicitudes",
        verbose_name=_("modalidad"),
    )
    canal = models.CharField(_("canal"), max_length=20, choices=Canal.choices)

    # --- Peticionario (Ley 1755/2015 art. 16) ------------------------------------------------
    comuna = models.ForeignKey(
        "civic.Comuna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # Covered by a composite index below.
        db_index=False,
        related_name="solicitudes",
        verbose_name=_("comuna o corregimiento"),
    )
    barrio = models.CharField(_("barrio o vereda"), max_length=120, blank=True)
    condiciones = models.ManyToManyField(
        "pqrs.CondicionPoblacional", blank=True, related_name="solicitudes", verbose_name=_("condiciones")
    )
    # Ley 1755/2015 art. 20 and CPACA art. 5 num. 6: preferential handling.
    prioritaria = models.BooleanField(_("atención prioritaria"), default=False)
    # Ley 1755/2015 art. 20: when a life is at risk the authority adopts immediate measures.
    riesgo_vida = models.BooleanField(_("hay una vida en riesgo"), default=False)

    # --- Objeto -----------------------------------------------------------------------------
    asunto = models.CharField(_("asunto"), max_length=200)
    descripcion = models.TextField(_("descripción"), validators=[MaxLengthValidator(DESCRIPCION_MAX)])

    # --- Términos ---------------------------------------------------------------------------
    plazo_dias = models.PositiveSmallIntegerField(_("plazo en días hábiles"), null=True, blank=True)
    # The day the current term counts from: the radicación, or the day the requested information
    # arrived (art. 17 restarts the term).
    fecha_inicio_termino = models.DateField(_("inicio del término"))
    fecha_vencimiento = models.DateField(_("fecha de vencimiento"), null=True, blank=True)
    # The due date of the current term before any prórroga.
    fecha_vencimiento_original = models.DateField(_("vencimiento sin prórroga"), null=True, blank=True)
    prorrogada = models.BooleanField(_("prorrogada"), default=False)

    # --- Trámite ----------------------------------------------------------------------------
    estado = models.CharField(_("estado"), max_length=20, choices=Estado.choices, default=Estado.RADICADA)
    dependencia = models.ForeignKey(
        "civic.Dependencia",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # Covered by a composite index below.
        db_index=False,
        related_name="solicitudes",
        verbose_name=_("dependencia"),
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        # Covered by a composite index below.
        db_index=False,
        related_name="solicitudes_a_cargo",
        verbose_name=_("responsable"),
    )
    # Ley 1755/2015 art. 17: requirement of missing information and the petitioner's month; also the end
    # of the 10 days to correct an obscure petition (art. 19).
    requerimiento_en = models.DateField(_("información solicitada el"), null=True, blank=True)
    fecha_limite_ciudadano = models.DateField(_("plazo del peticionario"), null=True, blank=True)
    plazo_ciudadano_ampliado = models.BooleanField(_("plazo del peticionario ampliado"), default=False)
    # Ley 1755/2015 art. 21: the receiving entity from the catalogue, and its name as it was at remission.
    entidad_destino = models.ForeignKey(
        "pqrs.Entidad",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="solicitudes_remitidas",
        verbose_name=_("entidad competente"),
    )
    entidad_traslado = models.CharField(_("entidad a la que se trasladó"), max_length=200, blank=True)
    # Ley 1755/2015 art. 14 num. 1: the day an information request counted as granted, and the end of the
    # 3 days to deliver the copies.
    silencio_positivo_en = models.DateField(_("aceptada por silencio el"), null=True, blank=True)
    copias_hasta = models.DateField(_("copias a entregar a más tardar"), null=True, blank=True)
    # CPACA art. 74: a reposición against the decision that ended the request is waiting for its decision.
    reposicion_pendiente = models.BooleanField(_("recurso de reposición pendiente"), default=False)

    # --- Respuesta --------------------------------------------------------------------------
    respondida_en = models.DateTimeField(_("respondida en"), null=True, blank=True)
    sentido_respuesta = models.CharField(
        _("sentido de la respuesta"), max_length=20, choices=SentidoRespuesta.choices, blank=True
    )
    dias_habiles_respuesta = models.PositiveSmallIntegerField(
        _("días hábiles para responder"), null=True, blank=True
    )
    respondida_a_tiempo = models.BooleanField(_("respondida a tiempo"), null=True, blank=True)
    # Ley 1755/2015 art. 24-25: the reserved matter a denial rests on.
    materia_reservada = models.ForeignKey(
        "pqrs.MateriaReservada",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="solicitudes",
        verbose_name=_("materia reservada"),
    )
    # Ley 1755/2015 art. 19: a repeated petition answered by reference to an earlier answer.
    respuesta_referida = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referida_por",
        verbose_name=_("remite a la respuesta de"),
    )
    # Ley 1755/2015 art. 22: one answer to many petitions with the same object.
    respuesta_consolidada = models.ForeignKey(
        "pqrs.RespuestaConsolidada",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="solicitudes",
        verbose_name=_("respuesta consolidada"),
    )
    notificada_en = models.DateTimeField(_("notificada en"), null=True, blank=True)
    # CPACA art. 69: answers that cannot be delivered are published for 5 business days.
    publicada_hasta = models.DateField(_("respuesta publicada hasta"), null=True, blank=True)

    class Meta:
        verbose_name = _("solicitud PQRS")
        verbose_name_plural = _("solicitudes PQRS")
        ordering = ["-radicada_en"]
        # Ley 1581/2012 art. 4 lit. g: personal data and attachments only to staff who need them.
        permissions = [
            ("ver_datos_personales", _("Puede ver los datos personales y los adjuntos de las solicitudes")),
        ]
        indexes = [
            models.Index(fields=["estado", "fecha_vencimiento"], name="pqrs_estado_vence_idx"),
            models.Index(fields=["dependencia", "estado", "fecha_vencimiento"], name="pqrs_dep_estado_idx"),
            models.Index(fields=["modalidad", "fecha_radicacion_efectiva"], name="pqrs_modalidad_idx"),
            models.Index(fields=["canal", "fecha_radicacion_efectiva"], name="pqrs_canal_idx"),
            models.Index(fields=["comuna", "fecha_radicacion_efectiva"], name="pqrs_comuna_idx"),
            models.Index(fields=["-radicada_en"], name="pqrs_radicada_en_idx"),
            # Art. 20: the staff list shows priority requests first, newest first within each group.
            models.Index(fields=["-prioritaria", "-radicada_en"], name="pqrs_prioridad_idx"),
            models.Index(fields=["estado", "-radicada_en"], name="pqrs_estado_radicada_idx"),
            models.Index(fields=["fecha_radicacion_efectiva"], name="pqrs_fecha_efectiva_idx"),
            models.Index(fields=["fecha_vencimiento"], name="pqrs_vencimiento_idx"),
            models.Index(fields=["numero_documento"], name="pqrs_documento_idx"),
            models.Index(fields=["responsable", "estado"], name="pqrs_responsable_idx"),
            # Admin changelist filtered by year, in the list's order (art. 20: priority first, then newest).
            models.Index(fields=["anio", "-prioritaria", "-radicada_en"], name="pqrs_anio_prioridad_idx"),
            # And by the traffic light (running terms).
            models.Index(
                fields=["-radicada_en"],
                condition=Q(estado__in=[Estado.RADICADA, Estado.ASIGNADA]),
                name="pqrs_en_curso_radicada_idx",
            ),
            models.Index(
                fields=["publicada_hasta"],
                condition=Q(publicada_hasta__isnull=False),
                name="pqrs_publicadas_idx",
            ),
            # Art. 17 and 19 reminders: requests waiting on the petitioner, by the end of their time.
            models.Index(
                fields=["fecha_limite_ciudadano"],
                condition=Q(estado__in=[Estado.EN_ESPERA_CIUDADANO, Estado.POR_CORREGIR]),
                name="pqrs_espera_limite_idx",
            ),
            # The admin's free-text search (subject; names only with the personal-data permission): trigram
            # GIN indexes on PostgreSQL, built concurrently by migration 0011.
            IndiceTrigramas("asunto", name="pqrs_asunto_trgm_idx"),
            IndiceTrigramas("nombres", name="pqrs_nombres_trgm_idx"),
            IndiceTrigramas("apellidos", name="pqrs_apellidos_trgm_idx"),
            IndiceTrigramas("razon_social", name="pqrs_razon_social_trgm_idx"),
        ]
        constraints = [
            *Radicable.Meta.constraints,
            *Peticionario.Meta.constraints,
            models.CheckConstraint(
                condition=Q(riesgo_vida=False) | Q(prioritaria=True),
                name="pqrs_riesgo_vida_es_prioritaria",
                violation_error_message=_("Una solicitud con una vida en riesgo es prioritaria."),
            ),
            models.CheckConstraint(
                condition=Q(fecha_vencimiento__isnull=True)
                | Q(fecha_vencimiento__gte=models.F("fecha_radicacion_efectiva")),
                name="pqrs_vence_despues_de_radicar",
                violation_error_message=_("La fecha de vencimiento no puede ser anterior a la radicación."),
            ),
            models.CheckConstraint(
                condition=~Q(estado=Estado.ASIGNADA) | Q(dependencia__isnull=False),
                name="pqrs_asignada_tiene_dependencia",
                violation_error_message=_("Una solicitud en trámite debe tener una dependencia asignada."),
            ),
            models.CheckConstraint(
                condition=~Q(estado__in=[Estado.EN_ESPERA_CIUDADANO, Estado.POR_CORREGIR])
                | Q(fecha_limite_ciudadano__isnull=False),
                name="pqrs_espera_tiene_plazo_ciudadano",
                violation_error_message=_("Una solicitud en espera debe tener el plazo del peticionario."),
            ),
            models.CheckConstraint(
                condition=~Q(estado=Estado.TRASLADADA) | Q(entidad_traslado__gt=""),
                name="pqrs_trasladada_tiene_entidad",
                violation_error_message=_("Una solicitud trasladada debe indicar la entidad."),
            ),
            models.CheckConstraint(
                condition=Q(silencio_positivo_en__isnull=True) | Q(copias_hasta__isnull=False),
                name="pqrs_silencio_tiene_plazo_copias",
                violation_error_message=_("El silencio positivo fija el plazo para entregar las copias."),
            ),
            models.CheckConstraint(
                condition=~Q(estado__in=[Estado.RESPONDIDA, Estado.CERRADA]) | Q(respondida_en__isnull=False),
                name="pqrs_respondida_tiene_fecha",
                violation_error_message=_("Una solicitud respondida debe tener la fecha de respuesta."),
            ),
        ]

    @property
    def en_curso(self) -> bool:
        return self.estado in EN_CURSO
