"""Curated checker rules: safe edits in admin, preview, the checker's cache and
version, the curators' page, export and `checkjd`."""

import json
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

import jdcheck
from jdcheck.evaluate import CORPUS_DIR
from jdcheck.ruleset import DEFAULT_PATH as RULESET_PATH
from standards.models import (
    Competency,
    CompetencyFramework,
    EmployerQuestion,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
    TaskRule,
)
from standards.rules import _toml_string
from tests.conftest import make_curator, make_user, sign_in
from tests.standards.conftest import run_seed
from workspace import services
from workspace.checking import check_text, current_ruleset

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL
PETTY_CASH = "Keeps the petty cash box for residents' allowances."


def task_url(slug):
    return f"{ADMIN}standards/prohibitedtask/{ProhibitedTask.objects.get(slug=slug).pk}/change/"


def form_data(client, url):
    """The change form's current values, as the browser would post them back."""
    response = client.get(url)
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += formset.forms
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, list | tuple):  # the task's ethics (many-to-many)
                data[form.add_prefix(name)] = [str(v) for v in value]
            else:
                data[form.add_prefix(name)] = "" if value is None else value
    return data


def edit_rule(client, slug, note="Tuning the rule.", preview=False, **changes):
    """Post the task's change form with the rule's fields changed (lists as lists)."""
    url = task_url(slug)
    data = form_data(client, url)
    for name, value in {**changes, "change_note": note}.items():
        data[f"rule-0-{name}"] = "\n".join(value) if isinstance(value, list) else value
    if preview:  # the change form's preview button posts the form to the preview page
        data["_preview"] = "Preview effect on the corpus"
        url = url.replace("/change/", "/preview/")
    return client.post(url, data)


def rule(slug):
    return TaskRule.objects.get(task__slug=slug)


# --- seeding ---


def test_seeding_loads_each_tasks_rule_from_the_ruleset_file(seeded):
    payee = rule("representative_payee")
    assert payee.is_active
    assert payee.triggers == ["rep payee", "representative payee", "deliver * daily funds"]
    assert payee.ethics == [10]
    assert payee.must_not_flag == ["At the member's request, helps them practise budgeting."]
    assert TaskRule.objects.count() == 3


def test_seeding_twice_changes_no_rule(seeded):
    before = list(TaskRule.objects.order_by("pk").values()), TaskRule.history.count()
    output = run_seed()
    assert (list(TaskRule.objects.order_by("pk").values()), TaskRule.history.count()) == before
    assert "created" not in output and "updated" not in output


def test_seeding_keeps_a_curators_rule_edit(seeded, curator_client):
    response = edit_rule(curator_client, "routine_notes", triggers=["progress notes", "case notes"])
    assert response.status_code == 302
    run_seed()
    assert rule("routine_notes").triggers == ["progress notes", "case notes"]
    assert rule("routine_notes").edited_by_curator


# --- validation on save ---


