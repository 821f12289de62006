import pytest

import jdcheck
from standards import selectors
from standards.models import RoleStandard
from standards.services import peer_fte_needed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("people", "fte", "networking"),
    [(45, 2, True), (30, 1, True), (31, 2, True), (150, 5, False), (151, 6, False), (0, 0, False)],
)
def test_peer_fte_needed_follows_the_ratio_standard(seeded, people, fte, networking):
    result = peer_fte_needed(people)
    assert result["peer_fte_needed"] == fte
    assert result["networking_time_required"] is networking


def test_ratio_figures_come_from_the_role_standard(seeded):
    RoleStandard.objects.filter(slug="ratio").update(people_served_per_fte=20)
    assert peer_fte_needed(45)["peer_fte_needed"] == 3


def test_ratio_calculator_page_gives_fte_and_networking_time(client, seeded):
    response = client.get("/standards/role/", {"people_served": "45"})
    html = response.content.decode()
    assert "<strong>2 peer FTE</strong>" in html
    assert "Paid networking time is required" in html


def test_ratio_calculator_rejects_nonsense_with_a_message(client, seeded):
    response = client.get("/standards/role/", {"people_served": "-3"})
    assert response.status_code == 200
    assert "peer FTE</strong>" not in response.content.decode()
    assert response.context["form"].errors["people_served"]


def test_minimum_hourly_pay_comes_from_the_published_pay_standard(seeded):
    RoleStandard.objects.filter(slug="pay").update(minimum_hourly_pay="17.25")
    assert selectors.minimum_hourly_pay() == 17.25


def test_minimum_hourly_pay_falls_back_to_the_ruleset_file(db, monkeypatch):
    RoleStandard.objects.filter(slug="pay").update(minimum_hourly_pay=None)
    rules = jdcheck.default_ruleset().with_parameters(minimum_hourly_pay=15.5)
    monkeypatch.setattr(jdcheck, "default_ruleset", lambda: rules)
    assert selectors.minimum_hourly_pay() == 15.5
