"""Throughcare portal: the app factory."""
from flask import Flask, g
from markupsafe import Markup

from portal import access, cli, db, errors, kiosk_session, web_security
from portal.config import config_for
from portal.extensions import babel, csrf, htmx, limiter, login_manager
from portal.i18n import current_language, select_locale
from portal.services import languages, passwords
from portal.web import safety_notice
from portal.services.safety import model as safety_model


def create_app(mode: str | None = None, overrides: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_for(mode))
    app.config.update(overrides or {})
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("SECRET_KEY must be set outside development and testing")
    if app.config.get("TESTING"):
        passwords.use_cheap_hashing_for_tests()

    init_extensions(app)
    init_blueprints(app)
    init_request_hooks(app)
    init_templates(app)
    errors.register_error_handlers(app)
    cli.register(app)
    # Load the safety layer's model now (once per process), not on the first message someone types.
    safety_model.load()
    return app


def init_extensions(app: Flask) -> None:
    db.init_db(app)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.sign_in"

    @login_manager.user_loader
    def load_person(person_id: str):
        from portal.models import Person

        person = db.get_session().get(Person, int(person_id))
        return person if person and person.is_active else None


def init_blueprints(app: Flask) -> None:
    from portal.admin import bp as admin_bp
    from portal.api import bp as api_bp
    from portal.auth import bp as auth_bp
    from portal.champion import bp as champion_bp
    from portal.chat import bp as chat_bp
    from portal.family import bp as family_bp
    from portal.guidance import bp as guidance_bp
    from portal.kiosk import bp as kiosk_bp
    from portal.main import bp as main_bp
    from portal.phone import bp as phone_bp
    from portal.staff import bp as staff_bp

    for blueprint in (main_bp, auth_bp, kiosk_bp, phone_bp, family_bp, champion_bp, staff_bp, admin_bp, chat_bp, api_bp,
                      guidance_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)  # token-authenticated JSON, never a browser form
    access.public(app.view_functions["static"])


def init_request_hooks(app: Flask) -> None:
    app.before_request(kiosk_session.end_idle_kiosk_session)
    app.before_request(access.enforce_access_rules)
    app.after_request(web_security.add_security_headers)


def init_templates(app: Flask) -> None:
    from flask_babel import format_date, format_datetime
    from flask_login import current_user

    # Dates and times are stored in UTC and shown in Europe/London (BABEL_DEFAULT_TIMEZONE).
    app.jinja_env.globals.update(format_date=format_date, format_datetime=format_datetime, format_day=_day_name,
                            direction_of=languages.direction, isolate_ltr_runs=languages.isolate_ltr_runs,
                            safety_notice_steps=safety_notice.take)
    app.jinja_env.filters["ltr"] = _left_to_right

    @app.context_processor
    def page_globals():
        code = current_language()
        return {
            "lang": code,
            "text_direction": languages.direction(code),
            "languages": languages.LANGUAGES,
            "languages_by_code": languages.BY_CODE,
            "kiosk": g.get("kiosk_layout", False) or kiosk_session.is_kiosk_session(),
            "kiosk_idle_seconds": app.config["KIOSK_IDLE_SECONDS"],
            "kiosk_warning_seconds": app.config["KIOSK_WARNING_SECONDS"],
            "current_user": current_user,
        }


def _left_to_right(value) -> Markup:
    """A phone number, time, code or address kept in its own order, also inside Arabic or Urdu text."""
    return Markup('<bdi dir="ltr">%s</bdi>') % value


def _day_name(weekday: int) -> str:
    """The name of a weekday (0 = Monday) in the reader's language."""
    from babel.dates import get_day_names
    from flask_babel import get_locale

    return get_day_names("wide", locale=get_locale())[weekday].capitalize()
