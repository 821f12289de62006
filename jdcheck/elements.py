"""Role elements of a whole job description, and the pay advisory.

Elements are what the fidelity standards ask an employer to offer:

- ``hourly_pay``: the base rate per hour. "$18/hr", "$18.50 per hour";
  a yearly figure ("$37,440 per year", "Annual salary: $35,360") is divided by
  the ruleset's hours per year (2,080). A range takes its low end; shift
  differentials, bonuses, stipends and reimbursements are ignored.
- ``peer_supervision``: supervision by a CPS, a peer supervisor or someone
  trained in peer support. A sentence that names the supervisor ("supervised
  by", "supervision from", "reports to", "supervisor who is") decides by what
  follows the cue: "Supervised by a Certified Peer Specialist" is peer
  supervision, "The Peer Support Generalist is supervised by the Program
  Manager (LMHC)" is not. A named supervisor who is not peer-trained outweighs
  a bare "peer supervision" elsewhere ("Participates in peer supervision").
- ``lived_experience``: the description asks for, or builds the role on, the
  worker's own lived experience of recovery - required or preferred both count.
- ``paid_training``: paid time or funding for training, continuing education,
  conferences or networking (training for a prohibited task, such as a paid
  MAP class, does not count).
- ``cps_credential``: CPS certification required or preferred, or to be
  obtained or worked toward after hire ("CPS required or obtained within 12
  months"). "CPS preferred" counts: the employer asks for the credential and
  values it. "CPS not required" does not.

A sentence that negates the element ("CPS certification not required") does
not count.
"""

import re

from .phraseset import PhraseSet
from .segment import Unit

_NEGATIONS = frozenset("not no never without".split())

# Cue phrases, each with the name of the cue it is evidence for.
_CUES = {
    "supervision": ["(supervision|supervised|supervisor|supervisors|reports to)"],
    "peer": [
        "CPS",
        "certified peer specialist",
        "peer (supervisor|supervision|support|services|roles|role|specialist supervisor)",
        "trained in peer",
        "peer (trained|training|experience|background)",
        "lived experience",
        "(peer|recovery) (specialist|specialists|coordinator|director|manager|worker) "
        "[supervisor]",
        "peer (mentor|mentors|advocate|advocates|navigator|navigators|coach|coaches)",
        "recovery (coach|coaches|coaching|support supervisor)",
        "YAPM",
    ],
    # a supervision word that names who supervises: what follows decides
    "names_supervisor": [
        "(supervised|supervision|supervisor|supervisors) (by|from|with|who|trained)",
        "reports to",
        "(supervised|supervision) [is] [provided|given|offered] (by|from)",
        "(supervisor|supervisors) (is|are|will be)",
    ],
    # peer supervision as such: "Peer supervision is provided weekly", "CPS supervisor"
    "peer_supervisor": [
        "(peer|CPS) (supervisor|supervisors|supervision)",
        "(peer|CPS) specialist supervisor",
        "supervisor (trained|experienced) in peer",
        "supervisors of peer (workers|specialists|staff)",
        "peer trained (supervisor|supervisors|supervision)",
        "(supervisor|supervisors) with (lived experience|peer)",
    ],
    "lived_experience": [
        "lived experience",
        "(personal|own) [lived] experience",
        "(personal|your) [own] recovery",
        "years of [continuous] (recovery|sobriety)",
        "personal (history|journey) [of|with]",
        "experience (of|with|in) (mental health|psychiatric|substance use|addiction) recovery",
        "identify as [a] (person|someone|individual) (in|with) [lived] (recovery|experience)",
    ],
    "training": [
        "paid (training|trainings|CE|CEUs|conference|conferences|continuing education)",
        "paid (educational|education|professional|study|training) leave",
        "(educational|education) leave",
        "(CE|CEU|CEUs|continuing education|training|trainings|conference|conferences) "
        "* (during|on) (work|working|paid|company) (hours|time)",
        "(conference|conferences|training|trainings) (attendance|registration|fees) "
        "(is|are) (paid|covered|reimbursed)",
        "(training|CE|conference|professional development) (stipend|stipends)",
        "(hours|days|time) (are|is) paid as (work|working) (hours|time)",
        "paid (professional development|networking)",
        "paid time (for|to) * (training|trainings|conference|conferences|continuing education)",
        "paid time (for|to) * (CE|CEs|CEU|CEUs|certification|recertification)",
        "paid time (for|to) * (networking|network|professional development|CEUs)",
        "(training|conference|conferences|continuing education|CEU|CEUs) "
        "(reimbursement|stipend|budget|funds|funding|allowance|days|time)",
        "(professional development) (funds|funding|budget|stipend|days|time)",
        "(we|agency|organization|employer) (pay|cover|fund|reimburse) [for] [the|your|all] "
        "(training|trainings|CPS training|conference|conferences|continuing education|CEUs)",
        "(training|CPS training|conference|conferences|continuing education) "
        "(is|are) (paid|covered|funded|reimbursed)",
        "(training|trainings|CE|CEU|CEUs|continuing education|conference|conferences|"
        "professional development) (hours|time|days) (are|is) (paid|compensated|covered)",
        "(paid|compensated) (to attend|for) * (training|trainings|conference|conferences|"
        "continuing education|professional development)",
        "(cover|pay|fund|reimburse) (the|all) (cost|costs|fees) of * (training|trainings|"
        "conference|conferences|continuing education|certification|CEUs)",
        "paid (days|hours|time) * (professional development|training|trainings|conferences|"
        "continuing education)",
        "paid (time off|leave) (to|for) * (training|trainings|conference|conferences|networking)",
        "(pay|pays|cover|covers|fund|funds|reimburse|reimburses) [the|your|all] (training|CPS "
        "training|certification|exam|conference) (fee|fees|cost|costs|tuition)",
        "(pay|pays|paid) * (hours|time) (in|at|during) (training|trainings)",
    ],
    # training for a prohibited or unrelated task is not peer training time
    "other_training": ["MAP", "medication administration", "CPR", "first aid"],
    "cps": ["CPS", "certified peer specialist"],
    "credential": [
        "certification|credential|certificate|required|preferred|obtain|must|eligible",
        "within|toward|towards|training|complete|completion",
    ],
}
_CUE_NAMES = [name for name, patterns in _CUES.items() for _ in patterns]
_CUE_PHRASES = PhraseSet([p for patterns in _CUES.values() for p in patterns])

