"""The checker: find duties that conflict with the peer role, with evidence.

For each text unit (sentence, bullet, semicolon item) the trigger patterns of
all tasks run together over its words. A match becomes a finding unless its
clause (or the lead-in the unit inherits):

- negates the duty ("does not", "will not be asked to:", "is not part of");
- carries a permitted context ("at the person's request", "their own notes");
- belongs to someone else ("Nurses administer ...", "Our clinic offers ...",
  "The charge nurse reviews ...", "... is handled by nursing staff", or text
  under "About us").

A passive clause whose agent is the peer worker ("Notes are entered by the
peer specialist into the chart") is also read in active order ("entered
Notes into the chart"), so object-first duties match the same patterns.

A hedged duty ("may occasionally", "as needed", "assist with") stays a
finding with severity "caution".

Work is linear in the length of the text whatever the rules: clauses are at
most MAX_CLAUSE_WORDS words, every phrase search over a span is done once per
document, and a context is built once per clause. ``Work`` counts what was
done (words scanned, matches tried, contexts built); with a budget, a check
that would exceed it stops early and says so (``complete`` is false), the same
way on every machine.
"""

from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import lexicon as lex
from .compiled import CompiledRules, get_compiled
from .context import Context
from .document import Document, Match, OutOfBudget, Work, split_clauses
from .elements import find_elements, pay_advisories
from .readings import antecedent_matches, peer_passive_matches
from .result import Advisory, CheckResult, Elements, Finding
from .ruleset import Ruleset, load_ruleset
from .segment import HEADING, LEAD, TEXT, Unit, segment
from .words import Token, word_forms

__all__ = ["CAUTION", "VIOLATION", "CompiledRules", "Work", "check", "get_compiled"]

VIOLATION = "violation"
CAUTION = "caution"
# Verbs that start a duty of their own, in every form ("writes", "reviewed").
_DUTY_VERBS = frozenset(form for verb in lex.DUTY_VERBS for form in word_forms(verb))
_GOVERNING_REACH = 30  # words from an earlier duty's verb to the object it governs
_MEETING_PURPOSE_REACH = 8  # words from a meeting to "to review": "huddle ... to review"


@lru_cache(maxsize=1)
def default_ruleset() -> Ruleset:
    """The rules shipped in jdcheck/rules/default.toml."""
    return load_ruleset()


def check(text: str, ruleset: Ruleset | None = None, work: Work | None = None) -> CheckResult:
    """Check a job description: findings, pay advisories, role elements, ruleset version.

    ``complete`` is false when ``work`` has a budget and the check ran out of it:
    the findings are those of the text before the unit where it stopped (the role
    elements are still read from the whole text).
    """
    ruleset = ruleset or default_ruleset()
    rules = get_compiled(ruleset)
    work = work or Work()
    units = segment(text)
    doc = Document(text, rules, work)
    ranges = [(bisect_left(doc.starts, u.start), bisect_left(doc.starts, u.end)) for u in units]
    findings = []
    complete = True
    try:
        other_section = False
        for unit, (lo, hi) in zip(units, ranges, strict=True):
            if unit.kind in (HEADING, LEAD):
                other_section = _section_after(doc, lo, hi, other_section)
            if unit.kind != TEXT and text[unit.end - 1] == ":":
                continue  # a lead-in speaks through its items
            if other_section:
                continue
            findings.extend(_unit_findings(doc, unit, lo, hi))
    except OutOfBudget:
        complete = False
    # the role elements are always read whole: one linear pass
    elements = find_elements(
        text, units, doc.words, ranges, ruleset.parameters["hours_per_year"], doc.starts
    )
    return CheckResult(
        findings=tuple(findings),
        advisories=tuple(
            Advisory(**advisory) for advisory in pay_advisories(elements, ruleset.parameters)
        ),
        elements=Elements(**elements),
        ruleset_version=ruleset.version,
        complete=complete,
    )


def _section_after(doc: Document, lo: int, hi: int, other_section: bool) -> bool:
    """Headings like "About us" start text that is not the peer's duties; duty headings end it.

    A negated heading ("NOT PART OF THIS JOB", "What you won't do") starts text
    that is not the peer's duties either, though it names the job.
    """
    false_cues = doc.find("not_negations", (lo, hi))
    if any(
        not any(f[1] <= n[1] < f[2] for f in false_cues)
        for n in doc.find("negations", (lo, hi))
    ):
        return True
    if doc.find("duty_headings", (lo, hi)):
        return False
    if doc.find("other_headings", (lo, hi)):
        return True
    return other_section


