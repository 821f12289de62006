"""The corpus labelling tool: what it stores, what it refuses, and how a second read is kept
apart from the first. Sentences of our own; no posting text."""

import json

import pytest

from jdcheck import labelling
from jdcheck.labelling import LabelError, add, compare, label, locate, pending, review
from jdcheck.realcorpus import kept_text, read_excerpt, sha256

RAW = ("Home | Jobs\nPeer Specialist\nDuties: Drive members to appointments in the agency van. "
       "Attend treatment team meetings. Co-lead a WRAP group.\nApply now")
NONE = {"hourly_pay": None, "peer_supervision": False, "lived_experience": True,
        "paid_training": False, "cps_credential": False}


def added(folder, url="https://example.org/jobs/1", raw=RAW, keep=None):
    return add(folder, url=url, title="Peer Specialist - example", query="peer job", rank=3,
               raw=raw, by="collX", keep=keep, check_exclusion=False)


def test_an_excerpt_is_stored_with_its_trim_part_and_hashes(tmp_path):
    keep = [[12, len(RAW) - 10]]
    record = added(tmp_path, keep=keep)
    text = (tmp_path / "texts" / f"{record['id']}.txt").read_text(encoding="utf-8")
    assert text == kept_text(RAW, keep) and text.startswith("Peer Specialist")
    assert (record["sha256"], record["raw_sha256"]) == (sha256(text), sha256(RAW))
    assert record["id"] == sha256("https://example.org/jobs/1")[:12]
    assert record["part"] in ("tuning", "validation", "heldout")


def test_a_page_held_twice_or_copied_from_another_board_is_refused(tmp_path):
    added(tmp_path)
    with pytest.raises(LabelError, match="already held"):
        added(tmp_path)
    with pytest.raises(LabelError, match="same posting"):
        added(tmp_path, url="https://elsewhere.example/job/9", raw="Posted today. " + RAW)
    with pytest.raises(LabelError, match="outside the excerpt"):
        added(tmp_path, url="https://example.org/jobs/2", raw="Other words.", keep=[[0, 99]])


def test_a_measurement_page_is_refused(tmp_path, monkeypatch):
    tool = tmp_path / "excluded"
    tool.write_text("import sys\nprint('excluded  ' + sys.argv[2])\nsys.exit(1)\n")
    monkeypatch.setattr(labelling, "EXCLUDED_TOOL", tool)
    with pytest.raises(LabelError, match="excluded"):
        add(tmp_path, url="https://example.org/m", title="t", query="q", rank=1, raw=RAW, by="c")
    assert not (tmp_path / "texts").exists()


def test_findings_are_located_by_quote_and_checked():
    text = "Drive members. Attend meetings. Drive members."
    with pytest.raises(LabelError, match="occurs 2 times"):
        locate(text, {"findings": [{"quote": "Drive members", "task": "transportation"}],
                      "elements": NONE})
    settled = locate(text, {"findings": [{"quote": "Drive members", "task": "transportation",
                                          "occurrence": 2}], "elements": NONE})
    assert settled["findings"][0]["start"] == text.rindex("Drive members")
    for bad, message in (
        ({"quote": "Fly members", "task": "transportation"}, "not in the text"),
        ({"quote": "Attend meetings", "task": "meetings"}, "is not one of"),
    ):
        with pytest.raises(LabelError, match=message):
            locate(text, {"findings": [bad], "elements": NONE})
    with pytest.raises(LabelError, match="exactly the keys"):
        locate(text, {"findings": [], "elements": {"hourly_pay": None}})


def test_a_second_read_is_by_someone_else_and_shows_the_differences(tmp_path):
    record = added(tmp_path)
    first = {"findings": [{"quote": "Drive members to appointments in the agency van",
                           "task": "transportation", "note": "assigned driving"}],
             "elements": NONE, "notes": ["WRAP group co-led: permitted"]}
    label(tmp_path, record["id"], first, by="collX")
    assert pending(tmp_path, "collX") == [] and pending(tmp_path, "rev1") == [record["id"]]
    second = {"findings": first["findings"] + [
        {"quote": "Attend treatment team meetings", "task": "case_meetings"}],
        "elements": {**NONE, "lived_experience": False}}
    lines = compare(tmp_path, record["id"], second)
    assert any(line.startswith("second read only: case_meetings") for line in lines)
    assert any("element lived_experience" in line for line in lines)
    with pytest.raises(LabelError, match="someone other"):
        review(tmp_path, record["id"], second, by="collX")
    review(tmp_path, record["id"], {**second, "disagreements": ["team meeting: guide row"]},
           by="rev1")
    assert pending(tmp_path, "rev2") == []


def test_an_excerpt_saved_as_a_json_string_is_read_exactly(tmp_path):
    excerpt = "Peer \u2019role\u2019\n\n\u2022 Drives  members \n"
    path = tmp_path / "e.json"
    path.write_text(json.dumps(excerpt, ensure_ascii=False), encoding="utf-8")
    assert read_excerpt(path) == excerpt
