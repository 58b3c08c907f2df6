"""The citizen's PQRS pages, no account needed: file, acknowledge, track, complete, rate, published answers.

Each view: access check (rate limit or the session's own radicados) → form → service → redirect.
Who may see a request is decided by the session alone: the one that filed it (acknowledgement and PDF)
or the one that proved the consultation code on the kernel's tracking form (`civic.expedientes.consulta`).
"""

from http import HTTPStatus
from uuid import uuid4

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civic import calendario
from civic.expedientes import acuse as acuse_unico
from civic.expedientes import consulta, limites
from civic.expedientes.admin import volcar_error
from civic.expedientes.archivos import respuesta_archivo
from civic.expedientes.maquina import TransicionInvalida
from civic.expedientes.servicios import ya_radicado
from civic.expedientes.vistas import demasiados_intentos
from civic.formato import fecha_larga
from civic.plazos import semaforo
from civic.sitio import en_cache
from civic.sitio.enlaces import url_consulta
from civic.sitio.politica import POLITICA_DATOS_VERSION
from pqrs import pdf, selectors, services
from pqrs.forms import (
    GRUPOS_CATALOGOS,
    AportarDocumentoForm,
    AportarInformacionForm,
    CalificarForm,
    CorregirForm,
    DesistirForm,
    InsistirForm,
    RadicarForm,
    ReposicionForm,
    codigos_de_modalidad,
)
from pqrs.models import Canal, Solicitud, TipoEvento
from pqrs.services import recursos, reserva
from pqrs.services.radicacion import EXPEDIENTE
from pqrs.workflow import EN_CURSO, MAQUINA, Accion, Estado

POR_PAGINA = 20
# An answer published (CPACA art. 69) invalidates the page at once (pqrs.apps); this bounds the rest.
GRUPO_PUBLICADAS = "pqrs:publicadas"
PUBLICADAS_SEGUNDOS = 300
# The service names the modality field after the model; the form calls it after the ?tipo= parameter.
_CAMPOS_SERVICIO = {"modalidad": "tipo"}


def _errores_del_servicio(form, error: ValidationError) -> None:
    """Put a service's refusal next to the field it names, or at the top of the form."""
    volcar_error(form, error, renombrar=_CAMPOS_SERVICIO)


# --- Filing ----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def radicar(request):
    limite = limites.radicar()
    if request.method == "GET":
        # Told before filling the form, not after.
        if limites.agotado(limite, request):
            return demasiados_intentos(request, limite)
        tipo = request.GET.get("tipo", "")
        if set(request.GET) - {"tipo"} or (tipo and tipo not in codigos_de_modalidad()):
            return _formulario_radicar(request, RadicarForm(initial={"tipo": tipo}))
        # The blank form (preset or not with a modality) is the same for everyone but its two tokens,
        # put in on every request: a fresh filing token and this visitor's CSRF token (civic.sitio.en_cache).
        return en_cache.pagina(
            request,
            lambda: _formulario_radicar(
                request, RadicarForm(initial={"tipo": tipo, "token_radicacion": acuse_unico.MARCA_TOKEN})
            ),
            clave=f"pqrs:radicar:{tipo}",
            grupos=GRUPOS_CATALOGOS,
            marcas={acuse_unico.MARCA_TOKEN: lambda: str(uuid4())},
        )

    form = RadicarForm(request.POST, request.FILES)
    previa = ya_radicado(Solicitud, acuse_unico.token(request.POST.get("token_radicacion")))
    if previa is not None:
        return _ya_radicada(request, previa)
    if limites.agotado(limite, request):
        # What was typed is kept: the person can copy it, or send it once the window has passed.
        form.is_valid()
        form.add_error(None, _limite_agotado(limite))
        return _formulario_radicar(request, form, status=HTTPStatus.TOO_MANY_REQUESTS, limite=limite)
    if form.es_trampa:
        limites.contar(limite, request)
    if form.is_valid():
        d = form.cleaned_data
        try:
            solicitud, codigo = services.radicar(
                token_radicacion=d["token_radicacion"],
                modalidad=d["tipo"],
                canal=Canal.WEB,
                asunto=d["asunto"],
                descripcion=d["descripcion"],
                anonima=d["anonima"],
                tipo_persona=d["tipo_persona"],
                tipo_documento=d["tipo_documento"],
                numero_documento=d["numero_documento"],
                nombres=d["nombres"],
                apellidos=d["apellidos"],
                razon_social=d["razon_social"],
                correo=d["correo"],
                telefono=d["telefono"],
                direccion=d["direccion"],
                comuna=d["comuna"],
                barrio=d["barrio"],
                canal_respuesta=d["canal_respuesta"],
                condiciones=d["condiciones"],
                riesgo_vida=d["riesgo_vida"],
                # Ley 1581/2012 art. 9: the service stores which policy text was authorized, and when.
                autorizacion_datos_version=POLITICA_DATOS_VERSION,
                archivos=d["adjuntos"],
            )
        except ValidationError as error:
            _errores_del_servicio(form, error)
        else:
            if codigo is None:  # a concurrent twin of this request filed it first
                return _ya_radicada(request, solicitud)
            limites.contar(limite, request)
            acuse_unico.radicado_aqui(request, solicitud, codigo)
            return redirect("pqrs:acuse", radicado=solicitud.radicado)
    return _formulario_radicar(request, form)


