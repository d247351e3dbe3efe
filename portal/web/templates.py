"""What every template may use: dates in the reader's language, text direction, the kiosk flag."""
from babel.dates import get_day_names
from flask import Flask, g
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user
from markupsafe import Markup

from portal.services import languages
from portal.web import kiosk_idle, safety_notice
from portal.web.i18n import current_language
from portal.words.champions import reason_text


def init_app(app: Flask) -> None:
    # Dates and times are stored in UTC and shown in Europe/London (BABEL_DEFAULT_TIMEZONE).
    app.jinja_env.globals.update(format_date=format_date, format_datetime=format_datetime, format_day=day_name,
                                 direction_of=languages.direction, isolate_ltr_runs=languages.isolate_ltr_runs,
                                 safety_notice_steps=safety_notice.take, reason_text=reason_text)
    app.jinja_env.filters["ltr"] = left_to_right

    @app.context_processor
    def page_globals():
        code = current_language()
        return {
            "lang": code,
            "text_direction": languages.direction(code),
            "languages": languages.LANGUAGES,
            "languages_by_code": languages.BY_CODE,
            "kiosk": g.get("kiosk_layout", False) or kiosk_idle.is_kiosk_session(),
            "kiosk_idle_seconds": app.config["KIOSK_IDLE_SECONDS"],
            "kiosk_warning_seconds": app.config["KIOSK_WARNING_SECONDS"],
            "current_user": current_user,
        }


def left_to_right(value) -> Markup:
    """A phone number, time, code or address kept in its own order, also inside Arabic or Urdu text."""
    return Markup('<bdi dir="ltr">%s</bdi>') % value


def day_name(weekday: int) -> str:
    """The name of a weekday (0 = Monday) in the reader's language."""
    return get_day_names("wide", locale=get_locale())[weekday].capitalize()
