"""The pay verdict is decided when a description is checked and stored with the review."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from standards import rules
from workspace import services
from workspace.checking import REVISION_KEY
from workspace.models import PayVerdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def raise_pay_standard(monkeypatch):
    """Publish a new pay standard (the figure the rules take from the role standard)."""

    def raise_to(minimum: float) -> None:
        monkeypatch.setattr(rules, "minimum_hourly_pay", lambda: minimum)
        cache.delete(REVISION_KEY)  # what rules_changed does once the change commits

    return raise_to


def pay_line(page: str) -> str:
    return next(line for line in page.splitlines() if "per hour against the" in line)


def test_a_stored_review_keeps_its_pay_verdict_after_the_standard_changes(
    client, admin_user, submission, raise_pay_standard
):
    review = submission.reviews.get()
    assert review.pay_verdict == PayVerdict.MEETS
    assert review.minimum_hourly_pay == Decimal("15.00")
    client.force_login(admin_user)
    before = client.get(submission.get_absolute_url()).content.decode()

    raise_pay_standard(20.0)
    after = client.get(submission.get_absolute_url()).content.decode()
    assert pay_line(after) == pay_line(before)
    assert "$18.50 per hour against the $15.00 minimum" in after
    assert "is below" not in after  # no advisory, so no "below" beside the "meets"

    recheck = services.version_recheck(version=submission)
    assert (recheck.pay_verdict, recheck.minimum_hourly_pay) == (PayVerdict.BELOW, Decimal("20.00"))
    page = client.get(recheck.get_absolute_url()).content.decode()
    assert "$18.50 per hour against the $20.00 minimum" in page and "is below $20.00" in page


def test_the_quick_check_decides_pay_the_same_way(client, raise_pay_standard):
    raise_pay_standard(20.0)
    page = client.post("/check/", {"text": "Share lived experience. Pay: $18.50 per hour."})
    text = page.content.decode()
    assert "$18.50 per hour against the $20.00 minimum" in text and "is below $20.00" in text
    assert "Missing:" in pay_context(text)


def pay_context(page: str) -> str:
    at = page.index("Pay per hour at or above the minimum")
    return page[at - 200:at]


def test_the_migration_decides_stored_reviews_from_their_elements_and_advisories(submission):
    from importlib import import_module

    from django.apps import apps

    from workspace.models import Review

    migration = import_module("workspace.migrations.0007_review_pay_verdict")
    review = submission.reviews.get()
    below = {"element": "hourly_pay", "message": "Below.",
             "figures": {"hourly_pay": 14.0, "minimum_hourly_pay": 16.5}}
    cases = [
        ({"hourly_pay": 18.5}, [], PayVerdict.MEETS, Decimal("15.00")),
        ({"hourly_pay": 14.0}, [below], PayVerdict.BELOW, Decimal("16.50")),
        ({"hourly_pay": None}, [], PayVerdict.NOT_STATED, Decimal("15.00")),
    ]
    for elements, advisories, verdict, minimum in cases:
        Review.objects.filter(pk=review.pk).update(
            elements=elements, advisories=advisories, pay_verdict="", minimum_hourly_pay=None
        )
        migration.fill_pay_verdicts(apps, None)
        review.refresh_from_db()
        assert (review.pay_verdict, review.minimum_hourly_pay) == (verdict, minimum)
