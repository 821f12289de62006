"""The phrase language curators write rules in, and its linear-time matcher.

A pattern is a phrase, never a regular expression:

    administer * medication|meds        words, a gap, word alternatives
    [the] (rep payee|representative payee)   an optional word, phrase alternatives
    PHQ-9                                punctuation is ignored: "phq 9"

- A word matches its common inflections: ``administer`` also matches
  administers, administered, administering; ``note`` matches notes, noted.
- ``a|b`` between bare words chooses one word; inside ``( )`` or ``[ ]`` the
  bar separates whole phrases: ``(rep payee|representative payee)``.
- ``[...]`` is optional.
- ``*`` skips up to four words (it cannot start or end a pattern).
- ``=word`` matches that exact form only: ``=chart`` is the verb, not "charts".
- ``@class`` matches any word or phrase of a named word family (``@served``:
  the people a program serves; ``@meds``: medication and its synonyms), so a
  rule written for "residents" also reads "tenants", "guests" or "members".
- Case and punctuation never matter.

This module parses a pattern into words, gaps and choices; the text's words
come from jdcheck.words, and jdcheck.phraseset compiles parsed patterns into
automata that match in one pass over the words.
"""

import re
from dataclasses import dataclass

from .lexicon import WORD_CLASSES
from .words import WORD, normalize_word, word_forms


class PatternError(ValueError):
    """A malformed pattern; the message says what and where."""

    def __init__(self, pattern: str, position: int, problem: str):
        self.pattern = pattern
        self.position = position
        self.problem = problem
        super().__init__(f"{problem} at position {position} in pattern {pattern!r}")


_PATTERN_TOKEN = re.compile(r"\s+|[\[\]()|*]|[^\s\[\]()|*]+")
_BAD_CHARS = set("\\+?{}^$")


@dataclass(frozen=True)
class Words:
    """One word position: any of these normalised forms."""

    forms: frozenset[str]


@dataclass(frozen=True)
class Gap:
    pass


@dataclass(frozen=True)
class Choice:
    """Alternative sequences; optional when ``optional`` is set."""

    options: tuple[tuple, ...]
    optional: bool = False


# Bounds on one pattern, so that no curator's pattern can make checking slow
# (the matcher's work per word grows with a pattern's alternatives and gaps).
# The shipped rules stay well inside them; per-task bounds are in ruleset.py.
MAX_PATTERN_CHARS = 600
MAX_PATTERN_GAPS = 3
MAX_PATTERN_ALTERNATIVES = 80  # "|" in one pattern
MAX_PATTERN_NESTING = 3  # brackets inside brackets


