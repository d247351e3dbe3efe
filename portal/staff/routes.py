from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.models import Role
from portal.services import audit, tasks
from portal.services.assistant import relay
from portal.services.clock import today_in_london
from portal.services.content import feedback
from portal.services.people import records
from portal.staff import bp
from portal.staff.forms import AnswerForm
from portal.web.access import roles
from portal.web.content import library


@bp.get("/")
@roles(Role.STAFF, Role.ADMIN)
def home():
    caseload = records.caseload(get_session(), current_user, request.remote_addr or "")
    return render_template("staff/home.html", caseload=caseload, today=today_in_london())


@bp.get("/guidance")
@roles(Role.STAFF, Role.ADMIN)
def guidance_review():
    today = today_in_london()
    pages = library().review_schedule(today)
    return render_template("staff/guidance_review.html", pages=pages, today=today,
                           totals=feedback.totals(get_session()), languages_present=library().translations(pages),
                           all_languages=library().languages)


@bp.get("/tasks")
@roles(Role.STAFF, Role.ADMIN)
def inbox():
    session = get_session()
    open_tasks = tasks.open_tasks(session, current_user)
    names = records.named(session, {t.person_id for t in open_tasks if t.person_id})
    audit.record(session, "read:inbox", actor_id=current_user.id, ip=request.remote_addr or "",
                 detail=f"{len(open_tasks)} tasks")
    return render_template("staff/inbox.html", tasks=open_tasks, names=names, form=AnswerForm(formdata=None))


@bp.post("/tasks/<int:task_id>/answer")
@roles(Role.STAFF, Role.ADMIN)
def answer_task(task_id: int):
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("Type an answer first."), "error")
        return redirect(url_for("staff.inbox") + f"#task-{task_id}")
    tasks.answer(get_session(), task_id, form.answer.data, current_user, request.remote_addr or "")
    flash(_("Answer sent."), "success")
    return redirect(url_for("staff.inbox"))


@bp.post("/tasks/<int:task_id>/close")
@roles(Role.STAFF, Role.ADMIN)
def close_task(task_id: int):
    config = current_app.config
    tasks.close(get_session(), task_id, current_user, request.remote_addr or "",
                resume_chat=lambda conversation: relay.resume(config["RASA_URL"], conversation,
                                                              config["CHAT_TIMEOUT_SECONDS"]))
    flash(_("Task closed."), "success")
    return redirect(url_for("staff.inbox"))