def _limite_agotado(limite: limites.Limite) -> str:
    minutos = max(1, limite.segundos // 60)
    return _(
        "No pudimos radicar su solicitud: desde esta conexión se enviaron %(maximo)s solicitudes en los "
        "últimos %(minutos)s minutos, el máximo permitido. Lo que escribió sigue abajo: espere %(minutos)s "
        "minutos y envíelo de nuevo, o preséntela por teléfono al %(telefono)s o en la ventanilla de "
        "atención."
    ) % {"maximo": limite.maximo, "minutos": minutos, "telefono": settings.MUNICIPIO["telefono"]}


def _formulario_radicar(request, form: RadicarForm, *, status: int = HTTPStatus.OK, limite=None):
    respuesta = render(
        request,
        "pqrs/radicar.html",
        {"form": form, "adjuntos_enviados": bool(request.FILES)},
        status=status,
    )
    if limite is not None:
        respuesta["Retry-After"] = str(limite.segundos)
    return respuesta


def _ya_radicada(request, solicitud: Solicitud):
    return acuse_unico.ya_radicado(request, solicitud, reverse("pqrs:acuse", args=[solicitud.radicado]))


def _radicada_por_esta_sesion(request, radicado: str) -> Solicitud:
    return acuse_unico.radicado_de_esta_sesion(
        request,
        radicado,
        selectors.solicitud_para_peticionario,
        _("No encontramos ese acuse de recibo en esta sesión."),
    )


def _contexto_acuse(solicitud: Solicitud) -> dict:
    explicacion = None
    if solicitud.plazo_dias:
        # Ley 1755/2015 art. 14, Ley 4/1913 art. 62: show which days counted and which were skipped.
        explicacion = calendario.explicar_plazo(solicitud.fecha_inicio_termino, solicitud.plazo_dias)
    return {
        "solicitud": solicitud,
        "explicacion": explicacion,
        # The petitioner's proof of which files arrived (name and size), on the page and in the PDF.
        "adjuntos": list(selectors.adjuntos_de_la_radicacion(solicitud)),
        "fecha_radicacion_larga": fecha_larga(solicitud.fecha_radicacion_efectiva),
        "fecha_vencimiento_larga": fecha_larga(solicitud.fecha_vencimiento),
        "recibida_en": timezone.localtime(solicitud.radicada_en),
        "radicada_otro_dia": timezone.localtime(solicitud.radicada_en).date()
        != solicitud.fecha_radicacion_efectiva,
        "url_consulta": url_consulta(),
    }


@never_cache
@require_GET
def acuse(request, radicado: str):
    solicitud = _radicada_por_esta_sesion(request, radicado)
    codigo = acuse_unico.codigo_una_vez(request, solicitud)
    return render(request, "pqrs/acuse.html", {**_contexto_acuse(solicitud), "codigo": codigo})


@never_cache
@require_GET
def acuse_pdf(request, radicado: str):
    solicitud = _radicada_por_esta_sesion(request, radicado)
    contenido = pdf.acuse_pdf(_contexto_acuse(solicitud))
    respuesta = HttpResponse(contenido, content_type="application/pdf")
    respuesta["Content-Disposition"] = f'attachment; filename="acuse-{solicitud.radicado}.pdf"'
    return respuesta


# --- Tracking --------------------------------------------------------------------------------


def _verificada(request) -> Solicitud | None:
    """The request this session proved the code for, while the proof lasts."""
    pk = consulta.vigente(request, EXPEDIENTE)
    return selectors.solicitud_para_peticionario(pk) if pk else None


def _puede_calificar(solicitud: Solicitud) -> bool:
    return MAQUINA.permite(solicitud.estado, Accion.CALIFICAR) and not hasattr(solicitud, "calificacion")


def _puede_corregir(solicitud: Solicitud) -> bool:
    return solicitud.estado == Estado.POR_CORREGIR


def _puede_aportar_documento(solicitud: Solicitud) -> bool:
    return MAQUINA.permite(solicitud.estado, Accion.APORTAR_DOCUMENTO)


def _puede_insistir(solicitud: Solicitud) -> bool:
    return reserva.puede_insistir(solicitud, timezone.localdate())


def _puede_reponer(solicitud: Solicitud) -> bool:
    return recursos.puede_reponer(solicitud, timezone.localdate())


# The petitioner's forms on the page, by context name; each is offered only where its state allows it.
_FORMULARIOS = {
    "form_aportar": AportarInformacionForm,
    "form_corregir": CorregirForm,
    "form_documento": AportarDocumentoForm,
    "form_insistir": InsistirForm,
    "form_reponer": ReposicionForm,
    "form_calificar": CalificarForm,
}


def _pagina_seguimiento(request, solicitud: Solicitud, *, enviado: dict | None = None, status=200):
    """The tracking page; `enviado` is the one form sent back with its errors and what was typed."""
    hoy = timezone.localdate()
    dias_restantes = None
    if solicitud.estado in EN_CURSO and solicitud.fecha_vencimiento:
        dias_restantes = semaforo.dias_restantes(solicitud.fecha_vencimiento, hoy)
    en_espera = solicitud.estado == Estado.EN_ESPERA_CIUDADANO
    eventos = list(selectors.eventos_publicos(solicitud))
    respondida = solicitud.estado in (Estado.RESPONDIDA, Estado.CERRADA, Estado.EN_INSISTENCIA)
    respuesta = selectors.ultimo_de_tipo(eventos, TipoEvento.RESPONDIDA) if respondida else None
    ofrecidos = {
        "form_aportar": en_espera,
        "form_corregir": _puede_corregir(solicitud),
        "form_documento": _puede_aportar_documento(solicitud),
        "form_insistir": _puede_insistir(solicitud),
        "form_reponer": _puede_reponer(solicitud),
        "form_calificar": _puede_calificar(solicitud),
    }
    enviado = enviado or {}
    formularios = {
        nombre: (enviado.get(nombre) or clase()) if ofrecidos[nombre] else None
        for nombre, clase in _FORMULARIOS.items()
    }
    contexto = {
        "solicitud": solicitud,
        "eventos": eventos,
        # The answer is the headline once there is one; the art. 17 request sits above its reply form.
        "respuesta": respuesta,
        # Art. 19: a repeated petition answered by reference shows the earlier answer's text, nothing else.
        "respuesta_anterior": selectors.respuesta_referida_publica(solicitud) if respuesta else None,
        "requerimiento": selectors.ultimo_de_tipo(eventos, TipoEvento.REQUERIMIENTO_INFORMACION)
        if en_espera
        else None,
        # Art. 26: once remitted, the request is closed again; where the insistence went is said on top.
        "insistencia_remitida": selectors.ultimo_de_tipo(eventos, TipoEvento.INSISTENCIA_REMITIDA)
        if solicitud.estado == Estado.CERRADA
        else None,
        "devolucion": selectors.ultimo_de_tipo(eventos, TipoEvento.DEVUELTA_PARA_CORREGIR)
        if ofrecidos["form_corregir"]
        else None,
        # The due date only while our term runs or is suspended (art. 17); after a traslado the receiving
        # entity's own term starts anew (art. 21), after a return the correction starts a new one (art. 19),
        # and once granted by silence the date that counts is the copies' (art. 14).
        "mostrar_vencimiento": bool(solicitud.fecha_vencimiento)
        and not solicitud.respondida_en
        and not solicitud.silencio_positivo_en
        and (solicitud.estado in EN_CURSO or en_espera),
        "dias_restantes": dias_restantes,
        "dias_vencidos": -dias_restantes if dias_restantes is not None and dias_restantes < 0 else None,
        "fecha_vencimiento_larga": fecha_larga(solicitud.fecha_vencimiento),
        "fecha_limite_ciudadano_larga": fecha_larga(solicitud.fecha_limite_ciudadano),
        "limite_vencido": solicitud.fecha_limite_ciudadano is not None
        and hoy > solicitud.fecha_limite_ciudadano,
        "en_espera": en_espera,
        # Ley 1755/2015 art. 17: once, and before the month ends (the service checks both again).
        "puede_ampliar": en_espera
        and not solicitud.plazo_ciudadano_ampliado
        and hoy <= solicitud.fecha_limite_ciudadano,
        **formularios,
        "limite_insistir": reserva.limite_para_insistir(solicitud) if ofrecidos["form_insistir"] else None,
        "limite_reponer": recursos.limite_para_reponer(solicitud) if ofrecidos["form_reponer"] else None,
        "puede_calificar": ofrecidos["form_calificar"],
        "puede_desistir": MAQUINA.permite(solicitud.estado, Accion.DESISTIR),
        "form_desistir": DesistirForm(),
        "calificada": hasattr(solicitud, "calificacion"),
        "con_errores": any(form.errors for form in enviado.values()),
    }
    return render(request, "pqrs/seguimiento.html", contexto, status=status)


def _exigir_verificada(request):
    solicitud = _verificada(request)
    if solicitud is None:
        messages.warning(
            request,
            _("Por seguridad, la consulta se cerró. Escriba de nuevo el número de radicado y el código."),
        )
    return solicitud


def _a_consultar():
    return redirect("expedientes:consultar")


def _accion_del_peticionario(request, hacer, exito) -> HttpResponse:
    """Run one of the petitioner's own actions and go back to their page, saying what happened: the
    service's refusal in its own words, or `exito(solicitud)`."""
    try:
        solicitud = hacer()
    except (TransicionInvalida, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, exito(solicitud))
    return redirect("pqrs:seguimiento")


@never_cache
@require_GET
def seguimiento(request):
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    return _pagina_seguimiento(request, solicitud)


@never_cache
@require_POST
def aportar(request):
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    form = AportarInformacionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            # Ley 1755/2015 art. 17: the term restarts the day after the information arrives.
            solicitud = services.aportar_informacion(
                solicitud=solicitud, texto=form.cleaned_data["texto"], archivos=form.cleaned_data["adjuntos"]
            )
        except TransicionInvalida as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            _errores_del_servicio(form, error)
        else:
            if solicitud.fecha_vencimiento:
                messages.success(
                    request,
                    _(
                        "Recibimos su información. El término para responderle empezó de nuevo: la nueva "
                        "fecha límite es el %(fecha)s."
                    )
                    % {"fecha": fecha_larga(solicitud.fecha_vencimiento)},
                )
            else:
                messages.success(request, _("Recibimos su información."))
            return redirect("pqrs:seguimiento")
    if solicitud.estado != Estado.EN_ESPERA_CIUDADANO:
        motivo = " ".join(form.non_field_errors()) or _("Esta solicitud no espera información.")
        messages.error(request, motivo)
        return redirect("pqrs:seguimiento")
    return _pagina_seguimiento(request, solicitud, enviado={"form_aportar": form})


def _accion_con_formulario(
    request, *, nombre: str, puede, hacer, exito, fuera_de_estado: str, renombrar: dict | None = None
) -> HttpResponse:
    """One of the petitioner's actions with a form: `hacer(solicitud, datos)` calls its service.

    A refusal stays next to its field, with what was typed, while the page still offers the form; once the
    state no longer allows it (or never did) the page says why at the top, and shows what is possible now.
    """
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    form = _FORMULARIOS[nombre](request.POST, request.FILES)
    if form.is_valid():
        try:
            hecha = hacer(solicitud, form.cleaned_data)
        except TransicionInvalida:
            messages.error(request, fuera_de_estado)
            return redirect("pqrs:seguimiento")
        except ValidationError as error:
            volcar_error(form, error, renombrar=renombrar)
        else:
            messages.success(request, exito(hecha))
            return redirect("pqrs:seguimiento")
    if not puede(solicitud):
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()) or fuera_de_estado)
        return redirect("pqrs:seguimiento")
    return _pagina_seguimiento(request, solicitud, enviado={nombre: form})


