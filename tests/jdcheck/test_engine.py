"""The checker: output shape, negation scope, whose duty, permitted contexts, severity."""

import pytest

from jdcheck import CATEGORIES, PatternError, Ruleset, RulesetError, check, load_ruleset


def tasks(text: str) -> set[str]:
    return {f.task for f in check(text).findings}


def test_result_shape():
    text = "Responsibilities\n- Pass meds to residents.\n\nPay: $14.00/hr"
    result = check(text)
    assert set(result.to_dict()) == {"findings", "advisories", "elements", "ruleset_version", "complete"}
    assert result.complete is True
    (finding,) = result.findings
    assert set(finding.to_dict()) == {
        "task", "severity", "start", "end", "sentence", "matched",
        "reason", "ethics", "suggestion", "pattern",
    }
    assert finding.task == "medication_administration"
    assert finding.matched == text[finding.start : finding.end] == "Pass meds"
    assert finding.sentence == "Pass meds to residents."
    assert finding.ethics == (10,)
    assert result.ruleset_version == load_ruleset().version


def test_findings_in_reading_order_one_per_task_and_sentence():
    findings = check("Drive the van and transport clients. Pass meds; write progress notes.").findings
    assert [f.task for f in findings] == [
        "transportation", "medication_administration", "routine_notes",
    ]
    assert [f.start for f in findings] == sorted(f.start for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Does not administer medication.",
        "The peer specialist will never pass meds.",
        "Is not responsible for writing progress notes.",
        "No MAP certification required.",
        "Case management is not part of this role.",
        "Will not be expected to attend treatment team meetings or case conferences.",
        "Gets to know people through conversation rather than by reading their charts.",
    ],
)
def test_negated_duties_are_clean(text):
    assert tasks(text) == set()


@pytest.mark.parametrize(
    "text, task",
    [
        ("Duties include, but are not limited to, documenting contacts in the EHR.", "routine_notes"),
        ("Not only passes medications but also drives the van.", "medication_administration"),
        ("Not only passes medications but also drives the van.", "transportation"),
        ("Does not need a degree, but will administer medications.", "medication_administration"),
        ("Transports clients who do not have cars.", "transportation"),
        ("Provides rides to clients without transportation.", "transportation"),
    ],
)
def test_negation_is_scoped_to_its_clause(text, task):
    assert task in tasks(text)


def test_a_negated_lead_in_carries_to_its_items():
    text = "The peer specialist will not be asked to:\n- pass medications\n- write progress notes\n"
    assert tasks(text) == set()
    assert tasks("Duties include:\n- pass medications\n- write progress notes\n") == {
        "medication_administration", "routine_notes",
    }


def test_semicolon_items_inherit_a_negated_lead():
    assert tasks("The mentor will not: pass meds; drive the van; do bed checks.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Nurses administer medications; the peer specialist does not.",
        "Our clinic offers medication management, therapy and case management.",
        "Medication administration is the responsibility of nursing staff.",
        "Urine drug screens are collected by nursing staff.",
        "Case managers maintain caseloads.",
        "We provide transportation to all program appointments.",
    ],
)
def test_other_peoples_duties_are_clean(text):
    assert tasks(text) == set()


def test_peer_named_with_another_role_is_still_the_peers_duty():
    assert "medication_administration" in tasks("Nurses and peer specialists administer medications.")
    assert "routine_notes" in tasks("Review progress notes written by clinicians and write notes.")


def test_about_us_heading_covers_what_follows_until_a_duty_heading():
    text = (
        "About us\nRiverbend provides medication administration, case management and transport.\n"
        "Other team members\nNurses pass meds. Drivers run the van.\n\n"
        "Responsibilities\n- Attend daily rounds.\n"
    )
    findings = check(text).findings
    assert [f.task for f in findings] == ["case_meetings"]
    assert findings[0].sentence == "Attend daily rounds."


@pytest.mark.parametrize(
    "text",
    [
        "At the person's request, accompanies them to appointments.",
        "If requested by the individual, helps them schedule their own appointments.",
        "Takes their own notes for memory and scheduling.",
        "Attends advisory, quality and policy meetings.",
        "Helps people learn about treatment options, including medication.",
        "Debriefs people after restraint or seclusion.",
        "Supports individuals to prepare questions for their prescriber.",
        "Teaches budgeting skills.",
        "Completes own timesheets.",
        "Valid driver's license required.",
    ],
)
def test_permitted_contexts_are_clean(text):
    assert tasks(text) == set()


def test_permitted_context_is_scoped_to_its_clause():
    text = "At the person's request, helps them prepare for appointments; also drives the agency van."
    assert tasks(text) == {"transportation"}


