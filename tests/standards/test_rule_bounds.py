"""Curators' rules have size and complexity bounds, refused with a form error that
says the limit: a huge or deeply nested pattern, a task with too many patterns, or
an over-long example can no longer make checking (or saving) slow, or give a 500."""

import pytest

from jdcheck import PatternError, RulesetError, compile_pattern, load_ruleset
from jdcheck.patterns import (
    MAX_PATTERN_ALTERNATIVES,
    MAX_PATTERN_CHARS,
    MAX_PATTERN_GAPS,
    MAX_PATTERN_NESTING,
)
from jdcheck.ruleset import MAX_EXAMPLE_CHARS, MAX_TASK_PATTERNS, Ruleset
from tests.standards.test_rules import edit_rule, rule

pytestmark = pytest.mark.django_db


def refused(response, *messages):
    assert response.status_code == 200  # the form again, not a 500
    page = response.content.decode()
    for message in messages:
        assert message in page, message
    return page


def test_600_nested_brackets_are_a_form_error_not_a_500(seeded, curator_client):
    pattern = "(" * 600 + "notes" + ")" * 600
    response = edit_rule(curator_client, "routine_notes", triggers=["progress notes", pattern])
    refused(response, "Line 2:", f"at most {MAX_PATTERN_CHARS} characters")
    assert pattern not in rule("routine_notes").triggers
    deep = "(" * 250 + "notes" + ")" * 250  # within the length bound, too deep to parse
    response = edit_rule(curator_client, "routine_notes", triggers=["progress notes", deep])
    refused(response, "Line 2:", f"nested at most {MAX_PATTERN_NESTING} deep")
    assert deep not in rule("routine_notes").triggers


def test_a_pattern_over_the_length_bound_is_refused_with_the_limit(seeded, curator_client):
    pattern = " ".join(["progress"] * 100) + " notes"
    response = edit_rule(curator_client, "routine_notes", triggers=[pattern])
    refused(response, f"at most {MAX_PATTERN_CHARS} characters")


def test_too_many_gaps_or_alternatives_are_refused(seeded, curator_client):
    gaps = "write " + " ".join(["* notes"] * (MAX_PATTERN_GAPS + 1))
    response = edit_rule(curator_client, "routine_notes", triggers=[gaps])
    refused(response, f"at most {MAX_PATTERN_GAPS} &#x27;*&#x27; gaps")
    bars = "write " + "|".join(f"w{i}" for i in range(MAX_PATTERN_ALTERNATIVES + 2)) + " notes"
    response = edit_rule(curator_client, "routine_notes", triggers=[bars])
    refused(response, f"at most {MAX_PATTERN_ALTERNATIVES} alternatives")


def test_a_task_with_too_many_patterns_is_refused(seeded, curator_client):
    triggers = [f"write note{i}" for i in range(MAX_TASK_PATTERNS + 1)]
    response = edit_rule(curator_client, "routine_notes", triggers=triggers)
    refused(response, f"at most {MAX_TASK_PATTERNS:,} patterns")
    assert len(rule("routine_notes").triggers) < MAX_TASK_PATTERNS


def test_a_32_kb_example_is_refused_before_it_is_checked(seeded, curator_client, monkeypatch):
    from standards import rule_checks

    def never(*args, **kwargs):
        raise AssertionError("an over-long example must be refused before checking")

    monkeypatch.setattr(rule_checks, "example_failures", never)
    example = "Writes progress notes. " * 1400
    response = edit_rule(curator_client, "routine_notes", must_flag=[example])
    refused(response, f"at most {MAX_EXAMPLE_CHARS} characters")


def test_the_shipped_rules_are_inside_every_bound():
    load_ruleset()  # raises RulesetError past a bound


def test_a_rules_file_over_a_bound_does_not_load():
    data = {
        "version": "t",
        "tasks": {"x": {"triggers": [f"write note{i}" for i in range(MAX_TASK_PATTERNS + 1)]}},
    }
    with pytest.raises(RulesetError, match="at most"):
        Ruleset.from_dict(data)
    with pytest.raises(PatternError, match="nested"):
        compile_pattern("[" * 50 + "a" + "]" * 50)
