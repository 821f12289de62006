from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from standards import seed
from tests.conftest import sign_in

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


@pytest.fixture
def curator(staff_user):
    staff_user.groups.add(Group.objects.get(name="Curators"))
    return staff_user


@pytest.fixture
def curator_client(client, curator):
    sign_in(client, curator)
    return client
