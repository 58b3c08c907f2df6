"""Filing a procedure on the portal and answering a requirement; no account needed.

Each view: access check (rate limit, the session that filed, or the session that proved the code on the
kernel's tracking form) → form → service → redirect. The tracking page itself is the kernel's
(`/consultar/<clave>/`, template `organizaciones/seguimiento.html`); the correction it offers, its
documents and the resolution are served here, only for the procedure this session proved.
"""

from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civic.expedientes import acuse, consulta, limites, registro
from civic.expedientes.archivos import respuesta_archivo
from civic.expedientes.formularios import ayuda_adjuntos
from civic.expedientes.maquina import TransicionInvalida
from civic.expedientes.servicios import ya_radicado
from civic.expedientes.vistas import demasiados_intentos
from civic.formato import fecha_larga
from civic.plazos import semaforo
from organizaciones.declaraciones import clave
from organizaciones.forms import (
    FILAS_DIGNATARIOS,
    FILAS_MAS,
    FILAS_MAX,
    CorregirForm,
    DignatariosFormSet,
    RadicarTramiteForm,
    dignatarios_limpios,
    es_valido,
    filas_de,
)
from organizaciones.models import ClaseTramite, Tramite
from organizaciones.selectors import portal
from organizaciones.services import radicacion
from organizaciones.services import tramite as servicios

PREFIJO_DIGNATARIOS = "dignatarios"


# --- What can be filed ---------------------------------------------------------------------------


@require_GET
def tramites(request):
    return render(request, "organizaciones/tramites.html", {"tipos": list(portal.tipos_en_linea())})


# --- Filing --------------------------------------------------------------------------------------


def _formset(tipo, data=None, *, filas: int = FILAS_DIGNATARIOS, initial=None):
    if tipo.clase != ClaseTramite.INSCRIPCION_DIGNATARIOS:
        return None
    if data is not None:
        return DignatariosFormSet(data, prefix=PREFIJO_DIGNATARIOS)
    formset_class = type(DignatariosFormSet.__name__, (DignatariosFormSet,), {"extra": filas})
    return formset_class(prefix=PREFIJO_DIGNATARIOS, initial=initial)


def _con_mas_filas(request, tipo):
    """«Agregar filas»: the form as it was typed, not yet checked, with FILAS_MAS more dignatario rows."""
    datos = request.POST
    form = RadicarTramiteForm(
        tipo=tipo, initial={k: datos.get(k) for k in datos if k != "csrfmiddlewaretoken"}
    )
    filas = filas_de(datos)
    campos = DignatariosFormSet.form.base_fields
    initial = [
        {
            c: datos.get(f"{PREFIJO_DIGNATARIOS}-{i}-{c}")
            for c in campos
            if datos.get(f"{PREFIJO_DIGNATARIOS}-{i}-{c}")
        }
        for i in range(filas)
    ]
    formset = _formset(tipo, filas=min(filas + FILAS_MAS, FILAS_MAX), initial=initial)
    return _formulario(request, tipo, form, formset, filas_agregadas=True)


@never_cache
@require_http_methods(["GET", "POST"])
def radicar(request, clase: str):
    tipo = portal.tipo_en_linea(clase)
    if tipo is None:
        raise Http404(_("Este trámite no se radica en el portal."))
    limite = limites.radicar()
    if request.method == "GET":
        if limites.agotado(limite, request):  # told before filling the form, not after
            return demasiados_intentos(request, limite)
        return _formulario(request, tipo, RadicarTramiteForm(tipo=tipo), _formset(tipo))
    if "agregar_filas" in request.POST:
        return _con_mas_filas(request, tipo)

    previo = ya_radicado(Tramite, acuse.token(request.POST.get("token_radicacion")))
    if previo is not None:
        return _ya_radicado(request, previo)
    form = RadicarTramiteForm(request.POST, request.FILES, tipo=tipo)
    formset = _formset(tipo, request.POST)
    if limites.agotado(limite, request):
        # What was typed is kept: the person can send it once the window has passed.
        es_valido(form, formset)
        form.add_error(None, _limite_agotado(limite))
        respuesta = _formulario(request, tipo, form, formset, status=HTTPStatus.TOO_MANY_REQUESTS)
        respuesta["Retry-After"] = str(limite.segundos)
        return respuesta
    if es_valido(form, formset):
        dignatarios = dignatarios_limpios(formset) if formset is not None else []
        try:
            tramite, codigo = radicacion.radicar(**form.argumentos(dignatarios=dignatarios))
        except ValidationError as error:
            form.volcar(error, formset)
        else:
            if codigo is None:  # a concurrent twin of this request filed it first
                return _ya_radicado(request, tramite)
            limites.contar(limite, request)
            acuse.radicado_aqui(request, tramite, codigo)
            return redirect("organizaciones:radicado", radicado=tramite.radicado)
    return _formulario(request, tipo, form, formset)


