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
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from .elements import find_elements, pay_advisories
from .patterns import PhraseSet, Token, tokenize, word_forms
from .ruleset import Ruleset, load_ruleset
from .segment import HEADING, LEAD, TEXT, Unit, segment

VIOLATION = "violation"
CAUTION = "caution"

# A run-on longer than this is cut into clauses of this many words: no real duty
# clause is half as long (the longest in the corpora has 59), and it bounds the
# work per clause.
MAX_CLAUSE_WORDS = 80

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
_CONTRAST_OPENERS = frozenset("although though whereas while".split())
_CLAUSE_MARKS = (";", "—", " – ", " - ", "(", ")", "|")
_ORGANIZATION_REACH = 4  # an organization subject starts within this many words
# Words a subject may open with before its head noun: "The [DMH] case manager",
# "The charge nurse", "Mobile crisis clinicians".
_MODIFIER_REACH = 3
_GOVERNING_REACH = 30  # words from an earlier duty's verb to the object it governs
_COORDINATORS = frozenset("and or then also including".split())
# Verbs that start a duty of their own after "and": "Reviews charts and writes notes".
_DUTY_VERBS = frozenset(
    form
    for verb in "write document record enter complete chart log update fill draft prepare "
    "input type submit sign develop conduct perform administer lead contribute read review "
    "access study examine audit participate attend".split()
    for form in word_forms(verb)
)
_AUXILIARIES = frozenset("is are was were be been being get gets".split())
_PASSIVE_AUX = _AUXILIARIES | {"and", "or"}
_ADVERBS = frozenset(
    "also all only usually typically primarily solely always often then to".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    "led kept held done made run read set paid sent built brought told bought found fed "
    "met taught".split()
)
# After "by" these name a deadline, not an agent: "entered in the EHR by end of day".
_DEADLINE_WORDS = frozenset(
    "end close noon midnight cob eod eow start beginning morning evening tomorrow tonight "
    "monday tuesday wednesday thursday friday saturday sunday next deadline".split()
)
# After "and" these start a second requirement with its own context: "Must have a
# valid driver's license and be willing to transport participants".
_REQUIREMENT_WORDS = frozenset("willing able expected required prepared".split())
_MEETING_PURPOSE_REACH = 8  # words from a meeting to "to review": "huddle ... to review"
_DUTY_NOUNS = frozenset("duties duty responsibilities responsibility tasks task coverage".split())
# Before a self-role these deny it: "The payee coordinator, not the peer mentor, ...".
# A clause that opens with one of these states a qualification, not a duty.
_QUALIFICATION_OPENERS = frozenset(
    "experience knowledge familiarity understanding degree degrees bachelor bachelors "
    "master masters associate associates background coursework".split()
)
_PRONOUNS = frozenset("it them".split())
# An agent that names everyone on duty "including the peer" (or "the peer ... included")
# hands the duty to the peer worker too: the agent phrase runs on to the inclusion.
_INCLUSIVE = frozenset("including included incl plus alongside".split())
_INCLUSIVE_REACH = 10  # words from "by" to "including"
# Adjectives that open a role's name, not a duty: "Clinical case managers hold ...".
_ROLE_ADJECTIVES = frozenset(
    "clinical medical psychiatric licensed senior lead primary mobile residential "
    "outpatient inpatient behavioral".split()
)
# After a bare role noun these make it the name of a duty in a verbless bullet:
# "Van driver for the day program on Mondays".
_TITLE_FOLLOWERS = frozenset("for on at in during as when every each".split())
_RELATIVES = frozenset("who whom whose that which".split())
_DENIERS = frozenset("not nor than".split())
# Words that cannot sit inside a subject's noun phrase.
_NOT_MODIFIERS = frozenset(
    "to with for in on at by from of and or but as if when who that which will shall may "
    "must can should would is are was were be not no never nor though although while whereas "
    "unlike".split()
)


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
        # Words that open a duty ("Assist", "Administers"): a clause that starts with
        # one is a verb-first bullet, not a noun phrase naming its subject.
        self.duty_openers = frozenset(self.triggers.first_words()) | frozenset(
            PhraseSet(list(ruleset.common["assisting"]) or ["assist"]).first_words()
        )
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
            raise _OutOfBudget


