"""Recording who read or changed whose personal data."""
from sqlmodel import Session, select

from portal.models import AuditEvent, Person
from portal.services import staff_scope


def record(
    session: Session,
    action: str,
    *,
    actor_id: int | None,
    subject_id: int | None = None,
    ip: str = "",
    detail: str = "",
    commit: bool = True,
) -> AuditEvent:
    event = AuditEvent(actor_id=actor_id, subject_id=subject_id, action=action, ip=ip[:45], detail=detail[:500])
    session.add(event)
    if commit:
        session.commit()
    return event


def recent_events(session: Session, viewer: Person, limit: int = 100, subject_id: int | None = None) -> list[AuditEvent]:
    """The latest events the viewer may read: about people of their prisons (staff_scope; administrators, all)."""
    query = (select(AuditEvent).where(staff_scope.audit_events(staff_scope.scope_of(viewer)))
             .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit))
    if subject_id is not None:
        query = query.where(AuditEvent.subject_id == subject_id)
    return list(session.exec(query))
