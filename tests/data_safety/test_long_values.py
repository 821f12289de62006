"""Real checker output fits the columns it is stored in (PostgreSQL enforces lengths;
SQLite does not, so this matters on PostgreSQL)."""

import pytest

from jdcheck.evaluate import CORPUS_DIR
from tests.conftest import make_user
from workspace import services
from workspace.models import Finding

pytestmark = pytest.mark.django_db
ACT_TEAM = CORPUS_DIR / "jds" / "act_team.txt"


def test_a_finding_with_a_long_rule_pattern_is_stored_whole():
    owner = make_user("owner@act.example")
    organization = services.organization_create(
        user=owner, name="ACT Team", setting_type="community_team", region="central"
    )
    services.job_description_create(
        organization=organization, title="ACT Peer Specialist", setting_type="",
        text=ACT_TEAM.read_text(encoding="utf-8"), original_filename="", user=owner,
    )
    longest = max(Finding.objects.values_list("pattern", flat=True), key=len)
    assert len(longest) > 300
