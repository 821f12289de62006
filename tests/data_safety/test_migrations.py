"""The full migration chain runs from zero on an empty PostgreSQL database, matches
the models, and the seed command runs twice on the result."""

import os
import subprocess
import sys

from tests.data_safety.conftest import ROOT, database_url, postgres_only

pytestmark = postgres_only


def manage(database: str, *args):
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", DATABASE_URL=database_url(database),
               SECRET_KEY="migration-test-" + "k" * 40)
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"manage.py {' '.join(args)}\n{result.stdout}{result.stderr}"
    return result.stdout


def test_migrations_run_from_zero_and_seed_twice(scratch_database):
    manage(scratch_database, "migrate", "--noinput")
    manage(scratch_database, "makemigrations", "--check", "--dry-run")
    manage(scratch_database, "seed")
    manage(scratch_database, "seed")
    plan = manage(scratch_database, "showmigrations", "--plan")
    assert "[ ]" not in plan
