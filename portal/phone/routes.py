from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from portal.db import get_session
from portal.models import CheckinAnswer, Role
from portal.phone import bp
from portal.phone.forms import CheckinForm
from portal.services.clock import now_utc, today_in_london
from portal.services.people import accounts, records
from portal.services.plans import checkins, reminders
from portal.web import safety_notice
from portal.web.access import roles
from portal.web.i18n import current_language


@bp.get("/")
@roles(Role.RELEASED)
def home():
    summary = records.own_summary(get_session(), current_user)
    return render_template("phone/home.html", summary=summary, today=today_in_london(),
                           reminder_list=reminders.in_portal(get_session(), current_user, now_utc()),
                           checkin=checkins.pending_for(get_session(), current_user), checkin_form=CheckinForm(formdata=None))


@bp.post("/checkins/<int:checkin_id>")
@roles(Role.RELEASED)
def answer_checkin(checkin_id: int):
    form = CheckinForm()
    if not form.validate_on_submit():
        flash(_("Choose an answer."), "error")
        return redirect(url_for("phone.home") + "#checkin")
    _checkin, screening = checkins.answer(get_session(), current_user, checkin_id, CheckinAnswer(form.answer.data),
                                          form.comment.data or "", now_utc(), language=current_language())
    if safety_notice.show(screening):
        return redirect(url_for("phone.home"))
    if form.answer.data == "not_good":
        flash(_("Thank you for telling us. Someone from the team will contact you soon. If you are in danger, call 999."), "success")
    else:
        flash(_("Thank you. Good to hear from you."), "success")
    return redirect(url_for("phone.home"))


@bp.post("/contact-preferences")
@roles(Role.RELEASED)
def contact_preferences():
    if FlaskForm().validate_on_submit():
        accounts.set_contact_opt_in(get_session(), current_user, request.form.get("opt_in") == "yes",
                                    request.remote_addr or "")
        flash(_("Saved."), "success")
    return redirect(url_for("phone.home"))
