"""Follow-ups through the portal with the real Rasa and action server: "what is naloxone?" then "how do I use
it?", "when is my next appointment?" then "where is it?", "who is my champion?" then "when do I see them
next?", in all eight languages, judged on the last answer (tests/follow_up_evaluation.py).

The sets are chatbot/evaluation/followups_<n>/ (written independently of the assistant; each one there is
run) and the smoke set chatbot/tests/follow_up_examples/. Reports go to var/followups-<set>.json and the
per-language table is printed. Issue 11's target: at least 0.90 in every language.
"""
from datetime import datetime, time, timedelta

import pytest
from sqlmodel import Session, select

from portal.models import Appointment, AppointmentKind, Person
from portal.services.clock import LONDON, today_in_london
from tests import follow_up_evaluation

pytestmark = pytest.mark.assistant

# Per independent set, the accuracy no language may drop below: what it reached at its first reading, with one
# exchange of slack for Rasa retrained unseeded (raise it as the assistant improves; never lower it). The goal is
# follow_up_evaluation.TARGET (0.90) in every language; the smoke set must meet it already.
FLOORS = {
    "followups_1": 0.5,  # 2026-12-08, first reading: en .9, cy .7, pl .9, ro .7, sq .6, lt .7, ar .9, ur .8 (62/80)
}


@pytest.fixture(scope="module")
def probation_tomorrow(stack):
    """The demo person was released four days ago, so their release-day appointments are past and only their
    champion meeting is ahead: a probation appointment tomorrow morning makes the next appointment a real
    one, before that meeting."""
    engine = stack.app.extensions["db_engine"]
    with Session(engine) as session:
        person = session.exec(select(Person).where(Person.email == follow_up_evaluation.PERSON)).one()
        appointment = Appointment(
            person_id=person.id, kind=AppointmentKind.PROBATION, provider="Leeds Probation Office (demo)",
            starts_at=datetime.combine(today_in_london() + timedelta(days=1), time(9, 30), tzinfo=LONDON),
            address="5 Park Place, Leeds LS1 2RU", phone="0113 496 0777", what_to_bring="Your licence")
        session.add(appointment)
        session.commit()
        appointment_id = appointment.id
    yield
    with Session(engine) as session:
        session.delete(session.get(Appointment, appointment_id))
        session.commit()


@pytest.mark.parametrize("set_name", list(follow_up_evaluation.set_directories()))
def test_follow_ups_are_answered_from_the_topic_just_discussed(stack, probation_tomorrow, set_name):
    results = follow_up_evaluation.run_set(stack.url, stack.rasa_url, stack.app.extensions["db_engine"], set_name)
    assert set(results) == {"en", "cy", "pl", "ro", "sq", "lt", "ar", "ur"}
    below = {language: [(w["turns"], w["expect"], w["answer"][:160]) for w in result.wrong]
             for language, result in results.items() if result.accuracy < FLOORS.get(set_name, follow_up_evaluation.TARGET)}
    assert not below, below
