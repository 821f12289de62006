"""Families of hostile texts for the checker, at any size (tests and bench/).

Each family repeats a shape that once cost the engine more than linear work:
passives repeated with "and", near-matches, one endless clause, thousands of
list items, many items sharing one lead-in, every trigger's words in a row,
runs of sentence marks, pronouns after negated clauses, invisible characters.
"""

import re

from jdcheck import default_ruleset


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _trigger_words() -> str:
    """Every trigger pattern's words in its literal form, one after another."""
    words = []
    for task in default_ruleset().tasks.values():
        for pattern in task.triggers:
            literal = re.sub(r"\[[^\]]*\]|\*|@\w+", " ", pattern)
            literal = re.sub(r"\(([^|)]*)[^)]*\)", r"\1", literal)
            words += [w.split("|")[0].lstrip("=") for w in literal.split()]
    return " ".join(words) + " "


FAMILIES = {
    "peer_passives": lambda n: _repeat(
        "progress notes are reviewed by the peer specialist and ", n
    ),
    "staff_passives": lambda n: _repeat("medications are administered by staff and ", n),
    "near_matches": lambda n: _repeat(
        "administer the transport the document the attend the review the ", n
    ),
    "endless_clause": lambda n: _repeat(
        "the peer specialist supports members with community activities and ", n
    ),
    "list_items": lambda n: _repeat("• Transport members to medical appointments\n", n),
    "shared_lead": lambda n: "The peer specialist "
    + _repeat("supports members in the community ", n // 4)
    + " and will: "
    + _repeat("pass medications to residents; ", n - n // 4),
    "trigger_words": lambda n: _repeat(_trigger_words(), n),
    "sentence_marks": lambda n: _repeat("!" * 500 + " e.g. A " + "." * 500 + " x ", n),
    "pronoun_chain": lambda n: _repeat(
        "Although peers do not write in the record, they are expected to read it; ", n
    ),
    "invisible_marks": lambda n: _repeat("adminis\u200bter medi\u00adcations \u2060", n),
}

SIZES = (16_000, 64_000, 200_000)
