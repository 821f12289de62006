"""Turns a checker result into what the report page shows.

Used by the workspace report and the quick check alike, from stored findings or
from a fresh result, so both read the same way.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import capfirst

from standards.selectors import questions_to_ask
from workspace.checking import task_titles
from workspace.compare import classify_findings
from workspace.models import Membership, PayVerdict, Severity
from workspace.pay import pay_decision
from workspace.review_flow import STATUS_MEANINGS
from workspace.selectors import findings_of, latest_review

# Why each role element matters, in a line, and the role standard it comes from.
ELEMENTS = [
    ("hourly_pay", "Pay per hour at or above the minimum",
     "Pay that recognises lived experience and training keeps a skilled peer workforce.", "pay"),
    ("peer_supervision", "Supervision by someone trained in peer support",
     "Supervisors who have worked or trained in peer support protect the role's integrity.",
     "supervision"),
    ("lived_experience", "Lived experience asked for",
     "The peer role is built on shared lived experience of recovery.", None),
    ("paid_training", "Paid time for training, continuing education or networking",
     "Peer roles need outside training and networking that few organizations provide inside.",
     "training-and-networking"),
    ("cps_credential", "CPS certification (or working toward it)",
     "Trained and certified peer specialists know the role and its Code of Ethics.", None),
]


@dataclass
class ElementCheck:
    key: str
    label: str
    why: str
    standard_slug: str | None
    present: bool
    detail: str = ""

    @property
    def status(self) -> str:
        """The word the page, the print view and the files all use."""
        return "Present" if self.present else "Missing"


# A report lists at most this many findings in full, and at most REPEATS_LISTED of one
# rule pattern: a description that repeats a duty a thousand times gets a readable report,
# and the page, the print view and the files stay small and quick to make.
FINDINGS_LISTED = 200
REPEATS_LISTED = 3


@dataclass
class Repeats:
    """Findings of a pattern beyond the REPEATS_LISTED shown in full: counted, marked in the text."""

    first: "ReportFinding"  # the first finding of the pattern, listed in full
    findings: list = field(default_factory=list)


@dataclass
class TaskGroup:
    task: str
    title: str
    findings: list = field(default_factory=list)  # listed in full
    repeats: list[Repeats] = field(default_factory=list)


@dataclass
class ReportFinding:
    """A finding as the report lists it: its number, its task's title and whether it is
    listed in full. Reads through to the finding (a stored row or a jdcheck.Finding)."""

    finding: object
    number: int
    title: str
    listed: bool = False

    def __getattr__(self, name):
        return getattr(self.__dict__["finding"], name)

    @property
    def severity_label(self) -> str:
        """The severity in the report's words (workspace.models.Severity), never its code."""
        return Severity(self.severity).label

    @property
    def stored(self):
        """The stored row (for disputes and verdicts); None for a quick check."""
        return self.finding if hasattr(self.finding, "pk") else None


@dataclass
class Piece:
    """A stretch of the job description text, highlighted when findings are marked on it."""

    text: str
    findings: list[ReportFinding] = field(default_factory=list)

    @property
    def labelled(self) -> list[ReportFinding]:
        """The findings listed in full, whose numbers the label after the mark shows."""
        return [finding for finding in self.findings if finding.listed]


# Highlights this close merge into one mark: spaces or tabs between them, never a line break.
JOINS_MARKS = re.compile(r"[ \t]*")


def highlight(text: str, findings: list[ReportFinding]) -> list[Piece]:
    """Split the text into plain and highlighted pieces in reading order.

    Overlapping findings, and findings only spaces apart, share one highlight (a
    <mark> cannot nest, and a label inside a phrase would split it); the piece
    lists them all.
    """
    pieces, cursor = [], 0
    for finding in sorted(findings, key=lambda finding: finding.start):
        start, end = finding.start, finding.end
        if not (0 <= start < end <= len(text)):
            continue
        last = pieces[-1] if pieces and pieces[-1].findings else None
        if last and (start <= cursor or JOINS_MARKS.fullmatch(text, cursor, start)):
            if end > cursor:
                last.text += text[cursor:end]
                cursor = end
            last.findings.append(finding)
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], [finding]))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces


def element_checks(elements: dict, pay_verdict: str, minimum_hourly_pay) -> list[ElementCheck]:
    """The role elements, with pay as decided at check time (never recomputed here)."""
    checks = []
    for key, label, why, standard_slug in ELEMENTS:
        value = elements.get(key)
        if key == "hourly_pay":
            present = pay_verdict == PayVerdict.MEETS
            if value is None:
                detail = "No hourly pay found in the description."
            else:
                detail = f"${value:,.2f} per hour against the ${minimum_hourly_pay:,.2f} minimum."
        else:
            present, detail = bool(value), ""
        checks.append(ElementCheck(key, label, why, standard_slug, present, detail))
    return checks