def parse(pattern: str) -> tuple:
    """Parse a pattern into a sequence of Words, Gap and Choice nodes."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(
            pattern, MAX_PATTERN_CHARS,
            f"A pattern can be at most {MAX_PATTERN_CHARS} characters long (this one has "
            f"{len(pattern)}); split it into several patterns",
        )
    pieces = [(m.group(), m.start()) for m in _PATTERN_TOKEN.finditer(pattern)]
    _check_size(pattern, pieces)
    parser = _Parser(pattern, pieces)
    sequence = parser.alternatives(closing=None)
    if not sequence:
        raise PatternError(pattern, 0, "Empty pattern")
    _check_gaps(pattern, sequence)
    if not _can_consume(sequence):
        raise PatternError(pattern, 0, "Pattern matches no words")
    return sequence


def _check_size(pattern: str, pieces: list[tuple[str, int]]) -> None:
    """Refuse, before parsing, what would make the pattern expensive to match
    or too deep to parse (600 nested brackets)."""
    depth = gaps = bars = 0
    for piece, position in pieces:
        if piece in "([":
            depth += 1
            if depth > MAX_PATTERN_NESTING:
                raise PatternError(
                    pattern, position,
                    f"Brackets can be nested at most {MAX_PATTERN_NESTING} deep",
                )
        elif piece in ")]":
            depth -= 1
        elif piece == "*":
            gaps += 1
            if gaps > MAX_PATTERN_GAPS:
                raise PatternError(
                    pattern, position, f"A pattern can have at most {MAX_PATTERN_GAPS} '*' gaps"
                )
        elif piece == "|":
            bars += 1
            if bars > MAX_PATTERN_ALTERNATIVES:
                raise PatternError(
                    pattern, position,
                    f"A pattern can have at most {MAX_PATTERN_ALTERNATIVES} alternatives ('|'); "
                    "split it into several patterns",
                )


class _Parser:
    def __init__(self, pattern: str, pieces: list[tuple[str, int]]):
        self.pattern = pattern
        self.pieces = [p for p in pieces if not p[0].isspace()]
        self.i = 0

    def error(self, position: int, problem: str):
        raise PatternError(self.pattern, position, problem)

    def peek(self):
        return self.pieces[self.i] if self.i < len(self.pieces) else (None, len(self.pattern))

    def alternatives(self, closing: str | None) -> tuple:
        """Phrases separated by '|' up to ``closing`` (top level: word-level bars)."""
        if closing is None:
            return self.sequence(closing, word_bars=True)
        options = [self.sequence(closing, word_bars=False)]
        while self.peek()[0] == "|":
            self.i += 1
            options.append(self.sequence(closing, word_bars=False))
        return options  # type: ignore[return-value]

    def sequence(self, closing: str | None, word_bars: bool) -> tuple:
        items: list = []
        while True:
            piece, pos = self.peek()
            if piece is None:
                if closing is not None:
                    self.error(pos, f"Missing '{closing}'")
                break
            if piece == closing:
                break
            if piece in ")]":
                self.error(pos, f"Unbalanced '{piece}'")
            if piece == "|":
                if not word_bars:
                    break
                if not items or not isinstance(items[-1], (Words, Choice)):
                    self.error(pos, "Empty alternative before '|'")
                self.i += 1
                nxt = self.atom()
                if nxt is None:
                    self.error(pos, "Empty alternative after '|'")
                items[-1] = _merge_alternatives(items[-1], nxt)
                continue
            atom = self.atom()
            items.append(atom)
        if closing is not None and not items:
            self.error(self.peek()[1], "Empty alternative")
        return tuple(_flatten(items))

    def atom(self):
        piece, pos = self.peek()
        if piece is None or piece in "|)]":
            return None
        self.i += 1
        if piece == "*":
            return Gap()
        if piece.startswith("@"):
            family = WORD_CLASSES.get(piece[1:].lower())
            if family is None:
                self.error(pos, f"Unknown word family {piece!r} (known: "
                           f"{', '.join('@' + k for k in sorted(WORD_CLASSES))})")
            return Choice(tuple(_word_class(piece[1:].lower())))
        if piece in "([":
            closing = ")" if piece == "(" else "]"
            options = self.alternatives(closing)
            if self.peek()[0] != closing:
                self.error(pos, f"Unbalanced '{piece}'")
            self.i += 1
            return Choice(tuple(options), optional=piece == "[")
        bad = _BAD_CHARS.intersection(piece)
        if bad:
            self.error(pos, f"Character {sorted(bad)[0]!r} is not part of the phrase language")
        exact = piece.startswith("=")
        words = [w for m in WORD.finditer(piece) for w in normalize_word(m.group())]
        if not words:
            self.error(pos, f"No word in {piece!r}")
        seq = tuple(Words(frozenset({w}) if exact else word_forms(w)) for w in words)
        return seq[0] if len(seq) == 1 else Choice((seq,))


def _word_class(name: str) -> tuple[tuple, ...]:
    """The options of a word family: one sequence of words per phrase."""
    options = []
    for phrase in WORD_CLASSES[name].split("|"):
        words = [w for m in WORD.finditer(phrase) for w in normalize_word(m.group())]
        options.append(tuple(Words(word_forms(w)) for w in words))
    return tuple(options)


def _merge_alternatives(left, right):
    """Word-level bar: ``a|b`` chooses between the neighbouring atoms."""
    left_options = left.options if isinstance(left, Choice) and not left.optional else ((left,),)
    right_options = (
        right.options if isinstance(right, Choice) and not right.optional else ((right,),)
    )
    return Choice(left_options + right_options)


def _flatten(items):
    for item in items:
        if isinstance(item, Choice) and not item.optional and len(item.options) == 1:
            yield from item.options[0]
        else:
            yield item


def _can_consume(sequence) -> bool:
    for item in sequence:
        if isinstance(item, Words):
            return True
        if isinstance(item, Choice) and not item.optional:
            if all(_can_consume(opt) for opt in item.options):
                return True
    return False


def _check_gaps(pattern: str, sequence) -> None:
    """A gap sits between words: not last, not doubled (a leading gap, even
    after optional words, is caught when the automaton is built)."""
    if sequence and isinstance(sequence[-1], Gap):
        raise PatternError(pattern, pattern.rfind("*"), "A pattern cannot end with '*'")
    for a, b in zip(sequence, sequence[1:], strict=False):
        if isinstance(a, Gap) and isinstance(b, Gap):
            raise PatternError(pattern, pattern.find("*"), "Two '*' in a row")