def _limite_agotado(limite: limites.Limite) -> str:
    return _(
        "No pudimos radicar el trámite: desde esta conexión se enviaron %(maximo)s solicitudes en los "
        "últimos %(minutos)s minutos, el máximo permitido. Lo que escribió sigue abajo: espere y envíelo de "
        "nuevo, o radíquelo en la ventanilla de atención."
    ) % {"maximo": limite.maximo, "minutos": max(1, limite.segundos // 60)}


def _formulario(request, tipo, form, formset, *, status=HTTPStatus.OK, filas_agregadas=False):
    return render(
        request,
        "organizaciones/radicar.html",
        {
            "tipo": tipo,
            "form": form,
            "dignatarios": formset,
            "con_errores": form.is_bound
            and bool(form.errors or form.errores_libros or (formset is not None and not formset.is_valid())),
            "adjuntos_enviados": bool(request.FILES),
            "filas_agregadas": filas_agregadas,
            "ayuda_adjuntos": ayuda_adjuntos(),
        },
        status=status,
    )


def _ya_radicado(request, tramite: Tramite):
    return acuse.ya_radicado(request, tramite, reverse("organizaciones:radicado", args=[tramite.radicado]))


@never_cache
@require_GET
def radicado(request, radicado: str):
    tramite = acuse.radicado_de_esta_sesion(request, radicado, portal.tramite_para_peticionario)
    # Shown on this one page view, then dropped: only its HMAC is kept.
    codigo = acuse.codigo_una_vez(request, tramite)
    return render(
        request,
        "organizaciones/radicado.html",
        {
            "tramite": tramite,
            "codigo": codigo,
            "documentos": portal.documentos_publicos(tramite),
            "fecha_radicacion_larga": fecha_larga(tramite.fecha_radicacion_efectiva),
            "fecha_vencimiento_larga": fecha_larga(tramite.fecha_vencimiento),
        },
    )


# --- Following it (the kernel's tracking page) -----------------------------------------------------


def _probado(request):
    """(expediente, procedure) this session proved the code for, while the proof lasts; else None.

    The session names one expediente (one type) and one id: no other procedure can be reached from it."""
    for clase in ClaseTramite:
        pk = consulta.vigente(request, clave(clase))
        if pk is not None:
            tramite = portal.tramite_para_peticionario(pk)
            if tramite is not None and tramite.clase == clase:
                return registro.expediente(clave(clase)), tramite
    return None


def _sin_prueba(request):
    messages.warning(
        request, _("Por seguridad, la consulta se cerró. Escriba de nuevo el número de radicado y el código.")
    )
    return redirect("expedientes:consultar")


def _pagina_seguimiento(request, expediente, tramite: Tramite, form_corregir: CorregirForm):
    """The tracking page as the kernel renders it, with the correction sent back and its errors."""
    maquina = Tramite.maquina
    vencimiento = tramite.fecha_vencimiento
    en_curso = tramite.estado in maquina.en_curso
    contexto = {
        "expediente": expediente,
        "objeto": tramite,
        "estado": tramite.get_estado_display(),
        "eventos": list(tramite.eventos.publicos().order_by("momento", "id")),
        "vencimiento": vencimiento,
        "dias_restantes": semaforo.dias_restantes(vencimiento, timezone.localdate())
        if en_curso and vencimiento
        else None,
        "form_corregir": form_corregir,
        "adjuntos_enviados": bool(request.FILES),
    }
    return render(request, expediente.plantilla_seguimiento, contexto)


@never_cache
@require_POST
def corregir(request):
    hallado = _probado(request)
    if hallado is None:
        return _sin_prueba(request)
    expediente, tramite = hallado
    form = CorregirForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            servicios.corregir(
                tramite=tramite, texto=form.cleaned_data["texto"], archivos=form.cleaned_data["adjuntos"]
            )
        except TransicionInvalida as error:
            messages.error(request, str(error))
            return redirect(expediente.ruta_seguimiento())
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for campo, errores in error.error_dict.items():
                    form.add_error(campo if campo in form.fields else None, errores)
            else:
                form.add_error(None, error)
        else:
            tramite.refresh_from_db(fields=["fecha_vencimiento"])
            messages.success(
                request,
                _(
                    "Recibimos su corrección. El término se reanudó: la secretaría decide a más tardar el "
                    "%(fecha)s."
                )
                % {"fecha": fecha_larga(tramite.fecha_vencimiento)},
            )
            return redirect(expediente.ruta_seguimiento())
    return _pagina_seguimiento(request, expediente, tramite, form)


@never_cache
@require_GET
def documento(request, pk: int):
    """A public file of the procedure this session proved, as a download."""
    hallado = _probado(request)
    if hallado is None:
        return _sin_prueba(request)
    adjunto = next((a for a in portal.documentos_publicos(hallado[1]) if a.pk == pk), None)
    if adjunto is None:
        raise Http404(_("Ese documento no es de este trámite."))
    return respuesta_archivo(adjunto)


@never_cache
@require_GET
def resolucion_pdf(request):
    """The resolution that decided the procedure this session proved."""
    hallado = _probado(request)
    if hallado is None:
        return _sin_prueba(request)
    resolucion = portal.resolucion_de(hallado[1])
    if resolucion is None or not resolucion.pdf:
        raise Http404(_("Este trámite aún no tiene resolución."))
    respuesta = FileResponse(
        resolucion.pdf.open("rb"),
        as_attachment=True,
        filename=f"resolucion-{resolucion.numero:04d}-{resolucion.anio}.pdf",
        content_type="application/pdf",
    )
    respuesta["Cache-Control"] = "private, no-store"
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta
