"""A public list split in pages: the page asked for (`?pagina=`) and the query string without it, so the
pagination links keep the search or the filters."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def pagina_y_consulta(request: HttpRequest, filas, por_pagina: int) -> tuple[Page, str]:
    """A page of `filas` and the query string without the page number, for the pagination links."""
    pagina = Paginator(filas, por_pagina).get_page(request.GET.get("pagina"))
    consulta = request.GET.copy()
    consulta.pop("pagina", None)
    return pagina, consulta.urlencode()
