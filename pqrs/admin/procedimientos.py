"""Staff forms of the procedures that follow a decision or interrupt the study (Ley 1755/2015 arts. 19
and 26; CPACA arts. 74-80). Input shape only: each calls one service, which checks the law again."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.expedientes.admin import FormularioAccion
from civic.expedientes.formularios import CampoVariosArchivos
from civic.models import Dependencia
from pqrs import services
from pqrs.models import Entidad
from pqrs.services import recursos, reserva
from pqrs.workflow import Accion

_TEXTO = forms.Textarea(attrs={"rows": 5, "cols": 80})
# The request as the petitioner filed and completed it (their appeal and insistence included), above the
# forms that decide on its content.
RESUMEN = "admin/pqrs/solicitud/_resumen.html"


class FormularioDeVueltaAlTramite(FormularioAccion):
    """A decision that puts the request back to work (reponer, continuar de oficio): the dependencia that
    takes it, among the active ones, proposed as the one it had."""

    dependencia = forms.ModelChoiceField(
        label=_("Dependencia que la tramita"), queryset=Dependencia.objects.none()
    )
    motivacion = forms.CharField(label=_("Motivación"), widget=_TEXTO, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependencia"].queryset = Dependencia.objects.filter(activa=True).order_by("nombre")
        if self.objeto.dependencia_id and not self.is_bound:
            self.initial.setdefault("dependencia", self.objeto.dependencia_id)


class DevolverParaCorregirForm(FormularioAccion):
    accion = Accion.DEVOLVER_PARA_CORREGIR
    titulo = _("Devolver para corregir")
    plantilla_previa = RESUMEN
    ayuda = _(
        "Cuando no se comprende la finalidad o el objeto de la petición. El peticionario tiene 10 días "
        "hábiles para corregirla; si no lo hace, se archiva. Una petición incompleta no se devuelve: se "
        "le pide la información (Ley 1755 de 2015, arts. 17 y 19)."
    )
    boton = _("Devolver al peticionario")

    que_corregir = forms.CharField(
        label=_("Qué no se comprende y qué debe aclarar"), widget=_TEXTO, max_length=5000
    )

    def ejecutar(self, actor):
        services.devolver_para_corregir(
            solicitud=self.objeto, que_corregir=self.cleaned_data["que_corregir"], actor=actor
        )


class CorregirVentanillaForm(FormularioAccion):
    accion = Accion.CORREGIR
    titulo = _("Registrar la corrección (ventanilla)")
    plantilla_previa = RESUMEN
    ayuda = _(
        "El peticionario trajo la petición corregida o aclarada, en persona o por escrito; el término para "
        "responder empieza de nuevo (Ley 1755 de 2015, art. 19)."
    )
    boton = _("Registrar la corrección")
    con_archivos = True

    texto = forms.CharField(label=_("Petición corregida o aclarada"), widget=_TEXTO, max_length=5000)
    archivos = CampoVariosArchivos(label=_("Documentos que entregó"), required=False)

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.corregir(solicitud=self.objeto, texto=d["texto"], archivos=d["archivos"] or [], actor=actor)


class InsistirVentanillaForm(FormularioAccion):
    accion = Accion.INSISTIR
    titulo = _("Registrar insistencia (ventanilla)")
    ayuda = _(
        "El peticionario insiste en la información negada por reserva, al notificarse o dentro de los 10 "
        "días hábiles siguientes; la Alcaldía la remite al juez administrativo (Ley 1755 de 2015, art. 26)."
    )
    boton = _("Registrar insistencia")

    texto = forms.CharField(label=_("Lo que manifestó el peticionario"), widget=_TEXTO, max_length=5000)

    @classmethod
    def aplica(cls, objeto) -> bool:
        return reserva.puede_insistir(objeto, timezone.localdate())

    def ejecutar(self, actor):
        services.insistir(solicitud=self.objeto, texto=self.cleaned_data["texto"], actor=actor)


class RemitirInsistenciaForm(FormularioAccion):
    accion = Accion.REMITIR_INSISTENCIA
    plantilla_previa = RESUMEN
    titulo = _("Remitir la insistencia al juez")
    ayuda = _(
        "Se envían por correo el oficio, la petición y la insistencia al tribunal o juez administrativo, que "
        "decide si se entrega la información (Ley 1755 de 2015, art. 26)."
    )
    boton = _("Remitir al juez")

    juez = forms.ModelChoiceField(
        label=_("Tribunal o juzgado administrativo"),
        queryset=Entidad.objects.filter(activa=True, tipo=Entidad.Tipo.TRIBUNAL),
        help_text=_("Si no está en la lista, agréguelo en «Entidades competentes» con el tipo tribunal."),
    )
    oficio = forms.CharField(label=_("Oficio remisorio"), widget=_TEXTO, max_length=10000)

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.remitir_insistencia(solicitud=self.objeto, juez=d["juez"], oficio=d["oficio"], actor=actor)


class ReposicionVentanillaForm(FormularioAccion):
    accion = Accion.INTERPONER_REPOSICION
    titulo = _("Registrar recurso de reposición (ventanilla)")
    ayuda = _(
        "Contra el desistimiento tácito, el rechazo o el archivo, dentro de los 10 días hábiles siguientes "
        "a su notificación (CPACA arts. 74 y 76)."
    )
    boton = _("Registrar el recurso")

    texto = forms.CharField(label=_("Razones del peticionario"), widget=_TEXTO, max_length=5000)

    @classmethod
    def aplica(cls, objeto) -> bool:
        return recursos.puede_reponer(objeto, timezone.localdate())

    def ejecutar(self, actor):
        services.interponer_reposicion(solicitud=self.objeto, texto=self.cleaned_data["texto"], actor=actor)


class _DecisionReposicion(FormularioAccion):
    plantilla_previa = RESUMEN
    motivacion = forms.CharField(label=_("Motivación"), widget=_TEXTO, max_length=5000)

    @classmethod
    def aplica(cls, objeto) -> bool:
        return objeto.reposicion_pendiente


class ReponerForm(_DecisionReposicion, FormularioDeVueltaAlTramite):
    accion = Accion.REPONER
    titulo = _("Reponer: revocar la decisión")
    ayuda = _(
        "Se da la razón al peticionario: la solicitud vuelve a trámite con un término nuevo desde hoy "
        "(CPACA art. 80)."
    )
    boton = _("Reponer")

    def ejecutar(self, actor):
        d = self.cleaned_data
        services.reponer(
            solicitud=self.objeto, motivacion=d["motivacion"], dependencia=d["dependencia"], actor=actor
        )


class ConfirmarDecisionForm(_DecisionReposicion):
    accion = Accion.CONFIRMAR_DECISION
    titulo = _("Confirmar la decisión recurrida")
    ayuda = _(
        "Se niega el recurso y la decisión queda en firme; se notifica al peticionario con sus razones."
    )
    boton = _("Confirmar")

    def ejecutar(self, actor):
        services.confirmar_decision(
            solicitud=self.objeto, motivacion=self.cleaned_data["motivacion"], actor=actor
        )
