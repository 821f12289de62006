"""Markdown to safe HTML: curators are trusted, but pasted HTML is not."""

import html
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions.toc import slugify_unicode

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "strong", "em", "b", "i", "abbr", "cite", "sub", "sup",
    "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
# A table of contents pays off only once a guide has a few sections.
TOC_MIN_SECTIONS = 3


@dataclass
class RenderedBody:
    html: str
    toc: list  # [{"id", "name", "children": [...]}] from the toc extension
    show_toc: bool


def clean_html(raw: str) -> str:
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )


def render_markdown(text: str) -> RenderedBody:
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "toc", "abbr", "def_list"],
        extension_configs={"toc": {"toc_depth": "1-3", "slugify": _section_id}},
    )
    # A level-1 heading would compete with the page title, so it becomes level 2.
    raw = converter.convert(text or "").replace("<h1", "<h2").replace("</h1>", "</h2>")
    toc = converter.toc_tokens
    return RenderedBody(html=clean_html(raw), toc=toc, show_toc=_count(toc) >= TOC_MIN_SECTIONS)


def _section_id(value: str, separator: str) -> str:
    # Prefixed so that a heading called "Main" cannot clash with the page's own ids.
    return "section-" + slugify_unicode(value, separator)


def _count(toc: list) -> int:
    return sum(1 + _count(entry["children"]) for entry in toc)


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown text without markup, for snippets."""
    rendered = markdown.markdown(markdown_text or "", extensions=["tables", "sane_lists"])
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())
