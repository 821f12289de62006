"""Readiness section scores: only shared, submitted assessments count, and only from
enough organizations."""

import pytest
from django.core.management import call_command

from readiness import services
from readiness.models import Rating
from statewide.figures import statewide_tables
from tests.readiness.conftest import answer_all
from tests.statewide.conftest import table

pytestmark = pytest.mark.django_db


def assess(organization, *, share=True):
    admin = organization.created_by
    assessment = services.assessment_start(organization=organization, user=admin)
    answer_all(assessment, admin, Rating.FULLY)
    submitted = services.assessment_submit(assessment=assessment, user=admin)
    services.assessment_share(assessment=submitted, share=share)


def readiness_cells():
    return [row.cells[0] for row in table(statewide_tables(), "readiness-sections").rows]


def test_section_scores_come_from_shared_assessments_of_enough_organizations(build):
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))
    organizations = build(6, texts=())
    assert readiness_cells() == []  # nothing before any assessment is shared
    for organization in organizations[:4]:
        assess(organization)
    assess(organizations[4], share=False)
    assert readiness_cells() and all(cell.suppressed for cell in readiness_cells())
    assess(organizations[5])
    assert all(cell.display == "100%" for cell in readiness_cells())
