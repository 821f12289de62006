"""What the clause around a match (and its lead-in) says about it: negated,
permitted, hedged, or someone else's duty."""

from . import lexicon as lex
from .document import Document, Match
from .words import word_forms

BY_REACH = 3  # "by [our licensed] peer specialist"
_ORGANIZATION_REACH = 4  # an organization subject starts within this many words
# Words a subject may open with before its head noun: "The [DMH] case manager",
# "The charge nurse", "Mobile crisis clinicians".
_MODIFIER_REACH = 3
_INCLUSIVE_REACH = 10  # words from "by" to "including"
_POPULATION_REACH = 5  # words before the people served and between them and their verb
# The people a program serves, by the head noun of each @served phrase ("young adults"),
# but not "peers": "Peers are expected to ..." is about the peer workers.
_SERVED = frozenset(
    form
    for phrase in lex.WORD_CLASSES["served"].split("|")
    if phrase.split()[-1] not in ("peer", "peers")
    for form in word_forms(phrase.split()[-1].lower())
)
_SECOND_DUTY = lex.SECOND_DUTY_OPENERS | frozenset(
    form for verb in lex.DUTY_VERBS + lex.SECOND_DUTY_VERBS for form in word_forms(verb)
)


class Context:
    """What a clause (and the lead-in its unit inherits) says about a match in it.

    Built once per clause; what the lead-in says is worked out once per document,
    however many items share it.
    """

    def __init__(self, doc: Document, clause, lead, first_clause: bool):
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
        self._assisting = sorted(h[1] for h in doc.find("assisting", clause))
        self._hand_overs = sorted(
            [(h[1], h[2]) for h in doc.find("handed_over", clause)]
            + list(passives(self.words, *clause))
        )

    def _find(self, name: str, span) -> list[tuple[int, int, int]]:
        return self.doc.find(name, span)

    def _subordinate(self, start: int, span) -> bool:
        window = range(max(span[0], start - 2), start)
        return any(self.words[i] in lex.SUBORDINATE for i in window)

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

    def negated(self, match: Match) -> bool:
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

    def someone_else(self, match: Match) -> bool:
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
            or self._population_subject(span, before)
        ):
            return True
        return None

    def _population_subject(self, span, before: int) -> bool:
        """The clause opens with the people served and a verb of being or having: it says
        who the program is for ("Members are adults living with ...", "Many guests have
        been diagnosed with ..."), not what the peer worker does."""
        words, end = self.words, min(span[1], before)
        i = span[0]
        while i < end and i - span[0] < _POPULATION_REACH and words[i] in lex.POPULATION_OPENERS:
            i += 1
        if i >= end or words[i] not in _SERVED or self._mentions_self(span[0], span[1]):
            return False  # "Residents receive their medications from the peer specialist"
        for j in range(i + 1, min(end, i + 1 + _POPULATION_REACH)):
            if words[j] in lex.POPULATION_VERBS:
                return True
            if words[j] not in lex.POPULATION_FILLERS and words[j] not in _SERVED:
                return False
        return False

    def _names_a_role(self, match: Match) -> bool:
        """The words name another role, as subject or after "by": "The van driver ...",
        "... performed by MAP-certified staff"."""
        first = self._subject_start(self.clause)
        return any(
            r[1] <= match.start
            and match.end <= r[2]
            and not (r[2] < self.clause[1] and self.words[r[2]] in lex.DUTY_NOUNS)
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
            and (role[2] >= span[1] or words[role[2]] in lex.TITLE_FOLLOWERS)
            and any(m[1] < role[2] and role[1] < m[2] for m in self._find_triggers(span))
        )

    def _find_triggers(self, span):
        return self._find("triggers", span)

    def _mentions_self(self, start: int, end: int) -> bool:
        """The peer worker is named before ``end``, and not denied ("not the peer mentor")."""
        return any(
            s[1] < end and not lex.DENIERS.intersection(self.words[max(start, s[1] - 2) : s[1]])
            for s in self._find("self_roles", (start, end))
        )

    def _subject_start(self, span) -> int:
        i = span[0]
        if i < span[1] and self.words[i] in lex.CONTRAST_OPENERS:
            i += 1  # "While our residential counselors are ..."
        while i < span[1] and self.words[i] in lex.SUBJECT_PREFIX:
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
            if role[2] < span[1] and words[role[2]] in lex.DUTY_NOUNS:
                continue  # "Van driver duties on Tuesdays"
            if self._titled_duty(role, span):
                continue  # "Van driver for the day program"
            modifiers = words[first : role[1]] if role[1] > first else []
            if modifiers and (
                lex.NOT_MODIFIERS.intersection(modifiers)
                or (
                    not opens_with_determiner
                    and modifiers[0] in self.doc.rules.duty_openers
                    and modifiers[0] not in lex.ROLE_ADJECTIVES
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

    def _done_by_other(self, match: Match) -> bool:
        """A passive hand-over after the duty to anyone but the peer worker
        ("... is provided by an outside agency", "... is the role of nursing")."""
        for passive, agent in self._hand_overs:
            to_whom = (agent, agent_end(self.words, agent, self.clause[1]))
            if agent <= match.start and match.end <= to_whom[1]:
                # the match names the agent itself: "... is provided by the agency's van drivers"
                if not self._mentions_self(*to_whom):
                    return True
                continue
            if agent <= match.start:
                continue  # before the duty: not about it
            if lex.RELATIVES.intersection(self.words[match.end : passive]):
                continue  # "... accounts that are managed by the program": about the object
            return not self._mentions_self(*to_whom)
        return False

    def hedged(self, match: Match) -> bool:
        """Hedged anywhere in the clause or lead-in ("as needed"), uncertain in itself
        (a bare "team meeting"), or hedged by a helping verb before the duty ("assist
        nursing staff with the med pass")."""
        if any(self._find("hedges", span) for span in self.spans):
            return True
        if any(u[1] <= match.start and match.end <= u[2] for u in self._find("uncertain", self.clause)):
            return True  # the evidence is a phrase that may or may not mean the duty
        helping = [a for a in self._assisting if a < match.start]
        if helping and not self._second_duty(helping[-1], match.start):
            return True
        return bool(self.lead and self._find("assisting", self.lead))

    def _second_duty(self, after: int, before: int) -> bool:
        """A duty of its own starts between the helping verb and the match: "Supports
        members ... and keeps their case notes", "... and is responsible for bed checks"."""
        words = self.words
        return any(
            words[i - 1] in ("and", "then") and words[i] in _SECOND_DUTY
            for i in range(after + 2, before + 1)
        )
def passives(words, a: int, b: int):
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
        if after in lex.DEADLINE_WORDS or after.isdigit():
            continue  # "by end of day", "by 5 pm": a deadline
        for verb in range(k - 1, max(a, k - 5), -1):
            if not _is_participle(words[verb]):
                continue
            if words[verb - 1] in ("and", "or") or any(
                words[j] in lex.AUXILIARIES for j in range(max(a, verb - 3), verb)
            ):
                yield verb, k + 1
            break


def agent_end(words, agent: int, end: int) -> int:
    """Where the agent phrase after "by" ends: a few words, or on to the end of an
    inclusion ("by whoever is on duty, including the peer specialist")."""
    short = min(agent + BY_REACH + 2, end)
    for i in range(agent, min(agent + _INCLUSIVE_REACH, end)):
        if words[i] in lex.INCLUSIVE:
            return max(short, min(i + 5, end))
    return short


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in lex.IRREGULAR_PARTICIPLES
