"""Mentos settings: one env-driven module.

With no variables set the service runs embedded: SQLite, the in-memory channel layer,
turns in a worker thread, offline model backends. Every variable is listed in README.md.
"""

from __future__ import annotations

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG: bool = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-mentos-dev-only-key-never-use-in-production"
SECRET_KEY: str = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "DEBUG is off: set SECRET_KEY to a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS: list[str] = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DEBUG is off: set ALLOWED_HOSTS (comma-separated host names).")
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "accounts",
    "characters",
    "counseling",
    "inference",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "accounts.middleware.PrivatePagesNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mentos_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = None
ASGI_APPLICATION = "mentos_site.asgi.application"

# --- database -----------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"}
    )
    DATABASES["default"]["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
if env.str("TEST_DATABASE_NAME", default=""):
    # lets several test runs share one server without clobbering each other's test database
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env.str("TEST_DATABASE_NAME")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default writes from the web thread and the turn thread at once: IMMEDIATE
    # transactions wait on the busy timeout instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- redis: channel layer, Celery, cache ---------------------------------------------------
REDIS_URL: str = env.str("REDIS_URL", default="")

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": env.str(
                "CHANNEL_LAYER_BACKEND", default="channels_redis.pubsub.RedisPubSubChannelLayer"
            ),
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env.str("CHANNEL_PREFIX", default="mentos")},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_PREFIX", default="mentos"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL: str = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND: str | None = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"inference.tasks.*": {"queue": "inference"}}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600),
    # a SIGKILLed worker's unacked turn is restored within ~10 s of its visibility timeout
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
CELERY_TIMEZONE = "Asia/Seoul"

# How turns run: "thread" (in-process, embedded default) or "celery" (queue `inference`).
MENTOS_TURN_RUNNER: str = env.str("MENTOS_TURN_RUNNER", default="celery" if REDIS_URL else "thread")
# A dialog pending longer than this is re-queued by the periodic check.
MENTOS_TURN_TIMEOUT_S: int = env.int("MENTOS_TURN_TIMEOUT_S", default=120)
MENTOS_TURN_MAX_ATTEMPTS: int = env.int("MENTOS_TURN_MAX_ATTEMPTS", default=3)

# --- pipeline backends (dotted paths, loaded lazily once per process) ---------------------
MENTOS_EMOTION_BACKEND: str = env.str(
    "MENTOS_EMOTION_BACKEND", default="inference.backends.emotion_lexicon.LexiconEmotionBackend"
)
MENTOS_CRISIS_BACKEND: str = env.str(
    "MENTOS_CRISIS_BACKEND", default="inference.backends.crisis_rules.RuleCrisisBackend"
)
MENTOS_MEMORY_BACKEND: str = env.str(
    "MENTOS_MEMORY_BACKEND", default="inference.backends.memory_faiss.NgramFaissMemoryBackend"
)
MENTOS_LLM_BACKEND: str = env.str(
    "MENTOS_LLM_BACKEND", default="inference.backends.llm_offline.OfflineCounsellorBackend"
)
MENTOS_STYLE_BACKEND: str = env.str(
    "MENTOS_STYLE_BACKEND", default="inference.backends.style_rules.RuleStyleBackend"
)
MENTOS_MEMORY_DIR: Path = Path(env.str("MENTOS_MEMORY_DIR", default=str(BASE_DIR / "var" / "memory")))
MENTOS_MEMORY_TOP_K: int = env.int("MENTOS_MEMORY_TOP_K", default=3)
# A past turn is brought up ("지난번에 …") only above this retrieval score.
MENTOS_LLM_MEMORY_MIN_SCORE: float = env.float("MENTOS_LLM_MEMORY_MIN_SCORE", default=0.15)

# Real-model backend settings (used only by the transformers / OpenAI backends).
MENTOS_EMOTION_MODEL: str = env.str(
    "MENTOS_EMOTION_MODEL", default="nlp04/korean_sentiment_analysis_kcelectra"
)
MENTOS_EMBEDDING_MODEL: str = env.str("MENTOS_EMBEDDING_MODEL", default="jhgan/ko-sbert-nli")
MENTOS_LLM_MODEL: str = env.str("MENTOS_LLM_MODEL", default="yanolja/EEVE-Korean-Instruct-10.8B-v1.0")
MENTOS_LLM_ADAPTER: str = env.str("MENTOS_LLM_ADAPTER", default="")
MENTOS_LLM_LOAD_IN_4BIT: bool = env.bool("MENTOS_LLM_LOAD_IN_4BIT", default=False)
MENTOS_LLM_MAX_NEW_TOKENS: int = env.int("MENTOS_LLM_MAX_NEW_TOKENS", default=256)
MENTOS_LLM_TEMPERATURE: float = env.float("MENTOS_LLM_TEMPERATURE", default=0.7)
MENTOS_LLM_TOP_P: float = env.float("MENTOS_LLM_TOP_P", default=0.9)
MENTOS_LLM_REPETITION_PENALTY: float = env.float("MENTOS_LLM_REPETITION_PENALTY", default=1.1)
MENTOS_LLM_CONTEXT_TOKENS: int = env.int("MENTOS_LLM_CONTEXT_TOKENS", default=2048)
MENTOS_OPENAI_BASE_URL: str = env.str("MENTOS_OPENAI_BASE_URL", default="")
MENTOS_OPENAI_MODEL: str = env.str("MENTOS_OPENAI_MODEL", default="")
MENTOS_OPENAI_API_KEY: str = env.str("MENTOS_OPENAI_API_KEY", default="")
MENTOS_OPENAI_TIMEOUT_S: float = env.float("MENTOS_OPENAI_TIMEOUT_S", default=60.0)
MENTOS_STYLE_MODEL: str = env.str("MENTOS_STYLE_MODEL", default="NHNDQ/bart-speech-style-converter")
MENTOS_WARM_MODELS: bool = env.bool("MENTOS_WARM_MODELS", default=False)

# --- auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("user_id", "name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "home:index"

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("한국어")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Seoul")
USE_I18N = True
USE_TZ = True

# --- static ---------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
# daphne serves static files through WhiteNoise: from the app folders while DEBUG, from
# STATIC_ROOT (after `manage.py collectstatic`) in production.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- REST framework ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes anonymous requests a 401, not a 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="30/min"),
        "user": env.str("API_THROTTLE_USER", default="600/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Mentos API",
    "DESCRIPTION": "멘토스 심리상담 서비스 API / Mentos counselling service API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc served from our own static files, no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- security (production) ------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