def test_an_edit_that_unflags_a_must_flag_example_is_refused_and_changes_nothing(
    seeded, curator_client, django_capture_on_commit_callbacks
):
    version = current_ruleset().version
    history = TaskRule.history.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_rule(
            curator_client, "representative_payee", triggers=["rep payee", "representative payee"]
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This example would no longer be flagged: “Delivers daily funds to clients.”" in page
    assert len(rule("representative_payee").triggers) == 3
    assert TaskRule.history.count() == history
    assert current_ruleset().version == version


def test_an_edit_that_flags_a_must_not_flag_example_is_refused(seeded, curator_client):
    response = edit_rule(
        curator_client,
        "routine_notes",
        must_not_flag=["Keeps own notes for scheduling.", "Writes progress notes daily."],
    )
    assert response.status_code == 200
    assert "This example would be flagged: “Writes progress notes daily.”" in (
        response.content.decode()
    )
    assert rule("routine_notes").must_not_flag == ["Keeps own notes for scheduling."]


def test_a_malformed_pattern_is_refused_with_a_message(seeded, curator_client):
    response = edit_rule(
        curator_client, "routine_notes", triggers=["progress notes", "(case notes|notes"]
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Line 2: Missing &#x27;)&#x27; at position" in page
    assert rule("routine_notes").triggers == ["progress notes"]


@pytest.mark.parametrize("pattern", [r"progress\s+notes", "notes.*", "(?i)notes", "* notes"])
def test_regular_expressions_are_not_patterns(seeded, curator_client, pattern):
    response = edit_rule(curator_client, "routine_notes", triggers=[pattern])
    assert response.status_code == 200
    assert "Line 1:" in response.content.decode()


def test_every_change_needs_a_note(seeded, curator_client):
    response = edit_rule(curator_client, "routine_notes", note="  ", triggers=["case notes"])
    assert response.status_code == 200
    assert "Say why you are making this change." in response.content.decode()
    assert rule("routine_notes").triggers == ["progress notes"]


# --- a valid edit reaches the checker at once ---


def test_a_valid_edit_changes_quick_check_and_checkjd_at_once_and_bumps_the_version(
    seeded, curator_client, client, tmp_path, django_capture_on_commit_callbacks
):
    url = reverse("quick_check")
    before = current_ruleset().version
    assert "/standards/tasks/representative_payee/" not in client.post(
        url, {"text": PETTY_CASH}
    ).content.decode()

    triggers = [*rule("representative_payee").triggers, "petty cash"]
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_rule(
            curator_client, "representative_payee", note="Petty cash is money handling.",
            triggers=triggers,
        )
    assert response.status_code == 302

    after = current_ruleset().version
    assert after != before and after.startswith(jdcheck.default_ruleset().label + "+")
    page = client.post(url, {"text": PETTY_CASH}).content.decode()
    assert "/standards/tasks/representative_payee/" in page
    assert after in page

    path = tmp_path / "jd.txt"
    path.write_text(PETTY_CASH, encoding="utf-8")
    out = tmp_path / "out.json"
    with out.open("w") as stdout:
        call_command("checkjd", str(path), format="json", stdout=stdout)
    [result] = json.loads(out.read_text())
    assert result["file"] == str(path)
    assert result["ruleset_version"] == after
    assert [f["task"] for f in result["findings"]] == ["representative_payee"]

    record = rule("representative_payee").history.first()
    assert record.history_change_reason == "Petty cash is money handling."
    assert record.history_user.email == "curator@transcom.example"


def test_checkjd_reads_jsonl(seeded, tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 7, "text": "Completes progress notes."}) + "\n")
    call_command("checkjd", str(path), jsonl=True)
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == 7
    assert [f["task"] for f in line["findings"]] == ["routine_notes"]


def test_reviews_store_the_version_they_used(seeded):
    owner = make_user("admin@acme.example")
    organization = services.organization_create(
        user=owner, name="Acme", setting_type="residential", region="western"
    )
    _, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="",
        text="Completes progress notes.", original_filename="", user=owner,
    )
    review = version.reviews.get()
    assert review.ruleset_version == current_ruleset().version
    assert [finding.task for finding in review.findings.all()] == ["routine_notes"]


def test_a_draft_rule_has_no_effect(seeded, django_capture_on_commit_callbacks):
    version = current_ruleset().version
    task = ProhibitedTask.objects.create(
        slug="gardening", title="Gardening", source_document=SourceDocument.objects.first()
    )
    with django_capture_on_commit_callbacks(execute=True):
        draft = TaskRule.objects.create(
            task=task, status=TaskRule.Status.DRAFT, triggers=["water * plants"], reason="Why."
        )
    assert current_ruleset().version == version
    assert check_text("Waters the house plants.").findings == ()

    with django_capture_on_commit_callbacks(execute=True):
        draft.status = TaskRule.Status.ACTIVE
        draft.save()
    assert current_ruleset().version != version
    assert [f.task for f in check_text("Waters the house plants.").findings] == ["gardening"]


