"""Curator actions are recorded with who did them and when.

An admin *change* recording its user is tested in tests/standards/test_seed.py;
here: an admin *addition*, and a decision recorded through the curator pages.
"""

import pytest
from django.conf import settings
from django.utils import timezone

from tests.conftest import sign_in
from toolkit.models import Topic
from workspace.models import CuratorDecision, Outcome

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL


def test_history_middleware_is_installed():
    assert "simple_history.middleware.HistoryRequestMiddleware" in settings.MIDDLEWARE


def test_admin_addition_records_the_curator_and_the_time(client, curator):
    sign_in(client, curator)
    before = timezone.now()
    response = client.post(ADMIN + "toolkit/topic/add/", {
        "name": "Supervision", "slug": "supervision", "description": "", "order": "3",
    })
    assert response.status_code == 302
    record = Topic.objects.get(slug="supervision").history.get()
    assert record.history_type == "+"
    assert record.history_user == curator
    assert before <= record.history_date <= timezone.now()


def test_curator_decision_stores_the_curator_and_the_time(client, submission, curator):
    sign_in(client, curator)
    before = timezone.now()
    client.post(f"/workspace/curation/versions/{submission.pk}/", {
        "outcome": Outcome.CONSISTENT, "comments": "Fine as written.",
    })
    decision = CuratorDecision.objects.get(version=submission)
    assert decision.curator == curator
    assert before <= decision.created_at <= timezone.now()
