"""Reads of the standards other parts of the portal depend on."""

from django.db.models import Q

import jdcheck
from portal.content import Status
from standards.models import EmployerQuestion, RoleStandard

# What the sources set when the database does not answer (the Massachusetts peer
# support community's 2017 response to DMH's RFI, Ratio). The pay default is the
# ruleset's parameter, one figure for the checker and the portal.
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
    return float(jdcheck.default_ruleset().parameters["minimum_hourly_pay"])


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


def questions_to_ask(*, tasks_found, elements_missing):
    """The published questions for a check's result: those of the tasks it found and of
    the role elements it missed, in the curators' order."""
    return (
        EmployerQuestion.objects.published()
        .filter(
            Q(task__slug__in=set(tasks_found), task__status=Status.PUBLISHED)
            | Q(element__in=set(elements_missing))
        )
        .select_related("source_document", "task", "role_standard")
    )
