"""Words the readiness pages, the print view and the PDF share."""

from standards.citations import citation as document_citation


def citation(statement) -> str:
    """The statement's source as the public pages cite it (publisher, title, year), then its section."""
    section = f", {statement.source_section}" if statement.source_section else ""
    return f"{document_citation(statement.source_document)}{section}"


def percent_words(percent) -> str:
    return "not applicable" if percent is None else f"{percent}%"


def change_words(change) -> str:
    if change.difference is None:
        return "—"
    if change.difference == 0:
        return "No change"
    points = abs(change.difference)
    return f"{'Up' if change.difference > 0 else 'Down'} {points} point{'' if points == 1 else 's'}"


def standard_asks(statement) -> str:
    """What the standard asks, in the portal's words: its role standard's summary."""
    standard = statement.role_standard
    return standard.summary if standard and standard.summary else statement.wording
