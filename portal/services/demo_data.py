"""Demo data for `make run`: fixed logins, releases spread over the next twelve weeks.

Only ever loaded in demo mode and only into an empty database.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, func, select

from portal.models import ChampionProfile, ChampionStatus, FamilyLink, Person, Prison, ReleasePlan, Role
from portal.models.types import utcnow

from .passwords import hash_secret

DEMO_PASSWORD = "Demo-pass-2026"
DEMO_PIN = "246810"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    login: str
    secret: str


DEMO_LOGINS = (
    DemoLogin("prisoner (kiosk)", "A1234BC", DEMO_PIN),
    DemoLogin("released", "released@example.org", DEMO_PASSWORD),
    DemoLogin("family", "family@example.org", DEMO_PASSWORD),
    DemoLogin("champion", "champion@example.org", DEMO_PASSWORD),
    DemoLogin("staff", "staff@example.org", DEMO_PASSWORD),
    DemoLogin("admin", "admin@example.org", DEMO_PASSWORD),
)

# (prison number, first name, last name, locale, weeks to release, area)
PRISONERS = (
    ("A1234BC", "Daniel", "Hughes", "en", 1, "Leeds"),
    ("A2345CD", "Marta", "Kowalska", "pl", 3, "Leeds"),
    ("A3456DE", "Ionuț", "Popescu", "ro", 6, "Birmingham"),
    ("A4567EF", "Rhys", "Morgan", "cy", 9, "Cardiff"),
    ("A5678FG", "Omar", "Haddad", "ar", 12, "Lambeth"),
)
# (e-mail, first name, last name, locale, days since release, area)
RELEASED = (
    ("released@example.org", "Kyle", "Barker", "en", 4, "Leeds"),
    ("released2@example.org", "Bilal", "Hussain", "ur", 10, "Birmingham"),
    ("released3@example.org", "Sara", "Lleshi", "sq", 20, "Lambeth"),
)
# (e-mail, first name, gender, languages, areas, status)
CHAMPIONS = (
    ("champion@example.org", "Tomasz", "man", ["en", "pl"], ["Leeds", "Bradford"], ChampionStatus.APPROVED),
    ("champion2@example.org", "Andreea", "woman", ["en", "ro"], ["Birmingham"], ChampionStatus.APPROVED),
    ("champion3@example.org", "Gareth", "man", ["en", "cy"], ["Cardiff"], ChampionStatus.APPROVED),
    ("champion4@example.org", "Nadia", "woman", ["en", "ar", "ur"], ["Lambeth", "Birmingham"], ChampionStatus.APPROVED),
    ("champion5@example.org", "Rūta", "woman", ["en", "lt"], ["Leeds"], ChampionStatus.APPROVED),
    ("champion6@example.org", "Arben", "man", ["en", "sq"], ["Lambeth"], ChampionStatus.APPLIED),
)


def is_empty(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(Person)).one() == 0


def seed(session: Session, today: date) -> None:
    password_hash = hash_secret(DEMO_PASSWORD)
    pin_hash = hash_secret(DEMO_PIN)
    prison = Prison(code="LDS", name="HMP Leeds (demo)")
    session.add(prison)
    session.flush()

    people = {}
    for number, first, last, locale, weeks, area in PRISONERS:
        person = Person(role=Role.PRISONER, first_name=first, last_name=last, prison_id=prison.id,
                        prison_number=number, pin_hash=pin_hash, locale=locale)
        session.add(person)
        session.flush()
        session.add(ReleasePlan(person_id=person.id, release_date=today + timedelta(weeks=weeks), release_area=area))
        people[number] = person
    for email, first, last, locale, days_out, area in RELEASED:
        person = Person(role=Role.RELEASED, first_name=first, last_name=last, prison_id=prison.id,
                        email=email, password_hash=password_hash, locale=locale)
        session.add(person)
        session.flush()
        session.add(ReleasePlan(person_id=person.id, release_date=today - timedelta(days=days_out), release_area=area))
        people[email] = person
    for email, first, gender, spoken, areas, status in CHAMPIONS:
        person = Person(role=Role.CHAMPION, first_name=first, email=email, password_hash=password_hash,
                        locale=spoken[1] if len(spoken) > 1 else "en")
        session.add(person)
        session.flush()
        session.add(ChampionProfile(person_id=person.id, status=status, gender=gender, languages=spoken, areas=areas))
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
                               consent_changed_at=utcnow() if shares else None))
    for email, first, last, role, prison_id in (
        ("staff@example.org", "Priya", "Shah", Role.STAFF, prison.id),
        ("staff2@example.org", "Mark", "Evans", Role.STAFF, None),
        ("admin@example.org", "Alex", "Green", Role.ADMIN, None),
    ):
        session.add(Person(role=role, first_name=first, last_name=last, email=email, password_hash=password_hash,
                           prison_id=prison_id))
    session.commit()
