"""Production settings: checked in subprocesses with the production variables set."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        SECRET_KEY="a-long-random-production-key-" + "k" * 40 + "-9f8e7d6c5b4a",
        ALLOWED_HOSTS="portal.example.org,127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://portal.example.org",
        DATABASE_URL=os.environ.get("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}"),
    )
    env.update(extra)
    return env


def test_check_deploy_has_no_warnings_with_production_variables(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_serve_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    serving = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert serving.returncode != 0
    assert "SECRET_KEY" in serving.stderr
    deploy_check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert deploy_check.returncode != 0
    assert "portal.E001" in deploy_check.stderr and "SECRET_KEY" in deploy_check.stderr


def test_makemigrations_check_runs_without_any_configuration():
    """Commands that sign nothing work on a bare checkout (no DEBUG, no SECRET_KEY)."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_static_files_resolve_through_the_manifest(tmp_path):
    static_root = tmp_path / "static"
    env = production_env(tmp_path, STATIC_ROOT=str(static_root))
    code = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "from django.conf import settings;"
        f"settings.STATIC_ROOT = {str(static_root)!r};"
        "call_command('collectstatic', interactive=False, verbosity=0);"
        "from django.templatetags.static import static;"
        "print(static('css/portal.css')); print(static('bootstrap/css/bootstrap.min.css'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    portal_css, bootstrap_css = result.stdout.split()
    # Hashed names prove the manifest storage is in use; the files exist compressed too.
    assert portal_css.startswith("/static/css/portal.") and portal_css != "/static/css/portal.css"
    assert bootstrap_css.startswith("/static/bootstrap/css/bootstrap.min.")
    hashed = static_root / portal_css.removeprefix("/static/")
    assert hashed.exists()
    assert hashed.with_name(hashed.name + ".gz").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_gunicorn_serves_the_app_with_production_settings(tmp_path):
    port = free_port()
    env = production_env(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    body = response.read().decode()
                    headers = response.headers
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert '"status": "ok"' in body
        assert "max-age" in headers["Strict-Transport-Security"]
        assert headers["X-Content-Type-Options"] == "nosniff"
    finally:
        server.terminate()
        server.wait(timeout=30)
