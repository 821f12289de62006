"""Command line: check job descriptions on the file rules.

    python -m jdcheck FILE... [--format text|json] [--jsonl] [--rules PATH]

FILE may be .txt, .docx or .pdf; "-" or no file reads standard input.
--format json prints one JSON array of {"file": name, ...result}.
--jsonl reads {"id", "text"} lines and writes {"id", ...result} lines.
"""

import argparse
import json
import sys
from pathlib import Path

from .engine import check
from .extract import ExtractionError, extract_text
from .patterns import PatternError
from .ruleset import Ruleset, RulesetError, load_ruleset


class InputError(Exception):
    """A file that cannot be read; the message is for the user."""


def main(argv: list[str] | None = None, ruleset: Ruleset | None = None, stdout=None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input or rules).

    ``ruleset`` replaces the file rules (manage.py checkjd passes the database rules).
    """
    stdout = stdout or sys.stdout
    parser = argparse.ArgumentParser(
        prog="python -m jdcheck", description="Check peer job descriptions for prohibited tasks."
    )
    parser.add_argument("files", nargs="*", help="files to check ('-' or none: standard input)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines')
    parser.add_argument("--rules", help="ruleset TOML file (default: the shipped rules)")
    args = parser.parse_args(argv)
    try:
        if ruleset is None:
            ruleset = load_ruleset(args.rules)
        if args.jsonl:
            for record in _jsonl_records(args.files):
                result = check(record["text"], ruleset).to_dict()
                stdout.write(json.dumps({"id": record.get("id"), **result}) + "\n")
            return 0
        results = [
            {"file": name, **check(text, ruleset).to_dict()} for name, text in _documents(args.files)
        ]
    except (InputError, RulesetError, PatternError, OSError) as error:
        print(f"jdcheck: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        stdout.write(json.dumps(results, indent=2) + "\n")
    else:
        stdout.write("\n\n".join(format_text(r) for r in results) + "\n")
    return 0


def _documents(files: list[str]):
    for name in files or ["-"]:
        if name == "-":
            yield "<stdin>", _decode(sys.stdin.buffer.read(), "stdin.txt")
        else:
            yield name, _decode(Path(name).read_bytes(), name)


def _decode(data: bytes, filename: str) -> str:
    """Text of a file through the extraction module (type checked by content)."""
    try:
        return extract_text(data, filename)
    except ExtractionError as error:
        raise InputError(f"{filename}: {error}") from error


def _jsonl_records(files: list[str]):
    for name in files or ["-"]:
        if name == "-":
            yield from _records("<stdin>", sys.stdin)
        else:
            with open(name, encoding="utf-8") as lines:
                yield from _records(name, lines)


def _records(name: str, lines):
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}:{number}: not a JSON line ({error.msg})") from error
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f'{name}:{number}: expected {{"id": ..., "text": "..."}}')
        yield record


def format_text(result: dict) -> str:
    """A readable summary of one checked description."""
    findings = result["findings"]
    lines = [f"{result.get('file', '')}: {len(findings)} finding(s)  [rules {result['ruleset_version']}]"]
    for f in findings:
        lines.append(f"- {f['severity'].upper()} {f['task']} at {f['start']}-{f['end']}: "
                     f"\"{f['matched']}\"")
        lines.append(f"    in: {' '.join(f['sentence'].split())}")
        lines.append(f"    why: {f['reason']}")
        lines.append(f"    instead: {f['suggestion']}")
    for advisory in result["advisories"]:
        lines.append(f"- ADVISORY {advisory['element']}: {advisory['message']}")
    elements = result["elements"]
    pay = elements["hourly_pay"]
    lines.append(
        "Elements: hourly pay "
        + (f"${pay:.2f}" if pay is not None else "not stated")
        + "".join(
            f"; {name.replace('_', ' ')} {'yes' if elements[name] else 'no'}"
            for name in ("peer_supervision", "lived_experience", "paid_training", "cps_credential")
        )
    )
    return "\n".join(lines)
