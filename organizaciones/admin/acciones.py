"""The workflow actions on a procedure: input shape only, each form calls one service of
`organizaciones.services.tramite`, which checks the state and the law again."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.expedientes.admin import FormularioAccion
from civic.expedientes.formularios import CampoVariosArchivos, ayuda_adjuntos
from organizaciones.services import tramite as servicios
from organizaciones.services.tramite import MedioNotificacion
from organizaciones.workflow import Accion

_TEXTO = forms.Textarea(attrs={"rows": 6, "cols": 80})
# What the staff member decides from: the checklist with what arrived, and the proposed dignatarios/books.
RESUMEN = "admin/organizaciones/tramite/_resumen.html"


class RevisarForm(FormularioAccion):
    accion = Accion.REVISAR
    titulo = _("Iniciar la revisión")
    plantilla_previa = RESUMEN
    ayuda = _("Usted queda como responsable del trámite; la organización lo ve «en revisión».")
    boton = _("Iniciar la revisión")

    def ejecutar(self, actor):
        servicios.revisar(tramite=self.objeto, actor=actor)


class RequerirForm(FormularioAccion):
    accion = Accion.REQUERIR
    titulo = _("Requerir a la organización")
    plantilla_previa = RESUMEN
    ayuda = _(
        "El término se suspende con los días que le quedaban y la organización tiene un mes para corregir o "
        "completar (CPACA art. 17). Se le envía el requerimiento por correo."
    )
    boton = _("Enviar requerimiento")

    requerimiento = forms.CharField(
        label=_("Qué debe corregir o completar la organización"), widget=_TEXTO, max_length=5000
    )

    def ejecutar(self, actor):
        servicios.requerir(tramite=self.objeto, requerimiento=self.cleaned_data["requerimiento"], actor=actor)


class CorregirForm(FormularioAccion):
    accion = Accion.CORREGIR
    titulo = _("Registrar la corrección (ventanilla)")
    plantilla_previa = RESUMEN
    ayuda = _(
        "La organización trajo la corrección en persona o en papel: el término se reanuda con los días que "
        "le quedaban, contados desde hoy."
    )
    boton = _("Registrar la corrección")
    con_archivos = True

    texto = forms.CharField(
        label=_("Lo que corrigió o aclaró"), widget=_TEXTO, max_length=5000, required=False
    )
    archivos = CampoVariosArchivos(label=_("Documentos que entregó"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["archivos"].help_text = ayuda_adjuntos()

    def ejecutar(self, actor):
        d = self.cleaned_data
        servicios.corregir(tramite=self.objeto, texto=d["texto"], archivos=d["archivos"] or [], actor=actor)


class _Decision(FormularioAccion):
    plantilla_previa = RESUMEN
    considerandos = forms.CharField(
        label=_("Considerandos"),
        widget=_TEXTO,
        max_length=20000,
        help_text=_("Los hechos, las normas y las razones de la decisión: van en la resolución."),
    )


class AprobarForm(_Decision):
    accion = Accion.APROBAR
    titulo = _("Aprobar por resolución")
    ayuda = _(
        "Se numera la resolución, se genera su PDF y se aplica al registro en la misma operación: la "
        "personería, los dignatarios, los libros o el estado según el trámite."
    )
    boton = _("Aprobar y expedir la resolución")

    def ejecutar(self, actor):
        servicios.aprobar(tramite=self.objeto, considerandos=self.cleaned_data["considerandos"], actor=actor)


class NegarForm(_Decision):
    accion = Accion.NEGAR
    titulo = _("Negar por resolución motivada")
    ayuda = _("Se numera la resolución y se genera su PDF; el registro no cambia (CPACA art. 42).")
    boton = _("Negar y expedir la resolución")

    def ejecutar(self, actor):
        servicios.negar(tramite=self.objeto, considerandos=self.cleaned_data["considerandos"], actor=actor)


_MEDIOS = {
    MedioNotificacion.CORREO: _("Correo electrónico"),
    MedioNotificacion.PERSONAL: _("Personal"),
    MedioNotificacion.AVISO: _("Por aviso"),
}


class NotificarForm(FormularioAccion):
    accion = Accion.NOTIFICAR
    titulo = _("Registrar la notificación")
    ayuda = _("Desde la notificación corren los términos de los recursos (CPACA arts. 66 a 69 y 76).")
    boton = _("Registrar la notificación")

    medio = forms.ChoiceField(
        label=_("Cómo se notificó"),
        choices=[("", "---------"), *((m, _MEDIOS[m]) for m in MedioNotificacion.OPCIONES)],
    )
    fecha = forms.DateField(
        label=_("Fecha de la notificación"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("fecha", timezone.localdate())

    def ejecutar(self, actor):
        d = self.cleaned_data
        servicios.notificar(tramite=self.objeto, medio=d["medio"], fecha=d["fecha"], actor=actor)


FORMULARIOS_ACCION = {
    Accion.REVISAR: RevisarForm,
    Accion.REQUERIR: RequerirForm,
    Accion.CORREGIR: CorregirForm,
    Accion.APROBAR: AprobarForm,
    Accion.NEGAR: NegarForm,
    Accion.NOTIFICAR: NotificarForm,
}
