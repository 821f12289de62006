"""The pay verdict: decided once, when a description is checked, and stored with the review.

Decided from the checker's own result, so the verdict always agrees with its pay
advisory: "below" exactly when the checker gave one, against the minimum it used.
"""

from decimal import Decimal

from workspace.checking import current_ruleset
from workspace.models import PayVerdict


def pay_decision(result) -> tuple[str, Decimal]:
    """(verdict, minimum hourly pay) for a fresh jdcheck result."""
    for advisory in result.advisories:
        if advisory.element == "hourly_pay":
            return PayVerdict.BELOW, money(advisory.figures["minimum_hourly_pay"])
    # No advisory: the rules just used are the current ones.
    minimum = money(current_ruleset().parameters["minimum_hourly_pay"])
    if result.elements.hourly_pay is None:
        return PayVerdict.NOT_STATED, minimum
    return PayVerdict.MEETS, minimum


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))
