"""Signing in: kiosk PINs, passwords, and the lock after repeated failures."""
from datetime import date, timedelta

from sqlmodel import Session, or_, select

from portal.models import Person, Role
from portal.services import audit
from portal.services.clock import now_utc
from portal.services.errors import AccountLocked, SignInFailed
from portal.services.people.passwords import hash_secret, needs_rehash, verify_secret
from portal.services.people.release import release_if_due

MAX_FAILURES = 5
LOCK_MINUTES = 15

PHONE_ROLES = (Role.RELEASED, Role.FAMILY, Role.CHAMPION, Role.STAFF, Role.ADMIN)


def normalise_identifier(identifier: str) -> str:
    """E-mail addresses compare case-insensitively; mobile numbers without spaces."""
    value = identifier.strip()
    if "@" in value:
        return value.lower()
    return value.replace(" ", "").replace("-", "")


def normalise_prison_number(prison_number: str) -> str:
    return prison_number.strip().upper().replace(" ", "")


def sign_in_kiosk(session: Session, prison_number: str, pin: str, ip: str, today: date | None = None) -> Person:
    number = normalise_prison_number(prison_number)
    person = session.exec(select(Person).where(Person.prison_number == number)).first()
    if person is not None and today is not None:
        release_if_due(session, person, today)
    # Only prisoners sign in on a kiosk: after release the PIN no longer works.
    if person is not None and person.role != Role.PRISONER:
        person = None
    return _check_secret(session, person, pin, "pin_hash", ip, attempted=number)


def sign_in_password(session: Session, identifier: str, password: str, ip: str, today: date | None = None) -> Person:
    value = normalise_identifier(identifier)
    person = session.exec(
        select(Person).where(or_(Person.email == value, Person.mobile == value))
    ).first()
    if person is not None and today is not None:
        release_if_due(session, person, today)
    if person is not None and person.role not in PHONE_ROLES:
        person = None
    return _check_secret(session, person, password, "password_hash", ip, attempted=value)


def _check_secret(session: Session, person: Person | None, secret: str, field: str, ip: str, attempted: str) -> Person:
    now = now_utc()
    if person is None:
        verify_secret(None, secret)
        audit.record(session, "sign-in:unknown", actor_id=None, ip=ip, detail=attempted[:60])
        raise SignInFailed("sign_in_failed")
    if person.locked_until and person.locked_until > now:
        verify_secret(None, secret)
        audit.record(session, "sign-in:locked", actor_id=None, subject_id=person.id, ip=ip)
        raise AccountLocked("account_locked", minutes=_minutes_left(person, now))
    stored = getattr(person, field)
    if not person.is_active or not verify_secret(stored, secret):
        person.failed_logins += 1
        action = "sign-in:failed"
        if person.failed_logins >= MAX_FAILURES:
            person.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            person.failed_logins = 0
            action = "sign-in:locked-now"
        session.add(person)
        audit.record(session, action, actor_id=None, subject_id=person.id, ip=ip)
        if action == "sign-in:locked-now":
            raise AccountLocked("account_locked", minutes=LOCK_MINUTES)
        raise SignInFailed("sign_in_failed")
    person.failed_logins = 0
    person.locked_until = None
    if needs_rehash(stored):
        setattr(person, field, hash_secret(secret))
    session.add(person)
    audit.record(session, "sign-in:ok", actor_id=person.id, subject_id=person.id, ip=ip)
    return person


def _minutes_left(person: Person, now) -> int:
    seconds = (person.locked_until - now).total_seconds()
    return max(1, int(seconds // 60) + (1 if seconds % 60 else 0))


def unlock(session: Session, person: Person, by: Person, ip: str) -> None:
    person.locked_until = None
    person.failed_logins = 0
    session.add(person)
    audit.record(session, "account:unlocked", actor_id=by.id, subject_id=person.id, ip=ip)


def set_locale(session: Session, person: Person, locale: str) -> None:
    person.locale = locale
    session.add(person)
    session.commit()


def set_contact_opt_in(session: Session, person: Person, opt_in: bool, ip: str) -> None:
    person.contact_opt_in = opt_in
    session.add(person)
    audit.record(session, "consent:contact", actor_id=person.id, subject_id=person.id, ip=ip,
                 detail="opted in" if opt_in else "opted out")