def _con_termino_nuevo(solicitud: Solicitud, recibido: str) -> str:
    if solicitud.fecha_vencimiento:
        return _(
            "%(recibido)s El término para responderle empezó de nuevo: la nueva fecha límite es el %(fecha)s."
        ) % {
            "recibido": recibido,
            "fecha": fecha_larga(solicitud.fecha_vencimiento),
        }
    return recibido


@never_cache
@require_POST
def corregir(request):
    """Ley 1755/2015 art. 19: the petitioner corrects a petition returned as obscure; a new term starts."""
    return _accion_con_formulario(
        request,
        nombre="form_corregir",
        puede=_puede_corregir,
        hacer=lambda solicitud, d: services.corregir(
            solicitud=solicitud, texto=d["texto"], archivos=d["adjuntos"]
        ),
        exito=lambda corregida: _con_termino_nuevo(corregida, _("Recibimos su corrección.")),
        fuera_de_estado=_(
            "No registramos la corrección: esta solicitud ya no está devuelta para corregir. Abajo verá su "
            "estado actual y lo que puede hacer ahora."
        ),
    )


@never_cache
@require_POST
def aportar_documento(request):
    """A document the petitioner forgot, while the request is studied; the term does not change."""
    return _accion_con_formulario(
        request,
        nombre="form_documento",
        puede=_puede_aportar_documento,
        hacer=lambda solicitud, d: services.aportar_documento(
            solicitud=solicitud, archivos=d["adjuntos"], texto=d["texto"]
        ),
        exito=lambda _solicitud: _(
            "Agregamos su documento a la solicitud. La fecha límite para responderle no cambia."
        ),
        fuera_de_estado=_(
            "No agregamos el documento: en su estado actual la solicitud ya no recibe documentos por aquí. "
            "Abajo verá lo que puede hacer ahora; también puede llevarlo a la ventanilla de atención."
        ),
        renombrar={"archivos": "adjuntos"},
    )