@pytest.mark.parametrize(
    "text, severity",
    [
        ("May occasionally assist with med pass.", "caution"),
        ("Drives clients to appointments as needed.", "caution"),
        ("Assist nursing staff with the evening med pass.", "caution"),
        ("Passes medications at 8 pm.", "violation"),
        ("Attend ISP meetings and help write goals.", "violation"),
    ],
)
def test_hedged_duties_are_cautions(text, severity):
    assert check(text).findings[0].severity == severity


def test_typical_job_description_phrasing_is_covered():
    phrases = {
        "medication_administration": ["pass meds", "med pass", "MAP certified", "medication log",
                                      "observe self-administration of medication"],
        "representative_payee": ["rep payee", "manage client funds", "disburse allowance"],
        "routine_notes": ["write progress notes", "document encounters in the EHR", "chart on residents"],
        "treatment_planning": ["complete ISPs", "intake assessments", "administer the PHQ-9"],
        "reading_records": ["review client records", "review charts", "review the client's history"],
        "case_meetings": ["attend treatment team meetings", "case conferences", "clinical rounds",
                          "huddles"],
        "custodial_care": ["assist residents with ADLs", "hygiene assistance for residents",
                           "do laundry", "bed checks", "overnight monitoring"],
        "clerical_duties": ["answer phones", "reception", "data entry", "filing",
                            "schedule appointments for clinicians"],
        "transportation": ["drive the agency van", "transport clients to appointments"],
        "clinical_case_management": ["maintain a caseload", "case management", "symptom monitoring",
                                     "crisis assessment", "triage", "provide counseling",
                                     "provide therapy", "care coordination", "determine eligibility"],
        "compliance_monitoring": ["drug screens", "urine screens", "breathalyzer", "room searches",
                                  "report violations to probation", "assist with restraint"],
    }
    missed = [(slug, p) for slug, ps in phrases.items() for p in ps if slug not in tasks(p.capitalize() + ".")]
    assert missed == []


def test_ruleset_round_trip_and_version():
    ruleset = load_ruleset()
    again = Ruleset.from_dict(ruleset.to_dict())
    assert again.version == ruleset.version
    assert ruleset.version.startswith("2025.1+") and len(ruleset.version.split("+")[1]) == 10


def test_any_edit_changes_the_version():
    data = load_ruleset().to_dict()
    data["tasks"]["transportation"]["triggers"].append("drive * tractor")
    assert Ruleset.from_dict(data).version != load_ruleset().version


def test_parameters_override_changes_version_and_advisory():
    ruleset = load_ruleset()
    higher = ruleset.with_parameters(minimum_hourly_pay=16.5)
    assert higher.version != ruleset.version
    assert higher.parameters["minimum_hourly_pay"] == 16.5
    assert check("Pay: $16.00 per hour.", ruleset).advisories == ()
    (advisory,) = check("Pay: $16.00 per hour.", higher).advisories
    assert advisory.figures == {"hourly_pay": 16.0, "minimum_hourly_pay": 16.5}


def test_a_database_built_ruleset_is_used():
    data = {
        "version": "db-7",
        "parameters": {"minimum_hourly_pay": 15.0},
        "tasks": {"transportation": {"title": "Transport", "triggers": ["drive * tractor"]}},
    }
    result = check("Drive the farm tractor.", Ruleset.from_dict(data))
    assert [f.pattern for f in result.findings] == ["drive * tractor"]
    assert result.ruleset_version.startswith("db-7+")


def test_bad_pattern_is_reported_when_checking():
    data = {"version": "x", "tasks": {"transportation": {"triggers": ["(drive"]}}}
    with pytest.raises(PatternError, match="Missing"):
        check("text", Ruleset.from_dict(data))


@pytest.mark.parametrize(
    "data, message",
    [
        ({"tasks": {}}, "version"),
        ({"version": "1"}, "at least one"),
        ({"version": "1", "tasks": {"t": {"triggers": "x"}}}, "list of strings"),
        ({"version": "1", "tasks": {"t": {"triggers": ["x"], "ethics": ["7"]}}}, "item numbers"),
        ({"version": "1", "tasks": {"t": {"triggers": ["x"], "colour": "red"}}}, "Unknown key"),
        ({"version": "1", "parameters": {"minimum_hourly_pay": "15"}, "tasks": {"t": {"triggers": ["x"]}}},
         "must be a number"),
    ],
)
def test_malformed_rulesets_are_refused(data, message):
    with pytest.raises(RulesetError, match=message):
        Ruleset.from_dict(data)


def test_shipped_rules_cover_every_category():
    assert set(load_ruleset().tasks) == set(CATEGORIES)
