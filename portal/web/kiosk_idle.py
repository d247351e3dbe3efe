"""Kiosk sessions end after a few idle minutes, so the next prisoner never sees the last one's data."""
from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from portal.models import Role
from portal.services.clock import now_utc


def is_kiosk_session() -> bool:
    return current_user.is_authenticated and current_user.role == Role.PRISONER


def end_idle_kiosk_session():
    """Runs before each request: ends a kiosk session idle for longer than KIOSK_IDLE_SECONDS."""
    if request.endpoint == "static" or not is_kiosk_session():
        return None
    now = now_utc().timestamp()
    last_seen = session.get("last_seen", now)
    if now - last_seen > current_app.config["KIOSK_IDLE_SECONDS"]:
        end_session()
        flash(_("Your session ended because the screen was not used for a while."), "info")
        return redirect(url_for("auth.kiosk_sign_in"))
    session["last_seen"] = now
    return None


def end_session() -> None:
    logout_user()
    session.clear()
