"""One date format site-wide, and figures with thousands separators."""

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template

TEMPLATES = Path(settings.BASE_DIR) / "templates"
NAMED_FORMATS = {"DATE_FORMAT", "DATETIME_FORMAT"}


def test_no_template_formats_dates_its_own_way():
    own_ways = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text("utf-8")
        # Machine-readable dates in a datetime="..." attribute are ISO, not for reading.
        text = re.sub(r'datetime="[^"]*"', "", text)
        for argument in re.findall(r"\|date:[\"']([^\"']*)[\"']", text):
            if argument not in NAMED_FORMATS:
                own_ways.append(f"{path.relative_to(TEMPLATES)}: {argument}")
    assert not own_ways, own_ways


def test_dates_read_day_month_year_everywhere():
    rendered = Template('{{ day|date }} | {{ moment|date:"DATETIME_FORMAT" }}').render(Context({
        "day": date(2026, 12, 2),
        "moment": datetime(2026, 12, 2, 19, 5, tzinfo=ZoneInfo("UTC")),
    }))
    assert rendered == "2 December 2026 | 2 December 2026, 14:05"  # in Massachusetts time


@pytest.mark.django_db
def test_staffing_figures_on_the_dashboard_have_thousands_separators(client):
    from tests.conftest import make_user
    from workspace import services

    admin = make_user("admin@big.example")
    organization = services.organization_create(
        user=admin, name="Big Network", setting_type="community_team", region="statewide",
        people_served=12500, peer_fte=400,
    )
    client.force_login(admin)
    html = client.get(organization.get_absolute_url()).content.decode()
    assert "For 12,500 people served" in html
