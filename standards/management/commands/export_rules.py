"""Writes the checker's effective rules in the ruleset-file format, for review and commit."""

from pathlib import Path

from django.core.management.base import BaseCommand

import jdcheck
from standards.rules import ruleset_data, ruleset_toml


class Command(BaseCommand):
    help = (
        "Write the effective checker rules (active database rules, the file's shared "
        "phrase lists, the pay threshold) in the format of jdcheck/rules/default.toml."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, output=None, **options):
        ruleset = jdcheck.Ruleset.from_dict(ruleset_data())
        text = ruleset_toml(ruleset.to_dict())
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote rules {ruleset.version} to {output}.")
        else:
            self.stdout.write(text, ending="")