class _OutOfBudget(Exception):
    pass


class _Document:
    """The text, its words and their offsets, with every phrase search over a span
    done once: units that share a lead-in share its searches."""

    def __init__(self, text: str, rules: CompiledRules, work: Work):
        self.text, self.rules, self.work = text, rules, work
        self.tokens = tokenize(text)
        work.counts["words_tokenized"] += len(self.tokens)  # linear, never cut short
        self.words = [t.word for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        self._found: dict = {}
        self._memo: dict = {}
        self._contexts: dict = {}

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

    def context(self, clause, lead, first_clause: bool) -> "_Context":
        key = (clause, lead, first_clause)
        context = self._contexts.get(key)
        if context is None:
            self.work.spend("contexts_built")
            context = self._contexts[key] = _Context(self, clause, lead, first_clause)
        return context


def check(text: str, ruleset: Ruleset | None = None, work: Work | None = None) -> dict:
    """Check a job description: findings, pay advisories, role elements, ruleset version.

    ``complete`` is false when ``work`` has a budget and the check ran out of it:
    the findings are those of the text before the unit where it stopped (the role
    elements are still read from the whole text).
    """
    ruleset = ruleset or default_ruleset()
    rules = get_compiled(ruleset)
    work = work or Work()
    units = segment(text)
    doc = _Document(text, rules, work)
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
    except _OutOfBudget:
        complete = False
    # the role elements are always read whole: one linear pass
    elements = find_elements(
        text, units, doc.words, ranges, ruleset.parameters["hours_per_year"], doc.starts
    )
    return {
        "findings": findings,
        "advisories": pay_advisories(elements, ruleset.parameters),
        "elements": elements,
        "ruleset_version": ruleset.version,
        "complete": complete,
    }


def _section_after(doc: _Document, lo: int, hi: int, other_section: bool) -> bool:
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


def _unit_findings(doc: _Document, unit: Unit, lo, hi):
    text, rules, tokens, words, starts = doc.text, doc.rules, doc.tokens, doc.words, doc.starts
    clauses = _clauses(text, tokens, lo, hi)
    clause_starts = [c[0] for c in clauses]
    # earliest, then longest, first: the first match that survives is the evidence
    matches = [_Match(*m) for m in doc.find("triggers", (lo, hi))]
    peer_passive = _peer_passive_matches(doc, clauses)
    peer_passive |= _antecedent_matches(doc, clauses)
    if not matches and not peer_passive:
        return []
    matches = sorted(
        set(matches) | peer_passive, key=lambda m: (m.start, -m.end, m.pattern)
    )
    lead = None
    if unit.lead is not None:
        lead = (bisect_left(starts, unit.lead[0]), bisect_left(starts, unit.lead[1]))
    chosen: dict[str, tuple[_Match, str]] = {}
    kept: list[tuple[_Match, str, tuple[int, int]]] = []  # every surviving match
    for match in matches:
        task = rules.trigger_task[match.pattern]
        if task in chosen:
            continue
        doc.work.spend("matches_tried")
        clause = clauses[bisect_right(clause_starts, match.start) - 1]
        context = doc.context(clause, lead, clause[0] == lo)
        if context.negated(match) or context.permitted(task):
            continue
        rule = rules.tasks[task]
        if not rule.flag_in_qualifications and words[clause[0]] in _QUALIFICATION_OPENERS:
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


def _governed(rules: CompiledRules, words, match: _Match, task: str, clause, kept) -> bool:
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
            words[i] in _DUTY_VERBS and words[i - 1] in _COORDINATORS
            for i in range(earlier.start + 1, match.end)
        ):
            return True
    return False


