from flask import current_app, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user

from portal.web.access import home_endpoint, public, same_origin_path
from portal.db import get_session
from portal.web.i18n import current_language
from portal.main import bp
from portal.models import Role
from portal.services import languages, safety
from portal.services.people import accounts


@bp.get("/")
@public
def index():
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user.role)))
    return render_template("main/index.html")


@bp.post("/language")
@public
def choose_language():
    code = request.form.get("lang", "")
    target = same_origin_path(request.form.get("next")) or url_for("main.index")
    response = make_response(redirect(target))
    if not languages.is_supported(code):
        return response
    session["lang"] = code
    if current_user.is_authenticated:
        accounts.set_locale(get_session(), current_user, code)
    else:
        response.set_cookie("lang", code, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.get("/help/emergency")
@public
def emergency():
    code = current_language()
    return render_template(
        "main/emergency.html",
        emergency=safety.emergency_steps(code),
        crisis=safety.crisis_steps(code),
        sources=safety.sources(),
        reviewed=safety.reviewed(),
    )


@bp.get("/my-plan")
@public
def my_plan():
    """One stable address for "your plan" (the assistant links here): the kiosk or phone page, or sign in."""
    if current_user.is_authenticated and current_user.role == Role.PRISONER:
        return redirect(url_for("kiosk.plan"))
    if current_user.is_authenticated and current_user.role == Role.RELEASED:
        return redirect(url_for("phone.plan"))
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user.role)))
    return redirect(url_for("auth.sign_in", next=url_for("phone.plan")))


@bp.get("/champions/request")
@public
def champion_request():
    """One stable address for asking for a champion (the assistant links here)."""
    pages = {Role.PRISONER: "kiosk.champion", Role.RELEASED: "phone.champion", Role.FAMILY: "family.support"}
    if current_user.is_authenticated:
        return redirect(url_for(pages.get(Role(current_user.role), home_endpoint(current_user.role))))
    return redirect(url_for("auth.sign_in", next=url_for("phone.champion")))
