"""A paginator for tables of a million rows: it never counts the whole filtered table.

`COUNT(*)` over a million requests reads the whole index on every page view. The admin only needs to
know whether there is another page, so the count stops at `tope` rows (a bounded subquery,
`SELECT COUNT(*) FROM (SELECT id … LIMIT tope + 1)`); past that the page says "más de 10.000" and offers
the first `tope / por_pagina` pages. Deeper pages are reached by filtering, which the indexes serve.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

TOPE_CONTEO = 10_000


class PaginadorAcotado(Paginator):
    tope = TOPE_CONTEO

    @cached_property
    def _conteo_acotado(self) -> int:
        # Ordering is irrelevant to a count and would make the subquery sort.
        return self.object_list.order_by().values("pk")[: self.tope + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._conteo_acotado, self.tope)

    @property
    def acotado(self) -> bool:
        """True when there are more rows than the count says."""
        return self._conteo_acotado > self.tope
