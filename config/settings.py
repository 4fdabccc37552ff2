"""Toetssteen settings: one file, driven by environment variables.

Every default is safe for development. The README lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value is None or not value.strip() else int(value)


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# The "django-insecure-" prefix makes `check --deploy` fail when production forgets SECRET_KEY.
SECRET_KEY = env_str(
    "SECRET_KEY", "django-insecure-dev-only-key-change-me-in-production-0123456789"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "principles",
    "deliberation",
    "casebook",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.request_context",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.private_pages",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.htmx_login_redirect",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# WhiteNoise serves the collected static files when the application runs without a web
# server in front for them (production containers); `runserver` serves them itself.
SERVE_STATIC = env_bool("SERVE_STATIC", not DEBUG)
if SERVE_STATIC:
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "config.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "django.template.context_processors.i18n",
                "principles.context_processors.membership",
            ],
        },
    }
]

# SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / env_str("SQLITE_NAME", "toetssteen.sqlite3"),
            "OPTIONS": {
                # Immediate transactions and WAL keep concurrent writers from
                # failing with "database is locked" (see shared/RECIPES.md).
                "transaction_mode": "IMMEDIATE",
                "timeout": 5,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # Tests use a file too: an in-memory database shares one cache between the
            # live server's threads and answers "table is locked" instead of waiting.
            # The process id keeps two test runs on one machine apart.
            "TEST": {"NAME": BASE_DIR / f"test-toetssteen-{os.getpid()}.sqlite3"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out username and address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: five failed attempts for one username from one address lock that
# combination for fifteen minutes; a successful login clears the count.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "config.net.client_ip"
AXES_VERBOSE = False
# Successful logins are in the audit trail already; axes need not keep a second log of
# usernames, addresses and browsers (docs/privacy.md).
AXES_DISABLE_ACCESS_LOG = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / env_str("STATIC_ROOT", "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise serves static files from the application itself, compressed, so a
    # container needs no separate web server for them.
    "staticfiles": {
        "BACKEND": env_str("STATIC_STORAGE", "whitenoise.storage.CompressedStaticFilesStorage")
    },
}

# --- Security headers and cookies --------------------------------------------------
# Sessions live in the database, so any web container can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 10) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # the token reaches htmx through the page, not the cookie
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if SESSION_COOKIE_SECURE:
    # The __Host- prefix makes browsers refuse the cookie unless it is Secure, for
    # this host only and for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The health check comes from inside the container, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
if env_bool("BEHIND_TLS_PROXY", False):
    # Only behind a reverse proxy that sets this header itself (docs/deployment.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies in front of the application append to X-Forwarded-For; the
# client address for login throttling and the audit trail is read behind them.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

SILENCED_SYSTEM_CHECKS = [
    # security.W021: HSTS preloading is a promise about a whole domain that the
    # organisation running Toetssteen makes (HSTS_PRELOAD=true), not the application.
    "security.W021",
]

# A strict Content-Security-Policy: nothing from elsewhere, no inline script or style,
# no eval. Images also from data: URLs, because the NL Design System stylesheets draw
# their icons (checkbox, select arrow) that way; an image cannot run script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "manifest-src": [SELF],
    }
}

# Background work (exports of many records) runs in a worker beside the web server:
# `python manage.py db_worker`. The queue lives in the database, so the embedded default
# needs no extra server; on PostgreSQL workers can run in containers of their own.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Largest PDF the verification page accepts.
VERIFY_MAX_UPLOAD = 20 * 1024 * 1024

# Longest text a user may type in one free-text field.
TEXT_MAX_LENGTH = 5000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Single sign-on (OpenID Connect) --------------------------------------------------
# Off unless OIDC_ENABLED=true; see docs/authentication.md. The authorization code flow
# with PKCE (S256) and a nonce; ID tokens must be signed RS256 by a key from the JWKS
# endpoint and carry the issuer, this client as audience and an expiry (config/oidc.py).
# The endpoints are given one by one, so nothing is fetched while the settings load.

OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_OP_ISSUER = env_str("OIDC_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
# Seconds to wait for the provider (mozilla-django-oidc would wait for ever), and the
# difference between its clock and ours that is forgiven when checking a token's times.
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_CLOCK_SKEW_SECONDS = env_int("OIDC_CLOCK_SKEW_SECONDS", 60)
# Which claims say who someone is, what they may do and where they belong.
OIDC_USERNAME_CLAIM = env_str("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_ROLES_CLAIM = env_str("OIDC_ROLES_CLAIM", "roles")
OIDC_ORGANISATION_CLAIM = env_str("OIDC_ORGANISATION_CLAIM", "")
OIDC_ORGANISATION = env_str("OIDC_ORGANISATION", "")
OIDC_UNIT_CLAIM = env_str("OIDC_UNIT_CLAIM", "")
# The codes of principles.models.Role (settings cannot import models); a test keeps them equal.
OIDC_ROLE_NAMES = ("deelnemer", "gespreksleider", "integriteitscoordinator", "manager", "beheerder")


def env_role_map(name: str) -> dict[str, str]:
    """Parse "value=role,value=role": which value of the roles claim gives which role."""
    role_map = {}
    for item in env_list(name, ""):
        value, equals, role = item.rpartition("=")
        if not equals or not value.strip() or role.strip() not in OIDC_ROLE_NAMES:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not claim-value=role with a role of "
                + ", ".join(OIDC_ROLE_NAMES)
            )
        role_map[value.strip()] = role.strip()
    return role_map


OIDC_ROLE_MAP = env_role_map("OIDC_ROLE_MAP")
# The login page offers single sign-on when it is on; django-axes leaves the callback alone
# (a refusal there has no username to count; the callback is audited instead).
TEMPLATES[0]["OPTIONS"]["context_processors"].append("config.oidc.context")
AXES_WHITELIST_CALLABLE = "config.oidc.axes_exempt"
if OIDC_ENABLED:
    _oidc_required = {
        "OIDC_CLIENT_ID": OIDC_RP_CLIENT_ID,
        "OIDC_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
        "OIDC_ISSUER": OIDC_OP_ISSUER,
        "OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
        "OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
        "OIDC_USERINFO_ENDPOINT": OIDC_OP_USER_ENDPOINT,
        "OIDC_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
        "OIDC_ROLE_MAP": OIDC_ROLE_MAP,
    }
    _oidc_missing = [name for name, value in _oidc_required.items() if not value]
    if _oidc_missing:
        raise ImproperlyConfigured("OIDC_ENABLED=true also needs " + ", ".join(_oidc_missing))
    if bool(OIDC_ORGANISATION_CLAIM) == bool(OIDC_ORGANISATION):
        raise ImproperlyConfigured("Set one of OIDC_ORGANISATION_CLAIM and OIDC_ORGANISATION.")
    _oidc_plain = [
        name
        for name, value in _oidc_required.items()
        if name.endswith(("_ISSUER", "_ENDPOINT")) and not value.startswith("https://")
    ]
    if _oidc_plain and not DEBUG:
        raise ImproperlyConfigured("Use https:// for " + ", ".join(_oidc_plain))
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "config.oidc.Backend"]

# --- Data protection (AVG) -------------------------------------------------------------
# Sessions that never reached a decision are deleted this many days after their last
# change (`python manage.py apply_retention`, run daily); 0 keeps them.
RETENTION_UNDECIDED_DAYS = env_int("RETENTION_UNDECIDED_DAYS", 730)
