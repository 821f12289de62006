"""Toolkit documents in the site search: published documents only, ranked, with snippets."""

from portal.search import SearchHit, Tier, ranked, snippet
from toolkit.models import Document
from toolkit.rendering import plain_text

WEIGHTED_FIELDS = {"A": ("title",), "B": ("summary", "publisher"), "C": ("body",)}


def search(query: str, user) -> list[SearchHit]:
    # Drafts never appear, not even for curators: search shows what the public sees.
    documents = Document.objects.published().only(
        "title", "slug", "summary", "body", "kind", "publisher"
    )
    return [
        SearchHit(
            title=document.title,
            url=document.get_absolute_url(),
            snippet=snippet(f"{document.summary} {plain_text(document.body)}", query),
            kind=f"Toolkit {document.get_kind_display().lower()}",
            rank=rank,
            tier=Tier.RESOURCE if document.kind == Document.Kind.RESOURCE else Tier.GUIDE,
            slug=document.slug,
        )
        for document, rank in ranked(documents, WEIGHTED_FIELDS, query)
    ]
