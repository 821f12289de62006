"""The phrase language: inflections, alternatives, optional words, gaps, errors."""

import re

import pytest

from jdcheck.patterns import PatternError
from jdcheck.phraseset import PhraseSet
from jdcheck.words import tokenize, word_forms


def matches(pattern: str, text: str) -> list[str]:
    """The matched text of every match of one pattern."""
    tokens = tokenize(text)
    found = PhraseSet([pattern]).find([t.word for t in tokens])
    return [text[tokens[s].start : tokens[e - 1].end] for _, s, e in found]


@pytest.mark.parametrize(
    "text", ["administer", "administers", "administered", "administering", "ADMINISTERS"]
)
def test_a_verb_matches_its_inflections(text):
    assert matches("administer", text) == [text]


@pytest.mark.parametrize(
    "word, forms",
    [
        ("supervise", {"supervises", "supervised", "supervising"}),
        ("note", {"notes", "noted", "noting"}),
        ("plan", {"plans", "planned", "planning"}),
        ("counsel", {"counseling", "counselling", "counseled"}),
        ("summary", {"summaries"}),
        ("drive", {"drives", "driving", "drove", "driven"}),
        ("write", {"writes", "writing", "wrote", "written"}),
        ("address", {"addresses"}),
    ],
)
def test_word_forms_cover_common_inflections(word, forms):
    assert forms <= word_forms(word)


def test_inflection_never_shortens_a_word():
    assert "not" not in word_forms("note")
    assert "driver" not in word_forms("drive")


def test_function_words_are_not_inflected():
    assert word_forms("not") == {"not"}
    assert word_forms("no") == {"no"}


def test_word_alternatives():
    assert matches("pass|deliver meds", "deliver meds") == ["deliver meds"]
    assert matches("pass|deliver meds", "pass meds") == ["pass meds"]
    assert matches("pass|deliver meds", "count meds") == []


def test_phrase_alternatives_in_parentheses():
    pattern = "(rep payee|representative payee) duties"
    assert matches(pattern, "Representative payee duties") == ["Representative payee duties"]
    assert matches(pattern, "rep-payee duties") == ["rep-payee duties"]
    assert matches(pattern, "payee duties") == []


def test_optional_word():
    assert matches("attend [weekly] rounds", "attend weekly rounds") == ["attend weekly rounds"]
    assert matches("attend [weekly] rounds", "attend rounds") == ["attend rounds"]


def test_gap_allows_up_to_four_words():
    assert matches("administer * medication", "administer the prescribed evening medication")
    assert matches("administer * medication", "administer medication")
    assert matches("administer * medication", "administer one two three four five medication") == []


def test_case_and_punctuation_do_not_matter():
    assert matches("PHQ-9", "administer the phq9 at intake") == ["phq9"]
    assert matches("phq 9", "PHQ-9") == ["PHQ-9"]
    assert matches("person's request", "at the persons request") == ["persons request"]


def test_curated_typos_and_spellings_are_recognised():
    assert matches("medication", "medicaton") == ["medicaton"]
    assert matches("program", "programme") == ["programme"]
    assert matches("med pass", "the medpass") == ["medpass"]


def test_match_spans_index_the_text():
    text = "  Pass  MEDS, then chart."
    tokens = tokenize(text)
    ((_, s, e),) = PhraseSet(["pass meds"]).find([t.word for t in tokens])
    assert text[tokens[s].start : tokens[e - 1].end] == "Pass  MEDS"


def test_longest_match_per_start():
    pattern = "administer [all] [prescribed] medication"
    text = "administer all prescribed medication"
    assert matches(pattern, text) == [text]


def test_many_patterns_report_which_matched():
    phrases = PhraseSet(["drug screen", "room search", "breathalyzer"])
    tokens = tokenize("Conduct room searches and breathalyzers.")
    assert [p for p, _, _ in phrases.find([t.word for t in tokens])] == [1, 2]


@pytest.mark.parametrize(
    "pattern, problem",
    [
        ("(rep payee", "Missing ')'"),
        ("rep payee)", "Unbalanced ')'"),
        ("[weekly rounds", "Missing ']'"),
        ("a||b", "Empty alternative"),
        ("|a", "Empty alternative"),
        ("a|", "Empty alternative"),
        ("(|a)", "Empty alternative"),
        ("()", "Empty alternative"),
        ("* meds", "cannot start with '*'"),
        ("[a] * meds", "cannot start with '*'"),
        ("meds *", "cannot end with '*'"),
        ("a * * b", "Two '*' in a row"),
        ("med.+", "is not part of the phrase language"),
        ("", "Empty pattern"),
        ("[optional]", "matches no words"),
    ],
)
def test_malformed_patterns_say_what_is_wrong(pattern, problem):
    with pytest.raises(PatternError, match=re.escape(problem)):
        PhraseSet([pattern])


def test_pattern_error_points_at_the_position():
    with pytest.raises(PatternError) as caught:
        PhraseSet(["pass (meds"])
    assert caught.value.position == len("pass (meds")
    assert "pass (meds" in str(caught.value)


def test_exact_form():
    assert matches("=chart on", "chart on residents") == ["chart on"]
    assert matches("=chart on", "charts on residents") == []
