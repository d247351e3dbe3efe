"""Demo data for `make run`: fixed logins, releases spread over the next twelve weeks, two prisons.

Each prison has its staff, prisoners, released people, a champion it vets, open tasks and an open
champion request, so that the prison boundary (services/staff_scope) can be seen: staff@example.org
works at HMP Leeds, staff2@example.org at HMP Cardiff, admin@example.org for every prison.
Only ever loaded in demo mode and only into an empty database.
"""
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, func, select

from portal.models import (
    Appointment,
    AppointmentKind,
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    ChecklistItem,
    FamilyLink,
    ItemStatus,
    Match,
    MatchMessage,
    MatchStatus,
    Meeting,
    Person,
    Prison,
    ReleasePlan,
    RequestStatus,
    Role,
    StaffTask,
    SupportKind,
    TaskKind,
    WeeklySlot,
)
from portal.services.clock import LONDON, now_utc
from portal.services.people.passwords import hash_secret
from portal.services.plans.release_plans import CHECKLIST_KEYS

DEMO_PASSWORD = "Demo-pass-2026"
DEMO_PIN = "246810"


# (code, name)
PRISONS = (("LDS", "HMP Leeds (demo)"), ("CDF", "HMP Cardiff (demo)"))
# (prison, prison number, first name, last name, locale, weeks to release, area)
PRISONERS = (
    ("LDS", "A1234BC", "Daniel", "Hughes", "en", 1, "Leeds"),
    ("LDS", "A2345CD", "Marta", "Kowalska", "pl", 3, "Leeds"),
    ("LDS", "A3456DE", "Ionuț", "Popescu", "ro", 6, "Birmingham"),
    ("LDS", "A4567EF", "Rhys", "Morgan", "cy", 9, "Cardiff"),
    ("LDS", "A5678FG", "Omar", "Haddad", "ar", 12, "Lambeth"),
    ("CDF", "A6789GH", "Dylan", "Price", "en", 2, "Cardiff"),
    ("CDF", "A7890HJ", "Jonas", "Kazlauskas", "lt", 8, "Newport"),
)
# (prison, e-mail, first name, last name, locale, days since release, area)
RELEASED = (
    ("LDS", "released@example.org", "Kyle", "Barker", "en", 4, "Leeds"),
    ("LDS", "released2@example.org", "Bilal", "Hussain", "ur", 10, "Birmingham"),
    ("LDS", "released3@example.org", "Sara", "Lleshi", "sq", 20, "Lambeth"),
    ("CDF", "released4@example.org", "Carys", "Jenkins", "cy", 7, "Cardiff"),
)
# (e-mail, first name, last name, role, prison)
STAFF = (
    ("staff@example.org", "Priya", "Shah", Role.STAFF, "LDS"),
    ("staff2@example.org", "Mark", "Evans", Role.STAFF, "CDF"),
    ("admin@example.org", "Alex", "Green", Role.ADMIN, None),  # administrators act for every prison
)
# The prison that vets and supervises each champion; matching is estate-wide (services/staff_scope).
CHAMPION_PRISONS = {"champion3@example.org": "CDF"}
# (e-mail, first name, gender, languages, areas, status, kind, lived experience, specialisms, weekly free times)
WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]
CHAMPIONS = (
    ("champion@example.org", "Tomasz", "man", ["en", "pl"], ["Leeds", "Bradford"], ChampionStatus.APPROVED,
     SupportKind.PEER, ["opiates", "prison"], ["foreign-nationals"], [(0, "09:00", "17:00"), (2, "09:00", "17:00"),
                                                                        (4, "09:00", "17:00"), (5, "10:00", "13:00")]),
    ("champion2@example.org", "Andreea", "woman", ["en", "ro"], ["Birmingham"], ChampionStatus.APPROVED,
     SupportKind.PEER, ["crack", "womens-estate"], ["women"], WEEKDAYS_9_TO_5),
    ("champion3@example.org", "Gareth", "man", ["en", "cy"], ["Cardiff"], ChampionStatus.APPROVED,
     SupportKind.PEER, ["alcohol", "prison"], ["veterans"], WEEKDAYS_9_TO_5),
    ("champion4@example.org", "Nadia", "woman", ["en", "ar", "ur"], ["Lambeth", "Birmingham"], ChampionStatus.APPROVED,
     SupportKind.PEER, ["opiates", "benzodiazepines", "prison"], ["women", "foreign-nationals"], WEEKDAYS_9_TO_5),
    ("champion5@example.org", "Rūta", "woman", ["en", "lt"], ["Leeds"], ChampionStatus.APPROVED,
     SupportKind.PEER, ["alcohol", "mental-health"], ["young-adults"], [(1, "12:00", "20:00"), (3, "12:00", "20:00")]),
    ("champion6@example.org", "Arben", "man", ["en", "sq"], ["Lambeth"], ChampionStatus.APPLIED,
     SupportKind.PEER, ["opiates", "homelessness"], [], WEEKDAYS_9_TO_5),
    ("familysupport@example.org", "Helen", "woman", ["en", "pl"], ["Leeds", "Bradford"], ChampionStatus.APPROVED,
     SupportKind.FAMILY, ["family"], ["families"], [(1, "17:00", "20:00"), (3, "17:00", "20:00")]),
)


