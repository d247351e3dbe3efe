from flask import make_response, redirect, render_template, request, url_for
from flask_login import current_user

from portal.main import bp
from portal.services import safety
from portal.web.access import home_endpoint, public, same_origin_path
from portal.web.i18n import current_language, remember_language


@bp.get("/")
@public
def index():
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user.role)))
    return render_template("main/index.html")


@bp.post("/language")
@public
def choose_language():
    target = same_origin_path(request.form.get("next")) or url_for("main.index")
    response = make_response(redirect(target))
    remember_language(request.form.get("lang", ""), response)
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
