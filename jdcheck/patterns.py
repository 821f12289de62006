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

Text is tokenized once into words with their character offsets; patterns
compile into small automata over those words. All patterns of a set run
together by simulating the set of live automaton states, so matching costs
one pass over the words whatever the patterns are: no backtracking.
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import (
    ABBREVIATIONS,
    FIXED_WORDS,
    IRREGULAR,
    SPELLING_VARIANTS,
    SPLIT_VARIANTS,
    WORD_CLASSES,
)

GAP_WORDS = 4

# Words are runs of letters (with an inner apostrophe) or of digits, so that
# "PHQ9", "PHQ-9" and "phq 9" all read as the same two words. Invisible
# characters between letters (zero-width space and joiners, word joiner, soft
# hyphen, BOM) are part of the word, so they cannot hide a duty word; the
# token's offsets still index the original text.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LETTERS = rf"[A-Za-z]+(?:[{INVISIBLE}]+[A-Za-z]+)*"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})?|[0-9]+")
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)

_VOWELS = set("aeiou")



class PatternError(ValueError):
    """A malformed pattern; the message says what and where."""

    def __init__(self, pattern: str, position: int, problem: str):
        self.pattern = pattern
        self.position = position
        self.problem = problem
        super().__init__(f"{problem} at position {position} in pattern {pattern!r}")


class Token(NamedTuple):
    """A word of the text: its normalised form and where it sits."""

    word: str
    start: int
    end: int


