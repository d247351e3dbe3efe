"""The staff inbox's order: urgent alarms, then possible alarms to check, then everything else, oldest first."""
from datetime import timedelta

from portal.models import Person, Role, StaffTask, TaskKind
from portal.services import tasks
from portal.services.clock import now_utc


def test_urgent_alarms_then_alarms_to_check_then_the_rest_oldest_first(db):
    staff = Person(role=Role.STAFF, first_name="Sam")  # tasks with no person are seen by every staff member
    start = now_utc() - timedelta(hours=3)
    made = {
        "old question": StaffTask(kind=TaskKind.QUESTION, summary="old question", created_at=start),
        "crisis to check": StaffTask(kind=TaskKind.CRISIS, urgent=False, summary="crisis to check",
                                     created_at=start + timedelta(hours=1)),
        "urgent overdose": StaffTask(kind=TaskKind.EMERGENCY, urgent=True, summary="urgent overdose",
                                     created_at=start + timedelta(hours=2)),
        "overdose to check": StaffTask(kind=TaskKind.EMERGENCY, urgent=False, summary="overdose to check",
                                       created_at=start + timedelta(hours=2, minutes=30)),
        "closed alarm": StaffTask(kind=TaskKind.EMERGENCY, urgent=True, summary="closed alarm", created_at=start,
                                  closed_at=start + timedelta(minutes=5)),
    }
    db.add_all(made.values())
    db.commit()
    assert [t.summary for t in tasks.open_tasks(db, staff)] == [
        "urgent overdose", "crisis to check", "overdose to check", "old question"]