def is_empty(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(Person)).one() == 0


def seed(session: Session, today: date, plan_details: bool = True, activity: bool = True) -> None:
    """plan_details=False leaves plans bare (checklists and appointments empty), for tests that build them;
    activity=False leaves the inbox and the open requests empty, for tests that count what they raise."""
    password_hash = hash_secret(DEMO_PASSWORD)
    pin_hash = hash_secret(DEMO_PIN)
    prisons = {code: Prison(code=code, name=name) for code, name in PRISONS}
    session.add_all(prisons.values())
    session.flush()

    people = {}
    for prison, number, first, last, locale, weeks, area in PRISONERS:
        person = Person(role=Role.PRISONER, first_name=first, last_name=last, prison_id=prisons[prison].id,
                        prison_number=number, pin_hash=pin_hash, locale=locale)
        session.add(person)
        session.flush()
        plan = ReleasePlan(person_id=person.id, release_date=today + timedelta(weeks=weeks), release_area=area)
        session.add(plan)
        session.flush()
        if plan_details:
            _add_plan_details(session, person, plan)
        people[number] = person
    for prison, email, first, last, locale, days_out, area in RELEASED:
        person = Person(role=Role.RELEASED, first_name=first, last_name=last, prison_id=prisons[prison].id,
                        email=email, password_hash=password_hash, locale=locale)
        session.add(person)
        session.flush()
        plan = ReleasePlan(person_id=person.id, release_date=today - timedelta(days=days_out), release_area=area)
        session.add(plan)
        session.flush()
        if plan_details:
            _add_plan_details(session, person, plan)
        people[email] = person
    for email, first, gender, spoken, areas, status, kind, experience, specialisms, weekly in CHAMPIONS:
        person = Person(role=Role.CHAMPION, first_name=first, email=email, password_hash=password_hash, locale="en",
                        prison_id=prisons[CHAMPION_PRISONS.get(email, "LDS")].id)
        session.add(person)
        session.flush()
        vetted = status == ChampionStatus.APPROVED
        profile = ChampionProfile(
            person_id=person.id, status=status, kind=kind, gender=gender, age_group="41-60", languages=spoken,
            areas=areas, experience=experience, specialisms=specialisms, max_mentees=3,
            training_completed_on=today - timedelta(days=90) if vetted else None,
            vetting_checked_on=today - timedelta(days=80) if vetted else None,
            supervisor="Sam Patel (peer support lead)" if vetted else "", approved_at=now_utc() if vetted else None)
        session.add(profile)
        session.flush()
        for weekday, start, end in weekly:
            session.add(WeeklySlot(champion_id=profile.id, weekday=weekday, start=time.fromisoformat(start),
                                   end=time.fromisoformat(end)))
    for email, first, last, relative_of, label, shares in (
        ("family@example.org", "Karen", "Hughes", "A1234BC", "mother", True),
        ("family2@example.org", "Ewa", "Kowalska", "A2345CD", "sister", False),
    ):
        relative = Person(role=Role.FAMILY, first_name=first, last_name=last, email=email, password_hash=password_hash,
                          locale="pl" if email.startswith("family2") else "en")
        session.add(relative)
        session.flush()
        session.add(FamilyLink(person_id=people[relative_of].id, relative_id=relative.id, relationship_label=label,
                               shares_release_date=shares, shares_appointments=shares,
                               consent_changed_at=now_utc() if shares else None))
    _add_demo_match(session, people["released@example.org"], "champion@example.org", today,
                    ("Good to meet you at the gate. How did the first night go?", "Not bad. See you Monday."))
    _add_demo_match(session, people["released4@example.org"], "champion3@example.org", today,
                    ("Shwmae Carys, how is the new place?", "Quiet. Glad you rang on Tuesday."))
    for email, first, last, role, prison in STAFF:
        session.add(Person(role=role, first_name=first, last_name=last, email=email, password_hash=password_hash,
                           prison_id=prisons[prison].id if prison else None))
    if activity:
        _add_activity(session, people)
    session.commit()


