"""E-mail subscriptions without an account: subscribe (double opt-in), confirm, unsubscribe in one click.

Nothing here tells whether an address was already subscribed: every request lands on the same "check
your e-mail" page. Links in e-mails only show a page with a button on GET, because mail scanners open
(prefetch) every link; the change is the button's POST.
"""

from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from civic.expedientes import limites
from civic.expedientes.admin import volcar_error
from civic.sitio.politica import POLITICA_DATOS_VERSION
from consejos.forms_suscripcion import SuscripcionForm, valor_inicial
from consejos.selectors import suscripciones as selectores
from consejos.services import suscripciones as servicios


def limite_suscribir() -> limites.Limite:
    """Subscription requests per IP address: each one e-mails an address someone typed."""
    return limites.Limite("consejos_suscribir", 10, 60 * 60)


def _limite_agotado(limite: limites.Limite, *, enviado: bool) -> str:
    datos = {"maximo": limite.maximo, "minutos": max(1, limite.segundos // 60)}
    aviso = (
        _("Desde esta conexión se pidieron %(maximo)s suscripciones en la última hora, el máximo permitido.")
        % datos
    )
    if enviado:
        siguiente = _("Lo que escribió sigue abajo: espere %(minutos)s minutos y envíelo de nuevo.") % datos
    else:
        siguiente = _("Espere %(minutos)s minutos y vuelva a esta página para suscribirse.") % datos
    return f"{aviso} {siguiente}"


def _formulario(request, form, *, limite=None):
    contexto = {"form": form, "politica_version": POLITICA_DATOS_VERSION}
    if limite is None:
        return render(request, "consejos/suscribir.html", contexto)
    contexto["aviso_limite"] = _limite_agotado(limite, enviado=form.is_bound)
    respuesta = render(request, "consejos/suscribir.html", contexto, status=HTTPStatus.TOO_MANY_REQUESTS)
    respuesta["Retry-After"] = str(limite.segundos)
    return respuesta


@never_cache
@require_http_methods(["GET", "POST"])
def suscribir(request):
    limite = limite_suscribir()
    if request.method == "GET":
        form = SuscripcionForm(initial={"seguir": valor_inicial(request.GET)})
        if limites.agotado(limite, request):  # told before filling the form, not after
            return _formulario(request, form, limite=limite)
        return _formulario(request, form)

    form = SuscripcionForm(request.POST)
    if limites.agotado(limite, request):
        form.is_valid()  # what was typed is kept, with its own errors
        return _formulario(request, form, limite=limite)
    if form.is_valid():
        try:
            servicios.suscribir(
                correo=form.cleaned_data["correo"],
                # Ley 1581/2012 art. 9: the service stores which policy text was authorized, and when.
                autorizacion_datos_version=POLITICA_DATOS_VERSION,
                **form.destino(),
            )
        except ValidationError as error:
            volcar_error(form, error)
        else:
            limites.contar(limite, request)
            return redirect("consejos:suscripcion_enviada")
    return _formulario(request, form)


@require_GET
def suscripcion_enviada(request):
    return render(request, "consejos/suscripcion_enviada.html")


def _desconocida(request, *, baja: bool = False):
    """The link is not (or no longer) valid: say why it may be and what to do."""
    return render(
        request, "consejos/suscripcion_desconocida.html", {"baja": baja}, status=HTTPStatus.NOT_FOUND
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirmar(request, llave: str):
    suscripcion = selectores.por_llave(llave)
    if suscripcion is None or suscripcion.baja_en is not None:
        return _desconocida(request)
    if request.method == "POST":
        servicios.confirmar(llave=llave)
        return redirect("consejos:confirmar", llave=llave)
    if suscripcion.confirmada_en is not None:
        return render(request, "consejos/suscripcion_confirmada.html", {"suscripcion": suscripcion})
    # A GET never confirms: mail scanners open every link in a message.
    return render(request, "consejos/confirmar.html", {"suscripcion": suscripcion})


def _es_un_clic(request) -> bool:
    return request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click"


@csrf_protect
def _baja_navegador(request, llave: str):
    suscripcion = selectores.por_llave(llave)
    if suscripcion is None:
        return _desconocida(request, baja=True)
    if request.method == "POST":
        suscripcion = servicios.dar_de_baja(llave=llave)
    return render(request, "consejos/baja.html", {"suscripcion": suscripcion})


# RFC 8058 one-click unsubscribe: the mail provider (Gmail, Outlook…) POSTs `List-Unsubscribe=One-Click`
# to the List-Unsubscribe address from its own servers, with no cookie and no CSRF token; the secret key
# in the address is the authorization. So the view is exempt, and every other request (the page and its
# button, sent by a browser) goes through the CSRF check as usual.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def baja(request, llave: str):
    if _es_un_clic(request):
        suscripcion = servicios.dar_de_baja(llave=llave)
        if suscripcion is None:
            return _desconocida(request, baja=True)
        return render(request, "consejos/baja.html", {"suscripcion": suscripcion})
    return _baja_navegador(request, llave)