_MONEY = r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?([kK]\b)?"
_PAY = re.compile(
    _MONEY + r"(?:\s?(?:-|–|—|to)\s?" + _MONEY + r")?"
    r"|(\d{1,3})(?:\.(\d{2}))?(?=\s?(?:/\s?(?:hr|hour)\b|per hour|an hour|hourly))"
)
_HOURLY = re.compile(r"/\s?(?:hr|hour)\b|\bper\s+hour\b|\ban\s+hour\b|\bhourly\b|\bph\b", re.I)
_YEARLY = re.compile(
    r"/\s?(?:yr|year)\b|\bper\s+(?:year|annum)\b|\ba\s+year\b|\bannual(?:ly)?\b|\byearly\b"
    r"|\bsalary\b",
    re.I,
)
_NOT_BASE = re.compile(
    r"differential|bonus|stipend|incentive|reimburs|premium|sign[- ]on|referral|mileage"
    r"|overtime|per diem|allowance|tuition",
    re.I,
)
_LEAD_REACH = 80  # characters of a lead-in read for what a figure is
_CLAUSE_BREAK = re.compile(r"[,;(]| with | and ")
_PAY_WORDS = re.compile(r"pay|salary|rate|wage|compensation|hour|/\s?hr|year|annual", re.I)


def find_elements(
    text: str, units: list[Unit], words: list[str], ranges, hours_per_year=2080, starts=None
):
    """The role elements of a job description (see the module docstring).

    ``words`` are the normalised words of the text and ``ranges`` the word
    range of each unit; with ``starts`` (each word's character offset) a
    negation only rules out its own semicolon clause ("Staff who are not yet
    certified must ...; the agency pays the training fee").
    """
    elements = {
        "hourly_pay": None,
        "peer_supervision": False,
        "lived_experience": False,
        "paid_training": False,
        "cps_credential": False,
    }
    named_peer = named_other = peer_supervisor = False
    parts = []
    for unit, (lo, hi) in zip(units, ranges, strict=True):
        if elements["hourly_pay"] is None:
            sentence = text[unit.start : unit.end]
            # the lead-in may say what the figure is: "Annual salary: $35,360"
            # (its end only: a long lead-in shared by many items is not read again per item)
            lead = text[max(unit.lead[0], unit.lead[1] - _LEAD_REACH) : unit.lead[1]] + " " if unit.lead else ""
            elements["hourly_pay"] = hourly_pay(lead + sentence, hours_per_year)
        parts.extend(_semicolon_parts(text, unit, lo, hi, starts))
    for lo, hi in parts:
        if any(words[i] in _NEGATIONS for i in range(lo, hi)):
            continue
        found = [(_CUE_NAMES[p], a, b) for p, a, b in _CUE_PHRASES.find(words, lo, hi)]
        cues = {name for name, _, _ in found}
        names = [b for name, _, b in found if name == "names_supervisor"]
        if names:
            window = _supervisor_window(words, names[0], hi)
            if any(name == "peer" and a >= names[0] and b <= window for name, a, b in found):
                named_peer = True
            else:
                named_other = True
        if "peer_supervisor" in cues:
            peer_supervisor = True
        if "lived_experience" in cues:
            elements["lived_experience"] = True
        if "training" in cues and "other_training" not in cues:
            elements["paid_training"] = True
        if {"cps", "credential"} <= cues and "supervision" not in cues:
            elements["cps_credential"] = True
    elements["peer_supervision"] = named_peer or (peer_supervisor and not named_other)
    return elements