def test_identical_rules_give_identical_versions(
    seeded, curator_client, django_capture_on_commit_callbacks
):
    original = current_ruleset().version
    triggers = rule("routine_notes").triggers
    with django_capture_on_commit_callbacks(execute=True):
        edit_rule(curator_client, "routine_notes", triggers=[*triggers, "case notes"])
    assert current_ruleset().version != original
    with django_capture_on_commit_callbacks(execute=True):
        edit_rule(curator_client, "routine_notes", note="Undo.", triggers=triggers)
    assert current_ruleset().version == original


def test_database_rules_seeded_from_the_file_have_the_files_version(db):
    assert current_ruleset().version == jdcheck.default_ruleset().version  # nothing seeded
    run_seed(ruleset_path=RULESET_PATH)
    assert TaskRule.objects.count() == len(jdcheck.default_ruleset().tasks)
    assert current_ruleset().version == jdcheck.default_ruleset().version


# --- preview ---


def test_preview_shows_findings_gained_and_lost_without_saving(seeded, curator_client):
    history = TaskRule.history.count()
    response = edit_rule(
        curator_client,
        "representative_payee",
        preview=True,
        triggers=["representative payee", "deliver * daily funds", "client funds"],
    )
    assert response.status_code == 200
    preview = response.context["rule_preview"]
    gained = [change.sentence for change in preview["gained"]]
    lost = [change.sentence for change in preview["lost"]]
    assert "Manage client funds and maintain accurate ledgers." in gained
    assert "Assist the rep payee with disbursing weekly allowances." in lost
    page = response.content.decode()
    assert "Preview: effect of this rule on the development corpus" in page
    assert "Manage client funds and maintain accurate ledgers." in page
    assert rule("representative_payee").triggers[0] == "rep payee"
    assert TaskRule.history.count() == history


def test_the_preview_carries_the_edit_back_to_be_saved(seeded, curator_client):
    triggers = ["representative payee", "deliver * daily funds", "client funds"]
    response = edit_rule(
        curator_client, "representative_payee", note="Client funds too.", preview=True,
        triggers=triggers,
    )
    carried = {}
    for name, value in response.context["carried"]:
        carried.setdefault(name, []).append(value)
    assert carried["rule-0-triggers"] == ["\n".join(triggers)]
    assert "_preview" not in carried
    page = response.content.decode()
    change_url = task_url("representative_payee")
    assert f'action="{change_url}"' in page and 'value="Save this rule"' in page
    assert rule("representative_payee").triggers[0] == "rep payee"  # still not saved
    saved = curator_client.post(change_url, {**carried, "_continue": "Save this rule"})
    assert saved.status_code == 302
    assert rule("representative_payee").triggers == triggers


def test_the_change_form_offers_the_preview(seeded, curator_client):
    page = curator_client.get(task_url("routine_notes")).content.decode()
    preview_url = task_url("routine_notes").replace("/change/", "/preview/")
    assert f'formaction="{preview_url}"' in page


def test_preview_of_an_invalid_edit_shows_the_error_instead(seeded, curator_client):
    history = TaskRule.history.count()
    response = edit_rule(curator_client, "routine_notes", preview=True, triggers=["notes ("])
    assert "rule_preview" not in response.context
    assert "Line 1:" in response.content.decode()
    assert 'value="Save this rule"' not in response.content.decode()
    assert TaskRule.history.count() == history


def test_preview_never_reads_the_held_back_corpus(seeded, curator_client, monkeypatch):
    read = []
    real_open, real_read_text = Path.open, Path.read_text
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: read.append(self) or real_open(
        self, *a, **k))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read.append(self) or
                        real_read_text(self, *a, **k))
    response = edit_rule(
        curator_client, "representative_payee", preview=True,
        triggers=["representative payee", "deliver * daily funds", "client funds"],
    )
    assert response.context["rule_preview"]["gained"]
    corpus = [path for path in read if CORPUS_DIR in path.parents]
    assert corpus, "the preview reads the development corpus"
    assert not [path for path in corpus if "heldout" in path.relative_to(CORPUS_DIR).parts]
    wheres = {c.where for c in response.context["rule_preview"]["gained"]}
    assert wheres <= {"sentences"} | {p.name for p in (CORPUS_DIR / "jds").glob("*.txt")}


