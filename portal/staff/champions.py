"""Staff vet champions, see open requests with suggestions, assign (one by one or all at once)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.models import ChampionStatus, Role
from portal.services import audit, staff_scope
from portal.services.champions import profiles, requests
from portal.services.clock import now_utc, today_in_london
from portal.services.errors import DomainError, NotFound
from portal.services.people import records
from portal.services.plans import release_plans
from portal.staff import bp
from portal.staff.forms import VettingForm
from portal.web.access import roles
from portal.web.forms import ChampionRequestForm, DecisionForm, attempt
from portal.web.i18n import current_language
from portal.words.champions import EXPERIENCE, MATCH_STATUSES, SPECIALISMS, STATUSES
from portal.words.messages import message_for

CASEWORK = (Role.STAFF, Role.ADMIN)


def _ip() -> str:
    return request.remote_addr or ""


@bp.get("/champions")
@roles(*CASEWORK)
def champion_list():
    session = get_session()
    rows = profiles.all_profiles(session, current_user)
    pairs = requests.open_pairs(session, current_user)
    return render_template("staff/champions.html", rows=rows, statuses=STATUSES, pairs=pairs)


def _render_champion(champion_id: int, form=None, status=200):
    session = get_session()
    profile = profiles.profile_for_staff(session, champion_id, current_user)
    person = profiles.person_of(session, profile)
    audit.record(session, "read:champion", actor_id=current_user.id, subject_id=person.id, ip=_ip())
    return render_template("staff/champion.html", profile=profile, person=person, statuses=STATUSES,
                           form=form or VettingForm(obj=profile, formdata=None), decision=DecisionForm(formdata=None),
                           matches=requests.matches_for_champion(session, profile, current_user),
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
    profile = profiles.profile_for_staff(session, champion_id, current_user)
    form = VettingForm()
    if not form.validate_on_submit():
        return _render_champion(champion_id, form=form, status=400)
    saved = attempt(form, lambda: profiles.record_vetting(
        session, profile, form.version.data, training_completed_on=form.training_completed_on.data,
        vetting_checked_on=form.vetting_checked_on.data, supervisor=form.supervisor.data or "", staff=current_user,
        ip=_ip()), edited=profile)[0]
    if not saved:
        return _render_champion(champion_id, form=form, status=409)
    flash(_("Vetting saved."), "success")
    return redirect(url_for("staff.champion_detail", champion_id=champion_id))


@bp.post("/champions/<int:champion_id>/<action>")
@roles(*CASEWORK)
def champion_status(champion_id: int, action: str):
    session = get_session()
    profile = profiles.profile_for_staff(session, champion_id, current_user)
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
    rows = requests.open_requests_for_staff(session, current_user, now_utc())
    audit.record(session, "read:champion-requests", actor_id=current_user.id, ip=_ip(), detail=f"{len(rows)} open")
    return render_template("staff/requests.html", rows=rows, decision=DecisionForm(formdata=None), batch=None)


@bp.post("/requests/<int:request_id>/assign/<int:champion_id>")
@roles(*CASEWORK)
def assign(request_id: int, champion_id: int):
    session = get_session()
    if not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    requests.staff_assign(session, requests.get_request(session, request_id, current_user),
                          profiles.get_profile(session, champion_id), current_user, now_utc(), _ip())
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
    person, champion, champion_person = requests.pair_of(session, match)
    audit.record(session, "read:champion-messages", actor_id=current_user.id, subject_id=match.person_id, ip=_ip(),
                 detail=f"match {match.id}")
    return render_template("staff/match.html", match=match, champion=champion,
                           champion_is_ours=staff_scope.allows(session, current_user, champion),
                           people={person.id: person, champion_person.id: champion_person},
                           messages=requests.messages_of(session, match), meetings=requests.meetings_of(session, match),
                           match_statuses=MATCH_STATUSES)


@bp.route("/people/<int:person_id>/champion-request", methods=["GET", "POST"])
@roles(*CASEWORK)
def request_for_person(person_id: int):
    """Staff ask for a champion on someone's behalf (same rules as when the person asks)."""
    session = get_session()
    person = records.person_for_casework(session, current_user, person_id, _ip()).person
    if request.method == "GET":
        form = ChampionRequestForm.blank_for(person, release_plans.plan_for(session, person.id))
        return render_template("staff/champion_request.html", form=form, person=person)
    form = ChampionRequestForm()
    sent = form.validate_on_submit() and attempt(form, lambda: requests.create_request(
        session, person, current_user, **form.request_fields(), today=today_in_london(), now=now_utc(), ip=_ip(),
        language=current_language(), kiosk=False))[0]
    if not sent:
        return render_template("staff/champion_request.html", form=form, person=person), 400
    flash(_("Request sent. It is on the champion requests page."), "success")
    return redirect(url_for("staff.requests_list"))