def _passives(words, a: int, b: int):
    """Passive verbs with an agent in words[a:b]: (participle index, agent start).

    "are dispensed by", "will be reviewed by", "are disbursed to members by",
    "and reviewed by": an auxiliary up to three words before a participle (or a
    coordinating "and"/"or" right before it), with "by" at most three words
    after it. Any participle counts, not a fixed list of verbs; "as required by"
    is a manner, not a hand-over.
    """
    for k in range(a + 2, b - 1):
        if words[k] != "by":
            continue
        after = words[k + 1] if words[k + 1] != "the" or k + 2 >= b else words[k + 2]
        if after in _DEADLINE_WORDS or after.isdigit():
            continue  # "by end of day", "by 5 pm": a deadline
        for verb in range(k - 1, max(a, k - 5), -1):
            if not _is_participle(words[verb]):
                continue
            if words[verb - 1] in ("and", "or") or any(
                words[j] in _AUXILIARIES for j in range(max(a, verb - 3), verb)
            ):
                yield verb, k + 1
            break


def _agent_end(words, agent: int, end: int) -> int:
    """Where the agent phrase after "by" ends: a few words, or on to the end of an
    inclusion ("by whoever is on duty, including the peer specialist")."""
    short = min(agent + _BY_REACH + 2, end)
    for i in range(agent, min(agent + _INCLUSIVE_REACH, end)):
        if words[i] in _INCLUSIVE:
            return max(short, min(i + 5, end))
    return short


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


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def _peer_passive_matches(doc: _Document, clauses) -> set[_Match]:
    """Duties in passive clauses whose agent is the peer worker, read in active order.

    "Records of guests are reviewed by the peer specialist before admission" is
    matched as "reviewed Records of guests before admission"; a match's span
    covers the original words it used.
    """
    found: set[_Match] = set()
    words = doc.words
    for a, b in clauses:
        subject_start = a
        for verb, agent_start in _passives(words, a, b):
            first = agent_start
            while first < b and words[first] in _SUBJECT_PREFIX:
                first += 1
            reach = _agent_end(words, agent_start, b)
            inclusive = reach > min(agent_start + _BY_REACH + 2, b)
            agent_span = (agent_start, max(min(first + 4, b), reach))
            agent = [s for s in doc.find("self_roles", agent_span) if s[1] == first or inclusive]
            if not agent:
                subject_start = verb + 1
                continue
            after = max(s[2] for s in agent)
            # the subject is what precedes the auxiliary: skip back over it
            aux = verb
            while aux > subject_start and (
                words[aux - 1] in _PASSIVE_AUX or words[aux - 1] in _ADVERBS
            ):
                aux -= 1
            by = agent_start - 1
            # "handed out to tenants" + "Allowances": particles stay with their verb
            order = [verb, *range(verb + 1, by), *range(subject_start, aux), *range(after, b)]
            for pattern, m_start, m_end in doc.find_reordered([words[i] for i in order]):
                used = order[m_start:m_end]
                found.add(_Match(pattern, min(used), max(used) + 1))
            subject_start = after
    return found


def _antecedent_matches(doc: _Document, clauses) -> set[_Match]:
    """Duties whose object is a pronoun for what a negated clause just named:
    "Although peers don't write in the record, they are expected to read it" reads
    the second clause as "read in the record". A match's span is the pronoun's
    clause words it used (the pronoun stands for the antecedent)."""
    found: set[_Match] = set()
    words = doc.words
    for (pa, pb), (a, b) in zip(clauses, clauses[1:], strict=False):
        negations = [n[1] for n in doc.find("negations", (pa, pb))]
        if not negations:
            continue
        antecedent = list(range(min(negations[0] + 2, pb), pb))
        for k in range(a, b):
            if words[k] not in _PRONOUNS or not antecedent:
                continue
            order = [*range(a, k), *([k] * len(antecedent)), *range(k + 1, b)]
            virtual = [words[i] for i in range(a, k)]
            virtual += [words[i] for i in antecedent] + [words[i] for i in range(k + 1, b)]
            for pattern, m_start, m_end in doc.find_reordered(virtual):
                used = order[m_start:m_end]
                if k in used and min(used) < k:  # a verb of this clause, then the pronoun
                    found.add(_Match(pattern, min(used), max(used) + 1))
            break  # the first pronoun only: one pass over the clause
    return found