def _semicolon_parts(text: str, unit: Unit, lo: int, hi: int, starts) -> list[tuple[int, int]]:
    """The word ranges of a unit's semicolon clauses (the whole unit without ``starts``)."""
    if starts is None:
        return [(lo, hi)]
    cuts = [lo]
    for i in range(lo + 1, hi):
        if ";" in text[starts[i - 1] : starts[i]]:
            cuts.append(i)
    cuts.append(hi)
    return list(zip(cuts, cuts[1:], strict=False))


_SUPERVISOR_REACH = 14  # words after "supervised by" that can name who supervises
_WINDOW_STOPS = frozenset("and while but also".split())


def _supervisor_window(words: list[str], start: int, hi: int) -> int:
    """End of the words that name the supervisor: up to a few words, or a new clause
    ("supervision from the Program Director (LICSW) and attends the peer staff meeting")."""
    end = min(hi, start + _SUPERVISOR_REACH)
    for i in range(start, end):
        if words[i] in _WINDOW_STOPS:
            return i
    return end


def hourly_pay(sentence: str, hours_per_year: float = 2080) -> float | None:
    """The base hourly rate stated in one sentence, or None."""
    if not _PAY_WORDS.search(sentence):
        return None
    matches = list(_PAY.finditer(sentence))
    for index, m in enumerate(matches):
        # the words around a figure, up to the neighbouring figures
        following = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
        preceding = matches[index - 1].end() if index else 0
        after = _CLAUSE_BREAK.split(sentence[m.end() : min(following, m.end() + 40)])[0]
        before = _CLAUSE_BREAK.split(sentence[max(preceding, m.start() - 30) : m.start()])[-1]
        if _NOT_BASE.search(after) or _NOT_BASE.search(before):
            continue
        if m.group(7) is not None:  # "18.50 per hour" without a dollar sign
            amount = _amount(m.group(7), m.group(8), None)
        else:
            amount = _amount(m.group(1), m.group(2), m.group(3))
        if _HOURLY.search(after[:25]) or (_HOURLY.search(before) and amount < 1000):
            return round(amount, 2)
        if _YEARLY.search(after[:25]) or _YEARLY.search(before) or amount >= 1000:
            return round(amount / hours_per_year, 2)
        if 7 <= amount < 200:
            return round(amount, 2)
    return None


def _amount(whole: str, cents: str | None, thousands: str | None) -> float:
    value = float(whole.replace(",", "") + ("." + cents if cents else ""))
    return value * 1000 if thousands else value


def pay_advisories(elements: dict, parameters: dict) -> list[dict]:
    """An advisory when the stated pay is below the minimum hourly pay."""
    pay = elements.get("hourly_pay")
    minimum = float(parameters["minimum_hourly_pay"])
    if pay is None or pay >= minimum:
        return []
    return [
        {
            "element": "hourly_pay",
            "message": (
                f"The stated pay (${pay:.2f} an hour) is below ${minimum:.2f} an hour. The "
                "Massachusetts peer support community asks that the starting rate for direct "
                "peer support be no less than this, to attract and retain a high-quality "
                "peer workforce (Collective response of the Massachusetts peer support "
                "community to a DMH RFI (Community Based Flexible Supports replacement), 2017, "
                "Section I, Supporting Peer Roles: Payrate)."
            ),
            "figures": {"hourly_pay": pay, "minimum_hourly_pay": minimum},
        }
    ]
