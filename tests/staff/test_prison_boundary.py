"""Staff of one prison read and act only on their own prison's records (services/staff_scope).

The demo data has two prisons, each with staff, prisoners, a released person, a champion it vets, a
champion request, a match with messages and open tasks. For every route staff can use (read from the
URL map, so a new route without a case here fails the first test), a staff member of one prison opens
or acts on the other prison's record by its id and gets 404, with nothing changed, and the same route
still works on a record of their own prison. Both directions are run, so a rule that favoured one
prison would fail too.
"""
import re
from dataclasses import dataclass

import pytest
from sqlmodel import Session, select

from portal import demo_data
from portal.models import (
    ActivationCode,
    Appointment,
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    ChecklistItem,
    Match,
    MatchStatus,
    Person,
    Prison,
    ReleasePlan,
    RequestStatus,
    Role,
    StaffTask,
    TaskKind,
)
from portal.services.clock import today_in_london
from portal.web import access
from tests.support import AuthActions, csrf_token_from


@dataclass(frozen=True)
class Side:
    """One prison's staff member and records, by id (each test reads them fresh from the database)."""
    prison_id: int
    staff: str  # e-mail
    prisoner_id: int  # a prisoner with a full plan, no champion request yet
    prisoner_number: str
    appointment_id: int  # the prisoner's
    task_id: int  # an open question
    task_text: str
    request_id: int  # an open champion request
    requester: str  # the first name on it
    match_id: int
    mentee: str  # the first name of the person in the match
    champion_id: int  # a champion the prison vets
    champion: str


def _side(db: Session, code: str, staff: str, prisoner: str, champion_email: str) -> Side:
    prison = db.exec(select(Prison).where(Prison.code == code)).one()
    person = db.exec(select(Person).where(Person.prison_number == prisoner)).one()
    appointment = db.exec(select(Appointment).where(Appointment.person_id == person.id)).first()
    task = db.exec(select(StaffTask).join(Person, Person.id == StaffTask.person_id)
                   .where(Person.prison_id == prison.id, StaffTask.kind == TaskKind.QUESTION)).one()
    request, requester = db.exec(select(ChampionRequest, Person).join(Person, Person.id == ChampionRequest.person_id)
                                 .where(Person.prison_id == prison.id,
                                        ChampionRequest.status == RequestStatus.OPEN)).one()
    match, mentee = db.exec(select(Match, Person).join(Person, Person.id == Match.person_id)
                            .where(Person.prison_id == prison.id)).one()
    champion_person = db.exec(select(Person).where(Person.email == champion_email)).one()
    profile = db.exec(select(ChampionProfile).where(ChampionProfile.person_id == champion_person.id)).one()
    assert champion_person.prison_id == prison.id
    return Side(prison.id, staff, person.id, prisoner, appointment.id, task.id, task.summary, request.id,
                requester.first_name, match.id, mentee.first_name, profile.id, champion_person.first_name)


@pytest.fixture
def prisons(db):
    """(HMP Leeds, HMP Cardiff) from the demo data exactly as `make run` loads it."""
    demo_data.seed(db, today_in_london())
    return (_side(db, "LDS", "staff@example.org", "A1234BC", "champion@example.org"),
            _side(db, "CDF", "staff2@example.org", "A7890HJ", "champion3@example.org"))


def staff_endpoints(app) -> set[str]:
    """Every endpoint a staff member or an administrator may use, whichever blueprint it is in."""
    found = set()
    for rule in app.url_map.iter_rules():
        allowed = access.rule_for(app, rule.endpoint)
        if isinstance(allowed, frozenset) and allowed & {Role.STAFF, Role.ADMIN}:
            found.add(rule.endpoint)
    return found


