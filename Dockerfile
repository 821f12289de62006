# Production image: gunicorn serving portal.wsgi, static files by whitenoise,
# PostgreSQL through DATABASE_URL. Migrations run by an explicit command:
#   docker run --rm --env-file prod.env IMAGE python manage.py migrate
#   docker run --rm --env-file prod.env IMAGE python manage.py seed
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml ./
RUN pip install . && pip uninstall -y cps-standards-portal

COPY . .
# collectstatic needs settings to load; these values exist only for this step.
RUN SECRET_KEY=collectstatic-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 10001 --home-dir /app portal \
 && chown -R portal /app

USER portal
EXPOSE 8000
# Seconds a request may hold a worker before gunicorn kills and replaces it. The
# slowest legitimate request is an upload at the caps: extraction's child process
# stops at 20 s (CHILD_WALL_SECONDS in jdcheck/extract.py), then the checker's
# bounded work on at most CHECK_MAX_CHARS characters. 50 s leaves room for both,
# and stays under the reverse proxy's timeout (nginx's proxy_read_timeout is 60 s by
# default), so a stuck worker is recycled while the proxy still waits for it.
# Raise the proxy's timeout too if you raise this one.
ENV GUNICORN_TIMEOUT=50
CMD exec gunicorn portal.wsgi --bind 0.0.0.0:8000 --workers 3 --timeout "$GUNICORN_TIMEOUT" \
    --access-logfile - --max-requests 10000 --max-requests-jitter 1000
