"""What is special about a task is in its rule, not in the engine: a rule's
behaviour keys change what the checker does, and a twelfth task a curator adds
is checked, shown and scored without a code change."""

import pytest
from django.core.management import call_command
from django.urls import reverse

import jdcheck
from jdcheck.evaluate import evaluate_corpus
from jdcheck.ruleset import DEFAULT_PATH
from standards.models import ProhibitedTask, TaskRule
from tests.standards.conftest import run_seed
from tests.standards.test_rules import edit_rule, rule

pytestmark = pytest.mark.django_db


def flags(text, data):
    return {f.task for f in jdcheck.check(text, jdcheck.Ruleset.from_dict(data)).findings}


def test_behaviour_keys_change_what_the_checker_does():
    data = jdcheck.default_ruleset().to_dict()
    qualification = "Experience with MAP medication administration required."
    assert "medication_administration" in flags(qualification, data)
    data["tasks"]["medication_administration"]["flag_in_qualifications"] = False
    assert "medication_administration" not in flags(qualification, data)

    governed = "Reviews progress notes in the chart before each shift."
    data = jdcheck.default_ruleset().to_dict()
    assert flags(governed, data) == {"reading_records"}
    data["tasks"]["reading_records"]["governs"] = []
    assert "routine_notes" in flags(governed, data)


def test_a_rule_governing_an_unknown_task_does_not_load():
    data = jdcheck.default_ruleset().to_dict()
    data["tasks"]["case_meetings"]["governs"] = ["no_such_task"]
    with pytest.raises(jdcheck.RulesetError, match="governs names no task: no_such_task"):
        jdcheck.Ruleset.from_dict(data)


def test_seeded_rules_carry_the_files_behaviour(db):
    run_seed(DEFAULT_PATH)
    assert rule("case_meetings").governs == ["reading_records"]
    assert rule("case_meetings").governs_purpose is True
    assert rule("transportation").object_is_people is True
    assert rule("medication_administration").flag_in_qualifications is True


def test_curators_edit_the_behaviour_in_the_admin(seeded, curator_client):
    response = edit_rule(curator_client, "routine_notes", governs="custodial_care, nothing_here")
    assert response.status_code == 200
    assert "No task is called “nothing_here”" in response.content.decode()
    edit_rule(curator_client, "custodial_care", object_is_people="")  # unticked
    assert rule("custodial_care").object_is_people is False


def test_a_twelfth_task_is_checked_shown_and_scored_without_code(
    seeded, client, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = ProhibitedTask.objects.create(
            slug="payroll_duties", title="Running payroll",
            source_document=ProhibitedTask.objects.first().source_document,
        )
        TaskRule.objects.create(
            task=task, triggers=["process payroll", "run [the] payroll"],
            must_flag=["Processes payroll every other Friday."],
            reason="Payroll is an administrative role, not peer support.",
            suggestion="Leave payroll to the finance office.",
        )
    page = client.post(
        reverse("quick_check"), {"text": "Responsibilities:\n- Process payroll for the agency."}
    ).content.decode()
    assert "Running payroll" in page
    assert reverse("standards:task", args=["payroll_duties"]) in page

    exported = tmp_path / "curated.toml"
    call_command("export_rules", output=str(exported))
    ruleset = jdcheck.load_ruleset(exported)
    assert "payroll_duties" in ruleset.tasks
    scores = evaluate_corpus(jdcheck.evaluate.CORPUS_DIR, ruleset)
    assert "payroll_duties" in scores["sentences"]["per_category"]