@never_cache
@require_POST
def insistir(request):
    """Ley 1755/2015 art. 26: the petitioner insists on information denied under legal reserve."""
    return _accion_con_formulario(
        request,
        nombre="form_insistir",
        puede=_puede_insistir,
        hacer=lambda solicitud, d: services.insistir(solicitud=solicitud, texto=d["texto"]),
        exito=lambda _solicitud: _(
            "Registramos su insistencia. La Alcaldía la enviará, con los documentos, al juez administrativo, "
            "que decide si se le entrega la información. Le avisaremos por el medio que eligió."
        ),
        fuera_de_estado=_(
            "No registramos la insistencia: solo procede una vez, contra una negación por reserva legal y "
            "dentro de los 10 días hábiles siguientes a su notificación. Si necesita la información, puede "
            "presentar una nueva petición."
        ),
    )


@never_cache
@require_POST
def reponer(request):
    """CPACA arts. 74-77: recurso de reposición against desistimiento tácito, rechazo or archivo."""
    return _accion_con_formulario(
        request,
        nombre="form_reponer",
        puede=_puede_reponer,
        hacer=lambda solicitud, d: services.interponer_reposicion(solicitud=solicitud, texto=d["texto"]),
        exito=lambda _solicitud: _(
            "Registramos su recurso de reposición. La Alcaldía lo estudiará y le notificará su decisión: si "
            "le da la razón, su solicitud vuelve a trámite con un término nuevo."
        ),
        fuera_de_estado=_(
            "No registramos el recurso: procede una vez, contra el desistimiento tácito, el rechazo o el "
            "archivo, dentro de los 10 días hábiles siguientes a su notificación. Puede presentar una nueva "
            "solicitud."
        ),
    )