class Staff:
    """A signed-in staff member's browser: GETs and POSTs with the session's CSRF token."""

    def __init__(self, client, email: str):
        self.client = client
        AuthActions(client).sign_in(email)
        self.token = csrf_token_from(client.get("/staff/").get_data(as_text=True))

    def get(self, url: str):
        return self.client.get(url)

    def post(self, url: str, **data):
        return self.client.post(url, data={"csrf_token": self.token, **data})

    def page(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, url
        return response.get_data(as_text=True)


def _fresh(db, model, record_id):
    db.expire_all()
    return db.get(model, record_id)


# --- One case per route: (staff, db, ours, theirs) ------------------------------------------------

def caseload(staff, db, ours, theirs):
    page = staff.page("/staff/")
    assert ours.prisoner_id in _linked_ids(page, "people")
    assert {db.get(Person, i).prison_id for i in _linked_ids(page, "people")} == {ours.prison_id}


def _linked_ids(html: str, kind: str) -> set[int]:
    """The ids of the records a staff page links to: /staff/<kind>/<id>."""
    return {int(found) for found in re.findall(rf'href="/staff/{kind}/(\d+)"', html)}


def guidance_review(staff, db, ours, theirs):
    staff.page("/staff/guidance")  # content and anonymous feedback: no prison's personal data


def inbox(staff, db, ours, theirs):
    page = staff.page("/staff/tasks")
    assert ours.task_text in page
    assert theirs.task_text not in page
    assert "can I talk to a person about visiting my brother?" in page  # a visitor's: every prison sees it


def answer_task(staff, db, ours, theirs):
    assert staff.post(f"/staff/tasks/{theirs.task_id}/answer", answer="Yes.").status_code == 404
    assert _fresh(db, StaffTask, theirs.task_id).answer is None
    assert staff.post(f"/staff/tasks/{ours.task_id}/answer", answer="Yes.").status_code == 302
    assert _fresh(db, StaffTask, ours.task_id).answer == "Yes."


def close_task(staff, db, ours, theirs):
    assert staff.post(f"/staff/tasks/{theirs.task_id}/close").status_code == 404
    assert _fresh(db, StaffTask, theirs.task_id).closed_at is None
    assert staff.post(f"/staff/tasks/{ours.task_id}/close").status_code == 302
    assert _fresh(db, StaffTask, ours.task_id).closed_at is not None


def person(staff, db, ours, theirs):
    assert staff.get(f"/staff/people/{theirs.prisoner_id}").status_code == 404
    assert ours.prisoner_number in staff.page(f"/staff/people/{ours.prisoner_id}")


def _plan(db, person_id):
    db.expire_all()
    return db.exec(select(ReleasePlan).where(ReleasePlan.person_id == person_id)).one()


def save_plan(staff, db, ours, theirs):
    for side, expected in ((theirs, 404), (ours, 302)):
        plan = _plan(db, side.prisoner_id)
        response = staff.post(f"/staff/people/{side.prisoner_id}/plan", release_date=plan.release_date.isoformat(),
                              release_area="Wakefield", version=str(plan.version))
        assert response.status_code == expected
    assert _plan(db, theirs.prisoner_id).release_area != "Wakefield"
    assert _plan(db, ours.prisoner_id).release_area == "Wakefield"


def complete_checklist(staff, db, ours, theirs):
    for side in (ours, theirs):  # a short emergency plan, so that the full checklist has items to add
        plan = _plan(db, side.prisoner_id)
        for item in db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == plan.id,
                                                        ChecklistItem.key == "universal_credit")):
            db.delete(item)
    db.commit()

    def has_item(side):
        db.expire_all()
        return db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == _plan(db, side.prisoner_id).id,
                                                   ChecklistItem.key == "universal_credit")).first() is not None

    assert staff.post(f"/staff/people/{theirs.prisoner_id}/plan/full-checklist").status_code == 404
    assert not has_item(theirs)
    assert staff.post(f"/staff/people/{ours.prisoner_id}/plan/full-checklist").status_code == 302
    assert has_item(ours)


def _item(db, side, key="id_and_bank"):
    db.expire_all()
    return db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == _plan(db, side.prisoner_id).id,
                                               ChecklistItem.key == key)).one()


def save_item(staff, db, ours, theirs):
    for side, expected in ((theirs, 404), (ours, 302)):
        item = _item(db, side)
        response = staff.post(f"/staff/people/{side.prisoner_id}/checklist/id_and_bank", **{
            "id_and_bank-status": "done", "id_and_bank-owner": "Boundary test", "id_and_bank-note": "",
            "id_and_bank-version": str(item.version)})
        assert response.status_code == expected
    assert _item(db, theirs).owner != "Boundary test"
    assert _item(db, ours).owner == "Boundary test"


APPOINTMENT = {"kind": "treatment", "provider": "Boundary Street Service", "day": "2030-01-07", "start": "10:00",
               "address": "1 Boundary Street"}


def _appointments(db, side) -> int:
    db.expire_all()
    return len(db.exec(select(Appointment).where(Appointment.person_id == side.prisoner_id)).all())


