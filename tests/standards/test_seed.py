import re
from decimal import Decimal

import pytest
from django.conf import settings

from jdcheck import RulesetError, load_ruleset
from jdcheck.ruleset import DEFAULT_PATH as RULESET_PATH
from standards import selectors
from standards.models import (
    Competency,
    CompetencyFramework,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
)
from tests.standards.conftest import run_seed

pytestmark = pytest.mark.django_db
MODELS = [
    SourceDocument,
    EthicsPrinciple,
    CompetencyFramework,
    Competency,
    RoleStandard,
    ProhibitedTask,
]
ADMIN = "/" + settings.ADMIN_URL


def snapshot():
    state = {}
    for model in MODELS:
        state[model.__name__] = list(model.objects.order_by("pk").values())
        state[model.__name__ + " history"] = model.history.count()
    state["task ethics"] = list(
        ProhibitedTask.ethics.through.objects.order_by("pk").values_list(
            "prohibitedtask_id", "ethicsprinciple_id"
        )
    )
    return state


def test_seeding_twice_changes_nothing():
    run_seed()
    before = snapshot()
    output = run_seed()
    assert snapshot() == before
    assert "created" not in output and "updated" not in output


def test_seeding_loads_what_the_sources_confirm(seeded):
    assert list(EthicsPrinciple.objects.values_list("number", "title", "verified")) == [
        (7, "Respect for Privacy", True),
        (10, "Dual Roles", True),
    ]
    counts = {
        framework.slug: framework.competencies.count()
        for framework in CompetencyFramework.objects.all()
    }
    assert counts == {
        "samhsa-core-competencies": 17,  # twelve categories and five principles
        "naps-practice-guidelines": 12,
        "mha-ncps-domains": 6,
    }
    ratio = RoleStandard.objects.get(slug="ratio")
    assert (ratio.people_served_per_fte, ratio.networking_time_below_fte, ratio.figure_year) == (
        30,
        5,
        2017,
    )
    pay = RoleStandard.objects.get(slug="pay")
    assert (pay.minimum_hourly_pay, pay.figure_year) == (Decimal("15.00"), 2017)


def test_competency_descriptions_are_left_for_curators(seeded):
    assert not Competency.objects.exclude(description="").exists()


def test_every_seeded_record_cites_its_source(seeded):
    for model in (EthicsPrinciple, RoleStandard, ProhibitedTask):
        for record in model.objects.select_related("source_document"):
            assert record.source_document.title
            assert record.source_section, record
    assert SourceDocument.objects.get(key="004").file_name == "004_24d69d2ab747aade.txt"


def test_prohibited_tasks_come_from_the_ruleset(seeded):
    payee = ProhibitedTask.objects.get(slug="representative_payee")
    assert payee.title == "Serving as a representative payee"
    assert payee.examples == [
        "Serves as representative payee for members.",
        "Delivers daily funds to clients.",
    ]
    assert list(payee.ethics.values_list("number", flat=True)) == [10]
    notes = ProhibitedTask.objects.get(slug="routine_notes")
    assert notes.source_document.key == "004"
    assert notes.source_section == "Core Tasks: Routine Notes"
    custodial = ProhibitedTask.objects.get(slug="custodial_care")
    assert custodial.source_document.key == "001"
    assert not custodial.ethics.exists()


def test_every_ruleset_source_cites_its_document_by_title_and_section(seeded):
    from standards.seed import source_of

    sources = {document.key: document for document in SourceDocument.objects.all()}
    for slug, rule in load_ruleset(RULESET_PATH).to_dict()["tasks"].items():
        assert not re.search(r"\b00\d(_[0-9a-f]+\.txt)?\b", rule["source"]), slug
        document, section = source_of(rule["source"], sources)
        assert document.key in {"001", "002", "004"} and section, slug
        assert rule["source"].startswith(f"{document.publisher}, {document.title} ({document.year})")
    document, section = source_of(
        "Transcom, Transcom Brief: Certified Peer Specialists (2019), Future of the Certified "
        "Peer Specialist Workforce", sources
    )
    assert (document.key, section) == ("001", "Future of the Certified Peer Specialist Workforce")


def test_a_ruleset_source_naming_no_document_by_title_is_refused(seeded):
    from standards.seed import source_of

    sources = {document.key: document for document in SourceDocument.objects.all()}
    with pytest.raises(ValueError, match="Publisher, Title"):
        source_of("004_24d69d2ab747aade.txt, Core Tasks: Routine Notes", sources)


def test_a_malformed_ruleset_file_is_refused_before_anything_is_seeded(db, tmp_path):
    broken = tmp_path / "rules.toml"
    broken.write_text("version = 'x'\n[tasks.notes]\ntriggers = ['(notes']\ngoverns = ['x']\n")
    with pytest.raises(RulesetError, match="governs names no task"):
        run_seed(ruleset_path=broken)
    assert not ProhibitedTask.objects.exists()


def test_curator_flag_protects_a_record_from_reseeding(seeded):
    ProhibitedTask.objects.filter(slug="routine_notes").update(
        title="Curated title", edited_by_curator=True
    )
    task = ProhibitedTask.objects.get(slug="routine_notes")
    task.ethics.clear()
    run_seed()
    task.refresh_from_db()
    assert task.title == "Curated title"
    assert not task.ethics.exists()


def test_curator_admin_edit_survives_reseeding(seeded, curator_client):
    pay = RoleStandard.objects.get(slug="pay")
    url = f"{ADMIN}standards/rolestandard/{pay.pk}/change/"
    form = curator_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data["minimum_hourly_pay"] = "16.50"
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    run_seed()
    pay.refresh_from_db()
    assert pay.edited_by_curator
    assert pay.minimum_hourly_pay == Decimal("16.50")
    assert selectors.minimum_hourly_pay() == 16.5
    assert pay.history.first().history_user.email == "curator@transcom.example"


def test_the_checker_ruleset_seeds_all_eleven_tasks(db):
    run_seed(ruleset_path=RULESET_PATH)
    expected = set(load_ruleset().tasks)
    assert set(ProhibitedTask.objects.values_list("slug", flat=True)) == expected
    assert len(expected) == 11
