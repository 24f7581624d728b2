# syntax=docker/dockerfile:1
# The image helm/kopru runs: web (gunicorn), Celery workers and beat, and the migration Job.
#
#   docker build -t registry.example.org/kopru:0.1.0 .

ARG PYTHON_IMAGE=python:3.11-slim

# Builder: the locked runtime dependencies in a virtualenv, catalogues compiled, static
# files collected. Nothing of the development lock (tests, linters, browsers) gets in.
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements/base.lock /tmp/base.lock
RUN pip install --require-hashes --no-deps -r /tmp/base.lock
WORKDIR /app
COPY . /app
# The production settings refuse to start without their secrets and the database. These
# placeholders exist for these two commands only (neither opens a connection), never in
# the image's environment.
RUN export DJANGO_SETTINGS_MODULE=kopru.settings.production \
        DJANGO_SECRET_KEY=build-only-placeholder \
        DATABASE_URL=postgres://build:build@127.0.0.1:1/build \
        CELERY_BROKER_URL=memory:// \
    && python manage.py compile_catalogues \
    && python manage.py collectstatic --noinput \
    && python -m compileall -q /app

# Runtime: the virtualenv and the application, owned by root and read-only to the user
# the processes run as (the chart also mounts the root filesystem read-only).
FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=kopru.settings.production
RUN groupadd --system --gid 10001 kopru \
    && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin kopru
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
WORKDIR /app
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "kopru.wsgi:application", "--bind=0.0.0.0:8000", "--workers=3", "--threads=2", \
     "--forwarded-allow-ips=*", "--no-control-socket"]
