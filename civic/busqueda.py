"""Full-text search in Spanish that ignores accents ("sesion" finds "sesión"), for every app's texts.

PostgreSQL: a text search configuration `CONFIG` (a copy of `spanish` whose words pass through
`unaccent` before the Spanish stemmer) created by the migration operation `ConfiguracionEspanol`; the app
stores a `tsvector` (`vector(...)`) when its text is final, indexes it with `civic.indices.IndiceBusqueda`
and ranks with `SearchRank`, with snippets from `SearchHeadline`. SQLite (the embedded default) has none
of it: `buscar` falls back to a case-insensitive match of every word, with no rank and no snippet.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import CombinedExpression
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "es_sin_tildes"
# The marks around a matched word in a snippet: characters no text has, replaced after escaping it.
_INICIO, _FIN = "\x01", "\x02"


class ConfiguracionEspanol(migrations.RunSQL):
    """unaccent and the `es_sin_tildes` configuration on PostgreSQL; nothing elsewhere."""

    def __init__(self):
        super().__init__(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS unaccent",
                # CONFIG is this module's constant, not input.
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN "  # noqa: S608
                f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = spanish); "
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
                "WITH unaccent, spanish_stem; END IF; END $$",
            ],
            reverse_sql=[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}"],
        )

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def en_postgres() -> bool:
    return connection.vendor == "postgresql"


def vector(*campos: str, pesos: str = "ABCD") -> SearchVector | CombinedExpression | None:
    """The tsvector of `campos` (weighted A, B… in order) to store; None on SQLite (nothing to store)."""
    if not en_postgres():
        return None
    resultado: SearchVector | CombinedExpression | None = None
    for campo, peso in zip(campos, pesos, strict=False):
        parte = SearchVector(campo, config=CONFIG, weight=peso)
        resultado = parte if resultado is None else resultado + parte
    return resultado


def buscar(
    consulta: QuerySet, texto: str, *, vector_campo: str, texto_campo: str, campos_respaldo: tuple[str, ...]
) -> QuerySet:
    """Rows of `consulta` matching `texto`, best first, each with `rango` and `fragmento` (the matched
    words between marks: show it with `resaltar`); on SQLite every word must appear in one of
    `campos_respaldo`, in the order of `consulta`, and `fragmento_de` makes the snippet."""
    texto = " ".join(texto.split())
    if not texto:
        return consulta.none()
    if en_postgres():
        pregunta = SearchQuery(texto, config=CONFIG, search_type="websearch")
        return (
            consulta.filter(**{vector_campo: pregunta})
            .annotate(
                rango=SearchRank(F(vector_campo), pregunta),
                fragmento=SearchHeadline(
                    texto_campo,
                    pregunta,
                    config=CONFIG,
                    start_sel=_INICIO,
                    stop_sel=_FIN,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                ),
            )
            .order_by("-rango")
        )
    condicion = Q()
    for palabra in texto.split():
        alguna = Q()
        for campo in campos_respaldo:
            alguna |= Q(**{f"{campo}__icontains": palabra})
        condicion &= alguna
    return consulta.filter(condicion)


def resaltar(fragmento: str | None) -> SafeString:
    """A snippet as HTML: its text escaped, its matched words in <mark>."""
    html = escape(fragmento or "")
    return mark_safe(html.replace(_INICIO, "<mark>").replace(_FIN, "</mark>"))  # noqa: S308 (escaped above)


def _plano(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto.lower()) if unicodedata.category(c) != "Mn")


def fragmento_de(texto: str, pregunta: str, *, ancho: int = 120) -> str:
    """The SQLite stand-in for SearchHeadline: the text around the first matched word, words marked.
    Accents are ignored as on PostgreSQL (the plain text keeps the offsets: NFD drops only marks)."""
    plano = _plano(texto)
    if len(plano) != len(texto):  # a character that decomposes into two letters: no offsets to trust
        plano = texto.lower()
    palabras = [_plano(p) for p in pregunta.split() if p.strip()]
    posiciones = [plano.find(p) for p in palabras if plano.find(p) >= 0]
    inicio = max(min(posiciones, default=0) - ancho // 2, 0)
    fin = min(inicio + ancho * 2, len(texto))
    trozo, plano_trozo = texto[inicio:fin], plano[inicio:fin]
    if palabras:
        patron = re.compile("|".join(re.escape(p) for p in palabras))
        partes, ultimo = [], 0
        for hallado in patron.finditer(plano_trozo):
            partes += [trozo[ultimo : hallado.start()], _INICIO, trozo[hallado.start() : hallado.end()], _FIN]
            ultimo = hallado.end()
        trozo = "".join([*partes, trozo[ultimo:]])
    return ("…" if inicio else "") + trozo + ("…" if fin < len(texto) else "")
