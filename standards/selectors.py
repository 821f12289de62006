"""Reads of the standards other parts of the portal depend on."""

from standards.models import RoleStandard
from standards.ruleset import load_ruleset

# What the sources set when neither the database nor the ruleset file answers
# (004, Payrate and Ratio, 2017).
DEFAULT_MINIMUM_HOURLY_PAY = 15.00
DEFAULT_PEOPLE_SERVED_PER_FTE = 30
DEFAULT_NETWORKING_TIME_BELOW_FTE = 5


def minimum_hourly_pay() -> float:
    """The published pay standard's minimum, else the ruleset file's parameter."""
    pay = (
        RoleStandard.objects.published()
        .filter(slug="pay", minimum_hourly_pay__isnull=False)
        .values_list("minimum_hourly_pay", flat=True)
        .first()
    )
    if pay is not None:
        return float(pay)
    ruleset = load_ruleset() or {}
    return float(
        ruleset.get("parameters", {}).get("minimum_hourly_pay", DEFAULT_MINIMUM_HOURLY_PAY)
    )


def ratio_figures() -> dict:
    """People served per peer FTE and the FTE below which networking time is required."""
    ratio = (
        RoleStandard.objects.published()
        .filter(slug="ratio")
        .values("people_served_per_fte", "networking_time_below_fte")
        .first()
        or {}
    )
    return {
        "people_served_per_fte": ratio.get("people_served_per_fte")
        or DEFAULT_PEOPLE_SERVED_PER_FTE,
        "networking_time_below_fte": ratio.get("networking_time_below_fte")
        or DEFAULT_NETWORKING_TIME_BELOW_FTE,
    }