def new_appointment(staff, db, ours, theirs):
    url = "/staff/people/{}/appointments/new"
    before = _appointments(db, theirs), _appointments(db, ours)
    assert staff.get(url.format(theirs.prisoner_id)).status_code == 404
    assert staff.post(url.format(theirs.prisoner_id), **APPOINTMENT).status_code == 404
    staff.page(url.format(ours.prisoner_id))
    assert staff.post(url.format(ours.prisoner_id), **APPOINTMENT).status_code == 302
    assert (_appointments(db, theirs), _appointments(db, ours)) == (before[0], before[1] + 1)


def edit_appointment(staff, db, ours, theirs):
    theirs_url = f"/staff/people/{theirs.prisoner_id}/appointments/{theirs.appointment_id}"
    ours_url = f"/staff/people/{ours.prisoner_id}/appointments/{ours.appointment_id}"
    crossed_url = f"/staff/people/{ours.prisoner_id}/appointments/{theirs.appointment_id}"
    for url in (theirs_url, crossed_url):
        assert staff.get(url).status_code == 404
        version = _fresh(db, Appointment, theirs.appointment_id).version
        assert staff.post(url, **APPOINTMENT, version=str(version)).status_code == 404
    assert _fresh(db, Appointment, theirs.appointment_id).provider != APPOINTMENT["provider"]
    staff.page(ours_url)
    version = _fresh(db, Appointment, ours.appointment_id).version
    assert staff.post(ours_url, **APPOINTMENT, version=str(version)).status_code == 302
    assert _fresh(db, Appointment, ours.appointment_id).provider == APPOINTMENT["provider"]


def delete_appointment(staff, db, ours, theirs):
    for url in (f"/staff/people/{theirs.prisoner_id}/appointments/{theirs.appointment_id}/delete",
                f"/staff/people/{ours.prisoner_id}/appointments/{theirs.appointment_id}/delete"):
        assert staff.post(url).status_code == 404
    assert _fresh(db, Appointment, theirs.appointment_id) is not None
    assert staff.post(f"/staff/people/{ours.prisoner_id}/appointments/{ours.appointment_id}/delete").status_code == 302
    assert _fresh(db, Appointment, ours.appointment_id) is None


def _codes(db, side) -> int:
    db.expire_all()
    return len(db.exec(select(ActivationCode).where(ActivationCode.person_id == side.prisoner_id)).all())


def release_card(staff, db, ours, theirs):
    url = "/staff/people/{}/release-card"
    assert staff.get(url.format(theirs.prisoner_id)).status_code == 404
    assert staff.post(url.format(theirs.prisoner_id)).status_code == 404
    assert _codes(db, theirs) == 0
    staff.page(url.format(ours.prisoner_id))
    assert staff.post(url.format(ours.prisoner_id)).status_code == 200
    assert _codes(db, ours) == 1


def _requests_of(db, side) -> int:
    db.expire_all()
    return len(db.exec(select(ChampionRequest).where(ChampionRequest.person_id == side.prisoner_id)).all())


def request_for_person(staff, db, ours, theirs):
    url = "/staff/people/{}/champion-request"
    form = {"languages": ["en"], "area": "Leeds", "gender_preference": ""}
    assert staff.get(url.format(theirs.prisoner_id)).status_code == 404
    assert staff.post(url.format(theirs.prisoner_id), **form).status_code == 404
    assert _requests_of(db, theirs) == 0
    staff.page(url.format(ours.prisoner_id))
    assert staff.post(url.format(ours.prisoner_id), **form).status_code == 302
    assert _requests_of(db, ours) == 1


def champion_list(staff, db, ours, theirs):
    page = staff.page("/staff/champions")
    shown = _linked_ids(page, "champions")
    assert ours.champion_id in shown
    assert {db.get(Person, db.get(ChampionProfile, i).person_id).prison_id for i in shown} == {ours.prison_id}
    assert ours.match_id in _linked_ids(page, "matches") and theirs.match_id not in _linked_ids(page, "matches")


def champion_detail(staff, db, ours, theirs):
    assert staff.get(f"/staff/champions/{theirs.champion_id}").status_code == 404
    assert ours.match_id in _linked_ids(staff.page(f"/staff/champions/{ours.champion_id}"), "matches")


def champion_vetting(staff, db, ours, theirs):
    for side, expected in ((theirs, 404), (ours, 302)):
        profile = _fresh(db, ChampionProfile, side.champion_id)
        response = staff.post(f"/staff/champions/{side.champion_id}/vetting", supervisor="Boundary test",
                              training_completed_on=profile.training_completed_on.isoformat(),
                              vetting_checked_on=profile.vetting_checked_on.isoformat(), version=str(profile.version))
        assert response.status_code == expected
    assert _fresh(db, ChampionProfile, theirs.champion_id).supervisor != "Boundary test"
    assert _fresh(db, ChampionProfile, ours.champion_id).supervisor == "Boundary test"


