import pytest

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
def submission(organization, admin_user):
    """A job description with one checked version."""
    job_description, version = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=SAMPLE_JD, original_filename="", user=admin_user,
    )
    return version


@pytest.fixture
def revision(submission, admin_user):
    """A second version of the submission, so that versions can be compared."""
    return services.version_submit(
        job_description=submission.job_description, user=admin_user,
        text=SAMPLE_JD.replace("Pass medications", "Support people with"),
    )


@pytest.fixture
def private_urls(submission, revision):
    """Every page that reads an organization's data or needs curator powers, by name."""
    from django.urls import reverse

    from portal.content import Status
    from toolkit.models import Document

    job_description = submission.job_description
    organization = job_description.organization
    draft = Document.objects.create(
        title="Unreleased guide", slug="unreleased-guide", summary="Not yet.",
        status=Status.DRAFT,
    )
    return {
        "organization": reverse("workspace:organization", args=[organization.pk]),
        "members": reverse("workspace:members", args=[organization.pk]),
        "create": reverse("workspace:job_description_create", args=[organization.pk]),
        "curator_reads": reverse("workspace:curator_reads", args=[organization.pk]),
        "export": reverse("workspace:organization_export", args=[organization.pk]),
        "delete_organization": reverse("workspace:organization_delete", args=[organization.pk]),
        "organization_edit": reverse("workspace:organization_edit", args=[organization.pk]),
        "archive": reverse("workspace:job_description_archive", args=[job_description.pk]),
        "job_description": reverse("workspace:job_description", args=[job_description.pk]),
        "revise": reverse("workspace:job_description_revise", args=[job_description.pk]),
        "compare": reverse("workspace:compare", args=[job_description.pk]),
        "version": reverse("workspace:version", args=[submission.pk]),
        "review": reverse("workspace:review", args=[submission.reviews.get().pk]),
        "print": reverse("workspace:version_print", args=[submission.pk]),
        "pdf": reverse("workspace:version_pdf", args=[submission.pk]),
        "docx": reverse("workspace:version_docx", args=[submission.pk]),
        "curation_queue": reverse("workspace:curation_queue"),
        "curation_decide": reverse("workspace:curation_decide", args=[submission.pk]),
        "curation_disputes": reverse("workspace:curation_disputes"),
        "rules": reverse("standards:rules"),
        "statewide": reverse("statewide:overview"),
        "statewide_csv": reverse("statewide:all_csv"),
        "statewide_table_csv": reverse("statewide:table_csv", args=["prohibited-tasks"]),
        "draft_preview": draft.get_absolute_url(),
    }
