"""The public directory, an organization's page and certificate verification.

Verification is an oracle for certificate codes: the failed lookups count against a per-IP limit, as the
tracking form's do (civic.expedientes.limites); an authentic code, however often checked, counts nothing.
"""

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from civic.expedientes import limites
from civic.expedientes.vistas import demasiados_intentos
from civic.sitio import en_cache
from civic.sitio.paginas import pagina_y_consulta
from organizaciones.forms import BuscarForm, VerificarForm
from organizaciones.selectors import publico as selectores
from organizaciones.selectors.certificados import verificar as verificar_certificado
from organizaciones.services.certificados import normalizar_codigo

POR_PAGINA = 25


def limite_verificar() -> limites.Limite:
    """Failed certificate lookups per IP address: as many as the tracking form allows."""
    return limites.Limite(
        "verificar_certificado", settings.LIMITE_CONSULTAR, settings.LIMITE_CONSULTAR_SEGUNDOS
    )


@require_GET
def directorio(request):
    form = BuscarForm(request.GET or None)
    filtros = form.filtros()
    pagina, consulta = pagina_y_consulta(request, selectores.directorio(**filtros), POR_PAGINA)
    return render(
        request,
        "organizaciones/directorio.html",
        {
            "form": form,
            "pagina": pagina,
            "filtrado": any(filtros.values()),
            "consulta": consulta,
        },
    )


@require_GET
def organizacion(request, pk: int):
    ficha = selectores.ficha(pk)
    if ficha is None:
        raise Http404
    return render(request, "organizaciones/organizacion.html", {"ficha": ficha, "o": ficha.organizacion})


@require_GET
def verificar_formulario(request):
    """A GET form: the code goes into the verification page's own address, which the QR also opens."""
    if "codigo" in request.GET:
        form = VerificarForm(request.GET)
        if form.is_valid():
            return redirect("organizaciones:verificar", codigo=form.cleaned_data["codigo"])
        return render(request, "organizaciones/verificar_formulario.html", {"form": form})
    return en_cache.pagina(
        request,
        lambda: render(request, "organizaciones/verificar_formulario.html", {"form": VerificarForm()}),
    )


def _verificacion(request, codigo: str):
    """The certificate's verification, or a response when there is none (too many tries, unknown code)."""
    limite = limite_verificar()
    if limites.agotado(limite, request):
        return None, demasiados_intentos(request, limite)
    resultado = verificar_certificado(codigo) if len(codigo) <= 40 else None
    if resultado is None:
        limites.contar(limite, request)
        contexto = {"codigo": codigo[:40], "form": VerificarForm(initial={"codigo": codigo[:40]})}
        return None, render(
            request, "organizaciones/_publico/verificar_desconocido.html", contexto, status=404
        )
    return resultado, None


@never_cache
@require_GET
def verificar(request, codigo: str):
    resultado, respuesta = _verificacion(request, codigo)
    if respuesta is not None:
        return respuesta
    certificado = resultado.certificado
    if codigo != certificado.codigo:
        # Typed in lower case or without dashes: one address per certificate.
        return redirect("organizaciones:verificar", codigo=certificado.codigo)
    datos = certificado.datos
    dignatarios = selectores.por_cargo(datos.get("dignatarios") or [])
    periodos = {(d["inicio"], d["fin"]) for d in dignatarios}
    return render(
        request,
        "organizaciones/verificar.html",
        {
            "v": resultado,
            "certificado": certificado,
            "datos": datos,
            "dignatarios": dignatarios,
            # One period for the whole junta (the usual case) is said once, above a two-column table.
            "periodo": periodos.pop() if len(periodos) == 1 else None,
            "organizacion": certificado.organizacion,
        },
    )


@never_cache
@require_GET
def certificado_pdf(request, codigo: str):
    resultado, respuesta = _verificacion(request, codigo)
    if respuesta is not None:
        return respuesta
    certificado = resultado.certificado
    respuesta = FileResponse(
        certificado.pdf.open("rb"),
        filename=f"certificado-{normalizar_codigo(certificado.codigo)}.pdf",
        content_type="application/pdf",
    )
    respuesta["X-Content-Type-Options"] = "nosniff"
    return respuesta
