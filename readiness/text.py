"""Words the readiness pages, the print view and the PDF share."""


def citation(statement) -> str:
    """The statement's source as a reader cites it: publisher, title (year), section."""
    document = statement.source_document
    year = f" ({document.year})" if document.year else ""
    publisher = f"{document.publisher}, " if document.publisher else ""
    section = f", {statement.source_section}" if statement.source_section else ""
    return f"{publisher}{document.title}{year}{section}"


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
