"""Narrative text of the informes and memorias: Markdown rendered with markdown-it-py and sanitized with
nh3, so that what staff write can never carry a script into a public page."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_ETIQUETAS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def html_de(markdown: str) -> SafeString:
    """Markdown as safe HTML: headings start at h3 (the page owns h1-h2); links keep only their href."""
    html = _MARKDOWN.render(markdown or "")
    for nivel in (3, 2, 1):  # shift down, deepest first, so that "#" in a section is an h3
        html = html.replace(f"<h{nivel}>", f"<h{nivel + 2}>").replace(f"</h{nivel}>", f"</h{nivel + 2}>")
    limpio = nh3.clean(
        html, tags=_ETIQUETAS, attributes={"a": {"href"}, "th": {"scope"}}, link_rel="noopener"
    )
    return mark_safe(limpio)  # noqa: S308 (sanitized by nh3 above)
