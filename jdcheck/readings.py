"""Duties read in another word order: a passive whose agent is the peer worker read
as active, and a pronoun read as what a negated clause just named."""

from . import lexicon as lex
from .context import BY_REACH, agent_end, passives
from .document import Document, Match


def peer_passive_matches(doc: Document, clauses) -> set[Match]:
    """Duties in passive clauses whose agent is the peer worker, read in active order.

    "Records of guests are reviewed by the peer specialist before admission" is
    matched as "reviewed Records of guests before admission"; a match's span
    covers the original words it used.
    """
    found: set[Match] = set()
    words = doc.words
    for a, b in clauses:
        subject_start = a
        for verb, agent_start in passives(words, a, b):
            first = agent_start
            while first < b and words[first] in lex.SUBJECT_PREFIX:
                first += 1
            reach = agent_end(words, agent_start, b)
            inclusive = reach > min(agent_start + BY_REACH + 2, b)
            agent_span = (agent_start, max(min(first + 4, b), reach))
            agent = [s for s in doc.find("self_roles", agent_span) if s[1] == first or inclusive]
            if not agent:
                subject_start = verb + 1
                continue
            after = max(s[2] for s in agent)
            # the subject is what precedes the auxiliary: skip back over it
            aux = verb
            while aux > subject_start and (
                words[aux - 1] in lex.PASSIVE_AUX or words[aux - 1] in lex.ADVERBS
            ):
                aux -= 1
            by = agent_start - 1
            # "handed out to tenants" + "Allowances": particles stay with their verb
            order = [verb, *range(verb + 1, by), *range(subject_start, aux), *range(after, b)]
            for pattern, m_start, m_end in doc.find_reordered([words[i] for i in order]):
                used = order[m_start:m_end]
                found.add(Match(pattern, min(used), max(used) + 1))
            subject_start = after
    return found


def antecedent_matches(doc: Document, clauses) -> set[Match]:
    """Duties whose object is a pronoun for what a negated clause just named:
    "Although peers don't write in the record, they are expected to read it" reads
    the second clause as "read in the record". A match's span is the pronoun's
    clause words it used (the pronoun stands for the antecedent)."""
    found: set[Match] = set()
    words = doc.words
    for (pa, pb), (a, b) in zip(clauses, clauses[1:], strict=False):
        negations = [n[1] for n in doc.find("negations", (pa, pb))]
        if not negations:
            continue
        antecedent = list(range(min(negations[0] + 2, pb), pb))
        for k in range(a, b):
            if words[k] not in lex.PRONOUNS or not antecedent:
                continue
            order = [*range(a, k), *([k] * len(antecedent)), *range(k + 1, b)]
            virtual = [words[i] for i in range(a, k)]
            virtual += [words[i] for i in antecedent] + [words[i] for i in range(k + 1, b)]
            for pattern, m_start, m_end in doc.find_reordered(virtual):
                used = order[m_start:m_end]
                if k in used and min(used) < k:  # a verb of this clause, then the pronoun
                    found.add(Match(pattern, min(used), max(used) + 1))
            break  # the first pronoun only: one pass over the clause
    return found
