import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

postgres_only = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL only: run under bin/with-throwaway-postgres",
    ),
]


def pg_tool(name: str) -> str:
    """A client tool from the throwaway cluster's folder ($PGBIN), so versions match."""
    folder = os.environ.get("PGBIN")
    path = Path(folder) / name if folder else shutil.which(name)
    if not path or not Path(path).exists():
        pytest.fail(f"{name} not found; run under bin/with-throwaway-postgres")
    return str(path)


def pg_env() -> dict:
    """libpq variables for the test database's server, taken from Django's connection."""
    settings = connection.settings_dict
    env = dict(os.environ)
    env.update(PGHOST=settings["HOST"] or "127.0.0.1", PGPORT=str(settings["PORT"] or 5432),
               PGUSER=settings["USER"] or "postgres")
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env


def run_pg(*args):
    return subprocess.run(args, env=pg_env(), check=True, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def scratch_database():
    """An empty database on the same server, dropped afterwards."""
    name = f"scratch_{uuid.uuid4().hex[:12]}"
    run_pg(pg_tool("createdb"), name)
    yield name
    run_pg(pg_tool("dropdb"), "--if-exists", "--force", name)


def database_url(name: str) -> str:
    env = pg_env()
    return f"postgres://{env['PGUSER']}@{env['PGHOST']}:{env['PGPORT']}/{name}"
