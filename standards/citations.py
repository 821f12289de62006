"""Sources as a reader cites them: publisher, title and year, never a file name.

A seed document's file name (`SourceDocument.file_name`, e.g.
"004_24d69d2ab747aade.txt") and its short key ("004") are the seeding code's
handles only. Text written before sources were cited by title (a checker rule's
`source` in its history, say) is shown with those handles replaced.
"""

import re

# A seed document's file name, and its key where it leads a citation ("004, Core Tasks").
SEED_FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
_LEADING_KEY = re.compile(r"^\d{3}(?=\s*,)")


def citation(document) -> str:
    """The document as "Publisher, Title (year)", the way the public pages cite it."""
    text = f"{document.publisher}, {document.title}" if document.publisher else document.title
    return f"{text} ({document.year})" if document.year else text


def cited_by_title(text: str, documents) -> str:
    """`text` with each seed file name (and a leading key) replaced by its document's citation."""
    by_handle = {}
    for document in documents:
        by_handle[document.key] = citation(document)
        if document.file_name:
            by_handle[document.file_name] = citation(document)

    text = _LEADING_KEY.sub(lambda m: by_handle.get(m.group(0), m.group(0)), text)
    return SEED_FILE_NAME.sub(lambda m: by_handle.get(m.group(0), "a source document"), text)
