"""The one public tracking form: any radicado and its code, dispatched to the app that owns the series.

Rate-limited per IP on failed tries (the form is an oracle for the code; a citizen who gets in, however
often, guesses nothing), and an unknown radicado and a wrong code get the same words, so nothing can be
enumerated.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civic.plazos import semaforo
from civic.sitio import en_cache

from . import codigos, consulta, limites, radicados, registro
from .formularios import ConsultaForm, RecuperarCodigoForm


def demasiados_intentos(request, limite: limites.Limite) -> HttpResponse:
    """429 with the wait and the phone and mailbox to use meanwhile: a citizen never meets a dead end."""
    respuesta = render(
        request,
        "civic/expedientes/limite.html",
        {"minutos": max(1, limite.segundos // 60), "maximo": limite.maximo, "accion": limite.accion},
        status=429,
    )
    respuesta["Retry-After"] = str(limite.segundos)
    return respuesta


@never_cache
@require_http_methods(["GET", "POST"])
def consultar(request):
    if request.method == "POST":
        limite = limites.consultar()
        if limites.agotado(limite, request):
            return demasiados_intentos(request, limite)
        form = ConsultaForm(request.POST)
        if form.is_valid():
            hallado = radicados.verificar(form.cleaned_data["radicado"], form.cleaned_data["codigo"])
            if hallado is not None:
                expediente, objeto = hallado
                consulta.abrir(request, expediente, objeto.pk)
                return redirect(expediente.ruta_seguimiento())
            # Only a wrong pair counts: that is the guess the limit is there to stop.
            limites.contar(limite, request)
            form.add_error(
                None,
                _(
                    "No encontramos una solicitud con ese número de radicado y ese código de consulta. "
                    "Revise los dos datos e intente de nuevo."
                ),
            )
        return _pagina_consultar(request, form)
    # The blank form is the same for everyone but its CSRF token (civic.sitio.en_cache).
    return en_cache.pagina(request, lambda: _pagina_consultar(request, ConsultaForm()))


def _pagina_consultar(request, form: ConsultaForm) -> HttpResponse:
    ayudas = [e.ayuda_consulta for e in registro.todos() if e.ayuda_consulta]
    return render(request, "civic/expedientes/consultar.html", {"form": form, "ayudas": ayudas})


def exigir_consulta(request, clave: str):
    """The `clave` expediente this session proved, or None after telling the citizen what to do."""
    pk = consulta.vigente(request, clave)
    objeto = registro.expediente(clave).model._default_manager.filter(pk=pk).first() if pk else None
    if objeto is None:
        messages.warning(
            request,
            _("Por seguridad, la consulta se cerró. Escriba de nuevo el número de radicado y el código."),
        )
    return objeto


@never_cache
@require_GET
def seguimiento(request, clave: str):
    """The tracking page of an expediente whose app declares no page of its own: state, term, timeline."""
    try:
        expediente = registro.expediente(clave)
    except KeyError:
        raise Http404 from None
    if expediente.url_seguimiento:
        # The app tracks its expedientes on a page of its own: go there.
        return redirect(expediente.ruta_seguimiento())
    objeto = exigir_consulta(request, clave)
    if objeto is None:
        return redirect("expedientes:consultar")
    hoy = timezone.localdate()
    maquina = type(objeto).maquina
    vencimiento = (
        getattr(objeto, expediente.campo_vencimiento, None) if expediente.campo_vencimiento else None
    )
    en_curso = getattr(objeto, maquina.campo) in maquina.en_curso
    contexto = {
        "expediente": expediente,
        "objeto": objeto,
        "estado": getattr(objeto, f"get_{maquina.campo}_display")(),
        "eventos": list(objeto.eventos.publicos().order_by("momento", "id")),
        "vencimiento": vencimiento,
        "dias_restantes": semaforo.dias_restantes(vencimiento, hoy) if en_curso and vencimiento else None,
    }
    return render(request, expediente.plantilla_seguimiento, contexto)


@never_cache
@require_http_methods(["GET", "POST"])
def recuperar(request):
    """«¿Perdió su código?»: a new code to the e-mail on record. Every request counts against the limit
    (each one voids a code and sends mail), and every outcome gets the same redirect and the same page,
    so the form reveals neither which radicados exist nor which have an e-mail."""
    if request.method == "POST":
        limite = limites.recuperar()
        if limites.agotado(limite, request):
            return demasiados_intentos(request, limite)
        limites.contar(limite, request)
        form = RecuperarCodigoForm(request.POST)
        if form.is_valid():
            codigos.enviar_codigo_nuevo(form.cleaned_data["radicado"])
            return redirect("expedientes:recuperar_enviado")
        return render(request, "civic/expedientes/recuperar.html", {"form": form})
    return en_cache.pagina(
        request, lambda: render(request, "civic/expedientes/recuperar.html", {"form": RecuperarCodigoForm()})
    )


@never_cache
@require_GET
def recuperar_enviado(request):
    return render(request, "civic/expedientes/recuperar_enviado.html")


@require_POST
def salir(request):
    consulta.cerrar(request)
    messages.info(request, _("Cerró la consulta de su solicitud."))
    return redirect("expedientes:consultar")