def _clauses(text: str, tokens: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the clauses of a unit, cut at semicolons, dashes and "but";
    a unit that opens with "Although ..." is cut again at its first comma; a run-on
    is cut every MAX_CLAUSE_WORDS words."""
    cuts = [lo]
    contrast_opening = lo < hi and tokens[lo].word in _CONTRAST_OPENERS
    for i in range(lo + 1, hi):
        between = text[tokens[i - 1].end : tokens[i].start]
        but_also = tokens[i].word == "but" and i + 1 < hi and tokens[i + 1].word == "also"
        if (
            (tokens[i].word in _CLAUSE_WORDS and not but_also)
            or _new_requirement(tokens, i, hi)
            or any(mark in between for mark in _CLAUSE_MARKS)
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
        nxt[0] in _REQUIREMENT_WORDS
        or (len(nxt) > 1 and nxt[0] in ("be", "is", "are") and nxt[1] in _REQUIREMENT_WORDS)
    )


class _Context:
    """What a clause (and the lead-in its unit inherits) says about a match in it.

    Built once per clause; what the lead-in says is worked out once per document,
    however many items share it.
    """

    def __init__(self, doc: _Document, clause, lead, first_clause: bool):
        self.doc, self.words = doc, doc.words
        self.clause = clause
        self.spans = [clause] + ([lead] if lead else [])
        self.lead = lead
        self.first_clause = first_clause
        negations = self._real_negations(clause)
        self._first_negation = min((n[1] for n in negations), default=len(self.words))
        self._last_denial = max(
            (
                n[1]
                for n in doc.find("negations_after", clause)
                if not self._subordinate(n[1], clause)
            ),
            default=-1,
        )
        self._first_assisting = min(
            (h[1] for h in doc.find("assisting", clause)), default=len(self.words)
        )
        self._hand_overs = sorted(
            [(h[1], h[2]) for h in doc.find("handed_over", clause)]
            + list(_passives(self.words, *clause))
        )

    def _find(self, name: str, span) -> list[tuple[int, int, int]]:
        return self.doc.find(name, span)

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

    def _lead_says(self, name: str, compute):
        return self.doc.memo((name, self.lead), compute)

    def negated(self, match: _Match) -> bool:
        """A negation before the duty in its clause or lead-in, or a denial after it."""
        if self._first_negation < match.end:
            return True
        if self.lead and self._lead_says(
            "negated", lambda: bool(self._real_negations(self.lead))
        ):
            return True
        return self._last_denial >= match.end

    def permitted(self, task: str) -> bool:
        """A permitted context for this task (or any task) in the clause or lead-in."""
        return any(
            not {None, task}.isdisjoint(self.doc.memo(("permits", span), lambda s=span: {
                self.doc.rules.permitted_task[p[0]] for p in self._find("permitted", s)
            }))
            for span in self.spans
        )

    def someone_else(self, match: _Match) -> bool:
        """The duty belongs to another role or to the organization."""
        verdict = self._subject_verdict(self.clause, match.start)
        if verdict is None and self.lead and self.first_clause:
            verdict = self._lead_says(
                "subject", lambda: self._subject_verdict(self.lead, self.lead[1])
            )
        if verdict is not None:
            return verdict
        return self._names_a_role(match) or self._done_by_other(match)

    def _subject_verdict(self, span, before: int) -> bool | None:
        """False when the peer worker is named first, True when another role or the
        organization is the subject, None when the span's opening says neither."""
        if self._mentions_self(span[0], before):
            return False
        if (
            self._other_subject(span, before)
            or self._organization_subject(span, before)
            or self._our_subject(span, before)
        ):
            return True
        return None

    def _names_a_role(self, match: _Match) -> bool:
        """The words name another role, as subject or after "by": "The van driver ...",
        "... performed by MAP-certified staff"."""
        first = self._subject_start(self.clause)
        return any(
            r[1] <= match.start
            and match.end <= r[2]
            and not (r[2] < self.clause[1] and self.words[r[2]] in _DUTY_NOUNS)
            and not self._titled_duty(r, self.clause)
            and (r[1] <= first or {"by", "of"}.intersection(self.words[max(0, r[1] - 2) : r[1]]))
            for r in self._find("other_roles", self.clause)
        )

    def _titled_duty(self, role, span) -> bool:
        """A bare singular role noun that opens a verbless bullet and is followed by a
        preposition (or nothing) names the duty: "Van driver for the day program"."""
        words = self.words
        return (
            role[1] == span[0]
            and not words[role[2] - 1].endswith("s")
            and (role[2] >= span[1] or words[role[2]] in _TITLE_FOLLOWERS)
            and any(m[1] < role[2] and role[1] < m[2] for m in self._find_triggers(span))
        )

    def _find_triggers(self, span):
        return self._find("triggers", span)

    def _mentions_self(self, start: int, end: int) -> bool:
        """The peer worker is named before ``end``, and not denied ("not the peer mentor")."""
        return any(
            s[1] < end and not _DENIERS.intersection(self.words[max(start, s[1] - 2) : s[1]])
            for s in self._find("self_roles", (start, end))
        )

    def _subject_start(self, span) -> int:
        i = span[0]
        if i < span[1] and self.words[i] in _CONTRAST_OPENERS:
            i += 1  # "While our residential counselors are ..."
        while i < span[1] and self.words[i] in _SUBJECT_PREFIX:
            i += 1
        return i

    def _other_subject(self, span, before: int) -> bool:
        """The clause opens with another role: "Nurses administer ...", "The charge
        nurse reviews ...", "Mobile crisis clinicians conduct ..."; a duty inside that
        noun phrase is part of the role's name ("The payee coordinator ...")."""
        first = self._subject_start(span)
        words = self.words
        opens_with_determiner = first > span[0]
        for role in self._find("other_roles", span):
            if role[1] > first + _MODIFIER_REACH:
                continue
            if role[2] < span[1] and words[role[2]] in _DUTY_NOUNS:
                continue  # "Van driver duties on Tuesdays"
            if self._titled_duty(role, span):
                continue  # "Van driver for the day program"
            modifiers = words[first : role[1]] if role[1] > first else []
            if modifiers and (
                _NOT_MODIFIERS.intersection(modifiers)
                or (
                    not opens_with_determiner
                    and modifiers[0] in self.doc.rules.duty_openers
                    and modifiers[0] not in _ROLE_ADJECTIVES
                )
            ):
                continue  # "Assist nursing staff with ...": a verb, then its object
            if role[1] < before or before < role[2]:
                return True
        return False

    def _our_subject(self, span, before: int) -> bool:
        """A clause that opens with "our" describes the organization or its staff
        ("Our reception staff greet visitors"), unless it names the peer worker."""
        return self.words[span[0]] == "our" and span[0] < before

    def _organization_subject(self, span, before: int) -> bool:
        """The clause opens with the organization: "Our clinic offers ..."."""
        return any(
            o[1] - span[0] < _ORGANIZATION_REACH and o[1] < before
            for o in self._find("organization", span)
        )

    def _done_by_other(self, match: _Match) -> bool:
        """A passive hand-over after the duty to anyone but the peer worker
        ("... is provided by an outside agency", "... is the role of nursing")."""
        for passive, agent in self._hand_overs:
            to_whom = (agent, _agent_end(self.words, agent, self.clause[1]))
            if agent <= match.start and match.end <= to_whom[1]:
                # the match names the agent itself: "... is provided by the agency's van drivers"
                if not self._mentions_self(*to_whom):
                    return True
                continue
            if agent <= match.start:
                continue  # before the duty: not about it
            if _RELATIVES.intersection(self.words[match.end : passive]):
                continue  # "... accounts that are managed by the program": about the object
            return not self._mentions_self(*to_whom)
        return False

    def hedged(self, match: _Match) -> bool:
        """Hedged anywhere in the clause or lead-in ("as needed"), or by a helping
        verb before the duty ("assist nursing staff with the med pass")."""
        if any(self._find("hedges", span) for span in self.spans):
            return True
        return self._first_assisting < match.start or bool(
            self.lead and self._find("assisting", self.lead)
        )
