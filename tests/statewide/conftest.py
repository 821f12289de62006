"""Small populations for the statewide picture: organizations with checked job
descriptions, built through the workspace's own services (the real checker runs)."""

import pytest

from tests.conftest import make_user
from tests.workspace.conftest import admin_user, organization  # noqa: F401  (fixtures)
from workspace import services

MEDICATION = "Pass medications to residents during the evening med pass."
CLEAN = "Share lived experience of recovery to inspire hope."


def description_text(*duties, pay="$18.50"):
    lines = "\n".join(f"- {duty}" for duty in duties)
    return f"Peer Specialist\n\nResponsibilities:\n{lines}\n\nPay: {pay} per hour.\n"


@pytest.fixture
def build(db):
    """build(n, region=..., texts=[...]) -> organizations, each with one description per text."""
    made = []

    def _build(count, *, region="western", setting="residential", texts=(MEDICATION,),
               prefix="Org"):
        organizations = []
        for _ in range(count):
            number = len(made)
            admin = make_user(f"admin{number}@{prefix.lower()}{number}.example")
            created = services.organization_create(
                user=admin, name=f"{prefix} Secret Name {number}", setting_type=setting,
                region=region, people_served=60, peer_fte=2,
            )
            for index, duty in enumerate(texts):
                services.job_description_create(
                    organization=created, title=f"Peer {index}", setting_type="",
                    text=description_text(duty), original_filename="", user=admin,
                )
            made.append(created)
            organizations.append(created)
        return organizations

    return _build


def table(tables, key):
    return next(t for t in tables if t.key == key)


def row(tbl, label):
    return next(r for r in tbl.rows if r.label == label)
