"""The checker: find duties that conflict with the peer role, with evidence.

For each text unit (sentence, bullet, semicolon item) the trigger patterns of
all tasks run together over its words. A match becomes a finding unless its
clause (or the lead-in the unit inherits):

- negates the duty ("does not", "will not be asked to:", "is not part of");
- carries a permitted context ("at the person's request", "their own notes");
- belongs to someone else ("Nurses administer ...", "Our clinic offers ...",
  "... is handled by nursing staff", or text under "About us").

A hedged duty ("may occasionally", "as needed", "assist with") stays a
finding with severity "caution".
"""

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from .elements import find_elements, pay_advisories
from .patterns import PhraseSet, Token, tokenize
from .ruleset import Ruleset, load_ruleset
from .segment import HEADING, LEAD, TEXT, Unit, segment

VIOLATION = "violation"
CAUTION = "caution"

# Words that start a clause without naming its subject ("the", "our").
_SUBJECT_PREFIX = frozenset(
    "the our all other only a an its their licensed trained qualified certified designated "
    "assigned unit program agency hospital clinic team house residential onsite on site "
    "staff".split()
)
# A negation right after these words sits in a subordinate clause about
# someone else: "transport clients who do not have cars".
_SUBORDINATE = frozenset(
    "who whom that which whose if when whenever unless whether where because since until "
    "once".split()
)
_BY_REACH = 3  # "by [our licensed] peer specialist"
_CLAUSE_WORDS = frozenset("but however whereas although though".split())
_CLAUSE_MARKS = (";", "—", " – ", " - ", "(", ")")
_ORGANIZATION_REACH = 4  # an organization subject starts within this many words


@dataclass(frozen=True)
class _Match:
    pattern: int
    start: int  # token index
    end: int


class CompiledRules:
    """A ruleset's patterns compiled into phrase sets, built once per rules hash."""

    def __init__(self, ruleset: Ruleset):
        self.tasks = ruleset.tasks
        triggers, self.trigger_task = [], []
        permitted, self.permitted_task = [], []
        for slug, task in ruleset.tasks.items():
            for pattern in task.triggers:
                triggers.append(pattern)
                self.trigger_task.append(slug)
            for pattern in task.permitted:
                permitted.append(pattern)
                self.permitted_task.append(slug)
        for pattern in ruleset.common["permitted"]:
            permitted.append(pattern)
            self.permitted_task.append(None)
        self.triggers = PhraseSet(triggers)
        self.permitted = PhraseSet(permitted)
        self.common = {name: PhraseSet(list(value)) for name, value in ruleset.common.items()}


_COMPILED: "OrderedDict[str, CompiledRules]" = OrderedDict()
_COMPILED_KEEP = 8


def get_compiled(ruleset: Ruleset) -> CompiledRules:
    """Compiled patterns for a ruleset, cached by its rules hash.

    Parameters do not change patterns, so a ruleset that differs only in the
    pay threshold reuses the compiled rules. Raises PatternError on a bad pattern.
    """
    key = ruleset.patterns_hash
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = CompiledRules(ruleset)
        _COMPILED[key] = compiled
        while len(_COMPILED) > _COMPILED_KEEP:
            _COMPILED.popitem(last=False)
    else:
        _COMPILED.move_to_end(key)
    return compiled


@lru_cache(maxsize=1)
def default_ruleset() -> Ruleset:
    """The rules shipped in jdcheck/rules/default.toml."""
    return load_ruleset()


def check(text: str, ruleset: Ruleset | None = None) -> dict:
    """Check a job description: findings, pay advisories, role elements, ruleset version."""
    ruleset = ruleset or default_ruleset()
    rules = get_compiled(ruleset)
    units = segment(text)
    tokens = tokenize(text)
    words = [t.word for t in tokens]
    starts = [t.start for t in tokens]
    ranges = [(bisect_left(starts, u.start), bisect_left(starts, u.end)) for u in units]
    findings = []
    other_section = False
    for unit, (lo, hi) in zip(units, ranges, strict=True):
        if unit.kind in (HEADING, LEAD):
            other_section = _section_after(rules, words, lo, hi, other_section)
        if unit.kind != TEXT and text[unit.end - 1] == ":":
            continue  # a lead-in speaks through its items
        if other_section:
            continue
        findings.extend(_unit_findings(text, rules, tokens, words, starts, unit, lo, hi))
    elements = find_elements(text, units, words, ranges, ruleset.parameters["hours_per_year"])
    return {
        "findings": findings,
        "advisories": pay_advisories(elements, ruleset.parameters),
        "elements": elements,
        "ruleset_version": ruleset.version,
    }


def _section_after(rules: CompiledRules, words, lo: int, hi: int, other_section: bool) -> bool:
    """Headings like "About us" start text that is not the peer's duties; duty headings end it."""
    if rules.common["duty_headings"].find(words, lo, hi):
        return False
    if rules.common["other_headings"].find(words, lo, hi):
        return True
    return other_section


