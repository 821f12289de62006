"""Load benchmark of the production configuration.

    python bench/bench_load.py                      # ~10 s per endpoint (BENCH_SECONDS)
    BENCH_SOAK_SECONDS=600 python bench/bench_load.py   # adds a 10-minute soak

Re-runs itself under bin/with-throwaway-postgres, migrates, seeds, generates
200 organizations and 2,000 job description versions with real reviews (the
checker runs on each distinct text once; rows are bulk-inserted), collects the
static files and starts gunicorn with the Dockerfile's command line and the
production settings (bench.settings: portal.settings plus one trivial view,
the ceiling). Then wrk drives each endpoint on loopback at 32 connections and
the script prints requests/s, p50/p95/p99 latency, errors (non-2xx/3xx and
socket errors) and each page's throughput as a fraction of the ceiling.

Requests carry X-Forwarded-Proto: https as behind the TLS proxy; the quick
check's rate limit is raised through QUICK_CHECK_RATE_LIMIT (no allauth
endpoint is driven, so its limits never apply). The soak drives all endpoints
in turn and samples the workers' resident memory; it runs gunicorn without
--max-requests so that a leak shows instead of being recycled away.

Needs wrk (Debian: apt-get install wrk). Prints figures; asserts nothing.
"""

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARMUP_SECONDS = int(os.environ.get("BENCH_WARMUP_SECONDS", "3"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "0"))
CONNECTIONS = 32
ORGANIZATIONS, JOBS_PER_ORGANIZATION, VERSIONS_PER_JOB = 200, 5, 2  # 2,000 versions
TASK_PAGE = "/standards/tasks/medication_administration/"
TARGET_P95_MS = {"read": 100, "quick check": 250}
TARGET_FRACTION = 0.5

DONE_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def production_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY="bench-only-secret-key-" + "b" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        QUICK_CHECK_RATE_LIMIT="100000000/m",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


# --- Generated data (runs in a subprocess with Django set up) ---


