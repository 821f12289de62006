"""A pg_dump of the database restores into a fresh one with every record identical."""

import psycopg2
import pytest
from django.db import connection

from tests.conftest import make_user
from tests.data_safety.conftest import pg_env, pg_tool, postgres_only, run_pg
from tests.workspace.conftest import SAMPLE_JD
from workspace import review_flow, services
from workspace.models import Outcome

pytestmark = [*postgres_only, pytest.mark.django_db(transaction=True)]

# The workspace's tables, and the accounts they point at.
TABLES = [
    "auth_user", "account_emailaddress", "workspace_organization", "workspace_membership",
    "workspace_jobdescription", "workspace_jobdescriptionversion", "workspace_review",
    "workspace_finding", "workspace_findingdispute", "workspace_curatordecision",
    "workspace_findingverdict",
]


def rows(database: str) -> dict[str, list[tuple]]:
    env = pg_env()
    with psycopg2.connect(dbname=database, host=env["PGHOST"], port=env["PGPORT"],
                          user=env["PGUSER"], password=env.get("PGPASSWORD")) as db:
        with db.cursor() as cursor:
            contents = {}
            for table in TABLES:
                cursor.execute(f"SELECT * FROM {table} ORDER BY id")
                contents[table] = cursor.fetchall()
    db.close()
    return contents


def make_workspace_data():
    curator = make_user("curator@transcom.example", staff=True)
    for n in range(3):
        owner = make_user(f"owner{n}@org{n}.example")
        organization = services.organization_create(
            user=owner, name=f"Organization {n}", setting_type="residential", region="western",
            people_served=40 + n,
        )
        job_description, first = services.job_description_create(
            organization=organization, title=f"Peer Specialist {n}", setting_type="",
            text=SAMPLE_JD, original_filename="jd.docx", user=owner,
        )
        review = first.reviews.get()
        services.finding_dispute(finding=review.findings.first(), user=owner,
                                 comment="We co-write notes.")
        review_flow.decision_record(version=first, review=review, curator=curator,
                                    outcome=Outcome.CHANGES_RECOMMENDED, comments="Remove it.")
        services.version_submit(job_description=job_description,
                                text=SAMPLE_JD + "\nRevised.\n", user=owner)


def test_dump_and_restore_keep_organizations_versions_and_reviews(tmp_path, scratch_database):
    make_workspace_data()
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "portal.dump"

    run_pg(pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), source)
    run_pg(pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", scratch_database,
           str(dump))

    original, restored = rows(source), rows(scratch_database)
    assert len(original["workspace_organization"]) == 3
    assert len(original["workspace_jobdescriptionversion"]) == 6
    assert len(original["workspace_review"]) == 6
    assert original["workspace_finding"] and original["workspace_findingdispute"]
    for table in TABLES:
        assert restored[table] == original[table], table