def summary_line(findings: list, checks: list[ElementCheck]) -> str:
    duties = len(findings)
    missing = sum(1 for check in checks if not check.present)
    if duties == 0 and missing == 0:
        return ("No duties conflict with the CPS role, and every role element is present. "
                "This description is consistent with the role.")
    parts = []
    if duties:
        parts.append(f"{duties} dut{'y conflicts' if duties == 1 else 'ies conflict'} "
                     "with the CPS role")
    else:
        parts.append("No duties conflict with the CPS role")
    if missing:
        parts.append(f"{missing} role element{'' if missing == 1 else 's'} missing")
    else:
        parts.append("every role element is present")
    return "; ".join(parts) + "."


def in_reading_order(findings) -> list:
    """Findings by where they start in the text; ties keep the order given (the
    stored position). Their numbers on the page, in the list and in the text, are
    this order whatever the grouping."""
    return sorted(findings, key=lambda finding: finding.start)


def task_title(task_titles: dict[str, str], slug: str) -> str:
    return task_titles.get(slug) or capfirst(slug.replace("_", " "))


def build_report(text: str, findings, elements: dict, pay_verdict: str, minimum_hourly_pay,
                 task_titles: dict[str, str]) -> dict:
    """Everything the report template and the exports need, from stored or fresh findings.

    `findings` are all of them, numbered in reading order; `listed` the ones shown in full
    (each one's `listed` says which); each group's `repeats` and `unlisted` the rest.
    """
    report_findings = [
        ReportFinding(finding, number, task_title(task_titles, finding.task))
        for number, finding in enumerate(in_reading_order(findings), start=1)
    ]
    groups: dict[str, TaskGroup] = {}
    listed_of_pattern: Counter = Counter()
    repeats: dict[tuple, Repeats] = {}
    listed, unlisted = [], []
    for finding in report_findings:
        group = groups.setdefault(finding.task, TaskGroup(finding.task, finding.title))
        pattern = (finding.task, finding.pattern or finding.matched.casefold())
        finding.listed = (listed_of_pattern[pattern] < REPEATS_LISTED
                          and len(listed) < FINDINGS_LISTED)
        if finding.listed:
            if not listed_of_pattern[pattern]:
                repeats[pattern] = Repeats(finding)
            listed_of_pattern[pattern] += 1
            group.findings.append(finding)
            listed.append(finding)
        elif pattern in repeats:
            if not repeats[pattern].findings:
                group.repeats.append(repeats[pattern])
            repeats[pattern].findings.append(finding)
        else:
            unlisted.append(finding)
    checks = element_checks(elements, pay_verdict, minimum_hourly_pay)
    return {
        "pieces": highlight(text, report_findings),
        "findings": report_findings,
        "listed": listed,
        "unlisted": unlisted,
        "findings_listed_limit": FINDINGS_LISTED,
        "groups": list(groups.values()),
        "element_checks": checks,
        "summary": summary_line(report_findings, checks),
        "is_clean": not report_findings and all(c.present for c in checks),
    }


def quick_report(text: str, result) -> dict:
    """The report of a fresh check that is not stored (the quick check), with the questions
    a peer specialist offered the job could ask the employer."""
    pay_verdict, minimum_hourly_pay = pay_decision(result)
    context = build_report(
        text, result.findings, result.elements.to_dict(), pay_verdict, minimum_hourly_pay,
        task_titles(),
    )
    context["questions"] = list(questions_to_ask(
        tasks_found={finding.task for finding in result.findings},
        elements_missing={check.key for check in context["element_checks"] if not check.present},
    ))
    return _with_advisories(
        context, [advisory.to_dict() for advisory in result.advisories], result.complete
    )


def review_report(version, review, user, *, body: bool = True) -> dict:
    """The report of one review of one version, as page, print view and files show it.

    Without `body`, only what surrounds the report body (report_cache renders that).
    """
    organization = version.job_description.organization
    context = {
        "version": version,
        "review": review,
        "job_description": version.job_description,
        "organization": organization,
        "membership": Membership.objects.filter(organization=organization, user=user).first(),
        "decision": review.decisions.select_related("curator").first() if review else None,
        "status_meaning": STATUS_MEANINGS[version.review_status],
        "text": version.text,
    }
    if review and body:
        context.update(report_of_review(version, review))
    return context


def changes_since_previous(version, review) -> dict | None:
    """How the findings of `review` differ from the latest review of the version before
    (as the compare page counts them), or None for a first version or an unchecked one."""
    previous = version.job_description.versions.filter(number__lt=version.number).order_by(
        "-number"
    ).first()
    previous_review = latest_review(previous) if previous else None
    if review is None or previous_review is None:
        return None
    fields = ("task", "sentence")
    findings = classify_findings(list(previous_review.findings.only(*fields)),
                                 list(review.findings.only(*fields)))
    return {"previous": previous, **{label: len(group) for label, group in findings.items()}}


def report_of_review(version, review) -> dict:
    """The report body's parts for a stored review."""
    return _with_advisories(build_report(
        version.text, list(findings_of(review)), review.elements, review.pay_verdict,
        review.minimum_hourly_pay, task_titles(),
    ), review.advisories, review.complete)


def _with_advisories(context: dict, advisories: list[dict], complete: bool) -> dict:
    context["advisories"] = advisories
    context["complete"] = complete
    context["is_clean"] = context["is_clean"] and complete
    return context
