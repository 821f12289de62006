"""Answers the portal proposes from what it already knows about an organization.

A proposal is shown as proposed; a member may rate otherwise with a note
(readiness.forms). Each kind is named by the statement's `proposal` field, so
curators choose which statement the data answers.
"""

from dataclasses import dataclass, field

from readiness.models import Proposal, Rating
from standards.services import peer_fte_needed
from workspace.models import PayVerdict, Review, Verdict


@dataclass(frozen=True)
class Proposed:
    rating: str
    reason: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url)

    @property
    def rating_label(self) -> str:
        return Rating(self.rating).label


def proposals_for(organization) -> dict[str, Proposed]:
    """What the organization's data propose, by proposal kind (kinds the data cannot
    answer are absent)."""
    reviews = latest_reviews(organization)
    proposed = {
        Proposal.STAFFING_RATIO: staffing_ratio(organization),
        Proposal.PROHIBITED_TASKS: prohibited_tasks(reviews),
        Proposal.PAY: pay(reviews),
        Proposal.PEER_SUPERVISION: peer_supervision(reviews),
    }
    return {kind: value for kind, value in proposed.items() if value is not None}


def latest_reviews(organization) -> list[Review]:
    """The latest review of each active job description, in title order."""
    return list(
        Review.objects.filter(
            version__job_description__organization=organization,
            version__job_description__archived_at__isnull=True,
        )
        .latest_per_job_description()
        .select_related("version__job_description")
        .order_by("version__job_description__title", "version__job_description_id")
    )


def _by_share(met: int, total: int) -> str:
    if met == total:
        return Rating.FULLY
    return Rating.PARTLY if met else Rating.NOT_IN_PLACE


def staffing_ratio(organization) -> Proposed | None:
    if not organization.people_served or organization.peer_fte is None:
        return None
    ratio = peer_fte_needed(organization.people_served)
    needed, have = ratio["peer_fte_needed"], organization.peer_fte
    if have >= needed:
        rating = Rating.FULLY
    else:
        rating = Rating.PARTLY if have > 0 else Rating.NOT_IN_PLACE
    return Proposed(rating, (
        f"Your organization's figures: {organization.people_served} people served and "
        f"{have.normalize():f} peer FTE. At 1 peer FTE per {ratio['people_served_per_fte']} people, the "
        f"standard asks for at least {needed}."
    ))


def prohibited_tasks(reviews) -> Proposed | None:
    if not reviews:
        return None
    with_findings = [
        review for review in reviews
        # A finding a curator dismissed no longer counts against the description.
        if review.findings.exclude(verdict__verdict=Verdict.DISMISSED).exists()
    ]
    clean = len(reviews) - len(with_findings)
    return Proposed(
        _by_share(clean, len(reviews)),
        f"The latest reviews of your {len(reviews)} active job description"
        f"{'' if len(reviews) == 1 else 's'}: {len(with_findings)} with duties that conflict "
        "with the role.",
        [(review.version.job_description.title, review.version.get_absolute_url())
         for review in with_findings],
    )


def pay(reviews) -> Proposed | None:
    stated = [review for review in reviews if review.pay_verdict != PayVerdict.NOT_STATED]
    if not stated:
        return None
    meets = [review for review in stated if review.pay_verdict == PayVerdict.MEETS]
    lowest = min(stated, key=lambda review: review.elements.get("hourly_pay") or 0)
    return Proposed(
        _by_share(len(meets), len(stated)),
        f"{len(stated)} of your active job descriptions state an hourly rate; {len(meets)} "
        f"meet the minimum in force when they were checked. The lowest is "
        f"${lowest.elements['hourly_pay']:,.2f} against ${lowest.minimum_hourly_pay:,.2f}.",
        [(review.version.job_description.title, review.version.get_absolute_url())
         for review in stated if review.pay_verdict == PayVerdict.BELOW],
    )


def peer_supervision(reviews) -> Proposed | None:
    if not reviews:
        return None
    stating = [review for review in reviews if review.elements.get("peer_supervision")]
    return Proposed(
        _by_share(len(stating), len(reviews)),
        f"{len(stating)} of your {len(reviews)} active job descriptions state supervision by "
        "someone trained in peer support.",
        [(review.version.job_description.title, review.version.get_absolute_url())
         for review in reviews if not review.elements.get("peer_supervision")],
    )
