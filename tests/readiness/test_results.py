"""Scores, summary and plan order from answers (no database: plain stand-ins)."""

from types import SimpleNamespace

from readiness.models import Rating
from readiness.results import Change, action_plan, comparison, scores, summary

ROLE = SimpleNamespace(pk=1, title="The role", order=1)
STAFFING = SimpleNamespace(pk=2, title="Staffing", order=3)


def answer(section, order, rating):
    return SimpleNamespace(statement=SimpleNamespace(section=section, order=order), rating=rating)


def test_not_applicable_is_left_out_of_the_score():
    sections, overall = scores([
        answer(ROLE, 1, Rating.FULLY), answer(ROLE, 2, Rating.NOT_APPLICABLE),
        answer(STAFFING, 1, Rating.PARTLY), answer(STAFFING, 2, Rating.NOT_IN_PLACE),
    ])
    assert [(s.title, s.percent, s.not_applicable) for s in sections] == [
        ("The role", 100, 1), ("Staffing", 25, 0),
    ]
    assert (overall.points, overall.possible, overall.percent) == (3, 6, 50)


def test_a_section_where_nothing_applies_has_no_score():
    sections, overall = scores([answer(ROLE, 1, Rating.NOT_APPLICABLE)])
    assert sections[0].percent is None and overall.percent is None
    assert summary(sections, overall) == (
        "No statement applies to your organization, so there is no score."
    )


def test_the_plan_puts_earlier_sections_first_and_not_in_place_before_partly():
    answers = [
        answer(STAFFING, 1, Rating.NOT_IN_PLACE), answer(ROLE, 1, Rating.PARTLY),
        answer(ROLE, 2, Rating.NOT_IN_PLACE), answer(ROLE, 3, Rating.FULLY),
    ]
    plan = action_plan(answers)
    assert [(a.statement.section.title, a.statement.order) for a in plan] == [
        ("The role", 2), ("The role", 1), ("Staffing", 1),
    ]


def test_comparison_by_section_then_overall():
    now = scores([answer(ROLE, 1, Rating.FULLY), answer(STAFFING, 1, Rating.PARTLY)])
    before = scores([answer(ROLE, 1, Rating.PARTLY)])
    assert comparison(*now, *before) == [
        Change("The role", 50, 100), Change("Staffing", None, 50), Change("Overall", 50, 75),
    ]
    assert [change.difference for change in comparison(*now, *before)] == [50, None, 25]
