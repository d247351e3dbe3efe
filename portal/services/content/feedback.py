"""'Was this helpful?' answers, and their totals per topic and language for staff."""
from dataclasses import dataclass

from sqlmodel import Session, func, select

from portal.models import GuidanceFeedback, Person
from portal.services import safety


@dataclass(frozen=True)
class FeedbackTotal:
    topic_id: str
    language: str
    helpful: int
    not_helpful: int


def record(session: Session, topic_id: str, language: str, helpful: bool, comment: str = "", *,
           person: Person | None = None, kiosk: bool = False) -> tuple[GuidanceFeedback, safety.Screening | None]:
    """A comment is free text like any other: screened before it is stored."""
    screening = None
    if comment.strip():
        screening = safety.screen(session, comment, person=person, source="guidance-feedback",
                                  screen_language=language, kiosk=kiosk, commit=False)
    entry = GuidanceFeedback(topic_id=topic_id, language=language, helpful=helpful,
                             comment=safety.clean(comment).strip()[:500])
    session.add(entry)
    session.commit()
    return entry, screening


def totals(session: Session) -> dict[tuple[str, str], FeedbackTotal]:
    rows = session.exec(
        select(GuidanceFeedback.topic_id, GuidanceFeedback.language, GuidanceFeedback.helpful, func.count())
        .group_by(GuidanceFeedback.topic_id, GuidanceFeedback.language, GuidanceFeedback.helpful)
    ).all()
    counts: dict[tuple[str, str], list[int]] = {}
    for topic_id, language, helpful, count in rows:
        counts.setdefault((topic_id, language), [0, 0])[0 if helpful else 1] += count
    return {key: FeedbackTotal(key[0], key[1], yes, no) for key, (yes, no) in counts.items()}


def recent_comments(session: Session, topic_id: str, limit: int = 20) -> list[GuidanceFeedback]:
    return list(session.exec(
        select(GuidanceFeedback).where(GuidanceFeedback.topic_id == topic_id, GuidanceFeedback.comment != "")
        .order_by(GuidanceFeedback.id.desc()).limit(limit)
    ))
