"""Settings read from the environment: one class per mode."""
import os
from datetime import timedelta

from portal.services.paths import CONTENT
from portal.services.paths import REPO as REPO_ROOT


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", f"sqlite:///{REPO_ROOT / 'var' / 'throughcare.db'}")
    # Accept the usual postgres:// spellings and use psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    DATABASE_URL = _database_url()
    REDIS_URL = os.environ.get("REDIS_URL", "")
    DEMO_MODE = False

    CONTENT_DIR = CONTENT
    LANGUAGES = ("en", "cy", "pl", "ro", "sq", "lt", "ar", "ur")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Europe/London"
    BABEL_TRANSLATION_DIRECTORIES = str(REPO_ROOT / "translations")

    MAX_CONTENT_LENGTH = 1024 * 1024  # no form or API payload needs more than 1 MB
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    WTF_CSRF_TIME_LIMIT = None  # tied to the session instead, so a slow reader never loses a form

    KIOSK_IDLE_SECONDS = int(os.environ.get("KIOSK_IDLE_SECONDS", "180"))
    KIOSK_WARNING_SECONDS = int(os.environ.get("KIOSK_WARNING_SECONDS", "30"))
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "20 per minute")
    RATELIMIT_STORAGE_URI = REDIS_URL or "memory://"
    RATELIMIT_HEADERS_ENABLED = True

    RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005")
    CHAT_TIMEOUT_SECONDS = float(os.environ.get("CHAT_TIMEOUT_SECONDS", "5"))
    ASSISTANT_API_TOKEN = os.environ.get("ASSISTANT_API_TOKEN", "")

    # Reminders by e-mail when an SMTP server is configured (SMS goes to the log by default).
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_FROM = os.environ.get("SMTP_FROM", "reminders@throughcare.invalid")
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_TLS = os.environ.get("SMTP_TLS", "1") == "1"


class DevelopmentConfig(Config):
    """`make run`: demo data allowed, a fixed development secret if none is given."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    ASSISTANT_API_TOKEN = os.environ.get("ASSISTANT_API_TOKEN", "dev-assistant-token")
    DEMO_MODE = True


class TestingConfig(DevelopmentConfig):
    TESTING = True
    LOGIN_RATE_LIMIT = "1000 per minute"
    RATELIMIT_STORAGE_URI = "memory://"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(mode: str | None) -> type[Config]:
    return CONFIGS[mode or os.environ.get("THROUGHCARE_ENV", "development")]
