import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from portal.roles import CURATORS_GROUP
from tests.conftest import make_user
from workspace import services
from workspace.models import Membership, Role

SAMPLE_JD = """Peer Specialist

Responsibilities:
- Share lived experience of recovery to inspire hope.
- Pass medications to residents during the evening med pass.
- Write progress notes in the EHR after each contact.

Pay: $18.50 per hour. Supervised by a Certified Peer Specialist supervisor.
"""


@pytest.fixture
def organization(db):
    owner = make_user("admin@acme.example")
    return services.organization_create(
        user=owner, name="Acme Recovery", setting_type="residential", region="western",
        people_served=45,
    )


@pytest.fixture
def admin_user(organization):
    return organization.memberships.get(role=Role.ADMIN).user


@pytest.fixture
def member_user(organization):
    member = make_user("member@acme.example")
    Membership.objects.create(organization=organization, user=member, role=Role.MEMBER)
    return member


@pytest.fixture
def outsider(db):
    """A member of another organization."""
    other = make_user("someone@other.example")
    services.organization_create(
        user=other, name="Other Org", setting_type="inpatient", region="metro_boston"
    )
    return other


@pytest.fixture
def former_member(organization):
    former = make_user("former@acme.example")
    membership = Membership.objects.create(organization=organization, user=former)
    services.membership_remove(membership=membership)
    return former


@pytest.fixture
def unverified_user(db):
    return make_user("unverified@acme.example", verified=False)


@pytest.fixture
def curator(db):
    user = make_user("curator@transcom.example", staff=True)
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def submission(organization, admin_user):
    """A job description with one checked version."""
    job_description, version = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=SAMPLE_JD, original_filename="", user=admin_user,
    )
    return version
