"""Forms of the staff workflow: input shape only. Each action form calls exactly one service.

Attachments get the same checks as the public form (count, size, type read from the content) through
`civic.expedientes.formularios.CampoVariosArchivos`, which runs the kernel's content checks.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.expedientes import codigos
from civic.expedientes.admin import FormularioAccion
from civic.expedientes.formularios import CampoVariosArchivos
from civic.models import Dependencia, Usuario
from civic.selectors import comunas
from civic.sitio.politica import POLITICA_DATOS_VERSION
from pqrs import selectors, services
from pqrs.models import (
    Canal,
    CanalRespuesta,
    Entidad,
    MateriaReservada,
    SentidoRespuesta,
    Solicitud,
    TipoDocumento,
    TipoPersona,
)
from pqrs.services import MedioNotificacion
from pqrs.services.tramite import desistio_expresamente
from pqrs.workflow import Accion

from .procedimientos import (
    RESUMEN,
    ConfirmarDecisionForm,
    CorregirVentanillaForm,
    DevolverParaCorregirForm,
    FormularioDeVueltaAlTramite,
    InsistirVentanillaForm,
    RemitirInsistenciaForm,
    ReponerForm,
    ReposicionVentanillaForm,
)

_TEXTO = forms.Textarea(attrs={"rows": 5, "cols": 80})


class CampoResponsable(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.username} — {obj.dependencia.sigla}"


def _personal_activo() -> QuerySet[Usuario]:
    return (
        Usuario.objects.filter(is_active=True, is_staff=True, dependencia__activa=True)
        .select_related("dependencia")
        .order_by("dependencia__nombre", "first_name", "last_name")
    )


class AsignarForm(FormularioAccion):
    accion = Accion.ASIGNAR
    titulo = _("Asignar o reasignar")
    ayuda = _(
        "La dependencia responde la solicitud; el responsable es opcional y debe ser de esa dependencia."
    )
    boton = _("Asignar")

    dependencia = forms.ModelChoiceField(label=_("Dependencia"), queryset=Dependencia.objects.none())
    responsable = CampoResponsable(
        label=_("Responsable"),
        queryset=Usuario.objects.none(),
        required=False,
        help_text=_("Personal activo de la dependencia escogida."),
    )
    nota = forms.CharField(label=_("Nota interna"), widget=_TEXTO, required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependencia"].queryset = Dependencia.objects.filter(activa=True).order_by("nombre")
        # Without JavaScript the list holds every dependencia's staff (the service refuses a mismatch);
        # with htmx, the page loads and each change of dependencia narrow it to that dependencia's staff.
        self.fields["responsable"].queryset = _personal_activo()
        self.fields["dependencia"].widget.attrs.update(
            {
                "hx-get": reverse("admin:pqrs_solicitud_responsables", args=[self.objeto.pk]),
                "hx-trigger": "load, change",
                "hx-include": "#id_responsable",
                "hx-target": "#id_responsable",
                "hx-swap": "outerHTML",
                # The latest choice wins, and nobody picks a responsable from a list about to be replaced.
                "hx-sync": "this:replace",
                "hx-disabled-elt": "#id_responsable",
            }
        )
        if self.objeto.dependencia_id and not self.is_bound:
            self.initial.setdefault("dependencia", self.objeto.dependencia_id)
            self.initial.setdefault("responsable", self.objeto.responsable_id)

    @classmethod
    def lista_de_responsables(cls, objeto, dependencia: Dependencia | None, seleccionado: str) -> str:
        """The responsable <select> holding only `dependencia`'s active staff (none without one), as the
        page renders it: what the htmx request swaps in when the dependencia changes."""
        form = cls(objeto=objeto, initial={"dependencia": dependencia, "responsable": seleccionado})
        personal = form.fields["responsable"].queryset
        form.fields["responsable"].queryset = (
            personal.filter(dependencia=dependencia) if dependencia else personal.none()
        )
        return str(form["responsable"])

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.asignar(
            solicitud=self.objeto,
            dependencia=d["dependencia"],
            responsable=d["responsable"],
            nota=d["nota"],
            actor=actor,
        )


class SolicitarInformacionForm(FormularioAccion):
    accion = Accion.SOLICITAR_INFORMACION
    titulo = _("Solicitar información al peticionario")
    ayuda = _(
        "Dentro de los 10 días hábiles siguientes a la radicación. El término se suspende y el peticionario "
        "tiene un mes para completar la solicitud (Ley 1755 de 2015, art. 17)."
    )
    boton = _("Enviar requerimiento")

    requerimiento = forms.CharField(label=_("Información que falta"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.solicitar_informacion(
            solicitud=self.objeto, requerimiento=self.cleaned_data["requerimiento"], actor=actor
        )


class AmpliarPlazoCiudadanoForm(FormularioAccion):
    accion = Accion.AMPLIAR_PLAZO_CIUDADANO
    titulo = _("Ampliar el plazo del peticionario")
    ayuda = _(
        "A petición del interesado, una sola vez y por un mes más, antes de que venza su plazo "
        "(Ley 1755 de 2015, art. 17)."
    )
    boton = _("Ampliar plazo")

    nota = forms.CharField(label=_("Cómo lo pidió el peticionario"), widget=_TEXTO, required=False)

    def ejecutar(self, actor):
        services.ampliar_plazo_ciudadano(solicitud=self.objeto, nota=self.cleaned_data["nota"], actor=actor)


class DeclararDesistimientoForm(FormularioAccion):
    accion = Accion.DECLARAR_DESISTIMIENTO
    titulo = _("Declarar el desistimiento tácito")
    ayuda = _(
        "Acto motivado, una vez vencido el plazo del peticionario sin que aportara la información; se "
        "notifica personalmente y solo procede el recurso de reposición (Ley 1755 de 2015, art. 17)."
    )
    boton = _("Declarar desistimiento")

    motivacion = forms.CharField(label=_("Motivación"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.declarar_desistimiento(
            solicitud=self.objeto, motivacion=self.cleaned_data["motivacion"], actor=actor
        )


class TrasladarForm(FormularioAccion):
    accion = Accion.TRASLADAR
    titulo = _("Trasladar por competencia")
    plantilla_previa = RESUMEN
    ayuda = _(
        "Dentro de los 5 días hábiles siguientes a la radicación, o el mismo día si fue verbal; si ya "
        "pasaron, se remite igual y la demora queda registrada. La entidad recibe el oficio, la petición y "
        "sus adjuntos, y el peticionario copia del oficio (Ley 1755 de 2015, art. 21)."
    )
    boton = _("Trasladar")
    con_archivos = True

    entidad = forms.ModelChoiceField(
        label=_("Entidad competente"),
        queryset=Entidad.objects.filter(activa=True, tipo=Entidad.Tipo.ENTIDAD),
        help_text=_(
            "Recibe por correo el oficio, la petición y sus adjuntos. Si no está en la lista, agréguela en "
            "«Entidades competentes»."
        ),
    )
    oficio = forms.CharField(label=_("Oficio remisorio"), widget=_TEXTO, max_length=10000)
    archivos = CampoVariosArchivos(label=_("Oficio firmado u otros anexos"), required=False)

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.trasladar(
            solicitud=self.objeto,
            entidad=d["entidad"],
            oficio=d["oficio"],
            archivos=d["archivos"] or [],
            actor=actor,
        )


class ProrrogarForm(FormularioAccion):
    accion = Accion.PRORROGAR
    titulo = _("Prorrogar el término")
    ayuda = _(
        "Antes de que venza el término, informando al peticionario los motivos y la nueva fecha, que no "
        "puede exceder el doble del término inicial (Ley 1755 de 2015, art. 14 parágrafo)."
    )
    boton = _("Prorrogar")

    plantilla_previa = "admin/pqrs/solicitud/_rango_prorroga.html"

    motivo = forms.CharField(label=_("Motivos"), widget=_TEXTO, max_length=5000)
    nueva_fecha = forms.DateField(
        label=_("Nueva fecha de vencimiento"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The range the service accepts, shown before asking and set on the date picker.
        self.vence = self.objeto.fecha_vencimiento
        self.maximo = services.fecha_maxima_prorroga(self.objeto)
        self.dias_maximos = 2 * (self.objeto.plazo_dias or 0)
        if self.vence and self.maximo:
            self.fields["nueva_fecha"].widget.attrs.update(
                {"min": (self.vence + timedelta(days=1)).isoformat(), "max": self.maximo.isoformat()}
            )

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.prorrogar(
            solicitud=self.objeto, motivo=d["motivo"], nueva_fecha=d["nueva_fecha"], actor=actor
        )


class ResponderForm(FormularioAccion):
    accion = Accion.RESPONDER
    titulo = _("Responder")
    plantilla_previa = RESUMEN
    ayuda = _(
        "La respuesta se envía por el medio elegido por el peticionario; si no es posible contactarlo se "
        "publica durante 5 días hábiles (CPACA, art. 69). La negación por reserva legal debe citar la norma "
        "(Ley 1755 de 2015, arts. 24 y 25)."
    )
    boton = _("Responder")
    con_archivos = True

    texto = forms.CharField(label=_("Respuesta"), widget=forms.Textarea(attrs={"rows": 10, "cols": 80}))
    sentido = forms.ChoiceField(label=_("Sentido"), choices=SentidoRespuesta.choices)
    materia_reservada = forms.ModelChoiceField(
        label=_("Materia con reserva legal"),
        queryset=MateriaReservada.objects.filter(activa=True),
        required=False,
        help_text=_("Solo si niega información o documentos: la negación cita la norma que la reserva."),
    )
    remite_a = forms.CharField(
        label=_("Remitir a la respuesta de la solicitud"),
        max_length=30,
        required=False,
        help_text=_(
            "Para una petición reiterativa ya resuelta: el radicado de la solicitud anterior cuya respuesta "
            "se reitera (Ley 1755 de 2015, art. 19)."
        ),
    )
    publicar = forms.BooleanField(
        label=_("Publicar la respuesta: no es posible contactar al peticionario"), required=False
    )
    archivos = CampoVariosArchivos(label=_("Documentos de la respuesta"), required=False)

    def clean_remite_a(self):
        radicado = self.cleaned_data["remite_a"].strip().upper()
        if not radicado:
            return None
        anterior = Solicitud.objects.filter(radicado=radicado).first()
        if anterior is None:
            raise ValidationError(
                _("No hay ninguna solicitud con el radicado %(radicado)s."), params={"radicado": radicado}
            )
        return anterior

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.responder(
            solicitud=self.objeto,
            texto=d["texto"],
            sentido=d["sentido"],
            materia_reservada=d["materia_reservada"],
            remite_a=d["remite_a"],
            publicar=d["publicar"],
            archivos=d["archivos"] or [],
            actor=actor,
        )


class RegistrarNotificacionForm(FormularioAccion):
    accion = Accion.REGISTRAR_NOTIFICACION
    titulo = _("Registrar la notificación")
    ayuda = _(
        "La respuesta solo está completa cuando el peticionario la conoce: registre el medio y la prueba."
    )
    boton = _("Registrar notificación")
    con_archivos = True

    medio = forms.ChoiceField(label=_("Medio"), choices=MedioNotificacion.choices)
    # The terms to appeal and to insist run from the real notification, not from the day it is recorded.
    fecha = forms.DateField(
        label=_("Fecha de la notificación"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "El día en que el peticionario conoció la decisión; los plazos de los recursos corren desde ahí."
        ),
    )
    prueba = forms.CharField(label=_("Prueba de la notificación"), widget=_TEXTO, max_length=5000)
    archivos = CampoVariosArchivos(label=_("Soportes (acuse firmado, guía de correo…)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hoy = timezone.localdate()
        self.fields["fecha"].widget.attrs["max"] = hoy.isoformat()
        self.initial.setdefault("fecha", hoy)

    @classmethod
    def aplica(cls, objeto) -> bool:
        return objeto.notificada_en is None

    def ejecutar(self, actor):
        d = self.cleaned_data
        hoy = timezone.localdate()
        # Today: the moment it is recorded; an earlier day: its noon, Bogotá time.
        momento = (
            timezone.now()
            if d["fecha"] == hoy
            else timezone.make_aware(datetime.combine(d["fecha"], time(12)))
        )
        services.registrar_notificacion(
            solicitud=self.objeto,
            medio=d["medio"],
            prueba=d["prueba"],
            archivos=d["archivos"] or [],
            actor=actor,
            ahora=momento,
        )


class RechazarForm(FormularioAccion):
    accion = Accion.RECHAZAR
    titulo = _("Rechazar")
    plantilla_previa = RESUMEN
    ayuda = _("Solo las peticiones irrespetuosas se rechazan, con motivación (Ley 1755 de 2015, art. 19).")
    boton = _("Rechazar")

    motivo = forms.CharField(label=_("Motivación"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.rechazar(solicitud=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


class ArchivarForm(FormularioAccion):
    accion = Accion.ARCHIVAR
    titulo = _("Archivar")
    ayuda = _(
        "Por ejemplo, una petición oscura que no se corrigió en el plazo dado (Ley 1755 de 2015, art. 19)."
    )
    boton = _("Archivar")

    motivo = forms.CharField(label=_("Motivación"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.archivar(solicitud=self.objeto, motivo=self.cleaned_data["motivo"], actor=actor)


class DesistirForm(FormularioAccion):
    accion = Accion.DESISTIR
    titulo = _("Registrar el desistimiento del peticionario")
    ayuda = _(
        "El peticionario puede desistir en cualquier momento (Ley 1755 de 2015, art. 18). Registre cómo lo "
        "manifestó, por ejemplo por escrito en la ventanilla; también puede hacerlo él mismo en el portal."
    )
    boton = _("Registrar desistimiento")

    manifestacion = forms.CharField(label=_("Cómo lo manifestó"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.desistir(
            solicitud=self.objeto, manifestacion=self.cleaned_data["manifestacion"], actor=actor
        )


class ContinuarDeOficioForm(FormularioDeVueltaAlTramite):
    accion = Accion.CONTINUAR_DE_OFICIO
    titulo = _("Continuar de oficio")
    ayuda = _(
        "Aunque el peticionario desistió, la Alcaldía puede continuar el trámite si el interés público lo "
        "requiere, con una decisión motivada (Ley 1755 de 2015, art. 18)."
    )
    boton = _("Continuar de oficio")

    @classmethod
    def aplica(cls, objeto) -> bool:
        # Art. 18: only the petitioner's own withdrawal can be overridden ex officio.
        return desistio_expresamente(objeto)

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.continuar_de_oficio(
            solicitud=self.objeto, motivacion=d["motivacion"], dependencia=d["dependencia"], actor=actor
        )


class NotaInternaForm(FormularioAccion):
    accion = Accion.AGREGAR_NOTA_INTERNA
    titulo = _("Nota interna")
    ayuda = _("Solo la ven los funcionarios; nunca se muestra al peticionario.")
    boton = _("Agregar nota")

    nota = forms.CharField(label=_("Nota"), widget=_TEXTO, max_length=5000)

    def ejecutar(self, actor):
        services.agregar_nota_interna(solicitud=self.objeto, nota=self.cleaned_data["nota"], actor=actor)


# The staff actions, in the order the change page offers them. Aportar información and calificar are
# the petitioner's own actions, done from the public tracking page.
FORMULARIOS_ACCION: dict[str, type[FormularioAccion]] = {
    f.accion.value: f
    for f in (
        AsignarForm,
        SolicitarInformacionForm,
        AmpliarPlazoCiudadanoForm,
        DevolverParaCorregirForm,
        CorregirVentanillaForm,
        DeclararDesistimientoForm,
        DesistirForm,
        ContinuarDeOficioForm,
        TrasladarForm,
        ProrrogarForm,
        ResponderForm,
        RegistrarNotificacionForm,
        RechazarForm,
        ArchivarForm,
        InsistirVentanillaForm,
        RemitirInsistenciaForm,
        ReposicionVentanillaForm,
        ReponerForm,
        ConfirmarDecisionForm,
        NotaInternaForm,
    )
}


# Ley 1755/2015 art. 15: verbal petitions (in person, by phone) and letters are recorded by staff.
CANALES_VENTANILLA = [
    (c.value, c.label)
    for c in (Canal.PRESENCIAL, Canal.TELEFONICO, Canal.CORREO_POSTAL, Canal.CORREO_ELECTRONICO)
]


class RadicacionVentanillaForm(forms.Form):
    """A petition received in person, by phone or by letter, recorded by Ventanilla."""

    canal = forms.ChoiceField(label=_("Canal de recepción"), choices=CANALES_VENTANILLA)
    modalidad = forms.ModelChoiceField(label=_("Tipo de solicitud"), queryset=selectors.modalidades_activas())
    asunto = forms.CharField(label=_("Asunto"), max_length=200)
    descripcion = forms.CharField(label=_("Descripción (lo que pide el peticionario)"), widget=_TEXTO)
    anonima = forms.BooleanField(
        label=_("El peticionario pide reserva de identidad (anónima)"), required=False
    )
    tipo_persona = forms.ChoiceField(label=_("Tipo de persona"), choices=TipoPersona.choices)
    tipo_documento = forms.ChoiceField(
        label=_("Tipo de documento"), choices=[("", "—"), *TipoDocumento.choices], required=False
    )
    numero_documento = forms.CharField(label=_("Número de documento"), max_length=20, required=False)
    nombres = forms.CharField(label=_("Nombres"), max_length=120, required=False)
    apellidos = forms.CharField(label=_("Apellidos"), max_length=120, required=False)
    razon_social = forms.CharField(label=_("Razón social"), max_length=200, required=False)
    correo = forms.EmailField(label=_("Correo electrónico"), required=False)
    telefono = forms.CharField(label=_("Teléfono"), max_length=30, required=False)
    direccion = forms.CharField(label=_("Dirección"), max_length=200, required=False)
    comuna = forms.ModelChoiceField(label=_("Comuna o corregimiento"), queryset=comunas(), required=False)
    barrio = forms.CharField(label=_("Barrio o vereda"), max_length=120, required=False)
    canal_respuesta = forms.ChoiceField(
        label=_("Medio de respuesta"), choices=[("", "—"), *CanalRespuesta.choices], required=False
    )
    condiciones = forms.ModelMultipleChoiceField(
        label=_("Condiciones declaradas (opcional)"),
        queryset=selectors.condiciones_activas(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Datos sensibles: responderlas es voluntario (Ley 1581 de 2012, art. 6)."),
    )
    riesgo_vida = forms.BooleanField(
        label=_("Hay una vida en riesgo (alerta inmediata a Coordinación y al jefe de la dependencia)"),
        required=False,
        help_text=_("Ley 1755 de 2015, art. 20."),
    )
    prioritaria = forms.BooleanField(
        label=_("Atención prioritaria (derecho fundamental o perjuicio irremediable)"),
        required=False,
        help_text=_("Ley 1755 de 2015, art. 20."),
    )
    autoriza_datos = forms.BooleanField(
        label=_("El peticionario autorizó el tratamiento de sus datos personales"),
        required=False,
        help_text=_("Léale el aviso de privacidad (versión %(version)s) antes de registrar sus datos.")
        % {"version": POLITICA_DATOS_VERSION},
    )
    archivos = CampoVariosArchivos(label=_("Documentos entregados"), required=False)

    def clean(self):
        datos = super().clean()
        if not datos.get("anonima") and not datos.get("autoriza_datos"):
            # Art. 15: no petition may be refused; without the authorization it is filed anonymously.
            self.add_error(
                "autoriza_datos",
                _(
                    "Sin la autorización de tratamiento de datos (Ley 1581 de 2012) la solicitud solo "
                    "puede radicarse como anónima."
                ),
            )
        return datos

    def ejecutar(self, actor: Usuario) -> tuple[Solicitud, str]:
        d = dict(self.cleaned_data)
        autoriza = d.pop("autoriza_datos")
        archivos = d.pop("archivos") or []
        return services.radicar(
            **d,
            archivos=archivos,
            autorizacion_datos_version=POLITICA_DATOS_VERSION if autoriza else "",
            actor=actor,
        )


def _documento(numero: str) -> str:
    # As people write it on a form and as it reads on the card: 1.234.567, 1234567 and 1 234 567 match.
    return "".join(c for c in numero.upper() if c.isalnum())


class RenovarCodigoForm(forms.Form):
    """The petitioner lost their consultation code and shows an identity document at the ventanilla.

    Only the code's hash is kept, so it cannot be read out again: a new one replaces it. The petitioner
    proves the request is theirs with the document on record; an anonymous request has none, and only
    its code ever proved it.
    """

    radicado = forms.CharField(label=_("Radicado"), max_length=40)
    tipo_documento = forms.ChoiceField(label=_("Tipo de documento presentado"), choices=TipoDocumento.choices)
    numero_documento = forms.CharField(label=_("Número del documento presentado"), max_length=20)
    identidad_verificada = forms.BooleanField(
        label=_("Verifiqué el documento original de identidad y que corresponde a quien lo presenta"),
    )

    def ejecutar(self, actor: Usuario) -> tuple[Solicitud, str]:
        d = self.cleaned_data
        solicitud = selectors.solicitud_por_radicado(d["radicado"])
        if solicitud is None:
            raise ValidationError({"radicado": _("No hay una solicitud PQRS con ese radicado.")})
        if solicitud.anonima or not solicitud.numero_documento:
            raise ValidationError(
                {
                    "radicado": _(
                        "La solicitud es anónima: no hay un documento registrado con el cual identificar al "
                        "peticionario, y el código no puede renovarse."
                    )
                }
            )
        if d["tipo_documento"] != solicitud.tipo_documento or _documento(d["numero_documento"]) != _documento(
            solicitud.numero_documento
        ):
            raise ValidationError(
                {"numero_documento": _("El documento no coincide con el del peticionario de esta solicitud.")}
            )
        return solicitud, codigos.renovar_codigo(solicitud, actor=actor, medio="ventanilla")
