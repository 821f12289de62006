"""The real-postings corpus: its manifest is whole and consistent, its texts can be
verified and re-created by hash, and `make eval-real` scores what is present.

The texts themselves are third-party and never in the project; these tests use
the manifest alone, and sentences of our own for the tools."""

import json

from jdcheck import CATEGORIES, load_ruleset
from jdcheck.evaluate import ELEMENTS
from jdcheck.realcorpus import (
    MANIFEST,
    _own_words,
    build_manifest,
    load_manifest,
    main,
    part_of,
    restore,
    score_part,
    sha256,
    text_status,
)

POSTINGS = load_manifest()


def test_the_manifest_is_consistent():
    assert len({p["id"] for p in POSTINGS}) == len({p["url"] for p in POSTINGS}) == len(POSTINGS)
    for p in POSTINGS:
        assert p["part"] == part_of(p["url"]), p["id"]  # by the URL's hash, never by choice
        assert p["id"] == sha256(p["url"])[:12]
        assert set(p["elements"]) == set(ELEMENTS)
        for f in p["findings"]:
            assert f["task"] in CATEGORIES
            assert 0 <= f["start"] < f["end"] <= p["length"]
        assert all(0 <= a < b <= p["raw_length"] for a, b in p["keep"])


def test_every_label_had_a_second_read_by_someone_else():
    for p in POSTINGS:
        assert p["reviewer"] and p["reviewer"] != p["labeller"], p["id"]


def test_the_held_back_part_is_large_enough_to_measure():
    assert sum(p["part"] == "heldout" for p in POSTINGS) >= 20


RAW = "Home | Jobs | Sign in\nPeer Specialist\nDrives members to appointments.\nApply now"


def posting_of(raw, keep, findings=(), elements=None):
    text = "\n".join(raw[a:b] for a, b in keep)
    return {
        "id": "abc", "url": "https://example.org/jobs/1", "query": "peer specialist job",
        "raw_sha256": sha256(raw), "raw_length": len(raw), "keep": keep,
        "sha256": sha256(text), "length": len(text), "part": "tuning",
        "findings": list(findings),
        "elements": elements or dict.fromkeys(ELEMENTS, False) | {"hourly_pay": None},
    }, text


def test_a_text_is_restored_only_when_both_hashes_match(tmp_path):
    posting, text = posting_of(RAW, [[22, 70]])
    assert text_status(posting, tmp_path) == "missing"
    assert restore(posting, RAW + " ", tmp_path).startswith("the excerpt differs")
    assert restore(posting, RAW, tmp_path) == "restored"
    assert text_status(posting, tmp_path) == "ok"
    (tmp_path / "texts" / "abc.txt").write_text(text + "!", encoding="utf-8")
    assert text_status(posting, tmp_path) == "changed"


def test_verify_lists_what_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REAL_CORPUS_DIR", str(tmp_path))
    assert main(["verify"]) == (0 if not POSTINGS else 1)
    out = capsys.readouterr().out
    assert f"0 present, {len(POSTINGS)} missing" in out


def test_a_part_is_scored_by_span_overlap_and_clean_postings():
    raw = "Peer Specialist\nDuties: Drives members to appointments. Leads a WRAP group."
    duty = raw.index("Drives")
    flagged, text = posting_of(
        raw, [[0, len(raw)]], [{"start": duty, "end": duty + 30, "task": "transportation"}]
    )
    clean, clean_text = posting_of("Leads a WRAP group with members.", [[0, 32]])
    clean["id"] = "def"
    score = score_part([flagged, clean], {"abc": text, "def": clean_text}, load_ruleset())
    assert (score["duties"], score["duties_found"]) == (1, 1)
    assert (score["clean"], score["clean_flagged"]) == (1, 0)
    assert score["documents"]["tp"] == 1 and score["documents"]["fp"] == 0
    assert score["per_task"]["transportation"]["found"] == 1


def test_notes_never_carry_the_postings_own_words():
    text = "The peer specialist will accompany members to their medical appointments weekly."
    note = ("Labelled transportation: will accompany members to their medical appointments "
            "is an assigned escort, by the guide's transportation row.")
    trimmed = _own_words(note, text)
    assert "accompany members to their medical" not in trimmed
    assert trimmed.startswith("Labelled transportation: […]")
    assert "by the guide's transportation row." in trimmed


def test_the_manifest_is_built_from_first_and_second_reads(tmp_path):
    raw = "Peer Specialist\nDrives members to appointments and files charts."
    posting, text = posting_of(raw, [[0, len(raw)]])
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "abc.txt").write_text(text, encoding="utf-8")
    first = {**posting, "title": "Peer Specialist", "rank": 1, "retrieved": "2026-12-01",
             "labeller": "a", "notes": ["clean"],
             "findings": [{"start": 16, "end": 45, "task": "transportation", "note": ""}]}
    second = {"id": "abc", "reviewer": "b", "findings": first["findings"] + [
        {"start": 50, "end": 62, "task": "clerical_duties", "note": ""}],
        "elements": posting["elements"], "notes": [], "disagreements": ["filing: clerical"]}
    for folder, name, record in (("fragments", "a", first), ("reviews", "b", second)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n")
    (built,) = build_manifest(tmp_path, manifest=tmp_path / "none.json")["postings"]
    assert built["reviewer"] == "b"
    assert [f["task"] for f in built["findings"]] == ["transportation", "clerical_duties"]
    assert "second read: filing: clerical" in built["notes"]
    # the committed postings stay when new ones are added (their labelling files may be gone)
    committed = tmp_path / "committed.json"
    committed.write_text(json.dumps({"postings": [{**built, "id": "old", "part": "heldout"}]}))
    ids = [p["id"] for p in build_manifest(tmp_path, manifest=committed)["postings"]]
    assert ids == ["abc", "old"]  # tuning before heldout


def test_the_manifest_holds_no_posting_text():
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    for p in data["postings"]:
        assert "text" not in p and "excerpt" not in p
