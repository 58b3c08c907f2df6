"""The plan de desarrollo's goals in public: the tree with each goal's progress and traffic light (filtered
by dependencia and comuna), a goal's page with its published milestones and the consejos' commitments that
serve it, and the goals of one dependencia or one comuna. Each reads `rendicion.selectors.metas`: one query
for the whole tree."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from civic.expedientes.formularios import FormularioPublico
from rendicion.selectors import metas as selectores


class FiltroMetasForm(FormularioPublico):
    """Choices from the goals already loaded (no query of its own); a bad value is dropped."""

    dependencia = forms.ChoiceField(label=_("Dependencia responsable"), required=False)
    comuna = forms.ChoiceField(label=_("Comuna o corregimiento"), required=False)

    def __init__(self, *args, dependencias, comunas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependencia"].choices = [
            ("", _("Todas")),
            *[(str(d.pk), d.nombre) for d in dependencias],
        ]
        self.fields["comuna"].choices = [("", _("Todas")), *[(str(c.pk), c.nombre) for c in comunas]]

    def filtros(self) -> dict[str, int | None]:
        if not self.is_bound:
            return {"dependencia": None, "comuna": None}
        self.is_valid()
        datos = getattr(self, "cleaned_data", {})
        return {k: int(datos[k]) if datos.get(k) else None for k in ("dependencia", "comuna")}


def _contexto(arbol) -> dict:
    return {"arbol": arbol, "esperado": arbol.esperado, "luces": arbol.luces(), "total": len(arbol.por_pk)}


@require_GET
def arbol(request):
    todo = selectores.arbol(hoy=timezone.localdate())
    form = FiltroMetasForm(
        request.GET or None,
        dependencias=selectores.dependencias_con_metas(todo),
        comunas=selectores.comunas_con_metas(todo),
    )
    filtros = form.filtros()
    filtrado = any(v is not None for v in filtros.values())
    raices = (
        selectores.filtrado(todo, dependencia_id=filtros["dependencia"], comuna_id=filtros["comuna"])
        if filtrado
        else todo.raices
    )
    return render(
        request,
        "rendicion/metas/arbol.html",
        {**_contexto(todo), "raices": raices, "form": form, "filtrado": filtrado},
    )


@require_GET
def meta(request, pk: int):
    detalle = selectores.detalle(pk, hoy=timezone.localdate())
    if detalle is None:
        raise Http404
    return render(request, "rendicion/metas/meta.html", {"detalle": detalle, "nodo": detalle.nodo})


@require_GET
def de_dependencia(request, sigla: str):
    todo = selectores.arbol(hoy=timezone.localdate())
    dependencia = next(
        (d for d in selectores.dependencias_con_metas(todo) if d.sigla.lower() == sigla.lower()), None
    )
    if dependencia is None:
        raise Http404
    return _lista(
        request,
        todo,
        selectores.de_dependencia(todo, dependencia.pk),
        _("Metas de %(nombre)s") % {"nombre": dependencia.nombre},
        dependencia=dependencia,
    )


@require_GET
def de_comuna(request, pk: int):
    todo = selectores.arbol(hoy=timezone.localdate())
    comuna = next((c for c in selectores.comunas_con_metas(todo) if c.pk == pk), None)
    if comuna is None:
        raise Http404
    return _lista(
        request,
        todo,
        selectores.de_comuna(todo, comuna.pk),
        _("Metas en %(nombre)s") % {"nombre": comuna.nombre},
        comuna=comuna,
    )


def _lista(request, todo, nodos, titulo: str, **filtro):
    """The goals of one dependencia or one comuna (`filtro` names which, for the page)."""
    return render(
        request, "rendicion/metas/lista.html", {**_contexto(todo), "nodos": nodos, "titulo": titulo, **filtro}
    )