def test_preview_is_refused_to_non_curators_and_saves_nothing(seeded, client, curator_client):
    url = task_url("representative_payee")
    data = form_data(curator_client, url)
    data["rule-0-triggers"] = "client funds"
    data["rule-0-change_note"] = "Trying."
    preview_url = url.replace("/change/", "/preview/")
    curator_client.logout()
    assert client.post(preview_url, data).status_code == 302  # a visitor: sign in first
    staff = make_curator("staffer@transcom.example", in_curators=False)
    sign_in(client, staff)
    assert client.post(preview_url, data).status_code == 404  # staff, not a curator
    curator = make_curator("unconfirmed@transcom.example")
    sign_in(client, curator, second_factor=False)
    response = client.post(preview_url, data)
    assert response.status_code == 302 and "rule_preview" not in (response.context or {})
    client.force_login(make_user("member@example.org"))
    assert client.post(preview_url, data).status_code == 302  # not staff: admin login
    assert rule("representative_payee").triggers[0] == "rep payee"


# --- the curators' page ---


def test_curators_page_lists_examples_and_history(seeded, curator_client):
    edit_rule(curator_client, "routine_notes", note="Case notes too.", triggers=[
        "progress notes", "case notes",
    ])
    page = curator_client.get(reverse("standards:rules")).content.decode()
    assert "Completes progress notes in the EHR." in page  # must_flag
    assert "Keeps own notes for scheduling." in page  # must_not_flag
    assert "Case notes too." in page and "curator@transcom.example" in page
    assert "added <q>case notes</q>" in page


def test_curators_page_is_404_for_everyone_else(seeded, client, staff_client):
    url = reverse("standards:rules")
    assert client.get(url).status_code == 404
    assert staff_client.get(url).status_code == 404  # staff, but not a curator
    client.force_login(make_user("member@example.org"))
    assert client.get(url).status_code == 404


# --- export ---


def empty_the_database():
    for model in (
        EmployerQuestion, TaskRule, ProhibitedTask, RoleStandard, Competency,
        CompetencyFramework, EthicsPrinciple, SourceDocument,
    ):
        model.objects.all().delete()


def test_export_round_trips_through_an_empty_database(
    seeded, curator_client, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edit_rule(curator_client, "routine_notes", note='Quotes "and" \\ too.', triggers=[
            "progress notes", "case notes",
        ], reason='Notes "about" people.\nSecond line.')
    version = current_ruleset().version
    path = tmp_path / "rules.toml"
    call_command("export_rules", output=str(path))
    exported = tomllib.loads(path.read_text(encoding="utf-8"))
    assert jdcheck.Ruleset.from_dict(exported).version == version

    with django_capture_on_commit_callbacks(execute=True):
        empty_the_database()
        run_seed(ruleset_path=path)
    assert rule("routine_notes").reason == 'Notes "about" people.\nSecond line.'
    assert current_ruleset().version == version


def test_export_of_the_seeded_file_rules_reads_back_the_same(db, capsys):
    run_seed(ruleset_path=RULESET_PATH)
    call_command("export_rules")
    exported = jdcheck.Ruleset.from_dict(tomllib.loads(capsys.readouterr().out))
    assert exported.to_dict() == jdcheck.default_ruleset().to_dict()


@given(st.text())
def test_toml_strings_read_back_unchanged(text):
    assert tomllib.loads(f"x = {_toml_string(text)}")["x"] == text


def test_every_real_rule_passes_its_own_examples_as_the_admin_checks_them(db):
    """An unchanged rule must be savable: the admin's check sees what the portal runs."""
    from standards.rule_checks import example_failures
    from standards.rules import ruleset_data

    run_seed(RULESET_PATH)
    tasks = ruleset_data()["tasks"]
    assert len(tasks) == 11
    for slug, table in tasks.items():
        assert example_failures(slug, table) == {"must_flag": [], "must_not_flag": []}, slug