# What a typical plan looks like a few weeks before release: some done, some in hand.
DEMO_STATUSES = {
    "accommodation": (ItemStatus.IN_PROGRESS, "Priya (resettlement)", "Duty to refer sent to the council."),
    "gp_registration": (ItemStatus.DONE, "Healthcare", ""),
    "treatment_appointment": (ItemStatus.DONE, "Healthcare", "First appointment booked the day after release."),
    "prescribing": (ItemStatus.IN_PROGRESS, "Healthcare", "Bridging prescription being arranged."),
    "probation": (ItemStatus.DONE, "Probation", ""),
    "id_and_bank": (ItemStatus.NOT_STARTED, "", ""),
    "universal_credit": (ItemStatus.NOT_STARTED, "Jobcentre work coach", ""),
    "naloxone": (ItemStatus.DONE, "Healthcare", "Nasal spray kit given, training done."),
    "family_contact": (ItemStatus.NOT_NEEDED, "", ""),
    "recovery_champion": (ItemStatus.NOT_STARTED, "", ""),
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _add_plan_details(session: Session, person: Person, plan: ReleasePlan) -> None:
    for key in CHECKLIST_KEYS:
        status, owner, note = DEMO_STATUSES[key]
        session.add(ChecklistItem(plan_id=plan.id, key=key, status=status, owner=owner, note=note))
    area = plan.release_area
    day = plan.release_date
    session.add(Appointment(person_id=person.id, kind=AppointmentKind.PROBATION, provider=f"{area} Probation Office (demo)",
                            starts_at=_at(day, 13, 0), address=f"1 Example Street, {area}",
                            what_to_bring="Your licence and release papers", phone="0113 496 0500"))
    session.add(Appointment(person_id=person.id, kind=AppointmentKind.PRESCRIPTION, provider="Kirkgate Corner Pharmacy (demo)",
                            starts_at=_at(day, 15, 30), address=f"3 Kirkgate Corner, {area}",
                            what_to_bring="Photo ID if you have it", phone="0113 496 0245"))
    session.add(Appointment(person_id=person.id, kind=AppointmentKind.TREATMENT, provider="Wharf Street Drug and Alcohol Service (demo)",
                            starts_at=_at(day + timedelta(days=1), 10, 0), address=f"18 Wharf Street, {area}",
                            what_to_bring="Your release papers", phone="0113 496 0123"))


def _add_demo_match(session: Session, person: Person, champion_email: str, today: date,
                    messages: tuple[str, str]) -> None:
    """A released person already walking with their champion: a meeting booked, a few messages."""
    champion_person = session.exec(select(Person).where(Person.email == champion_email)).one()
    profile = session.exec(select(ChampionProfile).where(ChampionProfile.person_id == champion_person.id)).one()
    plan = session.exec(select(ReleasePlan).where(ReleasePlan.person_id == person.id)).one()
    request = ChampionRequest(person_id=person.id, requested_by_id=person.id, languages=["en"],
                              area=plan.release_area, experience=["opiates"], status=RequestStatus.MATCHED)
    session.add(request)
    session.flush()
    now = now_utc()
    match = Match(request_id=request.id, champion_id=profile.id, person_id=person.id, status=MatchStatus.ACTIVE,
                  score=80.0, reasons=[["speaks", {"language": "en"}], ["shared_experience", {"tags": ["opiates"]}]],
                  offered_at=now - timedelta(days=6), respond_by=now - timedelta(days=4),
                  decided_at=now - timedelta(days=5))
    session.add(match)
    session.flush()
    next_monday = today + timedelta(days=7 - today.weekday())
    session.add(Meeting(match_id=match.id, champion_id=profile.id, starts_at=_at(next_monday, 11, 0),
                        ends_at=_at(next_monday, 12, 0), place="Café at the Wharf Street service",
                        booked_by_id=person.id))
    session.add(MatchMessage(match_id=match.id, sender_id=champion_person.id, text=messages[0]))
    session.add(MatchMessage(match_id=match.id, sender_id=person.id, text=messages[1]))


# What each prison's staff find waiting: (whose, kind, what it is about, the words). None: a visitor.
TASKS = (
    ("A4567EF", TaskKind.QUESTION, "item:accommodation", "Will the council tell me about the flat before I get out?"),
    ("released3@example.org", TaskKind.CHECKIN, "checkin:14", "Day 14 check-in: no answer in 48 hours."),
    ("A7890HJ", TaskKind.QUESTION, "item:id_and_bank", "Can someone help me open a bank account before release?"),
    ("released4@example.org", TaskKind.CHECKIN, "checkin:7", "Day 7 check-in: not good. The hostel is loud at night."),
    (None, TaskKind.HANDOFF, None, "[en] user: can I talk to a person about visiting my brother?"),
)
# An open champion request in each prison, not yet offered to anyone: (whose, language, area, lived experience).
OPEN_REQUESTS = (
    ("A3456DE", "ro", "Birmingham", ["crack"]),
    ("A6789GH", "en", "Cardiff", ["alcohol"]),
)


def _add_activity(session: Session, people: dict[str, Person]) -> None:
    for whose, kind, subject_ref, summary in TASKS:
        person = people[whose] if whose else None
        session.add(StaffTask(kind=kind, person_id=person.id if person else None, subject_ref=subject_ref,
                              conversation_id=None if person else "visitor-demo", summary=summary))
    for whose, language, area, experience in OPEN_REQUESTS:
        person = people[whose]
        session.add(ChampionRequest(person_id=person.id, requested_by_id=person.id, languages=[language],
                                    area=area, experience=experience))