def _unit_findings(text, rules: CompiledRules, tokens, words, starts, unit: Unit, lo, hi):
    # earliest, then longest, first: the first match that survives is the evidence
    matches = sorted(
        (_Match(*m) for m in rules.triggers.find(words, lo, hi)),
        key=lambda m: (m.start, -m.end, m.pattern),
    )
    if not matches:
        return []
    lead = None
    if unit.lead is not None:
        lead = (bisect_left(starts, unit.lead[0]), bisect_left(starts, unit.lead[1]))
    clauses = _clauses(text, tokens, lo, hi)
    chosen: dict[str, tuple[_Match, str]] = {}
    for match in matches:
        task = rules.trigger_task[match.pattern]
        if task in chosen:
            continue
        clause = next(c for c in clauses if c[0] <= match.start < c[1])
        context = _Context(rules, words, clause, lead, clause[0] == lo)
        if context.negated(match) or context.permitted(task) or context.someone_else(match):
            continue
        chosen[task] = (match, CAUTION if context.hedged(match) else VIOLATION)
    findings = []
    for task_slug, (match, severity) in chosen.items():
        task = rules.tasks[task_slug]
        start, end = tokens[match.start].start, tokens[match.end - 1].end
        findings.append(
            {
                "task": task_slug,
                "severity": severity,
                "start": start,
                "end": end,
                "sentence": text[unit.start : unit.end],
                "matched": text[start:end],
                "reason": task.reason,
                "ethics": list(task.ethics),
                "suggestion": task.suggestion,
                "pattern": rules.triggers.patterns[match.pattern],
            }
        )
    findings.sort(key=lambda f: (f["start"], f["task"]))
    return findings


def _clauses(text: str, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the clauses of a unit, cut at semicolons, dashes and "but"."""
    cuts = [lo]
    for i in range(lo + 1, hi):
        between = text[tokens[i - 1].end : tokens[i].start]
        if tokens[i].word in _CLAUSE_WORDS or any(mark in between for mark in _CLAUSE_MARKS):
            cuts.append(i)
    cuts.append(hi)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


class _Context:
    """What the clause around a match (and its lead-in) says about it."""

    def __init__(self, rules, words, clause, lead, first_clause: bool):
        self.rules, self.words = rules, words
        self.clause = clause
        self.spans = [clause] + ([lead] if lead else [])
        self.lead = lead
        self.first_clause = first_clause
        self._cache: dict[str, list] = {}

    def _find(self, name: str, span) -> list[tuple[int, int, int]]:
        key = (name, span)
        if key not in self._cache:
            phrases = self.rules.permitted if name == "permitted" else self.rules.common[name]
            self._cache[key] = phrases.find(self.words, *span)
        return self._cache[key]

    def _subordinate(self, start: int, span) -> bool:
        window = range(max(span[0], start - 2), start)
        return any(self.words[i] in _SUBORDINATE for i in window)

    def _real_negations(self, span) -> list[tuple[int, int, int]]:
        false_cues = self._find("not_negations", span)
        return [
            n
            for n in self._find("negations", span)
            if not any(f[1] <= n[1] < f[2] for f in false_cues)
            and not self._subordinate(n[1], span)
        ]

    def negated(self, match: _Match) -> bool:
        """A negation before the duty in its clause or lead-in, or a denial after it."""
        if any(n[1] < match.end for n in self._real_negations(self.clause)):
            return True
        if self.lead and self._real_negations(self.lead):
            return True
        return any(
            n[1] >= match.end and not self._subordinate(n[1], self.clause)
            for n in self._find("negations_after", self.clause)
        )

    def permitted(self, task: str) -> bool:
        """A permitted context for this task (or any task) in the clause or lead-in."""
        return any(
            self.rules.permitted_task[p[0]] in (None, task)
            for span in self.spans
            for p in self._find("permitted", span)
        )

    def someone_else(self, match: _Match) -> bool:
        """The duty belongs to another role or to the organization."""
        spans = [(self.clause, match.start)]
        if self.lead and self.first_clause:
            spans.append((self.lead, self.lead[1]))
        for span, before in spans:
            if self._mentions_self(span[0], before):
                return False
            if self._other_subject(span, before) or self._organization_subject(span, before):
                return True
        return self._names_a_role(match) or self._done_by_other(match)

    def _names_a_role(self, match: _Match) -> bool:
        """The words name another role, as subject or after "by": "The van driver ...",
        "... performed by MAP-certified staff"."""
        first = self._subject_start(self.clause)
        return any(
            r[1] <= match.start
            and match.end <= r[2]
            and (r[1] <= first or {"by", "of"}.intersection(self.words[max(0, r[1] - 2) : r[1]]))
            for r in self._find("other_roles", self.clause)
        )

    def _mentions_self(self, start: int, end: int) -> bool:
        return any(s[1] < end for s in self._find("self_roles", (start, end)))

    def _subject_start(self, span) -> int:
        i = span[0]
        while i < span[1] and self.words[i] in _SUBJECT_PREFIX:
            i += 1
        return i

    def _other_subject(self, span, before: int) -> bool:
        """The clause opens with another role: "Nurses administer ..."."""
        first = self._subject_start(span)
        return any(r[1] <= first and r[1] < before for r in self._find("other_roles", span))

    def _organization_subject(self, span, before: int) -> bool:
        """The clause opens with the organization: "Our clinic offers ..."."""
        return any(
            o[1] - span[0] < _ORGANIZATION_REACH and o[1] < before
            for o in self._find("organization", span)
        )

    def _done_by_other(self, match: _Match) -> bool:
        """A passive hand-over after the duty to anyone but the peer worker
        ("... is provided by an outside agency", "... is the role of nursing")."""
        for handed in self._find("handed_over", self.clause):
            if handed[2] > match.start:  # after the duty, or its own passive verb
                to_whom = (handed[2], min(handed[2] + _BY_REACH + 2, self.clause[1]))
                return not self._mentions_self(*to_whom)
        return False

    def hedged(self, match: _Match) -> bool:
        """Hedged anywhere in the clause or lead-in ("as needed"), or by a helping
        verb before the duty ("assist nursing staff with the med pass")."""
        if any(self._find("hedges", span) for span in self.spans):
            return True
        return any(h[1] < match.start for h in self._find("assisting", self.clause)) or bool(
            self.lead and self._find("assisting", self.lead)
        )