def _unit_findings(doc: Document, unit: Unit, lo, hi):
    text, rules, tokens, words, starts = doc.text, doc.rules, doc.tokens, doc.words, doc.starts
    clauses = split_clauses(text, tokens, lo, hi)
    clause_starts = [c[0] for c in clauses]
    # earliest, then longest, first: the first match that survives is the evidence
    matches = [Match(*m) for m in doc.find("triggers", (lo, hi))]
    peer_passive = peer_passive_matches(doc, clauses)
    peer_passive |= antecedent_matches(doc, clauses)
    if not matches and not peer_passive:
        return []
    matches = sorted(
        set(matches) | peer_passive, key=lambda m: (m.start, -m.end, m.pattern)
    )
    lead = None
    if unit.lead is not None:
        lead = (bisect_left(starts, unit.lead[0]), bisect_left(starts, unit.lead[1]))
    chosen: dict[str, tuple[Match, str]] = {}
    kept: list[tuple[Match, str, tuple[int, int]]] = []  # every surviving match
    for match in matches:
        task = rules.trigger_task[match.pattern]
        if task in chosen:
            continue
        doc.work.spend("matches_tried")
        clause = clauses[bisect_right(clause_starts, match.start) - 1]
        context = _context(doc, clause, lead, clause[0] == lo)
        if context.negated(match) or context.permitted(task):
            continue
        rule = rules.tasks[task]
        if not rule.flag_in_qualifications and words[clause[0]] in lex.QUALIFICATION_OPENERS:
            continue  # "Experience with treatment planning a plus": asked of, not done by
        if match not in peer_passive and context.someone_else(match):
            continue
        if _governed(rules, words, match, task, clause, kept):
            continue
        if (
            rule.object_is_people
            and match not in peer_passive
            and _possessive(text, tokens[match.end - 1])
        ):
            continue  # "Oversee tenants' finances": the tenants own the object
        kept.append((match, task, clause))
        chosen[task] = (match, CAUTION if context.hedged(match) else VIOLATION)
    findings = []
    for task_slug, (match, severity) in chosen.items():
        task = rules.tasks[task_slug]
        start, end = tokens[match.start].start, tokens[match.end - 1].end
        findings.append(
            Finding(
                task=task_slug,
                severity=severity,
                start=start,
                end=end,
                sentence=text[unit.start : unit.end],
                matched=text[start:end],
                reason=task.reason,
                ethics=tuple(task.ethics),
                suggestion=task.suggestion,
                pattern=rules.triggers.patterns[match.pattern],
            )
        )
    findings.sort(key=lambda f: (f.start, f.task))
    return findings


def _context(doc: Document, clause, lead, first_clause: bool) -> Context:
    """The clause's context, built once per document."""
    key = (clause, lead, first_clause)
    context = doc.contexts.get(key)
    if context is None:
        doc.work.spend("contexts_built")
        context = doc.contexts[key] = Context(doc, clause, lead, first_clause)
    return context


def _governed(rules: CompiledRules, words, match: Match, task: str, clause, kept) -> bool:
    """The match names the object of an earlier duty that governs its task (a rule's
    ``governs``), not a duty of its own: in "Reviews progress notes" the notes are
    read, not written; in "Becomes familiar with participant records, treatment
    plans ..." the plans are read; in "Attend the flash meeting to review census"
    the review is the meeting's (``governs_purpose``). It overlaps the earlier
    match, or follows it with no duty verb of its own in between."""
    for earlier, earlier_task, earlier_clause in kept:
        governing = rules.tasks[earlier_task]
        if earlier_task == task or task not in governing.governs:
            continue
        if earlier_clause != clause or earlier.start >= match.start:
            continue
        if match.start - earlier.start > _GOVERNING_REACH:
            continue  # bounded, so a long clause stays linear
        if governing.governs_purpose:
            # only the meeting's purpose: "Morning huddle with nursing to review the census"
            purpose = (
                words[match.start - 1] == "to"
                and match.start - earlier.end <= _MEETING_PURPOSE_REACH
            )
            if (match.start < earlier.end or purpose) and words[match.start] in _DUTY_VERBS:
                return True
            continue
        # no duty verb of its own after "and": "Reviews charts and writes notes" is two duties
        if not any(
            words[i] in _DUTY_VERBS and words[i - 1] in lex.COORDINATORS
            for i in range(earlier.start + 1, match.end)
        ):
            return True
    return False


def _possessive(text: str, token: Token) -> bool:
    """The word is a possessor ("residents'", "member's"): what follows is the object."""
    if text[token.end - 2 : token.end].lower() in ("'s", "’s"):
        return True
    return (
        token.end < len(text)
        and text[token.end] in "'’"
        and text[token.end - 1] in "sS"
        and (token.end + 1 == len(text) or not text[token.end + 1].isalpha())
    )
