# The Toetssteen production image: gunicorn behind your reverse proxy, static files through
# WhiteNoise, PostgreSQL through DATABASE_URL. How to run it: docs/deployment.md.
#
#   docker build -t toetssteen .
#
# Two stages. "build" downloads every package of requirements.lock, each checked against
# its hash, and installs from those files only what the application needs at run time (the
# dependencies in pyproject.toml, not the dev extras: no pytest, Playwright, ruff or
# pikepdf in production); it also compiles the translations with Babel. "runtime" is a
# clean image with WeasyPrint's system libraries, that installation, the application and
# its collected static files, run by an unprivileged user.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

WORKDIR /build
COPY requirements.lock pyproject.toml ./

# 1. Download the locked wheels; pip refuses any file whose hash is not in the lock. The
#    lock's own --extra-index-url/--find-links lines name folders of the machine that made
#    it, so they are left out: the image takes the same files, by hash, from PyPI.
RUN grep -v '^--' requirements.lock > requirements.txt \
 && pip download --require-hashes --only-binary=:all: --dest /wheels -r requirements.txt

# 2. Install the run-time dependencies (pyproject.toml's [project].dependencies) from those
#    checked files only: --no-index keeps pip away from any index, and as /wheels holds
#    exactly one version of each package, the versions are the lock's.
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > runtime.txt \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-index --find-links /wheels -r runtime.txt \
 && /opt/venv/bin/pip check

# 3. Compile the catalogues with Babel (a build tool, so it stays in this stage).
RUN python -m venv /opt/babel \
 && /opt/babel/bin/pip install --no-index --find-links /wheels babel
COPY locale/ locale/
RUN /opt/babel/bin/pybabel compile --statistics -d locale -D django


FROM ${PYTHON_IMAGE} AS runtime

# WeasyPrint renders the decision record's PDF with Pango and HarfBuzz's subsetter; DejaVu
# Sans is the font the record's stylesheet names (static/css/record_pdf.css).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

# The application runs as this user; it owns nothing in the image, so it cannot change its
# own code or static files. A fixed numeric id lets Kubernetes check runAsNonRoot.
# Besides /tmp, /data is the one folder it may write to: for a single-container trial on SQLite
# (SQLITE_NAME=/data/toetssteen.sqlite3 with a volume there); production uses PostgreSQL.
RUN groupadd --system --gid 10001 toetssteen \
 && useradd --system --uid 10001 --gid toetssteen --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin toetssteen \
 && install -d -o 10001 -g 10001 -m 0750 /data

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    DEBUG=false \
    SERVE_STATIC=true \
    STATIC_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage \
    XDG_CACHE_HOME=/tmp/.cache \
    PORT=8000

WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
COPY --from=build /build/locale/ locale/

# Collect the static files with content hashes in their names (WhiteNoise then lets browsers
# keep them for a year) and compress them. A throwaway key, as the settings need one with
# DEBUG=false; it is not kept in the image. Then compile the Python files once, as the
# running container may not write them.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
        python manage.py collectstatic --noinput \
 && python -m compileall -q /app \
 && chmod 0755 bin/docker-entrypoint.sh

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/bin/sh", "/app/bin/docker-entrypoint.sh", "healthcheck"]

ENTRYPOINT ["/bin/sh", "/app/bin/docker-entrypoint.sh"]
CMD ["web"]
