"""Two admins demoting or removing each other at once leave the organization one admin.

Each change takes a lock on the organization's row before counting its admins, so
the second change waits for the first and then sees it. The race needs real
concurrent transactions, so these tests run on PostgreSQL (SQLite serializes
writers by itself and has no row locks).
"""

import queue
import threading
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_user
from workspace import services
from workspace.models import Membership, Role

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

# What one admin does to another, and the refusal the second of two such changes gets.
ACTIONS = {
    "demote": (
        lambda membership: services.membership_change_role(membership=membership, role=Role.MEMBER),
        "needs at least one admin",
    ),
    "remove": (
        lambda membership: services.membership_remove(membership=membership),
        "last admin cannot leave or be removed",
    ),
}


@pytest.fixture
def two_admins(organization, admin_user):
    second = make_user("second.admin@acme.example")
    theirs = Membership.objects.create(organization=organization, user=second, role=Role.ADMIN)
    return Membership.objects.get(user=admin_user), theirs


def waiting_for_a_lock(pid) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_two_admins_acting_on_each_other_at_once_leave_one_admin(
    organization, two_admins, action
):
    ours, theirs = two_admins
    act, refusal = ACTIONS[action]
    their_pid, their_outcome = queue.Queue(), queue.Queue()

    def they_act_on_us():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                their_pid.put(cursor.fetchone()[0])
            act(ours)
            their_outcome.put("done")
        except services.WorkspaceError as error:
            their_outcome.put(error.message)
        finally:
            connection.close()

    other_admin = threading.Thread(target=they_act_on_us)
    with transaction.atomic():
        act(theirs)  # made, not yet committed
        other_admin.start()
        pid = their_pid.get(timeout=30)
        deadline = time.monotonic() + 30  # a hang guard, not a measure
        while other_admin.is_alive() and not waiting_for_a_lock(pid):
            assert time.monotonic() < deadline, "the other admin neither waited nor finished"
            time.sleep(0.01)
    other_admin.join(timeout=30)

    assert refusal in their_outcome.get_nowait()
    assert organization.memberships.filter(role=Role.ADMIN).count() == 1
    assert organization.memberships.get(role=Role.ADMIN) == ours


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_organization_row_is_locked_before_the_admins_are_counted(two_admins, action):
    ours, _ = two_admins
    act, _ = ACTIONS[action]
    with CaptureQueriesContext(connection) as queries:
        act(ours)
    statements = [query["sql"] for query in queries]
    locks = [i for i, sql in enumerate(statements)
             if 'FROM "workspace_organization"' in sql and "FOR UPDATE" in sql]
    counts = [i for i, sql in enumerate(statements) if "COUNT(" in sql]
    assert locks and counts, statements
    assert locks[0] < counts[0]
