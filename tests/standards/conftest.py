from pathlib import Path

import pytest

from standards import seed

TEST_RULESET = Path(__file__).parent / "ruleset.toml"


class Output:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)


def run_seed(ruleset_path=TEST_RULESET):
    output = Output()
    seed.run(stdout=output, ruleset_path=ruleset_path)
    return "\n".join(output.lines)


@pytest.fixture
def seeded(db):
    run_seed()
