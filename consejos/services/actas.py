"""An acta's life: approved by the body, published (frozen as a version with its HTML, PDF and search
vector), corrected as a new version that keeps the published ones readable."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from civic import busqueda
from civic.expedientes.archivos import validar_adjuntos
from civic.expedientes.maquina import bloquear, transicionar
from civic.expedientes.servicios import servicio
from civic.pdf import pdf_de_plantilla
from consejos import eventos
from consejos.models import Acta, PuntoAgenda, VersionActa
from consejos.selectors.actas import contenido, sesion_completa
from consejos.workflow import AccionActa, EstadoActa

from . import suscripciones


def _texto(texto: str, campo: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje}, code="requerido")
    return texto


@servicio
def aprobar(*, acta: Acta, actor, nota: str = "", ahora: datetime | None = None) -> Acta:
    """The body approved the acta: from now on the session's record cannot be edited."""
    bloquear(acta, AccionActa.APROBAR)
    if not PuntoAgenda.objects.filter(sesion_id=acta.sesion_id).exists():
        raise ValidationError(
            _("Registre el orden del día de la sesión antes de aprobar el acta."), code="sin_agenda"
        )
    transicionar(
        acta,
        AccionActa.APROBAR,
        evento=eventos.acta_aprobada(acta, nota=nota.strip()),
        actor=actor,
        momento=ahora,
        bloqueado=True,
    )
    return acta


@servicio
def devolver(*, acta: Acta, motivo: str, actor) -> Acta:
    """An approved acta goes back to draft before its publication (an error found in time)."""
    motivo = _texto(motivo, "motivo", _("Diga qué debe corregirse."))
    transicionar(acta, AccionActa.DEVOLVER, evento=eventos.acta_devuelta(acta, motivo=motivo), actor=actor)
    return acta


@servicio
def publicar(*, acta: Acta, actor, ahora: datetime | None = None) -> VersionActa:
    """Freeze the approved acta as its next published version: what the portal shows, searches and
    sends to the subscribers of its comuna and of its instancia."""
    ahora = ahora or timezone.now()
    bloquear(acta, AccionActa.PUBLICAR)
    sesion = sesion_completa(acta.sesion_id)
    partes = contenido(sesion)
    html = render_to_string("consejos/acta/contenido.html", {"acta": acta, "c": partes})
    titulo = str(acta)
    pdf = pdf_de_plantilla(
        "consejos/acta/pdf.html",
        {"acta": acta, "titulo": titulo, "contenido": mark_safe(html)},  # noqa: S308
    )
    VersionActa.objects.filter(acta=acta, vigente=True).update(vigente=False)
    version = VersionActa(
        acta=acta,
        numero=acta.version,
        publicada_en=ahora,
        motivo=acta.motivo_correccion,
        titulo=titulo,
        html=html,
        # A space before every tag: adjacent elements must not glue their words together in the index.
        texto=" ".join(strip_tags(html.replace("<", " <")).split()),
        comuna_id=sesion.comuna_id or sesion.instancia.comuna_id,
        instancia_id=sesion.instancia_id,
        fecha_sesion=acta.fecha_sesion,
    )
    version.pdf.save(f"acta-{acta.anio}-{acta.numero:03d}-v{acta.version}.pdf", ContentFile(pdf), save=False)
    version.save()
    vector = busqueda.vector("titulo", "texto")
    if vector is not None:
        VersionActa.objects.filter(pk=version.pk).update(vector=vector)
    transicionar(
        acta,
        AccionActa.PUBLICAR,
        evento=eventos.acta_publicada(acta, version=acta.version),
        actor=actor,
        campos={"motivo_correccion": ""},
        momento=ahora,
        bloqueado=True,
    )
    suscripciones.avisar_acta(version)
    return version


@servicio
def corregir(*, acta: Acta, motivo: str, actor, ahora: datetime | None = None) -> Acta:
    """Open a correction of a published acta: a new draft version; the published one stays visible
    until the corrected one is approved and published."""
    motivo = _texto(motivo, "motivo", _("Diga qué se corrige y por qué."))
    bloquear(acta, AccionActa.CORREGIR)
    transicionar(
        acta,
        AccionActa.CORREGIR,
        evento=eventos.acta_en_correccion(acta, motivo=motivo, version=acta.version + 1),
        actor=actor,
        campos={"version": acta.version + 1, "motivo_correccion": motivo},
        momento=ahora,
        bloqueado=True,
    )
    return acta


@servicio
def adjuntar_escaneo(*, acta: Acta, archivo: UploadedFile, actor) -> Acta:
    """The signed paper acta, scanned (checked by content: a PDF or an image)."""
    [archivo] = validar_adjuntos([archivo])
    acta = Acta.objects.select_for_update().get(pk=acta.pk)
    acta.escaneo_firmado.save(archivo.name, archivo, save=False)
    acta.save(update_fields=["escaneo_firmado"])
    return acta


def editable(acta: Acta | None) -> bool:
    """Whether the session's record may still change: only while its acta is a draft (or not opened)."""
    return acta is None or acta.estado == EstadoActa.BORRADOR
