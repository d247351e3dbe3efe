"""Throughcare portal: the app factory."""
from flask import Flask

from portal import cli, db
from portal.config import config_for
from portal.extensions import babel, csrf, htmx, limiter, login_manager
from portal.services.people import passwords
from portal.services.safety import model as safety_model
from portal.web import access, errors, kiosk_idle, security_headers, templates
from portal.web.i18n import select_locale


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
    templates.init_app(app)
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
        from portal.services.people import records

        return records.active_person(db.get_session(), int(person_id))


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
    from portal.person import bp as person_bp
    from portal.phone import bp as phone_bp
    from portal.staff import bp as staff_bp

    for blueprint in (main_bp, auth_bp, person_bp, kiosk_bp, phone_bp, family_bp, champion_bp, staff_bp, admin_bp,
                      chat_bp, api_bp, guidance_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)  # token-authenticated JSON, never a browser form
    access.public(app.view_functions["static"])


def init_request_hooks(app: Flask) -> None:
    app.before_request(kiosk_idle.end_idle_kiosk_session)
    app.before_request(access.enforce_access_rules)
    app.after_request(security_headers.add_security_headers)
