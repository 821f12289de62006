"""One-letter typing errors in a duty's key word are read as the word meant, and
English words never are (jdcheck/typos.py)."""

import pytest

from jdcheck import check
from jdcheck.typos import TypoIndex


def tasks(text: str) -> set[str]:
    return {f.task for f in check(text).findings}


@pytest.mark.parametrize(
    "text, task",
    [
        ("Adminsters medicaton to residents at bedtime.", "medication_administration"),  # missing, swapped
        ("Documnets each contact in the client record.", "routine_notes"),  # swapped letters
        ("Attends weekly treatmnet team meetings.", "case_meetings"),
        ("Transprots members to their appointments.", "transportation"),
        ("Provides case managemnt to young adults.", "clinical_case_management"),  # one missing
    ],
)
def test_a_one_letter_typo_in_the_key_word_still_finds_the_duty(text, task):
    assert task in tasks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Helps members who want it become their own payer of bills.",  # payer is not payee
        "Counts votes at the member council.",  # votes is not notes
        "Supports tenants in mediation with their landlords.",  # mediation is not medication
    ],
)
def test_an_english_word_is_never_read_as_a_rule_word(text):
    assert tasks(text) == set()


def test_only_words_of_five_letters_or_more_that_no_rule_names_are_corrected():
    index = TypoIndex({"medication", "notes", "chart"})
    assert index.correct("medicaton") == "medication"
    assert index.correct("medication") == "medication"
    assert index.correct("chrt") == "chrt"  # four letters: too short to judge
    assert index.correct("mdicatoin") == "mdicatoin"  # two errors: not a one-letter typo
    assert index.correct("payer") == "payer"  # an English word stays as written


def test_the_evidence_quotes_the_text_as_written():
    finding = check("Adminsters medicaton twice daily.").findings[0]
    assert finding.matched == "Adminsters medicaton"
