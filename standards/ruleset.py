"""Reads the checker's ruleset file, so that the prohibited tasks and the
checker never disagree."""

import tomllib
from pathlib import Path

from django.conf import settings

RULESET_PATH = Path(settings.BASE_DIR) / "jdcheck" / "rules" / "default.toml"


def load_ruleset(path: Path | None = None) -> dict | None:
    """The parsed ruleset file, or None while it does not exist yet."""
    path = Path(path or RULESET_PATH)
    if not path.exists():
        return None
    with path.open("rb") as file:
        return tomllib.load(file)
