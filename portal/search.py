"""Site-wide search: merges the hits of each app's search provider.

A provider is a function `search(query: str, user) -> list[SearchHit]`. Apps
build theirs with `ranked()` and `snippet()` below: PostgreSQL full-text search
(weighted vector, websearch syntax, ranking) on PostgreSQL, a simpler
word-by-word match elsewhere (SQLite in development and tests).
"""

import re
from dataclasses import dataclass
from enum import IntEnum
from importlib import import_module

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

SEARCH_PROVIDERS = ["standards.search.search", "toolkit.search.search"]
SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_HITS = 50
# PostgreSQL's default weights for A, B and C, used by the fallback too.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
# Words of websearch syntax, not of the text.
OPERATORS = {"or", "and", "not"}


class Tier(IntEnum):
    """What a hit is, in the order results list it when their titles match equally:
    the standards the portal states, then its own guides, then resources it points to."""

    STANDARD = 0
    GUIDE = 1
    RESOURCE = 2


@dataclass
class SearchHit:
    title: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around the query's words
    kind: str
    rank: float  # the database's text rank, which only orders hits of one title match and tier
    tier: Tier = Tier.STANDARD
    slug: str = ""


def title_words_matched(hit: SearchHit, terms: list[str]) -> int:
    """How many of the query's words are whole words (or their plural) of the hit's title
    or slug: "payee" names the payee task, while "pay" does not name it."""
    words = set(re.findall(r"[a-z0-9]+", f"{hit.title} {hit.slug}".lower()))
    return sum(1 for term in terms if words & {term, term + "s", term + "es"})


def ordered(hits: list[SearchHit], terms: list[str]) -> list[SearchHit]:
    """Best first: the hit whose title names more of the words, then standards before the
    toolkit's guides before external resources, then the text rank."""
    return sorted(
        hits, key=lambda hit: (-title_words_matched(hit, terms), hit.tier, -hit.rank, hit.title)
    )


def search(query: str, user) -> list[SearchHit]:
    query = query.strip()[:MAX_QUERY_LENGTH]
    terms = query_terms(query)
    if not terms:
        return []
    hits = []
    for provider in providers():
        hits.extend(provider(query, user))
    return ordered(hits, terms)[:MAX_HITS]


def providers():
    for dotted in SEARCH_PROVIDERS:
        module_name, function_name = dotted.rsplit(".", 1)
        yield getattr(import_module(module_name), function_name)


def query_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, without websearch operators, in order, once each."""
    words = [word for word in re.findall(r"\w+", query.lower()) if word not in OPERATORS]
    return list(dict.fromkeys(words))


def search_vector(weighted_fields: dict[str, tuple[str, ...]]) -> SearchVector:
    """One weighted vector over the fields, e.g. {"A": ("title",), "B": ("summary",)}."""
    vectors = [
        SearchVector(*fields, weight=weight, config=SEARCH_CONFIG)
        for weight, fields in weighted_fields.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def ranked(queryset, weighted_fields: dict[str, tuple[str, ...]], query: str, limit=MAX_HITS):
    """[(record, rank)] of the records matching the query, best first, in one query."""
    if connection.vendor == "postgresql":
        vector = search_vector(weighted_fields)
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        records = (
            queryset.annotate(search_document=vector, rank=SearchRank(vector, search_query))
            .filter(search_document=search_query)
            .order_by("-rank")[:limit]
        )
        return [(record, float(record.rank)) for record in records]
    return _ranked_by_words(queryset, weighted_fields, query_terms(query), limit)


def _ranked_by_words(queryset, weighted_fields, terms, limit):
    """Fallback: every word must appear in some field; a word in a heavier field ranks higher."""
    if not terms:
        return []
    fields = [
        (WEIGHTS[weight], name) for weight, names in weighted_fields.items() for name in names
    ]
    condition = Q()
    for term in terms:
        any_field = Q()
        for _, name in fields:
            any_field |= Q(**{f"{name}__icontains": term})
        condition &= any_field
    results = []
    for record in queryset.filter(condition):
        rank = 0.0
        for term in terms:
            rank += max(
                (weight for weight, name in fields if term in _text(record, name).lower()),
                default=0.0,
            )
        results.append((record, rank))
    results.sort(key=lambda pair: -pair[1])
    return results[:limit]


def _text(record, dotted_name: str) -> str:
    value = record
    for part in dotted_name.split("__"):
        value = getattr(value, part, "")
    return str(value or "")


def snippet(text: str, query: str, width: int = 220) -> str:
    """A safe HTML excerpt of plain text around the query's first word found, words in <mark>."""
    terms = query_terms(query)
    text = " ".join(text.split())
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE)
        if terms
        else None
    )
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    end = len(text) if len(text) <= start + width else text.rfind(" ", start, start + width)
    if end <= start:
        end = start + width
    excerpt = text[start:end]
    parts = []
    position = 0
    for match in pattern.finditer(excerpt) if pattern else []:
        parts.append(escape(excerpt[position : match.start()]))
        parts.append("<mark>" + escape(match.group()) + "</mark>")
        position = match.end()
    parts.append(escape(excerpt[position:]))
    html = ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")
    return mark_safe(html)  # every piece of text was escaped above


def search_page(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    hits = search(query, request.user) if query else []
    return render(
        request,
        "portal/search.html",
        {"search_query": query, "hits": hits, "searched": bool(query)},
    )