@never_cache
@require_POST
def desistir(request):
    """Ley 1755/2015 art. 18: the petitioner withdraws from the tracking page, after confirming."""
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    form = DesistirForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errores in form.errors.values() for e in errores))
        return redirect("pqrs:seguimiento")
    return _accion_del_peticionario(
        request,
        lambda: services.desistir(solicitud=solicitud, manifestacion=form.cleaned_data["motivo"]),
        lambda _solicitud: _(
            "Registramos que desistió de su solicitud. La Alcaldía solo la continuará si el interés "
            "público lo exige, y se lo informará."
        ),
    )


@never_cache
@require_POST
def ampliar_plazo(request):
    """The petitioner asks for the art. 17 extension: one more month, once, before theirs ends."""
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    return _accion_del_peticionario(
        request,
        lambda: services.ampliar_plazo_ciudadano(
            solicitud=solicitud, nota=_("Pedida por el peticionario en el portal.")
        ),
        lambda ampliada: (
            _("Le ampliamos el plazo: ahora tiene hasta el %(fecha)s para enviar la información.")
            % {"fecha": fecha_larga(ampliada.fecha_limite_ciudadano)}
        ),
    )


@never_cache
@require_POST
def calificar(request):
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    if not _puede_calificar(solicitud):
        messages.error(request, _("Esta solicitud ya fue calificada o todavía no tiene respuesta."))
        return redirect("pqrs:seguimiento")
    form = CalificarForm(request.POST)
    if form.is_valid():
        return _accion_del_peticionario(
            request,
            lambda: services.calificar(
                solicitud=solicitud,
                calificacion=form.cleaned_data["calificacion"],
                comentario=form.cleaned_data["comentario"],
            ),
            lambda _calificacion: _("Gracias por calificar la atención recibida."),
        )
    return _pagina_seguimiento(request, solicitud, enviado={"form_calificar": form})


