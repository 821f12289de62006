"""python -m jdcheck: files, standard input, JSON and JSON lines."""

import io
import json
import subprocess
import sys
from pathlib import Path

from jdcheck import Ruleset
from jdcheck.cli import main
from jdcheck.evaluate import CORPUS_DIR

ROOT = Path(__file__).resolve().parents[2]


def run(argv, **kwargs):
    out = io.StringIO()
    status = main(argv, stdout=out, **kwargs)
    return status, out.getvalue()


def test_text_format_summarises_each_file(tmp_path):
    path = tmp_path / "jd.txt"
    path.write_text("Responsibilities\n- Pass meds.\n\nPay: $14/hr\n", encoding="utf-8")
    status, out = run([str(path)])
    assert status == 0
    assert "1 finding(s)" in out and "medication_administration" in out
    assert "ADVISORY hourly_pay" in out


def test_json_format_is_one_array(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Drive the agency van.", encoding="utf-8")
    b.write_text("Offer peer support.", encoding="utf-8")
    status, out = run([str(a), str(b), "--format", "json"])
    data = json.loads(out)
    assert [d["file"] for d in data] == [str(a), str(b)]
    assert data[0]["findings"][0]["task"] == "transportation"
    assert data[1]["findings"] == []


def test_jsonl_reads_and_writes_lines(tmp_path, monkeypatch):
    lines = '{"id": "x1", "text": "Pass meds."}\n\n{"id": 2, "text": "Share hope."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    status, out = run(["--jsonl"])
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["x1", 2]
    assert records[0]["findings"][0]["task"] == "medication_administration"


def test_bad_jsonl_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("not json\n"))
    status, _ = run(["--jsonl"])
    assert status == 2
    assert "not a JSON line" in capsys.readouterr().err


def test_a_ruleset_can_be_passed_in():
    data = {"version": "db", "tasks": {"transportation": {"triggers": ["drive * tractor"]}}}
    ruleset = Ruleset.from_dict(data)
    status, out = run(["--format", "json", str(CORPUS_DIR / "jds" / "act_team.txt")],
                      ruleset=ruleset)
    assert json.loads(out)[0]["ruleset_version"] == ruleset.version


def test_rules_option_and_bad_rules(tmp_path, capsys):
    rules = tmp_path / "rules.toml"
    rules.write_text('version = "t"\n[tasks.transportation]\ntriggers = ["(drive"]\n')
    status, _ = run(["--rules", str(rules), str(CORPUS_DIR / "jds" / "act_team.txt")])
    assert status == 2
    assert "Missing ')'" in capsys.readouterr().err


def test_missing_file_is_a_clear_error(capsys):
    status, _ = run(["/nonexistent/jd.txt"])
    assert status == 2
    assert "jd.txt" in capsys.readouterr().err


def test_module_runs_on_stdin():
    completed = subprocess.run(
        [sys.executable, "-m", "jdcheck", "-", "--format", "json"],
        input=b"Conduct random drug screens.",
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    data = json.loads(completed.stdout)
    assert data[0]["file"] == "<stdin>"
    assert data[0]["findings"][0]["task"] == "compliance_monitoring"
