"""Whom each staff member acts for: their own prison; administrators every prison; nobody else is staff."""
import pytest
from sqlmodel import select

from portal.models import Person, Prison, Role
from portal.services import staff_scope
from portal.services.errors import NotAllowed


def _person(db, email):
    return db.exec(select(Person).where(Person.email == email)).one()


def test_staff_act_for_their_own_prison_and_administrators_for_every_prison(demo, db):
    leeds = db.exec(select(Prison).where(Prison.code == "LDS")).one()
    assert staff_scope.scope_of(_person(db, "staff@example.org")) == staff_scope.Scope(False, frozenset({leeds.id}))
    assert staff_scope.scope_of(_person(db, "admin@example.org")).every_prison
    assert staff_scope.scope_of(Person(role=Role.STAFF, first_name="New")) == staff_scope.Scope(False, frozenset())


@pytest.mark.parametrize("email", ["released@example.org", "family@example.org", "champion@example.org"])
def test_nobody_but_staff_and_administrators_has_a_scope(demo, db, email):
    with pytest.raises(NotAllowed):
        staff_scope.scope_of(_person(db, email))


def test_a_relative_belongs_to_the_prisons_of_the_people_they_are_linked_to(demo, db):
    karen = _person(db, "family@example.org")  # Daniel's mother; Daniel is at HMP Leeds
    assert staff_scope.allows(db, _person(db, "staff@example.org"), karen)
    assert not staff_scope.allows(db, _person(db, "staff2@example.org"), karen)
