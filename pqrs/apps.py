from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PqrsConfig(AppConfig):
    name = "pqrs"
    verbose_name = "PQRS"
    # Its public pages, under /pqrs/ (civic.urls includes them).
    prefijo_url = "pqrs/"

    def ready(self):
        """PQRS on the kernel, by declaration: its expediente, roles, reminder rules, digest section,
        home-page sections and seed catalogues."""
        from celery.schedules import crontab
        from django.db.models import Q

        from civic import indicadores, periodicas, semillas
        from civic.expedientes import registro
        from civic.plazos import recordatorios as plazos
        from civic.plazos import resumen
        from civic.services import demo as demo_del_portal
        from civic.services import notificaciones as buzon
        from civic.services import plantillas
        from civic.sitio import secciones

        from . import demo, emails, recordatorios, roles
        from .indicadores import FUENTES
        from .models import TipoEvento
        from .semillas import sembrar_catalogos, sembrar_reservas
        from .services import notificacion
        from .services.radicacion import EXPEDIENTE
        from .workflow import FINALES

        registro.registrar(
            registro.Expediente(
                clave=EXPEDIENTE,
                modelo="pqrs.Solicitud",
                prefijo="PQRS",
                url_seguimiento="pqrs:seguimiento",
                ayuda_consulta="pqrs/_ayuda_consulta.html",
                # Ley 1581/2012 art. 4 lit. g: after RETENCION_DATOS_PERSONALES_ANIOS from its last event, a
                # finished request (no appeal pending, CPACA art. 74) loses who filed it and what they wrote.
                retencion=registro.Retencion(
                    estados_cerrados=FINALES,
                    condicion=Q(reposicion_pendiente=False),
                    eventos_del_peticionario=frozenset(
                        {
                            TipoEvento.INFORMACION_RECIBIDA,
                            TipoEvento.CORREGIDA,
                            TipoEvento.DOCUMENTO_APORTADO,
                            TipoEvento.DESISTIMIENTO_EXPRESO,
                            TipoEvento.INSISTENCIA,
                            TipoEvento.REPOSICION_INTERPUESTA,
                        }
                    ),
                    # A notification's proof may carry a postal address or a guide number.
                    datos_personales=frozenset({"prueba"}),
                    adjuntos="adjuntos",
                    textos=("descripcion",),
                    depurar=("asunto",),
                    relacionados={"calificacion": ("comentario",)},
                ),
            )
        )
        roles.declarar()
        # Its figures for the informes de gestión (Ley 1474/2011 art. 76, Ley 1712/2014).
        indicadores.registrar(*FUENTES)
        self._invalidar_memoria_al_editar()
        plazos.registrar_reglas(recordatorios.reglas)
        resumen.registrar_seccion(recordatorios.SECCION_RESUMEN)
        semillas.registrar(sembrar_catalogos)
        semillas.registrar(sembrar_reservas)
        demo_del_portal.registrar_carga(demo.cargar)
        plantillas.registrar(emails.NOMBRES_DE_PLANTILLAS)
        # CPACA art. 56: the outbox's delivery of a decision is its notification.
        buzon.correo_enviado.connect(
            notificacion.al_enviar_correo, dispatch_uid="pqrs.notificacion_por_correo"
        )
        # Every day shortly after midnight (Bogotá): silence counts calendar days' ends, not office hours;
        # a publication's notification ends with its day.
        periodicas.registrar("pqrs-silencios", "pqrs.barrer_silencios", crontab(hour=0, minute=20))
        periodicas.registrar("pqrs-publicadas", "pqrs.notificar_publicadas", crontab(hour=0, minute=25))
        secciones.registrar(
            secciones.Seccion(
                clave="pqrs-radicar",
                nombre=_("Radicar PQRS"),
                titulo=_("Radicar una petición, queja, reclamo, sugerencia o denuncia"),
                descripcion=_(
                    "Presente su solicitud en línea, con o sin identificarse, y reciba un número de radicado."
                ),
                nombre_url="pqrs:radicar",
                icono="pencil-square",
                orden=10,
                # Ley 1474/2011 art. 76: the home page links to filing quejas and reporting corruption.
                propositos=frozenset({"quejas", "denuncias"}),
                consultas=(("denuncias", "tipo=denuncia"),),
            )
        )
        # CPACA art. 69: an answer that could not be delivered is published; it must be findable from every
        # page (menu, footer, site map), not only from a link in the tracking form.
        secciones.registrar(
            secciones.Seccion(
                clave="pqrs-respuestas",
                nombre=_("Respuestas publicadas"),
                titulo=_("Ver las respuestas publicadas"),
                descripcion=_(
                    "Respuestas a solicitudes anónimas o a peticionarios que no se pudieron contactar, "
                    "publicadas durante 5 días hábiles."
                ),
                nombre_url="pqrs:respuestas_publicadas",
                icono="megaphone",
                orden=30,
            )
        )

    def _invalidar_memoria_al_editar(self):
        """The filing form keeps its catalogues in memory and the published answers page is kept per day
        (civic.memo): an edit makes every process read them again."""
        from django.db.models.signals import post_delete, post_save

        from civic.memo import al_editar, invalidar

        from .forms import GRUPOS_CATALOGOS
        from .models import CondicionPoblacional, Modalidad, Solicitud
        from .views import GRUPO_PUBLICADAS

        for modelo in (Modalidad, CondicionPoblacional):
            for senal in (post_save, post_delete):
                senal.connect(
                    al_editar(GRUPOS_CATALOGOS[0]),
                    sender=modelo,
                    weak=False,
                    dispatch_uid=f"pqrs.memo.{modelo.__name__}.{senal}",
                )

        def al_publicar(sender, instance, update_fields=None, **kwargs):
            # CPACA art. 69: an answer published (or withdrawn) shows at once in «Respuestas publicadas».
            if "publicada_hasta" in (update_fields or ()) or (
                update_fields is None and instance.publicada_hasta is not None
            ):
                invalidar(GRUPO_PUBLICADAS)

        post_save.connect(al_publicar, sender=Solicitud, weak=False, dispatch_uid="pqrs.memo.publicadas")
