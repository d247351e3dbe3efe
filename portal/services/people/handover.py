"""From the kiosk to the phone: release-card activation codes and the phone account they open."""
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import Session, or_, select

from portal.models import ActivationCode, Person
from portal.services import audit
from portal.services.clock import now_utc
from portal.services.errors import DomainError
from portal.services.people.accounts import normalise_identifier
from portal.services.people.passwords import hash_secret
from portal.services.people.release import release_if_due

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper
CODE_LENGTH = 10
CODE_VALID_DAYS = 30
MIN_PASSWORD_LENGTH = 10
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
UK_MOBILE = re.compile(r"^(\+447|07)\d{9}$")


class ActivationFailed(DomainError):
    status = 400


@dataclass(frozen=True)
class IssuedCode:
    code: str  # shown once, on the printed card; only its keyed hash is stored
    expires_on: date


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def _normalise_code(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def _hash(secret_key: str, code: str) -> str:
    return hmac.new(secret_key.encode(), _normalise_code(code).encode(), hashlib.sha256).hexdigest()


def issue_code(session: Session, person: Person, staff: Person, secret_key: str, ip: str) -> IssuedCode:
    """A new code for the release card; earlier unused codes for the person stop working."""
    now = now_utc()
    session.execute(update(ActivationCode).where(ActivationCode.person_id == person.id,
                                                 ActivationCode.used_at.is_(None)).values(expires_at=now))
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = now + timedelta(days=CODE_VALID_DAYS)
    session.add(ActivationCode(person_id=person.id, code_hash=_hash(secret_key, code), created_by_id=staff.id,
                               expires_at=expires))
    audit.record(session, "create:activation-code", actor_id=staff.id, subject_id=person.id, ip=ip, commit=False)
    session.commit()
    return IssuedCode(format_code(code), expires.date())


def activate(session: Session, secret_key: str, code: str, identifier: str, password: str, ip: str,
             today: date) -> Person:
    """Open the phone account: sets e-mail or mobile and password, uses the code up."""
    errors = {}
    value = normalise_identifier(identifier)
    if not (EMAIL.match(value) or UK_MOBILE.match(value)):
        errors["identifier"] = "identifier_invalid"
    if len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = "password_short"
    if errors:
        raise ActivationFailed("activation_invalid", fields=errors)
    now = now_utc()
    row = session.exec(select(ActivationCode).where(ActivationCode.code_hash == _hash(secret_key, code))).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        audit.record(session, "activate:refused", actor_id=None, subject_id=row.person_id if row else None, ip=ip)
        raise ActivationFailed("activation_code_invalid", fields={"code": "activation_code_invalid"})
    taken = session.exec(select(Person).where(or_(Person.email == value, Person.mobile == value),
                                              Person.id != row.person_id)).first()
    if taken is not None:
        raise ActivationFailed("identifier_taken", fields={"identifier": "identifier_taken"})
    # Use the code up in the same statement that checks it, so it can be used once only.
    used = session.execute(update(ActivationCode).where(ActivationCode.id == row.id, ActivationCode.used_at.is_(None))
                           .values(used_at=now))
    if used.rowcount != 1:
        session.rollback()
        raise ActivationFailed("activation_code_invalid", fields={"code": "activation_code_invalid"})
    person = session.get(Person, row.person_id)
    if "@" in value:
        person.email = value
    else:
        person.mobile = value
    person.password_hash = hash_secret(password)
    session.add(person)
    audit.record(session, "activate:phone-account", actor_id=person.id, subject_id=person.id, ip=ip, commit=False)
    session.commit()
    release_if_due(session, person, today)
    return person
