"""Settings for the participation portal, read from the environment (django-environ).

With nothing configured except DEBUG=true (what `make run` and `make test` set) the portal runs
in the embedded mode: SQLite, Celery tasks executed eagerly, local-memory cache, e-mail printed
to the console. Production sets DEBUG=false and must then provide SECRET_KEY and ALLOWED_HOSTS.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env file is optional; real environment variables always win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Secure by default: a forgotten DEBUG means production, not an open debug page.
DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY es obligatoria cuando DEBUG está desactivado.")
    SECRET_KEY = "solo-para-desarrollo-local-no-usar-en-produccion"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS es obligatoria cuando DEBUG está desactivado.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Trigram indexes of the admin's search (civic.indices): an index over OpClass(...) needs its setup.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "import_export",
    "civic",
    "pqrs",
    "organizaciones",
    "consejos",
    "rendicion",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "civic.personal.SesionPersonalMiddleware",
    "civic.dos_pasos.middleware.VerificacionPersonalMiddleware",
    # django-axes: last, so it sees every authentication of the request (its documentation).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "civic.urls"
WSGI_APPLICATION = "civic.wsgi.application"
ASGI_APPLICATION = "civic.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "civic.context_processors.municipio",
                "civic.sitio.secciones.secciones",
                # Public pages rendered for the cache carry a marker, never a visitor's CSRF token.
                "civic.sitio.en_cache.csrf",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if env.bool("DATABASE_POOL", default=False):
        # psycopg's pool replaces persistent connections (the two cannot be combined).
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN", default=2),
            "max_size": env.int("DATABASE_POOL_MAX", default=10),
            "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "civic.Usuario"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# --- Staff accounts: failed logins and idle sessions (django-axes, civic.personal) ----------------
# Axes' backend goes first: it refuses a locked account before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many failed logins an account is locked for AXES_COOLOFF_TIME (hours). By username, not by
# IP: a secretaría behind one NAT address must not be locked out because one person mistyped.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(hours=env.float("AXES_COOLOFF_TIME", default=1.0))
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for "ip_address" in the parameters; with it any 20 failures from one address (a whole
# secretaría behind the city's NAT) would lock everyone there. The per-username lock is the choice here.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "civic.personal.cuenta_bloqueada"
# The same client address as the rate limits (PROXIES_CONFIABLES), for the audit rows.
AXES_CLIENT_IP_CALLABLE = "civic.personal.ip_para_auditoria"
# Audit: every login (AccessLog) and every failed one (AccessFailureLog), shown to superusers in the admin.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password"]
# Staff sessions expire after this long without activity (sliding); citizens keep Django's default and
# their own 30-minute proof of a consultation code (CONSULTA_SEGUNDOS).
SESION_PERSONAL_SEGUNDOS = env.int("SESION_PERSONAL_SEGUNDOS", default=8 * 60 * 60)
# Second factor (django-otp, TOTP; civic.dos_pasos): optional for each staff member, who enrols from the
# admin; when true, staff without it can only open the enrolment page until they enrol.
STAFF_TOTP_OBLIGATORIO = env.bool("STAFF_TOTP_OBLIGATORIO", default=False)

# --- Redis: cache and Celery broker --------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="civic"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
                # A cache outage must degrade the portal, not take it down.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
# Without a broker the embedded mode runs every task in-process, at once.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="civic")
CELERY_TIMEZONE = "America/Bogota"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing from a web request must fail fast when Redis is down: the outbox sweep re-sends later.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 1}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Portal de participación <no-responder@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# Outbox: attempts before a notification is marked failed, and the first back-off in seconds.
NOTIFICACIONES_MAX_INTENTOS = env.int("NOTIFICACIONES_MAX_INTENTOS", default=5)
NOTIFICACIONES_ESPERA_BASE = env.int("NOTIFICACIONES_ESPERA_BASE", default=60)
# A delivery claimed this many seconds ago and never marked (the process died after the SMTP call) goes back
# to the sweep: at-least-once, with the same Message-ID.
NOTIFICACIONES_ENVIANDO_TIMEOUT = env.int("NOTIFICACIONES_ENVIANDO_TIMEOUT", default=600)

# --- Exports (civic.services.exportaciones) --------------------------------------------------
# Up to this many rows a list is exported within the request (a few seconds, well inside gunicorn's
# timeout); more goes to the worker, with a progress page and a download link.
EXPORTACION_SINCRONA_MAX_FILAS = env.int("EXPORTACION_SINCRONA_MAX_FILAS", default=5000)
# How long a finished (or failed) export's file is kept for its owner.
EXPORTACIONES_HORAS = env.int("EXPORTACIONES_HORAS", default=72)
# A job that has not moved for this long is shown and marked as interrupted (its worker died).
EXPORTACIONES_SIN_AVANCE_SEGUNDOS = env.int("EXPORTACIONES_SIN_AVANCE_SEGUNDOS", default=600)
# The columns of the registry's quarterly report to the Ministerio del Interior, as JSON
# [["<field path>", "<header>"], ...]; unset, the app's own default list.
ORGANIZACIONES_COLUMNAS_MININTERIOR = env.json("ORGANIZACIONES_COLUMNAS_MININTERIOR", default=None)

# --- Expedientes: radicados, uploads, the one tracking page (civic.expedientes) ---------------
# Each app's series is its own (its expediente's key) unless mapped here; the archive office may number
# several apps in one entity-wide series (AGN Acuerdo 060 de 2001): {"<clave>": "alcaldia", ...}.
RADICADO_SERIES = env.json("RADICADO_SERIES", default={})
# Prefix per series, over each app's declared default: {"alcaldia": "ALC"}.
RADICADO_PREFIJOS = env.json("RADICADO_PREFIJOS", default={})
# Consultation codes are HMACs keyed by SECRET_KEY: after a rotation, the old keys here keep them valid.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ADJUNTO_MAX_BYTES = env.int("ADJUNTO_MAX_BYTES", default=10 * 1024 * 1024)
ADJUNTOS_MAX = env.int("ADJUNTOS_MAX", default=5)
# Per-IP limits in the cache: filings, and tracking lookups (a code check is an oracle to rate-limit).
LIMITE_RADICAR = env.int("LIMITE_RADICAR", default=5)
LIMITE_RADICAR_SEGUNDOS = env.int("LIMITE_RADICAR_SEGUNDOS", default=600)
LIMITE_CONSULTAR = env.int("LIMITE_CONSULTAR", default=10)
LIMITE_CONSULTAR_SEGUNDOS = env.int("LIMITE_CONSULTAR_SEGUNDOS", default=600)
# "¿Perdió su código?": each request mails the petitioner a new code and voids the old one.
LIMITE_RECUPERAR = env.int("LIMITE_RECUPERAR", default=3)
LIMITE_RECUPERAR_SEGUNDOS = env.int("LIMITE_RECUPERAR_SEGUNDOS", default=3600)
# Ley 1581/2012 art. 4 lit. g and art. 11: years after its closing (its last event) that a closed
# expediente keeps its petitioner's personal data, from the entity's Tabla de Retención Documental; then
# `manage.py anonimizar_expedientes` erases them (civic.expedientes.retencion). 0: not configured, the
# command refuses to run (no code default decides on the entity's archives).
RETENCION_DATOS_PERSONALES_ANIOS = env.int("RETENCION_DATOS_PERSONALES_ANIOS", default=0)
# How long a verified radicado stays open in the citizen's session.
CONSULTA_SEGUNDOS = env.int("CONSULTA_SEGUNDOS", default=1800)
# Reverse proxies in front of the app that append to X-Forwarded-For (0 = trust REMOTE_ADDR only).
# Behind the city's proxy set 1, or every visitor shares the proxy's address and one rate limit.
PROXIES_CONFIABLES = env.int("PROXIES_CONFIABLES", default=0)

# --- Plazos: traffic light, reminders and the daily digest (civic.plazos) --------------------
# Traffic light: yellow from this many business days left, red when overdue.
SEMAFORO_AMARILLO = env.int("SEMAFORO_AMARILLO", default=3)
# Beat runs the reminder sweep and the digest on weekday mornings, Bogotá time; holidays are skipped by
# the tasks. Each app's own policy (thresholds) is documented in its recordatorios module.
RECORDATORIOS_HORA = env.str("RECORDATORIOS_HORA", default="07:00")
RECORDATORIOS_HORA_RESUMEN = env.str("RECORDATORIOS_HORA_RESUMEN", default="07:30")
# Rows listed per traffic-light group in the daily digest; the rest are counted.
RESUMEN_MAX_POR_GRUPO = env.int("RESUMEN_MAX_POR_GRUPO", default=50)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", "Español (Colombia)")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True
# One way to write dates, hours and numbers for people (civic/formatos, locale/es_CO): "25 de noviembre de
# 2026, 3:05 p. m.", "1.234". Values read by machines (URLs, ids, years, form inputs) are written with
# |unlocalize or str(), never through the formats.
FORMAT_MODULE_PATH = ["civic.formatos"]
USE_THOUSAND_SEPARATOR = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static_vendor/ is filled by `make assets` from the npm registry (Bootstrap, icons); never committed.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "static_vendor"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded files are private (personal data): served only through views that check permissions.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media-privado/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Municipality identity: the same code serves Cali, Palmira or any other city ------------
MUNICIPIO = {
    "nombre": env.str("MUNICIPIO_NOMBRE", default="Alcaldía de Santiago de Cali"),
    "entidad": env.str("MUNICIPIO_ENTIDAD", default="Secretaría de Participación Ciudadana"),
    "nit": env.str("MUNICIPIO_NIT", default="890.399.011-3"),
    "direccion": env.str(
        "MUNICIPIO_DIRECCION", default="Centro Administrativo Municipal, Avenida 2 Norte # 10-70"
    ),
    "telefono": env.str("MUNICIPIO_TELEFONO", default="(602) 885 0000"),
    "correo": env.str("MUNICIPIO_CORREO", default="contactenos@example.gov.co"),
    "horario": env.str("MUNICIPIO_HORARIO", default="Lunes a viernes de 8:00 a. m. a 5:00 p. m."),
    "logo": env.str("MUNICIPIO_LOGO", default="img/escudo.svg"),
    "sitio": env.str("MUNICIPIO_SITIO", default="http://127.0.0.1:8000"),
}
# How authentication applications name the account they keep a code for.
OTP_TOTP_ISSUER = MUNICIPIO["nombre"]

# --- Security (check --deploy clean when DEBUG is off) --------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# A form whose token expired, or sent with cookies blocked: a Spanish page with the way back, not Django's.
CSRF_FAILURE_VIEW = "civic.sitio.views.csrf_fallido"
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# /salud/ is probed by load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^salud/$"]

# Content-Security-Policy: the portal serves every asset itself and runs no inline script or style, so a
# page can load nothing from elsewhere and an injected <script> does not run. Bootstrap draws form
# controls with data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every step of every PDF at INFO: only its warnings are worth a line.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