def champion_status(staff, db, ours, theirs):
    assert staff.post(f"/staff/champions/{theirs.champion_id}/pause").status_code == 404
    assert _fresh(db, ChampionProfile, theirs.champion_id).status == ChampionStatus.APPROVED
    assert staff.post(f"/staff/champions/{ours.champion_id}/pause").status_code == 302
    assert _fresh(db, ChampionProfile, ours.champion_id).status == ChampionStatus.PAUSED


def requests_list(staff, db, ours, theirs):
    page = staff.page("/staff/requests")
    assert f'id="request-{ours.request_id}"' in page
    assert f'id="request-{theirs.request_id}"' not in page
    assert theirs.requester not in page


def assign(staff, db, ours, theirs):
    assert staff.post(f"/staff/requests/{theirs.request_id}/assign/{ours.champion_id}").status_code == 404
    assert _fresh(db, ChampionRequest, theirs.request_id).status == RequestStatus.OPEN
    assert staff.post(f"/staff/requests/{ours.request_id}/assign/{ours.champion_id}").status_code == 302
    assert _fresh(db, ChampionRequest, ours.request_id).status == RequestStatus.MATCHED


def _offers(db, side) -> list[Match]:
    db.expire_all()
    return db.exec(select(Match).where(Match.request_id == side.request_id)).all()


def batch_assign(staff, db, ours, theirs):
    assert _offers(db, ours) == [] and _offers(db, theirs) == []
    assert staff.post("/staff/requests/batch").status_code == 302
    assert [m.status for m in _offers(db, ours)] == [MatchStatus.OFFERED]
    assert _offers(db, theirs) == []  # the other prison's request is left for its own staff


def match_detail(staff, db, ours, theirs):
    assert staff.get(f"/staff/matches/{theirs.match_id}").status_code == 404
    assert ours.mentee in staff.page(f"/staff/matches/{ours.match_id}")


def sent_home(staff, db, ours, theirs, url):
    """The person's own pages (the assistant links them for everyone): staff are sent to their home."""
    response = staff.get(url)
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/")


def admin_home(staff, db, ours, theirs):
    """Administrators only: staff are refused by role; an administrator sees every prison's accounts."""
    assert staff.get("/admin/").status_code == 403
    admin = Staff(staff.client.application.test_client(), "admin@example.org")
    page = admin.page("/admin/")
    assert ours.prisoner_number in page and theirs.prisoner_number in page


def admin_unlock(staff, db, ours, theirs):
    assert staff.post(f"/admin/people/{theirs.prisoner_id}/unlock").status_code == 403
    admin = Staff(staff.client.application.test_client(), "admin@example.org")
    for side in (ours, theirs):
        assert admin.post(f"/admin/people/{side.prisoner_id}/unlock").status_code == 302


CASES = {
    "staff.home": caseload,
    "staff.guidance_review": guidance_review,
    "staff.inbox": inbox,
    "staff.answer_task": answer_task,
    "staff.close_task": close_task,
    "staff.person": person,
    "staff.save_plan": save_plan,
    "staff.complete_checklist": complete_checklist,
    "staff.save_item": save_item,
    "staff.new_appointment": new_appointment,
    "staff.edit_appointment": edit_appointment,
    "staff.delete_appointment": delete_appointment,
    "staff.release_card": release_card,
    "staff.request_for_person": request_for_person,
    "staff.champion_list": champion_list,
    "staff.champion_detail": champion_detail,
    "staff.champion_vetting": champion_vetting,
    "staff.champion_status": champion_status,
    "staff.requests_list": requests_list,
    "staff.assign": assign,
    "staff.batch_assign": batch_assign,
    "staff.match_detail": match_detail,
    "person.plan": lambda *args: sent_home(*args, url="/my-plan"),
    "person.champion": lambda *args: sent_home(*args, url="/my-champion"),
    "admin.home": admin_home,
    "admin.unlock": admin_unlock,
}


def test_every_route_staff_can_use_has_a_prison_boundary_case(app):
    assert staff_endpoints(app) == set(CASES), "add a case to CASES for each new staff route"


