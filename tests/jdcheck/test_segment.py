"""Segmentation: the units a reader sees, as spans of the original text."""

from jdcheck.segment import HEADING, LEAD, TEXT, segment


def units(text):
    return [(u.kind, text[u.start : u.end]) for u in segment(text)]


def leads(text):
    return {text[u.start : u.end]: text[u.lead[0] : u.lead[1]] for u in segment(text) if u.lead}


def test_bullets_of_every_kind_become_items():
    text = "• Pass meds\n- Drive van\n* Answer phones\n– File charts\n1. Do notes\n2) Read charts\na) Attend rounds\n"
    assert [t for k, t in units(text) if k == TEXT] == [
        "Pass meds",
        "Drive van",
        "Answer phones",
        "File charts",
        "Do notes",
        "Read charts",
        "Attend rounds",
    ]


def test_headings_are_recognised():
    text = "ABOUT US\nWe are a clinic.\n\nEssential Functions\n- Pass meds.\n## Benefits\nGood pay."
    kinds = units(text)
    assert (HEADING, "ABOUT US") in kinds
    assert (HEADING, "Essential Functions") in kinds
    assert (HEADING, "Benefits") in kinds


def test_sentences_split_but_not_at_abbreviations():
    text = "Supports people, e.g. at the RLC. Meets at 9 a.m. daily. Drives the van."
    assert [t for _, t in units(text)] == [
        "Supports people, e.g. at the RLC.",
        "Meets at 9 a.m. daily.",
        "Drives the van.",
    ]


def test_wrapped_lines_join_into_one_sentence():
    text = "Provide transportation to clients\nin the agency van when needed.\nAnswer phones."
    assert [t for _, t in units(text)] == [
        "Provide transportation to clients\nin the agency van when needed.",
        "Answer phones.",
    ]


def test_semicolon_lists_split_and_inherit_the_colon_lead():
    text = "Duties include: pass meds; drive the van; answer phones."
    assert [t for k, t in units(text) if k == TEXT] == ["pass meds", "drive the van", "answer phones."]
    assert set(leads(text).values()) == {"Duties include:"}


def test_items_after_a_lead_line_inherit_it_until_a_new_paragraph():
    text = (
        "The peer specialist will not be asked to:\n- pass meds\n\n- write notes\n\n"
        "Other text here.\n- drive the van\n"
    )
    inherited = leads(text)
    assert inherited["pass meds"] == "The peer specialist will not be asked to:"
    assert inherited["write notes"] == "The peer specialist will not be asked to:"
    assert "Other text here." not in inherited
    assert "drive the van" not in inherited


def test_inline_heading_leads_its_own_line():
    text = "About us: Riverbend offers therapy. It also offers housing.\nNext line."
    assert units(text)[0] == (HEADING, "About us")
    inherited = leads(text)
    assert inherited["Riverbend offers therapy."] == "About us:"
    assert "Next line." not in inherited


def test_lead_line_ends_with_colon():
    assert (LEAD, "Responsibilities include the following tasks for the role:") in units(
        "Responsibilities include the following tasks for the role:\n- a\n"
    )


def test_inline_bullets_split():
    text = "Duties • pass meds • drive the van"
    assert [t for k, t in units(text) if k != HEADING][-2:] == ["pass meds", "drive the van"]


def test_spans_always_index_the_text():
    text = "\r\n  • Pass meds;  write notes \r\n\tABOUT US:\r\n We drive. "
    for unit in segment(text):
        assert text[unit.start : unit.end] == text[unit.start : unit.end].strip()
        assert unit.start < unit.end