def normalize_word(raw: str) -> tuple[str, ...]:
    """Lower-case a word, drop a possessive, fix a known variant spelling."""
    word = raw.translate(_DROP_INVISIBLE).lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word and not word.endswith("n't"):
        word = word.replace("'", "")
    if word in SPLIT_VARIANTS:
        return SPLIT_VARIANTS[word]
    word = SPELLING_VARIANTS.get(word, word)
    return (ABBREVIATIONS.get(word, word),)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into words with offsets into the whole text."""
    tokens = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        for word in normalize_word(m.group()):
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


def word_forms(word: str) -> frozenset[str]:
    """The forms a pattern word matches: itself and its common inflections.

    Generation over-produces harmlessly ("chartting"); it never strips a
    text word, so "note" cannot match "not".
    """
    forms = {word}
    if word in FIXED_WORDS or not word.isalpha() or len(word) < 2:
        return frozenset(forms)
    forms.update(IRREGULAR.get(word, ()))
    last = word[-1]
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")
    forms.add(word + "s")
    if last == "y" and word[-2] not in _VOWELS:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if last == "e":
        forms.update({word + "d", word[:-1] + "ing"})
        if word.endswith("ee"):
            forms.add(word + "ing")
    else:
        forms.update({word + "ed", word + "ing"})
        if last not in _VOWELS and last not in "wxy" and word[-2] in _VOWELS:
            # plan -> planning, counsel -> counselled
            forms.update({word + last + "ed", word + last + "ing"})
    return frozenset(forms)


# --- parsing -------------------------------------------------------------

_PATTERN_TOKEN = re.compile(r"\s+|[\[\]()|*]|[^\s\[\]()|*]+")
_BAD_CHARS = set("\\+?{}^$")


@dataclass(frozen=True)
class _Words:
    """One word position: any of these normalised forms."""

    forms: frozenset[str]


@dataclass(frozen=True)
class _Gap:
    pass


@dataclass(frozen=True)
class _Choice:
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
    """Parse a pattern into a sequence of _Words, _Gap and _Choice nodes."""
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
                if not items or not isinstance(items[-1], (_Words, _Choice)):
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
            return _Gap()
        if piece.startswith("@"):
            family = WORD_CLASSES.get(piece[1:].lower())
            if family is None:
                self.error(pos, f"Unknown word family {piece!r} (known: "
                           f"{', '.join('@' + k for k in sorted(WORD_CLASSES))})")
            return _Choice(tuple(_word_class(piece[1:].lower())))
        if piece in "([":
            closing = ")" if piece == "(" else "]"
            options = self.alternatives(closing)
            if self.peek()[0] != closing:
                self.error(pos, f"Unbalanced '{piece}'")
            self.i += 1
            return _Choice(tuple(options), optional=piece == "[")
        bad = _BAD_CHARS.intersection(piece)
        if bad:
            self.error(pos, f"Character {sorted(bad)[0]!r} is not part of the phrase language")
        exact = piece.startswith("=")
        words = [w for m in _WORD.finditer(piece) for w in normalize_word(m.group())]
        if not words:
            self.error(pos, f"No word in {piece!r}")
        seq = tuple(_Words(frozenset({w}) if exact else word_forms(w)) for w in words)
        return seq[0] if len(seq) == 1 else _Choice((seq,))


def _word_class(name: str) -> tuple[tuple, ...]:
    """The options of a word family: one sequence of words per phrase."""
    options = []
    for phrase in WORD_CLASSES[name].split("|"):
        words = [w for m in _WORD.finditer(phrase) for w in normalize_word(m.group())]
        options.append(tuple(_Words(word_forms(w)) for w in words))
    return tuple(options)


def _merge_alternatives(left, right):
    """Word-level bar: ``a|b`` chooses between the neighbouring atoms."""
    left_options = left.options if isinstance(left, _Choice) and not left.optional else ((left,),)
    right_options = (
        right.options if isinstance(right, _Choice) and not right.optional else ((right,),)
    )
    return _Choice(left_options + right_options)


def _flatten(items):
    for item in items:
        if isinstance(item, _Choice) and not item.optional and len(item.options) == 1:
            yield from item.options[0]
        else:
            yield item


def _can_consume(sequence) -> bool:
    for item in sequence:
        if isinstance(item, _Words):
            return True
        if isinstance(item, _Choice) and not item.optional:
            if all(_can_consume(opt) for opt in item.options):
                return True
    return False


def _check_gaps(pattern: str, sequence) -> None:
    """A gap sits between words: not last, not doubled (a leading gap, even
    after optional words, is caught when the automaton is built)."""
    if sequence and isinstance(sequence[-1], _Gap):
        raise PatternError(pattern, pattern.rfind("*"), "A pattern cannot end with '*'")
    for a, b in zip(sequence, sequence[1:], strict=False):
        if isinstance(a, _Gap) and isinstance(b, _Gap):
            raise PatternError(pattern, pattern.find("*"), "Two '*' in a row")


# --- automata ------------------------------------------------------------

class _AnyWord:
    """Edge label of a gap: contains every word."""

    def __contains__(self, word: object) -> bool:
        return True


ANY = _AnyWord()
_SILENT = "silent"


class PhraseSet:
    """Many compiled patterns matched together in one pass over the words.

    ``find`` returns (pattern index, first token, end token) for every match,
    keeping for each pattern and start only the longest match.
    """

    def __init__(self, patterns: list[str]):
        self.patterns = list(patterns)
        self._label: list = []  # consuming node -> frozenset of words or ANY
        self._next: list[list[int]] = []  # node -> successors (epsilon graph)
        self._accept: dict[int, int] = {}  # node -> pattern index
        starts = []
        for index, pattern in enumerate(self.patterns):
            sequence = parse(pattern)
            start = self._silent()
            end = self._build(sequence, start)
            accept = self._silent()
            self._next[end].append(accept)
            self._accept[accept] = index
            starts.append(start)
        self._finish(starts)

    # Each node is either consuming (label is a word set or ANY) or silent.
    def _node(self, label) -> int:
        self._label.append(label)
        self._next.append([])
        return len(self._label) - 1

    def _silent(self) -> int:
        return self._node(_SILENT)

    def _build(self, sequence, current: int) -> int:
        for item in sequence:
            if isinstance(item, _Words):
                node = self._node(item.forms)
                self._next[current].append(node)
                current = node
            elif isinstance(item, _Gap):
                # up to GAP_WORDS optional wildcard words
                exit_node = self._silent()
                self._next[current].append(exit_node)
                for _ in range(GAP_WORDS):
                    node = self._node(ANY)
                    self._next[current].append(node)
                    self._next[node].append(exit_node)
                    current = node
                current = exit_node
            else:
                exit_node = self._silent()
                if item.optional:
                    self._next[current].append(exit_node)
                for option in item.options:
                    entry = self._silent()
                    self._next[current].append(entry)
                    self._next[self._build(option, entry)].append(exit_node)
                current = exit_node
        return current

    def _closure(self, node: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Consuming nodes and accepted patterns reachable without a word."""
        seen, stack, consuming, accepted = set(), list(self._next[node]), [], []
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            if n in self._accept:
                accepted.append(self._accept[n])
            elif self._label[n] is _SILENT:
                stack.extend(self._next[n])
            else:
                consuming.append(n)
        return tuple(sorted(consuming)), tuple(sorted(accepted))

    def _finish(self, starts: list[int]) -> None:
        consuming = [n for n, lab in enumerate(self._label) if lab is not _SILENT]
        self._follow = {n: self._closure(n) for n in consuming}
        self._words = {n: self._label[n] for n in consuming}
        self._by_first_word: dict[str, list[int]] = {}
        for start in starts:
            first_nodes, _ = self._closure(start)
            for n in first_nodes:
                if self._words[n] is ANY:
                    raise PatternError(
                        self.patterns[starts.index(start)], 0, "A pattern cannot start with '*'"
                    )
                for word in self._words[n]:
                    self._by_first_word.setdefault(word, []).append(n)
        del self._label, self._next

    def first_words(self) -> set[str]:
        """Every word form a match can start with."""
        return set(self._by_first_word)

    def find(self, words: list[str], lo: int = 0, hi: int | None = None):
        """All matches within words[lo:hi] as (pattern index, start, end) word indices.

        ``words`` are normalised words, e.g. ``[t.word for t in tokenize(text)]``.
        """
        hi = len(words) if hi is None else hi
        follow, labels, by_first = self._follow, self._words, self._by_first_word
        if by_first.keys().isdisjoint(words[lo:hi]):
            return []  # no pattern can start here: skip the walk
        best: dict[tuple[int, int], int] = {}
        active: dict[int, int] = {}  # live node -> earliest start
        for i in range(lo, hi):
            word = words[i]
            starts = by_first.get(word)
            if not active and starts is None:
                continue
            moved = [(n, s) for n, s in active.items() if word in labels[n]]
            if starts:
                moved.extend((n, i) for n in starts)
            active = {}
            for n, s in moved:
                nodes, accepted = follow[n]
                for pid in accepted:
                    if best.get((pid, s), -1) < i + 1:
                        best[(pid, s)] = i + 1
                for m in nodes:
                    if m not in active or active[m] > s:
                        active[m] = s
        return sorted((pid, s, e) for (pid, s), e in best.items())


def compile_pattern(pattern: str) -> PhraseSet:
    """Compile a single pattern (raises PatternError when malformed)."""
    return PhraseSet([pattern])
