"""The person's own plan, shared by the kiosk and phone views (one rule, two layouts)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from portal.db import get_session
from portal.web.i18n import current_language
from portal.web.kiosk_idle import is_kiosk_session
from portal.web import safety_notice
from portal.words.plans import APPOINTMENT_KINDS, CHECKLIST, STATUS
from portal.services import tasks
from portal.services.people import records
from portal.services.plans import release_plans
from portal.services.clock import to_london, today_in_london


class QuestionForm(FlaskForm):
    subject = HiddenField(validators=[Regexp(r"^(item:[a-z_]+|appointment:\d+)$")])
    question = TextAreaField(
        _l("Your question"),
        validators=[DataRequired(_l("Type your question first.")), Length(max=1000, message=_l("Keep it under 1,000 characters."))],
        render_kw={"rows": 3},
    )


def render_plan(template: str, question_form: QuestionForm | None = None, status: int = 200):
    session = get_session()
    summary = records.own_summary(session, current_user)
    plan = release_plans.plan_for(session, current_user.id)
    items = release_plans.items_of(session, plan) if plan else []
    appointment_list = release_plans.appointments_of(session, current_user.id)
    questions = tasks.questions_of(session, current_user)
    return render_template(
        template, summary=summary, plan=plan, items=items, days=release_plans.by_day(appointment_list), today=today_in_london(),
        checklist_labels=CHECKLIST, status_labels=STATUS, kind_labels=APPOINTMENT_KINDS, to_london=to_london,
        questions_by_subject=_group(questions), question_form=question_form or QuestionForm(formdata=None),
    ), status


def _group(questions):
    grouped = {}
    for question in questions:
        grouped.setdefault(question.subject_ref, []).append(question)
    return grouped


def ask_question(template: str, endpoint: str):
    form = QuestionForm()
    if not form.validate_on_submit():
        return render_plan(template, question_form=form, status=400)
    _task, screening = tasks.ask(get_session(), current_user, form.subject.data, form.question.data,
                                 request.remote_addr or "", language=current_language(), kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    flash(_("Your question has been sent to the team. The answer will appear here."), "success")
    return redirect(url_for(endpoint) + "#" + form.subject.data.replace(":", "-"))
