"""`python -m jdcheck` on the portal's rules: the active database rules."""

from django.core.management.base import BaseCommand, CommandError

from jdcheck.cli import main
from workspace.checking import current_ruleset


class Command(BaseCommand):
    help = (
        "Check job descriptions (.txt, .docx, .pdf; '-' for standard input) with the "
        "portal's current rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="files to check ('-' or none: standard input)")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines')

    def handle(self, *args, files, format, jsonl, **options):
        argv = ["--format", format, *(["--jsonl"] if jsonl else []), "--", *files]
        status = main(argv, ruleset=current_ruleset(), stdout=self.stdout)
        if status:
            raise CommandError("could not check the input (see the message above)", returncode=status)
