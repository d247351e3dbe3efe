"""Staff vet champions, see open requests with suggestions, assign (one by one or all at once)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from portal.web.access import roles
from portal.champion.forms import DecisionForm, VettingForm
from portal.words.champions import EXPERIENCE, MATCH_STATUSES, SPECIALISMS, STATUSES
from portal.db import get_session
from portal.words.messages import message_for
from portal.models import (
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    Match,
    MatchStatus,
    Person,
    RequestStatus,
    Role,
)
from portal.my_champion import ChampionRequestForm, request_from_form
from portal.services import audit
from portal.services.champions import requests
from portal.services.champions import profiles
from portal.services.champions import candidates
from portal.services.people import records
from portal.services.plans import release_plans
from portal.services.clock import now_utc
from portal.services.errors import DomainError, NotFound, StaleEdit
from portal.staff import bp

CASEWORK = (Role.STAFF, Role.ADMIN)


def _ip() -> str:
    return request.remote_addr or ""


@bp.get("/champions")
@roles(*CASEWORK)
def champion_list():
    session = get_session()
    rows = profiles.all_profiles(session)
    pairs = requests.open_pairs(session)
    return render_template("staff/profiles.html", rows=rows, statuses=STATUSES, pairs=pairs)


def _render_champion(champion_id: int, form=None, status=200):
    session = get_session()
    profile = profiles.get_profile(session, champion_id)
    person = session.get(Person, profile.person_id)
    audit.record(session, "read:champion", actor_id=current_user.id, subject_id=person.id, ip=_ip())
    return render_template("staff/champion.html", profile=profile, person=person, statuses=STATUSES,
                           form=form or VettingForm(obj=profile, formdata=None), decision=DecisionForm(formdata=None),
                           matches=requests.matches_for_champion(session, profile),
                           match_statuses=MATCH_STATUSES, experience_labels=EXPERIENCE,
                           specialism_labels=SPECIALISMS), status


@bp.get("/champions/<int:champion_id>")
@roles(*CASEWORK)
def champion_detail(champion_id: int):
    return _render_champion(champion_id)


@bp.post("/champions/<int:champion_id>/vetting")
@roles(*CASEWORK)
def champion_vetting(champion_id: int):
    session = get_session()
    profile = profiles.get_profile(session, champion_id)
    form = VettingForm()
    if not form.validate_on_submit():
        return _render_champion(champion_id, form=form, status=400)
    try:
        profiles.record_vetting(session, profile, form.version.data, training_completed_on=form.training_completed_on.data,
                                 vetting_checked_on=form.vetting_checked_on.data, supervisor=form.supervisor.data or "",
                                 staff=current_user, ip=_ip())
    except StaleEdit as error:
        form.form_errors.append(message_for(error))
        session.refresh(profile)
        form.version.data = profile.version
        return _render_champion(champion_id, form=form, status=409)
    flash(_("Vetting saved."), "success")
    return redirect(url_for("staff.champion_detail", champion_id=champion_id))


@bp.post("/champions/<int:champion_id>/<action>")
@roles(*CASEWORK)
def champion_status(champion_id: int, action: str):
    session = get_session()
    profile = profiles.get_profile(session, champion_id)
    if action not in ("approve", "pause", "resume", "withdraw") or not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    try:
        if action == "approve":
            profiles.approve(session, profile, current_user, _ip())
        elif action == "pause":
            profiles.set_status(session, profile, ChampionStatus.PAUSED, current_user, _ip())
        elif action == "resume":
            profiles.set_status(session, profile, ChampionStatus.APPROVED, current_user, _ip())
        else:
            count = requests.withdraw_champion(session, profile, current_user, now_utc(), _ip())
            flash(_("Withdrawn. %(count)s people have been offered a new champion.", count=count), "success")
            return redirect(url_for("staff.champion_detail", champion_id=champion_id))
    except DomainError as error:
        flash(message_for(error), "error")
        return redirect(url_for("staff.champion_detail", champion_id=champion_id))
    flash(_("Saved."), "success")
    return redirect(url_for("staff.champion_detail", champion_id=champion_id))


@bp.get("/requests")
@roles(*CASEWORK)
def requests_list():
    session = get_session()
    open_requests = session.exec(select(ChampionRequest).where(ChampionRequest.status == RequestStatus.OPEN)
                                 .order_by(ChampionRequest.created_at)).all()
    now = now_utc()
    rows = []
    for req in open_requests:
        suggestions = candidates.suggest_champions(session, req, now, limit=3)
        pending = session.exec(select(Match).where(Match.request_id == req.id, Match.status == MatchStatus.OFFERED)).first()
        rows.append({"request": req, "person": session.get(Person, req.person_id), "pending": pending,
                     "pending_champion": session.get(Person, session.get(ChampionProfile, pending.champion_id).person_id)
                     if pending else None,
                     "suggestions": [(s, session.get(Person, session.get(ChampionProfile, s.champion_id).person_id))
                                     for s in suggestions]})
    audit.record(session, "read:champion-requests", actor_id=current_user.id, ip=_ip(), detail=f"{len(rows)} open")
    return render_template("staff/requests.html", rows=rows, decision=DecisionForm(formdata=None),
                           batch=None)


@bp.post("/requests/<int:request_id>/assign/<int:champion_id>")
@roles(*CASEWORK)
def assign(request_id: int, champion_id: int):
    session = get_session()
    req = session.get(ChampionRequest, request_id)
    if req is None or not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    requests.staff_assign(session, req, profiles.get_profile(session, champion_id), current_user, now_utc(), _ip())
    flash(_("Matched."), "success")
    return redirect(url_for("staff.requests_list"))


@bp.post("/requests/batch")
@roles(*CASEWORK)
def batch_assign():
    """Assign every open request at once: the best total, no champion over capacity."""
    session = get_session()
    if not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    result = requests.assign_all_open(session, current_user, now_utc(), _ip())
    flash(_("%(assigned)s requests matched; %(left)s could not be matched.", assigned=result.assigned,
            left=result.unassigned), "success")
    return redirect(url_for("staff.requests_list"))


@bp.get("/matches/<int:match_id>")
@roles(*CASEWORK)
def match_detail(match_id: int):
    """Staff read a pair's messages and meetings for safeguarding; every read is audited."""
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    champion = session.get(ChampionProfile, match.champion_id)
    people = {p.id: p for p in (session.get(Person, match.person_id), session.get(Person, champion.person_id))}
    audit.record(session, "read:champion-messages", actor_id=current_user.id, subject_id=match.person_id, ip=_ip(),
                 detail=f"match {match.id}")
    return render_template("staff/match.html", match=match, champion=champion, people=people,
                           messages=requests.messages_of(session, match),
                           meetings=requests.meetings_of(session, match),
                           match_statuses=MATCH_STATUSES)


@bp.route("/people/<int:person_id>/champion-request", methods=["GET", "POST"])
@roles(*CASEWORK)
def request_for_person(person_id: int):
    """Staff ask for a champion on someone's behalf (same rules as when the person asks)."""
    session = get_session()
    summary = records.person_for_casework(session, current_user, person_id, _ip())
    person = summary.person
    if request.method == "GET":
        plan = release_plans.plan_for(session, person.id)
        form = ChampionRequestForm(formdata=None, languages=sorted({person.locale, "en"}),
                                   area=plan.release_area if plan else "")
        return render_template("staff/champion_request.html", form=form, person=person)
    form = ChampionRequestForm()
    if form.validate_on_submit():
        try:
            request_from_form(form, person, current_user)
        except DomainError as error:
            form.form_errors.append(message_for(error))
            return render_template("staff/champion_request.html", form=form, person=person), 400
        flash(_("Request sent. It is on the champion requests page."), "success")
        return redirect(url_for("staff.requests_list"))
    return render_template("staff/champion_request.html", form=form, person=person), 400
