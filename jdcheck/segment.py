"""Split a job description into the units a reader sees.

Units are headings, lead-ins (a line or phrase ending with a colon, whose
items inherit it: "Duties include:", "The peer specialist will not be asked
to:"), and text units: bullet items, sentences and semicolon items. Every unit
is a span of the original text, so evidence always points back into it.
"""

import re
from dataclasses import dataclass

HEADING = "heading"
LEAD = "lead"
TEXT = "text"

_BULLET = re.compile(
    r"(?:[•●▪■◦·‣⁃○►▸✓✔\-*–—]+|\(?\d{1,2}[.)]|\(?[A-Za-z][.)])(?=\s)\s*"
)
_INLINE_BULLET = re.compile(r"\s[•●▪■◦‣►▸]\s")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
# A sentence ends at . ! ? (plus closing quotes or brackets) before a space
# and a capital letter, digit or opening quote. The look-behind makes a search
# try a run of marks once, from its start, so "!!!!..." stays linear.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9$])")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc dr mr mrs ms st no vs approx incl jr sr inc co a.m p.m u.s dept ext "
    "min max hrs".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
# How far back to look for the word before a sentence end: longer than any
# abbreviation, and short, so a long run of letters is not searched again and again.
_WORD_BEFORE_REACH = 16
_TERMINAL = ".!?;:"
# "Pay: $18/hr", "About us: ..." - up to four words, capitalised, then a colon.
_INLINE_HEADING = re.compile(r"([A-Z][\w'’&/-]*(?: [\w'’&/-]+){0,3}):\s+(?=\S)")


@dataclass(frozen=True)
class Unit:
    """A span of the text with its role, and the lead-in it inherits."""

    start: int
    end: int
    kind: str  # HEADING, LEAD or TEXT
    lead: tuple[int, int] | None = None


def segment(text: str) -> list[Unit]:
    """Units of ``text`` in reading order."""
    units: list[Unit] = []
    lead: tuple[int, int] | None = None
    pending_blank = False
    block: list | None = None  # [start, end, lead] of the paragraph being built

    def flush():
        nonlocal block
        if block is not None:
            units.extend(_split_block(text, *block))
            block = None

    lines = [_strip(text, a, b) for a, b in _lines(text)]
    # first character of the next non-blank line, for each line
    following_chars, following = [], ""
    for a, b in reversed(lines):
        following_chars.append(following)
        if a < b:
            following = text[a]
    following_chars.reverse()
    for (start, end), following in zip(lines, following_chars, strict=True):
        if start == end:
            pending_blank = True
            continue
        line = text[start:end]
        marker = _BULLET.match(line)
        is_bullet = marker is not None and end - start > marker.end()
        if is_bullet:
            start += marker.end()
        md = _MARKDOWN_HEADING.match(line)
        if md and not is_bullet:
            flush()
            units.append(Unit(start + md.end(), end, HEADING))
            lead, pending_blank = None, False
            continue
        if not is_bullet and _is_heading(line) and not following.islower():
            flush()
            units.append(Unit(start, end, HEADING))
            lead, pending_blank = None, False
            continue
        if text[end - 1] == ":" and _word_count(text[start:end]) <= 25:
            flush()
            units.append(Unit(start, end, LEAD, lead))
            lead, pending_blank = (start, end), False
            continue
        if pending_blank and not is_bullet:
            lead = None  # a new paragraph after a blank line ends the list
        label = None if is_bullet else _INLINE_HEADING.match(line)
        if label:
            # "About us: We are ..." - a heading and the lead of its own line
            flush()
            units.append(Unit(start, start + label.end(1), HEADING))
            rest = _strip(text, start + label.end(), end)
            block = [rest[0], rest[1], (start, start + label.end(1) + 1)]
            lead, pending_blank = None, False
            continue
        continuation = (
            block is not None
            and not is_bullet
            and not pending_blank
            and (text[block[1] - 1] not in _TERMINAL or text[start].islower())
        )
        if continuation:
            block[1] = end
        else:
            flush()
            block = [start, end, lead]
        pending_blank = False
    flush()
    return units


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_count(s: str) -> int:
    return len(s.split())


def _is_heading(line: str) -> bool:
    """A short title line: no sentence punctuation, capitalised."""
    words = line.rstrip(":").split()
    if not words or line[-1] in ".!?;," or _SENTENCE_END.search(line) or ";" in line:
        return False
    if words[-1].lower() in _SMALL_WORDS:
        return False  # "Provide transportation to" continues on the next line
    if line.endswith(":"):
        # "This position does not:" and "You will:" lead into items; they are not titles
        return len(words) <= 4 and words[-1].lower() not in _LEAD_ENDINGS
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if len(words) <= 6:
        return True
    letters = [c for c in line if c.isalpha()]
    capitals = all(c.isupper() for c in letters) or all(
        w[0].isupper() or not w[0].isalpha() or w in _SMALL_WORDS for w in words
    )
    return len(words) <= 10 and capitals


_SMALL_WORDS = frozenset("a an the and or of for to in on at with by".split())
_LEAD_ENDINGS = frozenset(
    "not never will won't include includes including does do must may can should shall "
    "be are is".split()
)


def _split_block(text: str, start: int, end: int, lead):
    """Sentences of a paragraph or bullet, then semicolon items, then inline bullets."""
    for s_start, s_end in _sentences(text, start, end):
        yield from _split_sentence(text, s_start, s_end, lead)


def _sentences(text: str, start: int, end: int):
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = _WORD_BEFORE.search(
            text, max(cursor, m.start() + 1 - _WORD_BEFORE_REACH), m.start() + 1
        )
        word = before.group(1).lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        yield _strip(text, cursor, m.start() + len(m.group().rstrip()))
        cursor = m.end()
    if cursor < end:
        yield _strip(text, cursor, end)


def _split_sentence(text: str, start: int, end: int, lead):
    """Split on inline bullets and semicolons; items after a colon inherit what precedes it."""
    pieces = _cut(text, start, end, _INLINE_BULLET)
    for p_start, p_end in pieces:
        inner_lead = lead
        colon = text.find(":", p_start, p_end)
        semis = _cut(text, p_start, p_end, re.compile(";"))
        if len(semis) > 1 and colon != -1 and colon < semis[0][1]:
            # "Duties include: a; b; c" - the phrase before the colon leads each item
            inner_lead = (p_start, colon + 1)
            yield Unit(p_start, colon + 1, LEAD, lead)
            semis[0] = _strip(text, colon + 1, semis[0][1])
        for s_start, s_end in semis:
            if s_start < s_end:
                yield Unit(s_start, s_end, TEXT, inner_lead)


def _cut(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in separator.finditer(text, start, end):
        spans.append(_strip(text, cursor, m.start()))
        cursor = m.end()
    spans.append(_strip(text, cursor, end))
    return [s for s in spans if s[0] < s[1]]
