"""Release plans: the standard checklist, edits that never overwrite each other, and the warnings
that catch the gaps people fall through at the gate."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import holidays
from sqlmodel import Session, select

from portal.models import Appointment, AppointmentKind, ChecklistItem, ItemStatus, Person, ReleasePlan
from portal.services import audit
from portal.services.clock import LONDON, to_london
from portal.services.concurrency import save_versioned

# The standard template, in the order a person works through it.
CHECKLIST_KEYS = (
    "accommodation",        # somewhere to stay, and the duty to refer made
    "gp_registration",
    "treatment_appointment",  # community drug and alcohol service
    "prescribing",          # first dose in the community and a bridging prescription
    "probation",
    "id_and_bank",
    "universal_credit",
    "naloxone",             # kit offered and training given
    "family_contact",
    "recovery_champion",
)
# The short plan for a release at no notice (e.g. from court): what keeps someone alive tonight.
EMERGENCY_KEYS = ("prescribing", "accommodation", "treatment_appointment")
TREATMENT_WITHIN_DAYS = 21  # the national indicator: engaged with treatment within 21 days of release


@dataclass(frozen=True)
class PlanWarning:
    code: str  # "treatment_late", "no_treatment", "pickup_before_weekend", "no_id"
    params: dict


def plan_for(session: Session, person_id: int) -> ReleasePlan | None:
    return session.exec(select(ReleasePlan).where(ReleasePlan.person_id == person_id)).first()


def items_of(session: Session, plan: ReleasePlan) -> list[ChecklistItem]:
    rows = {item.key: item for item in session.exec(select(ChecklistItem).where(ChecklistItem.plan_id == plan.id))}
    return [rows[key] for key in CHECKLIST_KEYS if key in rows]


def appointments_of(session: Session, person_id: int) -> list[Appointment]:
    return list(session.exec(select(Appointment).where(Appointment.person_id == person_id)
                             .order_by(Appointment.starts_at, Appointment.id)))


def create_plan(session: Session, person: Person, release_date: date, release_area: str, actor: Person | None,
                ip: str, release_time: time | None = None, unplanned: bool = False, via: str = "") -> ReleasePlan:
    """`actor` is None when a partner system made the plan; `via` names it in the audit trail."""
    plan = ReleasePlan(person_id=person.id, release_date=release_date, release_time=release_time,
                       release_area=release_area.strip(), unplanned=unplanned)
    session.add(plan)
    session.flush()
    for key in (EMERGENCY_KEYS if unplanned else CHECKLIST_KEYS):
        session.add(ChecklistItem(plan_id=plan.id, key=key))
    detail = " ".join(part for part in ("unplanned release" if unplanned else "", f"via {via}" if via else "") if part)
    audit.record(session, "create:plan", actor_id=actor.id if actor else None, subject_id=person.id, ip=ip,
                 detail=detail, commit=False)
    session.commit()
    return plan


def update_plan(session: Session, plan: ReleasePlan, expected_version: int, changes: dict, actor: Person,
                ip: str) -> None:
    save_versioned(session, plan, expected_version, changes)
    audit.record(session, "update:plan", actor_id=actor.id, subject_id=plan.person_id, ip=ip,
                 detail=", ".join(sorted(changes)))


def update_item(session: Session, item: ChecklistItem, expected_version: int, changes: dict, actor: Person,
                ip: str) -> None:
    plan = session.get(ReleasePlan, item.plan_id)
    save_versioned(session, item, expected_version, changes)
    audit.record(session, "update:checklist", actor_id=actor.id, subject_id=plan.person_id, ip=ip, detail=item.key)


def complete_template(session: Session, plan: ReleasePlan, actor: Person, ip: str) -> None:
    """Turn a short emergency plan into the full one once there is time."""
    present = {item.key for item in items_of(session, plan)}
    for key in CHECKLIST_KEYS:
        if key not in present:
            session.add(ChecklistItem(plan_id=plan.id, key=key))
    plan.unplanned = False
    session.add(plan)
    audit.record(session, "update:plan", actor_id=actor.id, subject_id=plan.person_id, ip=ip,
                 detail="full checklist", commit=False)
    session.commit()


def _bank_holidays(years: set[int]) -> set[date]:
    # England and Wales share bank holidays except none that matter here; Wales is the same list.
    return set(holidays.UK(subdiv="ENG", years=sorted(years)).keys())


def next_working_day_gap(release_date: date) -> list[date]:
    """The non-working days straight after release (weekend, bank holidays): no pharmacy or prescriber."""
    closed = _bank_holidays({release_date.year, release_date.year + 1})
    gap, day = [], release_date + timedelta(days=1)
    while day.weekday() >= 5 or day in closed:
        gap.append(day)
        day += timedelta(days=1)
    return gap


def warnings(plan: ReleasePlan, items: list[ChecklistItem], appointments: list[Appointment]) -> list[PlanWarning]:
    found = []
    treatment = [a for a in appointments if a.kind == AppointmentKind.TREATMENT]
    if not treatment:
        found.append(PlanWarning("no_treatment", {}))
    else:
        first = min(to_london(a.starts_at).date() for a in treatment)
        days = (first - plan.release_date).days
        if days > TREATMENT_WITHIN_DAYS:
            found.append(PlanWarning("treatment_late", {"days": days, "limit": TREATMENT_WITHIN_DAYS}))
    if next_working_day_gap(plan.release_date):
        pickup_on_the_day = any(a.kind == AppointmentKind.PRESCRIPTION
                                and to_london(a.starts_at).date() == plan.release_date for a in appointments)
        if not pickup_on_the_day:
            found.append(PlanWarning("pickup_before_weekend", {"date": plan.release_date}))
    id_item = next((item for item in items if item.key == "id_and_bank"), None)
    if id_item is None or id_item.status not in (ItemStatus.DONE, ItemStatus.NOT_NEEDED):
        found.append(PlanWarning("no_id", {}))
    return found


def by_day(appointments: list[Appointment]) -> list[tuple[date, list[Appointment]]]:
    """Appointments grouped by London day, so several can be done in one trip."""
    days: dict[date, list[Appointment]] = {}
    for appointment in sorted(appointments, key=lambda a: a.starts_at):
        days.setdefault(to_london(appointment.starts_at).date(), []).append(appointment)
    return sorted(days.items())


def release_moment(plan: ReleasePlan) -> datetime:
    return datetime.combine(plan.release_date, plan.release_time or time(9, 0), tzinfo=LONDON)
