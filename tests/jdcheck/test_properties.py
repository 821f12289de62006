"""Properties that hold for any text (hypothesis; derandomized in CI by tests/conftest.py)."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from jdcheck import check
from jdcheck.evaluate import CORPUS_DIR

JDS = sorted((CORPUS_DIR / "jds").glob("*.txt"))
DESCRIPTIONS = [p.read_text(encoding="utf-8") for p in JDS]

# Text built from job-description vocabulary, bullets and punctuation, so that
# generated examples actually reach triggers, negations and headings.
WORDS = st.sampled_from(
    "pass meds medication administer not never no does will the peer specialist nurses "
    "about us responsibilities transport clients van drive write progress notes EHR chart "
    "review charts attend rounds huddles at person's request own notes may occasionally "
    "assist with bed checks laundry answer phones caseload triage drug screens $18/hr "
    "lived experience CPS supervised by payee funds • - 1. a) : ; , . \n \n\n ’ é".split(" ")
)
JD_TEXT = st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=60).map(" ".join)
PLAIN_TEXT = st.lists(
    st.sampled_from("the weather was pleasant and everyone enjoyed lunch together today".split()),
    min_size=1,
    max_size=30,
).map(lambda words: " ".join(words) + ".")


@settings(deadline=None, max_examples=300)
@given(JD_TEXT)
def test_spans_index_the_original_text(text):
    for finding in check(text).findings:
        assert text[finding.start : finding.end] == finding.matched
        assert finding.matched in finding.sentence
        assert text.find(finding.sentence) != -1


@settings(deadline=None, max_examples=200)
@given(JD_TEXT)
def test_output_is_deterministic(text):
    assert check(text) == check(text)


@settings(deadline=None, max_examples=100)
@given(st.sampled_from(DESCRIPTIONS), PLAIN_TEXT)
def test_appending_unrelated_text_never_removes_a_finding(description, tail):
    def keys(text):
        return {(f.task, f.start, f.end) for f in check(text).findings}

    before = keys(description)
    for joined in (description + "\n\n" + tail, description + "\n" + tail, description + " " + tail):
        assert before <= keys(joined)


@settings(deadline=None, max_examples=100)
@given(JD_TEXT, JD_TEXT)
def test_appending_heading_free_text_keeps_findings_of_a_description(text, tail):
    tail = tail.replace(":", " ").replace("\n", " ")
    before = {(f.task, f.start) for f in check(text + "\n\n").findings}
    after = {(f.task, f.start) for f in check(text + "\n\n" + tail).findings}
    assert before <= after


def test_adversarial_repeated_near_matches_finish():
    # 100,000 near-matches: every word starts a trigger that never completes
    text = "administer the the the " * 25_000 + "pass " * 50_000 + "med " * 25_000
    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 60  # catches a hang, not a speed test


def test_adversarial_single_long_line_of_gaps_finishes():
    text = ("drive " + "x " * 3) * 100_000
    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 60