@pytest.mark.parametrize("direction", ["leeds-staff", "cardiff-staff"])
@pytest.mark.parametrize("endpoint", sorted(CASES))
def test_staff_reach_only_their_own_prisons_records(prisons, client, db, endpoint, direction):
    ours, theirs = prisons if direction == "leeds-staff" else prisons[::-1]
    CASES[endpoint](Staff(client, ours.staff), db, ours, theirs)


# --- The rule's other corners ---------------------------------------------------------------------

def _task_for(db, person: Person | None, text: str) -> StaffTask:
    task = StaffTask(kind=TaskKind.CRISIS, urgent=True, person_id=person.id if person else None, summary=text,
                     conversation_id=None if person else "visitor-test")
    db.add(task)
    db.commit()
    return task


def _inbox(client, email: str) -> str:
    return Staff(client.application.test_client(), email).page("/staff/tasks")


def test_a_relatives_alert_goes_to_the_prison_of_the_person_they_are_linked_to(prisons, client, db):
    karen = db.exec(select(Person).where(Person.email == "family@example.org")).one()  # Daniel's mother (Leeds)
    _task_for(db, karen, "[chat, en] I cannot cope with any of this")
    assert "I cannot cope with any of this" in _inbox(client, "staff@example.org")
    assert "I cannot cope with any of this" not in _inbox(client, "staff2@example.org")


def test_an_alert_no_prison_owns_reaches_all_staff_even_without_a_prison(prisons, client, db):
    """A visitor's alert, and one from someone no prison owns, must reach someone: every staff member."""
    nobody = Person(role=Role.CHAMPION, first_name="Unattached", email="unattached@example.org")
    db.add(nobody)
    db.commit()
    _task_for(db, None, "[chat, en] a visitor typed this")
    _task_for(db, nobody, "[pair-message, en] someone of no prison typed this")
    no_prison = Person(role=Role.STAFF, first_name="Floating", email="floating@example.org",
                       password_hash=db.exec(select(Person.password_hash).where(Person.email == "staff@example.org")).one())
    db.add(no_prison)
    db.commit()
    for email in ("staff@example.org", "staff2@example.org", "floating@example.org", "admin@example.org"):
        page = _inbox(client, email)
        assert "a visitor typed this" in page and "someone of no prison typed this" in page, email


def test_staff_with_no_prison_see_no_one_s_casework(prisons, client, db):
    no_prison = Person(role=Role.STAFF, first_name="Floating", email="floating@example.org",
                       password_hash=db.exec(select(Person.password_hash).where(Person.email == "staff@example.org")).one())
    db.add(no_prison)
    db.commit()
    floating = Staff(client, "floating@example.org")
    assert _linked_ids(floating.page("/staff/"), "people") == set()
    for side in prisons:
        assert floating.get(f"/staff/people/{side.prisoner_id}").status_code == 404
        assert floating.post(f"/staff/tasks/{side.task_id}/answer", answer="Yes.").status_code == 404
    assert 'id="request-' not in floating.page("/staff/requests")


def test_administrators_act_for_every_prison(prisons, client, db):
    admin = Staff(client, "admin@example.org")
    caseload_page, inbox_page, requests_page = (admin.page(url) for url in ("/staff/", "/staff/tasks", "/staff/requests"))
    for side in prisons:
        assert side.prisoner_id in _linked_ids(caseload_page, "people")
        assert side.task_text in inbox_page
        assert f'id="request-{side.request_id}"' in requests_page
        assert side.prisoner_number in admin.page(f"/staff/people/{side.prisoner_id}")
        assert side.mentee in admin.page(f"/staff/matches/{side.match_id}")
        admin.page(f"/staff/champions/{side.champion_id}")


def test_a_request_may_be_matched_with_a_champion_another_prison_vets(prisons, client, db):
    """Matching is estate-wide: Leeds staff match their request with Cardiff's champion, whose profile stays
    Cardiff's to read; the match itself is Leeds's, because the person is."""
    leeds, cardiff = prisons
    staff = Staff(client, leeds.staff)
    assert staff.post(f"/staff/requests/{leeds.request_id}/assign/{cardiff.champion_id}").status_code == 302
    match = db.exec(select(Match).where(Match.request_id == leeds.request_id)).one()
    assert match.champion_id == cardiff.champion_id
    page = staff.page(f"/staff/matches/{match.id}")
    assert cardiff.champion_id not in _linked_ids(page, "champions")
    assert staff.get(f"/staff/champions/{cardiff.champion_id}").status_code == 404
    assert Staff(client.application.test_client(), cardiff.staff).get(f"/staff/matches/{match.id}").status_code == 404
