import itertools

import pytest
from django.contrib.auth.models import Group

from portal.content import Status
from toolkit.models import Audience, Document, Topic

_numbers = itertools.count(1)


@pytest.fixture
def make_document(db):
    def make(*, topics=(), audiences=(), **fields):
        number = next(_numbers)
        fields.setdefault("title", f"Document {number}")
        fields.setdefault("slug", f"document-{number}")
        fields.setdefault("summary", "A short summary.")
        document = Document.objects.create(**fields)
        document.topics.set(topics)
        document.audiences.set(audiences)
        return document

    return make


@pytest.fixture
def topic(db):
    return Topic.objects.create(
        name="Supervision", slug="supervision", description="Who supervises."
    )


@pytest.fixture
def other_topic(db):
    return Topic.objects.create(name="Funding", slug="funding", order=2)


@pytest.fixture
def supervisors(db):
    return Audience.objects.get(slug="supervisors")


@pytest.fixture
def employers(db):
    return Audience.objects.get(slug="employers")


@pytest.fixture
def draft(make_document):
    return make_document(
        title="Unreleased supervision guide", slug="unreleased", status=Status.DRAFT
    )


@pytest.fixture
def curator_client(staff_client, staff_user):
    """A staff member in the Curators group, which the migration gives the toolkit rights."""
    staff_user.groups.add(Group.objects.get(name="Curators"))
    return staff_client


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
