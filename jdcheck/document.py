"""A job description as the checker reads it: words with offsets, clauses, and a
count of the work done on it.

Every phrase search over a span runs once per document (units that share a
lead-in share its searches), and clauses are at most MAX_CLAUSE_WORDS words, so
the work on any text is linear in its length. ``Work`` counts that work.
"""

from collections import Counter
from dataclasses import dataclass

from . import lexicon as lex
from .compiled import CompiledRules
from .words import Token, tokenize

# A run-on longer than this is cut into clauses of this many words: no real duty
# clause is half as long (the longest in the corpora has 59), and it bounds the
# work per clause.
MAX_CLAUSE_WORDS = 80


class Work:
    """What a check did, counted: words scanned by phrase searches, matches tried,
    contexts built. With a ``budget`` (a number of those units), the check stops
    once it would exceed it; counts, not seconds, so a stored review never
    depends on how busy the machine was."""

    def __init__(self, budget: int | None = None):
        self.budget = budget
        self.counts: Counter[str] = Counter()
        self.spent = 0

    def spend(self, kind: str, amount: int = 1) -> None:
        self.counts[kind] += amount
        self.spent += amount
        if self.budget is not None and self.spent > self.budget:
            raise OutOfBudget


class OutOfBudget(Exception):
    pass


@dataclass(frozen=True)
class Match:
    pattern: int
    start: int  # token index
    end: int


class Document:
    """The text, its words and their offsets, with every phrase search over a span
    done once: units that share a lead-in share its searches."""

    def __init__(self, text: str, rules: CompiledRules, work: Work):
        self.text, self.rules, self.work = text, rules, work
        self.tokens = tokenize(text)
        work.counts["words_tokenized"] += len(self.tokens)  # linear, never cut short
        correct = rules.typos.correct
        self.words = [correct(t.word) for t in self.tokens]  # "medicaton" reads as "medication"
        self.starts = [t.start for t in self.tokens]
        self._found: dict = {}
        self._memo: dict = {}
        self.contexts: dict = {}  # (clause, lead, first clause) -> its Context

    def find(self, name: str, span) -> list[tuple[int, int, int]]:
        """Matches of a named phrase set ("triggers", "permitted" or a common list) in span."""
        key = (name, span)
        if key not in self._found:
            self.work.spend("words_scanned", span[1] - span[0])
            rules = self.rules
            phrases = (
                rules.triggers if name == "triggers"
                else rules.permitted if name == "permitted"
                else rules.common[name]
            )
            self._found[key] = phrases.find(self.words, *span)
        return self._found[key]

    def find_reordered(self, words: list[str]) -> list[tuple[int, int, int]]:
        """Trigger matches in words put in another order (a passive read as active)."""
        self.work.spend("words_scanned", len(words))
        return self.rules.triggers.find(words)

    def memo(self, key, compute):
        """A verdict about a span, worked out once per document."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]



def split_clauses(text: str, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the clauses of a unit, cut at semicolons, dashes and "but";
    a unit that opens with "Although ..." is cut again at its first comma; a run-on
    is cut every MAX_CLAUSE_WORDS words."""
    cuts = [lo]
    contrast_opening = lo < hi and tokens[lo].word in lex.CONTRAST_OPENERS
    for i in range(lo + 1, hi):
        between = text[tokens[i - 1].end : tokens[i].start]
        but_also = tokens[i].word == "but" and i + 1 < hi and tokens[i + 1].word == "also"
        if (
            (tokens[i].word in lex.CLAUSE_WORDS and not but_also)
            or _new_requirement(tokens, i, hi)
            or any(mark in between for mark in lex.CLAUSE_MARKS)
        ):
            cuts.append(i)
        elif contrast_opening and "," in between:
            cuts.append(i)
            contrast_opening = False
    cuts.append(hi)
    clauses = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        clauses.extend((i, min(i + MAX_CLAUSE_WORDS, b)) for i in range(a, b, MAX_CLAUSE_WORDS))
    return clauses


def _new_requirement(tokens: list[Token], i: int, hi: int) -> bool:
    """ "and [be|is|are] willing to ...": a second requirement, its own clause."""
    if tokens[i].word != "and":
        return False
    nxt = [tokens[j].word for j in range(i + 1, min(i + 3, hi))]
    return bool(nxt) and (
        nxt[0] in lex.REQUIREMENT_WORDS
        or (len(nxt) > 1 and nxt[0] in ("be", "is", "are") and nxt[1] in lex.REQUIREMENT_WORDS)
    )
