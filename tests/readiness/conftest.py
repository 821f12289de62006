import pytest
from django.core.management import call_command

from readiness import services
from readiness.models import Rating, Statement
from tests.workspace.conftest import (  # noqa: F401 (fixtures)
    SAMPLE_JD,
    admin_user,
    former_member,
    member_user,
    organization,
    outsider,
    submission,
)


@pytest.fixture
def seeded(db):
    """The standards, the toolkit and the readiness instrument, as `manage.py seed` makes them."""
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))


def answer_all(assessment, member, rating=Rating.FULLY, **by_slug):
    """Rate every published statement `rating`, except those named by slug; notes say why."""
    answers = {}
    for statement in Statement.objects.published():
        chosen = by_slug.get(statement.slug.replace("-", "_"), rating)
        answers[statement] = (chosen, f"Evidence for {chosen}", "")
    services.answers_save(assessment=assessment, member=member, answers=answers)


@pytest.fixture
def draft(seeded, organization, admin_user):  # noqa: F811 (fixtures)
    return services.assessment_start(organization=organization, user=admin_user)


@pytest.fixture
def submitted(draft, admin_user):  # noqa: F811 (fixtures)
    answer_all(draft, admin_user, staffing_ratio=Rating.NOT_IN_PLACE,
               supervisors_attend_approved_training=Rating.PARTLY,
               diverse_workforce=Rating.NOT_APPLICABLE)
    return services.assessment_submit(assessment=draft, user=admin_user)