def make_data() -> dict:
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from bench.bench_checker import description_of
    from workspace.checking import check_text
    from workspace.models import (
        Finding,
        JobDescription,
        JobDescriptionVersion,
        Membership,
        Organization,
        Review,
        ReviewStatus,
        Role,
    )

    corpus = sorted((ROOT / "jdcheck/corpus/jds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in corpus]
    revisions = [text + "\nSupervision by a Certified Peer Specialist.\n" for text in texts]
    results = {text: check_text(text).to_dict() for text in texts + revisions}
    User = get_user_model()
    password = make_password("bench passphrase for members")
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(username=f"member{n}", email=f"member{n}@org{n}.example", password=password)
            for n in range(ORGANIZATIONS)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, primary=True, verified=True)
            for user in users
        )
        organizations = Organization.objects.bulk_create(
            Organization(name=f"Generated Organization {n}", setting_type="residential",
                         region="western", people_served=30 + n % 70, created_by=user)
            for n, user in enumerate(users)
        )
        Membership.objects.bulk_create(
            Membership(organization=o, user=u, role=Role.ADMIN)
            for o, u in zip(organizations, users, strict=True)
        )
        jobs = JobDescription.objects.bulk_create(
            JobDescription(organization=o, title=f"Peer Specialist {j + 1}",
                           created_by=o.created_by)
            for o in organizations for j in range(JOBS_PER_ORGANIZATION)
        )
        version_texts = []
        versions = []
        for n, job in enumerate(jobs):
            for number in range(1, VERSIONS_PER_JOB + 1):
                text = (texts if number == 1 else revisions)[n % len(texts)]
                version_texts.append(text)
                versions.append(JobDescriptionVersion(
                    job_description=job, number=number, text=text, submitted_by=job.created_by,
                    review_status=ReviewStatus.DECIDED if number == 1 else ReviewStatus.SUBMITTED,
                ))
        versions = JobDescriptionVersion.objects.bulk_create(versions)
        reviews = Review.objects.bulk_create(
            Review(version=v, ruleset_version=results[t]["ruleset_version"],
                   elements=results[t]["elements"], advisories=results[t]["advisories"])
            for v, t in zip(versions, version_texts, strict=True)
        )
        Finding.objects.bulk_create(
            Finding(review=review, position=p, task=f["task"], severity=f["severity"],
                    start=f["start"], end=f["end"], sentence=f["sentence"],
                    matched=f["matched"], pattern=f.get("pattern", ""), reason=f["reason"],
                    ethics=f["ethics"], suggestion=f["suggestion"])
            for review, t in zip(reviews, version_texts, strict=True)
            for p, f in enumerate(results[t]["findings"])
        )
    member = users[0]
    session = SessionStore()
    session.update({"_auth_user_id": str(member.pk),
                    "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                    "_auth_user_hash": member.get_session_auth_hash()})
    session.create()
    report = JobDescriptionVersion.objects.get(job_description=jobs[0], number=2)
    return {
        "session_key": session.session_key,
        "report": report.get_absolute_url(),
        "description": description_of(600),
        "versions": JobDescriptionVersion.objects.count(),
        "organizations": Organization.objects.count(),
        "findings": Finding.objects.count(),
    }


# --- Server ---


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dockerfile_command(port: int, *, recycle: bool = True) -> list[str]:
    """The Dockerfile's CMD, bound to loopback (and, for the soak, without recycling)."""
    line = next(x for x in (ROOT / "Dockerfile").read_text().splitlines() if x.startswith("CMD"))
    command = json.loads(line.removeprefix("CMD"))
    command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
    if not recycle:
        for option in ("--max-requests", "--max-requests-jitter"):
            if option in command:
                del command[command.index(option):command.index(option) + 2]
    command[0] = str(Path(sys.executable).parent / command[0])
    return command


def start_server(env, *, recycle=True):
    port = free_port()
    command = dockerfile_command(port, recycle=recycle)
    log = tempfile.TemporaryFile("w+")  # gunicorn's error log, read if it fails to start
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            fetch(base, "/bench/trivial")
            return server, base, command
        except OSError as error:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                log.seek(0)
                raise RuntimeError("gunicorn did not start: " + log.read()) from error
            time.sleep(0.3)


def stop_server(server):
    server.terminate()
    server.wait(timeout=30)


def fetch(base, path, *, data=None, headers=None):
    request = urllib.request.Request(base + path, data=data, headers={
        "X-Forwarded-Proto": "https", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read().decode()


# --- Endpoints and wrk ---


def endpoints(base, data) -> list[dict]:
    """Each endpoint wrk drives, checked once by hand first (200 and the right page)."""
    _, headers, _ = fetch(base, "/check/")
    csrf = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "text": data["description"]})
    quick_headers = {"Cookie": f"csrftoken={csrf}",
                     "Content-Type": "application/x-www-form-urlencoded",
                     # HTTPS requests must come from the site itself (CSRF Referer check).
                     "Referer": base.replace("http://", "https://") + "/check/"}
    session = {"Cookie": f"sessionid={data['session_key']}"}
    pages = [
        {"name": "ceiling (trivial view)", "kind": "ceiling", "path": "/bench/trivial",
         "expect": "ok"},
        {"name": "home", "kind": "read", "path": "/", "expect": "<h1"},
        {"name": "standards task page", "kind": "read", "path": TASK_PAGE,
         "expect": "<h1"},
        {"name": "toolkit list", "kind": "read", "path": "/toolkit/documents/",
         "expect": "<h1"},
        {"name": "search", "kind": "read", "path": "/search/?q=payee", "expect": "payee"},
        {"name": "report page", "kind": "read", "path": data["report"], "headers": session,
         "expect": "Review: Peer Specialist 1, version 2"},
        {"name": "quick check POST", "kind": "quick check", "path": "/check/", "method": "POST",
         "body": body, "headers": quick_headers, "expect": "duties conflict with the CPS role"},
    ]
    for page in pages:
        try:
            status, _, text = fetch(base, page["path"], headers=page.get("headers"),
                                    data=page["body"].encode() if page.get("body") else None)
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{page['name']}: {error}") from error
        if status != 200 or page["expect"] not in text:
            raise RuntimeError(f"{page['name']}: {status}, expected text missing")
    return pages


def lua_string(value: str) -> str:
    return "[==[" + value + "]==]"


def lua_headers(page) -> str:
    headers = {"X-Forwarded-Proto": "https", **page.get("headers", {})}
    return "{" + ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items()) + "}"


def single_script(page) -> str:
    lines = [f"wrk.method = {lua_string(page.get('method', 'GET'))}",
             f"wrk.headers = {lua_headers(page)}"]
    if page.get("body"):
        lines.append(f"wrk.body = {lua_string(page['body'])}")
    return "\n".join(lines) + DONE_LUA


def mixed_script(pages) -> str:
    entries = ",\n".join(
        "wrk.format({}, {}, {}, {})".format(
            lua_string(p.get("method", "GET")), lua_string(p["path"]), lua_headers(p),
            lua_string(p["body"]) if p.get("body") else "nil",
        )
        for p in pages
    )
    return ("local requests = {}\nlocal i = 0\ninit = function(args)\n  requests = {\n"
            + entries + "\n  }\nend\nrequest = function()\n  i = i % #requests + 1\n"
            "  return requests[i]\nend\n" + DONE_LUA)


def wrk(base, path, script, seconds) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        output = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
             "-s", file.name, base + path],
            capture_output=True, text=True, check=True, timeout=seconds + 60,
        ).stdout
    finally:
        os.unlink(file.name)
    result = json.loads(output.split("RESULT ", 1)[1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return result


# --- Memory of the workers ---


def workers_of(master: int) -> list[int]:
    children = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines()
                          if ":\t" in line)
        except OSError:
            continue
        if int(fields.get("PPid", "0")) == master:
            children.append(int(status.parent.name))
    return sorted(children)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory(master) -> dict[int, int]:
    return {pid: rss_kb(pid) for pid in workers_of(master)}


# --- Report ---


def machine() -> str:
    cores = os.cpu_count()
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    postgres = subprocess.run([str(Path(os.environ["PGBIN"]) / "postgres"), "--version"],
                              capture_output=True, text=True).stdout.strip()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[:2]
    return (f"{cores} cores ({cpu}), {ram:.1f} GiB RAM, Python {platform.python_version()}, "
            f"{postgres}, {' '.join(wrk_version)}, {platform.system()} {platform.release()}")


def print_table(results, ceiling):
    print(f"\n{'endpoint':<24}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'errors':>8}{'of ceiling':>12}  targets")
    for page, r in results:
        fraction = r["rps"] / ceiling
        verdicts = []
        if page["kind"] != "ceiling":
            target = TARGET_P95_MS[page["kind"]]
            verdicts.append(("ok" if r["p95"] / 1000 < target else "MISS") + f" p95<{target}")
            if page["kind"] == "read":
                verdicts.append(("ok" if fraction >= TARGET_FRACTION else "MISS")
                                + f" >={TARGET_FRACTION}")
        verdicts.append("ok errors" if r["errors"] == 0 else "MISS errors")
        print(f"{page['name']:<24}{r['rps']:>9.0f}{r['p50'] / 1000:>9.1f}{r['p95'] / 1000:>9.1f}"
              f"{r['p99'] / 1000:>9.1f}{r['errors']:>8}{fraction:>12.2f}  {', '.join(verdicts)}")


def soak(env, data, seconds):
    server, base, command = start_server(env, recycle=False)
    try:
        master = server.pid
        pages = endpoints(base, data)  # the quick check's Referer names this server's port
        wrk(base, "/", mixed_script(pages), 30)  # warm-in before the first sample
        start = memory(master)
        result = wrk(base, "/", mixed_script(pages), seconds)
        end = memory(master)
    finally:
        stop_server(server)
    print(f"\nSoak: {seconds} s at {CONNECTIONS} connections, all endpoints in turn, "
          f"gunicorn {' '.join(command[1:])}")
    print(f"  {result['requests']} requests, {result['rps']:.0f} req/s, p95 "
          f"{result['p95'] / 1000:.1f} ms, p99 {result['p99'] / 1000:.1f} ms, "
          f"errors {result['errors']} (status {result['status']}, connect {result['connect']}, "
          f"read {result['read']}, write {result['write']}, timeout {result['timeout']})")
    if set(start) != set(end):
        print(f"  workers changed during the soak: {sorted(start)} -> {sorted(end)}")
    for pid in sorted(set(start) & set(end)):
        growth = (end[pid] - start[pid]) / start[pid]
        print(f"  worker {pid}: RSS {start[pid] / 1024:.1f} MiB -> {end[pid] / 1024:.1f} MiB "
              f"({growth:+.1%})")
    total_start, total_end = sum(start.values()), sum(end.values())
    print(f"  all workers: {total_start / 1024:.1f} MiB -> {total_end / 1024:.1f} MiB "
          f"({(total_end - total_start) / total_start:+.1%}; target below +10%)")


def main():
    if not os.environ.get("BENCH_THROWAWAY_POSTGRES"):
        os.environ["BENCH_THROWAWAY_POSTGRES"] = "1"
        wrapper = str(ROOT / "bin/with-throwaway-postgres")
        os.execv(wrapper, [wrapper, sys.executable, __file__, *sys.argv[1:]])
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    env = production_env()
    started = time.monotonic()
    manage("migrate", "--noinput", env=env)
    manage("seed", env=env)
    manage("collectstatic", "--noinput", env=env)
    data = json.loads(subprocess.run(
        [sys.executable, __file__, "--make-data"], cwd=ROOT, env=env, check=True,
        stdout=subprocess.PIPE, text=True,
    ).stdout)
    print(f"Data: {data['organizations']} organizations, {data['versions']} versions, "
          f"{data['findings']} findings (set up in {time.monotonic() - started:.0f} s)")
    print(f"Machine: {machine()}")

    server, base, command = start_server(env)
    try:
        print(f"Server: {' '.join(Path(command[0]).name.split() + command[1:])}")
        print(f"wrk: {CONNECTIONS} connections, 2 threads, {SECONDS} s per endpoint after "
              f"{WARMUP_SECONDS} s warm-up, loopback")
        pages = endpoints(base, data)
        results = []
        for page in pages:
            script = single_script(page)
            wrk(base, page["path"], script, WARMUP_SECONDS)
            results.append((page, wrk(base, page["path"], script, SECONDS)))
    finally:
        stop_server(server)
    print_table(results, ceiling=results[0][1]["rps"] or float("nan"))
    if SOAK_SECONDS:
        soak(env, data, SOAK_SECONDS)


if __name__ == "__main__":
    if sys.argv[1:] == ["--make-data"]:
        print(json.dumps(make_data()))
    else:
        main()