@never_cache
@require_GET
def acuse_pdf_seguimiento(request):
    """The acuse de recibo in PDF for a session that proved the code: filed days ago, it is still at hand."""
    solicitud = _exigir_verificada(request)
    if solicitud is None:
        return _a_consultar()
    contenido = pdf.acuse_pdf(_contexto_acuse(solicitud))
    respuesta = HttpResponse(contenido, content_type="application/pdf")
    respuesta["Content-Disposition"] = f'attachment; filename="acuse-{solicitud.radicado}.pdf"'
    return respuesta


@never_cache
@require_GET
def adjunto(request, pk: int):
    """A public attachment of the verified request; files are never served from a public URL."""
    solicitud = _verificada(request)
    if solicitud is None:
        raise Http404(_("Consulte primero su solicitud con el radicado y el código."))
    archivo = selectors.adjuntos_publicos(solicitud).filter(pk=pk).first()
    if archivo is None:
        raise Http404(_("Ese archivo no existe en su solicitud."))
    return respuesta_archivo(archivo)


# --- Published answers -----------------------------------------------------------------------


@require_GET
def respuestas_publicadas(request):
    """CPACA art. 69: answers to petitioners who cannot be reached, published for 5 business days.

    The same for every visitor: kept per day and page until an answer is published (GRUPO_PUBLICADAS),
    and at most PUBLICADAS_SEGUNDOS."""
    numero = request.GET.get("pagina", "1")
    cacheable = set(request.GET) <= {"pagina"} and numero.isdigit() and len(numero) <= 4

    def renderizar():
        pagina = Paginator(selectors.respuestas_publicadas(), POR_PAGINA).get_page(numero)
        return render(
            request,
            "pqrs/respuestas_publicadas.html",
            {"pagina": pagina, "url_radicar": reverse("pqrs:radicar")},
        )

    return en_cache.pagina(
        request,
        renderizar,
        clave=f"pqrs:publicadas:{timezone.localdate()}:{numero}" if cacheable else None,
        grupos=[GRUPO_PUBLICADAS],
        segundos=PUBLICADAS_SEGUNDOS,
    )
