"""Public pages of the audiencias públicas: the calendar, an audiencia's page, and what a citizen sends
(a topic before the event, a question before and during it, the survey after it).

Each view: access check (rate limit, the session that filed) → form → service → redirect. A question is a
kernel expediente: the acknowledgement shows its code once (civic.expedientes.acuse) and the citizen follows
it on /consultar/ (template rendicion/seguimiento_pregunta.html).
"""

from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from civic.expedientes import acuse, limites
from civic.expedientes.servicios import ya_radicado
from civic.expedientes.vistas import demasiados_intentos
from civic.formato import fecha_larga
from rendicion.declaraciones import DIAS_PARA_RESPONDER
from rendicion.forms import EvaluacionForm, PreguntaForm, PropuestaTemaForm, volcar
from rendicion.models import Pregunta
from rendicion.selectors import audiencias as selectores
from rendicion.services import audiencias as servicios
from rendicion.services import preguntas
from rendicion.texto import html_de

# Re-exported names would collide with the other rooms' views: the URL conf names this module.
SESION_EVALUADAS = "rendicion_evaluadas"  # audiencias this browser session already evaluated


def _limite_temas() -> limites.Limite:
    return limites.Limite("rendicion_tema", settings.LIMITE_RADICAR, settings.LIMITE_RADICAR_SEGUNDOS)


def _audiencia_o_404(pk: int):
    audiencia = selectores.audiencia(pk)
    if audiencia is None:
        raise Http404(_("No encontramos esa audiencia."))
    return audiencia


@require_GET
def lista(request):
    return render(
        request, "rendicion/audiencias/lista.html", {"calendario": selectores.calendario(timezone.now())}
    )


