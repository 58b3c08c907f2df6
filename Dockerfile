# Production image: gunicorn serving Django with whitenoise; the same image runs the Celery worker and beat.

# Front-end assets come from the npm registry at the versions package-lock.json pins.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# WeasyPrint (PDF acuses and reports) needs Pango; libmagic identifies uploads by content.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       libmagic1 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 portal
WORKDIR /app
COPY pyproject.toml ./
COPY civic civic
COPY pqrs pqrs
COPY organizaciones organizaciones
COPY consejos consejos
COPY rendicion rendicion
RUN pip install --upgrade pip && pip install .
COPY manage.py ./
COPY templates templates
COPY static static
COPY --from=assets /build/node_modules/bootstrap/dist/css/bootstrap.min.css \
     /build/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js static_vendor/bootstrap/
COPY --from=assets /build/node_modules/bootstrap-icons/font/bootstrap-icons.min.css static_vendor/bootstrap-icons/
COPY --from=assets /build/node_modules/bootstrap-icons/font/fonts static_vendor/bootstrap-icons/fonts
# collectstatic needs settings but no secrets: a throwaway key that never reaches runtime.
RUN DEBUG=false SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input \
    && mkdir -p /app/media && chown portal /app/media
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/salud/', timeout=4)"
# --timeout 60: no request is meant to take more than a few seconds. A CSV export of more than
# EXPORTACION_SINCRONA_MAX_FILAS rows goes to the Celery worker (a progress page and a download link), and the
# short ones are built whole before the first byte goes out, so a killed worker can never leave a truncated
# file behind a 200. A worker silent this long is stuck: gunicorn replaces it. Keep request buffering on at
# the city's proxy: a slow upload (5 files of 10 MB on a phone) read by a sync worker counts too.
CMD ["gunicorn", "civic.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", \
     "--access-logfile", "-"]
