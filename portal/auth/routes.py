from flask import current_app, flash, g, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from portal.auth import bp
from portal.auth.forms import ActivationForm, KioskSignInForm, SignInForm
from portal.db import get_session
from portal.extensions import limiter
from portal.models import Role
from portal.services import audit
from portal.services.clock import now_utc, today_in_london
from portal.services.errors import DomainError, SignInFailed
from portal.services.people import accounts, handover
from portal.services.people.handover import ActivationFailed
from portal.web import kiosk_idle
from portal.web.access import home_endpoint, public, roles, same_origin_path
from portal.words.messages import message_for


def _login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _start_session(person, next_path: str | None):
    session.clear()  # a fresh session id for the new person
    login_user(person)
    session["lang"] = person.locale
    session["last_seen"] = now_utc().timestamp()
    return redirect(same_origin_path(next_path) or url_for(home_endpoint(person.role)))


@bp.route("/kiosk", methods=["GET", "POST"])
@public
@limiter.limit(_login_rate_limit, methods=["POST"])
def kiosk_sign_in():
    g.kiosk_layout = True
    form = KioskSignInForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        try:
            person = accounts.sign_in_kiosk(get_session(), form.prison_number.data, form.pin.data,
                                            request.remote_addr or "", today=today_in_london())
        except SignInFailed as error:
            form.pin.errors.append(message_for(error))
        else:
            return _start_session(person, form.next.data)
    return render_template("auth/kiosk_sign_in.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@limiter.limit(_login_rate_limit, methods=["POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        try:
            person = accounts.sign_in_password(get_session(), form.identifier.data, form.password.data,
                                               request.remote_addr or "", today=today_in_london())
        except SignInFailed as error:
            form.password.errors.append(message_for(error))
        else:
            return _start_session(person, form.next.data)
    return render_template("auth/sign_in.html", form=form)


@bp.post("/sign-out")
@public
def sign_out():
    was_kiosk = kiosk_idle.is_kiosk_session()
    if current_user.is_authenticated:
        audit.record(get_session(), "sign-out", actor_id=current_user.id, subject_id=current_user.id,
                     ip=request.remote_addr or "")
    kiosk_idle.end_session()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.kiosk_sign_in" if was_kiosk else "main.index"))


@bp.get("/session-ended")
@public
def session_ended():
    """Where an idle kiosk goes, with or without JavaScript: ends the session unconditionally."""
    if kiosk_idle.is_kiosk_session():
        audit.record(get_session(), "sign-out:idle", actor_id=current_user.id, subject_id=current_user.id,
                     ip=request.remote_addr or "")
        kiosk_idle.end_session()
        flash(_("Your session ended because the screen was not used for a while."), "info")
        return redirect(url_for("auth.kiosk_sign_in"))
    return redirect(url_for("main.index"))


@bp.post("/still-here")
@roles(Role.PRISONER)
def still_here():
    """The idle warning's "I'm still here" button: the before-request hook has already renewed the session."""
    if request.accept_mimetypes.best == "application/json":
        return jsonify(idle_seconds=current_app.config["KIOSK_IDLE_SECONDS"])
    return redirect(url_for("kiosk.home"))


@bp.route("/activate", methods=["GET", "POST"])
@public
@limiter.limit(_login_rate_limit, methods=["POST"])
def activate():
    """Open the phone account with the one-time code from the release card."""
    form = ActivationForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            person = handover.activate(get_session(), current_app.config["SECRET_KEY"], form.code.data,
                                       form.identifier.data, form.password.data, request.remote_addr or "",
                                       today=today_in_london())
        except ActivationFailed as error:
            for field_name, code in error.params.get("fields", {}).items():
                form[field_name].errors.append(message_for(DomainError(code)))
        else:
            if person.role == Role.RELEASED:
                flash(_("Your phone account is ready."), "success")
                return _start_session(person, None)
            return render_template("auth/activated.html", person=person)
    return render_template("auth/activate.html", form=form)