@require_GET
def detalle(request, pk: int):
    audiencia = selectores.detalle(pk)
    if audiencia is None:
        raise Http404(_("No encontramos esa audiencia."))
    ahora = timezone.now()
    total_evaluaciones, resultados = selectores.resultados_evaluacion(audiencia.pk)
    return render(
        request,
        "rendicion/audiencias/detalle.html",
        {
            "audiencia": audiencia,
            "memorias": html_de(audiencia.memorias) if audiencia.memorias else "",
            "convocatoria": html_de(audiencia.convocatoria) if audiencia.convocatoria else "",
            "preguntas": list(selectores.preguntas_publicas(audiencia.pk)),
            "conteo": selectores.conteo_preguntas(audiencia.pk),
            "total_evaluaciones": total_evaluaciones,
            "resultados": resultados,
            "acciones": selectores.acciones(audiencia.pk, timezone.localdate()),
            "recibe_temas": servicios.recibe_temas(audiencia, ahora),
            "recibe_preguntas": servicios.recibe_preguntas(audiencia, ahora),
            "recibe_evaluaciones": servicios.recibe_evaluaciones(audiencia, ahora),
            "dias_para_responder": DIAS_PARA_RESPONDER,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def proponer(request, pk: int):
    audiencia = _audiencia_o_404(pk)
    abierta = servicios.recibe_temas(audiencia, timezone.now())
    limite = _limite_temas()
    if request.method == "GET" or not abierta:
        form = PropuestaTemaForm()
        return _pagina_tema(request, audiencia, form, abierta)
    form = PropuestaTemaForm(request.POST)
    if limites.agotado(limite, request):
        return demasiados_intentos(request, limite)
    if form.is_valid():
        try:
            servicios.proponer_tema(audiencia=audiencia, texto=form.cleaned_data["texto"])
        except ValidationError as error:
            volcar(form, error)
        else:
            limites.contar(limite, request)
            messages.success(
                request,
                _("Recibimos su tema. Lo publicaremos en esta página después de revisarlo."),
            )
            return redirect("rendicion:audiencia", pk=audiencia.pk)
    return _pagina_tema(request, audiencia, form, abierta)


def _pagina_tema(request, audiencia, form, abierta):
    return render(
        request,
        "rendicion/audiencias/proponer.html",
        {"audiencia": audiencia, "form": form, "abierta": abierta},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def preguntar(request, pk: int):
    audiencia = _audiencia_o_404(pk)
    abierta = servicios.recibe_preguntas(audiencia, timezone.now())
    limite = limites.radicar()
    if request.method == "GET" or not abierta:
        if abierta and limites.agotado(limite, request):  # told before filling the form, not after
            return demasiados_intentos(request, limite)
        return _pagina_pregunta(request, audiencia, PreguntaForm(), abierta)
    previa = ya_radicado(Pregunta, acuse.token(request.POST.get("token_radicacion")))
    if previa is not None:
        return acuse.ya_radicado(
            request, previa, reverse("rendicion:pregunta_radicada", args=[previa.radicado])
        )
    form = PreguntaForm(request.POST)
    if limites.agotado(limite, request):
        # What was typed is kept: the person can send it once the window has passed.
        form.is_valid()
        form.add_error(
            None,
            _(
                "No pudimos radicar la pregunta: desde esta conexión se enviaron %(maximo)s solicitudes en "
                "los últimos %(minutos)s minutos. Lo que escribió sigue abajo: espere y envíela de nuevo."
            )
            % {"maximo": limite.maximo, "minutos": max(1, limite.segundos // 60)},
        )
        respuesta = _pagina_pregunta(request, audiencia, form, abierta, status=HTTPStatus.TOO_MANY_REQUESTS)
        respuesta["Retry-After"] = str(limite.segundos)
        return respuesta
    if form.is_valid():
        try:
            pregunta, codigo = preguntas.radicar(
                token_radicacion=form.cleaned_data["token_radicacion"],
                audiencia=audiencia,
                texto=form.cleaned_data["texto"],
                peticionario=form.peticionario(),
            )
        except ValidationError as error:
            volcar(form, error)
        else:
            if codigo is None:  # a concurrent twin of this request filed it first
                return acuse.ya_radicado(
                    request, pregunta, reverse("rendicion:pregunta_radicada", args=[pregunta.radicado])
                )
            limites.contar(limite, request)
            acuse.radicado_aqui(request, pregunta, codigo)
            return redirect("rendicion:pregunta_radicada", radicado=pregunta.radicado)
    return _pagina_pregunta(request, audiencia, form, abierta)


def _pagina_pregunta(request, audiencia, form, abierta, *, status=HTTPStatus.OK):
    return render(
        request,
        "rendicion/audiencias/preguntar.html",
        {
            "audiencia": audiencia,
            "form": form,
            "abierta": abierta,
            "dias_para_responder": DIAS_PARA_RESPONDER,
        },
        status=status,
    )


@never_cache
@require_GET
def pregunta_radicada(request, radicado: str):
    pregunta = acuse.radicado_de_esta_sesion(request, radicado, selectores.pregunta_para_peticionario)
    # Shown on this one page view, then dropped: only its HMAC is kept.
    codigo = acuse.codigo_una_vez(request, pregunta)
    return render(
        request,
        "rendicion/audiencias/radicada.html",
        {
            "pregunta": pregunta,
            "codigo": codigo,
            "fecha_radicacion_larga": fecha_larga(pregunta.fecha_radicacion_efectiva),
            "fecha_vencimiento_larga": fecha_larga(pregunta.fecha_vencimiento),
            "dias_para_responder": DIAS_PARA_RESPONDER,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def evaluar(request, pk: int):
    audiencia = _audiencia_o_404(pk)
    abierta = servicios.recibe_evaluaciones(audiencia, timezone.now())
    evaluadas = request.session.get(SESION_EVALUADAS, [])
    ya_evaluo = audiencia.pk in evaluadas
    if request.method == "GET" or not abierta or ya_evaluo:
        return _pagina_evaluar(request, audiencia, EvaluacionForm(), abierta, ya_evaluo)
    form = EvaluacionForm(request.POST)
    if form.is_valid():
        try:
            servicios.evaluar(audiencia=audiencia, **form.cleaned_data)
        except ValidationError as error:
            volcar(form, error)
        else:
            # One answer per browser session is enough: the survey is anonymous.
            request.session[SESION_EVALUADAS] = [*evaluadas, audiencia.pk]
            messages.success(request, _("Gracias por evaluar la audiencia. Los resultados están abajo."))
            return redirect(reverse("rendicion:audiencia", args=[audiencia.pk]) + "#evaluacion")
    return _pagina_evaluar(request, audiencia, form, abierta, ya_evaluo)


def _pagina_evaluar(request, audiencia, form, abierta, ya_evaluo):
    return render(
        request,
        "rendicion/audiencias/evaluar.html",
        {"audiencia": audiencia, "form": form, "abierta": abierta, "ya_evaluo": ya_evaluo},
    )
