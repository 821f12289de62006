import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The standards, the toolkit and the readiness instrument, as `manage.py seed` makes them."""
    call_command("seed", verbosity=0, stdout=open("/dev/null", "w"))
