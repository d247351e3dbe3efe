"""The one door every free-text input goes through before anything else is done with it.

`screen()` reads the text (assessment.py); on an alarm it raises an urgent staff task that names
the person and says where the words were written, and it returns the steps to show at once, in
the language the text is written in and, when that differs, in the screen's language too.
Several alarming messages in a row from the same person add to the one open alert instead of
paging staff again and again. A possible alarm (assessment.py) shows the same steps and gives
staff a task to check, not a page; a second alarm within two hours makes that task urgent.
"""
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from portal.models import Person, StaffTask, TaskKind

from ..clock import now_utc
from .assessment import CRISIS, EMERGENCY, QUESTION, Assessment, assess, clean
from .steps import Steps, question_line, steps_for

# Where a text was written: shown on the staff task, so staff know where to look.
SOURCES = ("chat", "plan-question", "pair-message", "pair-concern", "champion-request", "checkin",
           "guidance-feedback", "meeting-place", "family-message")
JOIN_OPEN_ALERT_WITHIN = timedelta(hours=2)
MAX_SUMMARY = 8000


@dataclass
class Screening:
    assessment: Assessment
    steps: list[Steps] = field(default_factory=list)  # writer's language first
    question_lines: list[str] = field(default_factory=list)  # "if it is happening now, call 999"
    task: StaffTask | None = None

    @property
    def alarm(self) -> str | None:
        return self.assessment.kind if self.assessment.alarm else None

    @property
    def question(self) -> bool:
        return self.assessment.kind == QUESTION


def languages_to_answer_in(assessment: Assessment, screen_language: str) -> list[str]:
    writer = assessment.language or screen_language
    return [writer] if writer == screen_language else [writer, screen_language]


def _open_alert(session: Session, kind: TaskKind, person: Person | None, conversation_id: str | None):
    if person is None and conversation_id is None:
        return None
    query = select(StaffTask).where(StaffTask.kind == kind, StaffTask.closed_at.is_(None),
                                    StaffTask.created_at >= now_utc() - JOIN_OPEN_ALERT_WITHIN)
    query = query.where(StaffTask.person_id == person.id) if person is not None \
        else query.where(StaffTask.conversation_id == conversation_id)
    return session.exec(query.order_by(StaffTask.id.desc())).first()


def raise_alert(session: Session, kind: str, text: str, *, person: Person | None, source: str,
                language: str, conversation_id: str | None = None, urgent: bool = True) -> StaffTask:
    """A task for staff, linked to the person (and to the chat, when it came from one): urgent, or to check.

    An alarm that joins an open one of its kind adds its words to it; the second alarm within the
    window (of either kind) makes the tasks urgent even when neither was sure on its own."""
    task_kind = TaskKind.EMERGENCY if kind == EMERGENCY else TaskKind.CRISIS
    line = f"[{source}, {language}] {clean(text).strip()}"
    task = _open_alert(session, task_kind, person, conversation_id)
    if task is not None:
        task.summary = (task.summary + "\n" + line)[-MAX_SUMMARY:]
        task.urgent = True
    else:
        # An overdose after a crisis (or the other way round) is its own task, so staff see what is
        # happening now; being the second alarm, both are urgent.
        other = _open_alert(session, TaskKind.CRISIS if task_kind == TaskKind.EMERGENCY else TaskKind.EMERGENCY,
                            person, conversation_id)
        if other is not None and not other.urgent:
            other.urgent = True
            session.add(other)
        task = StaffTask(kind=task_kind, urgent=urgent or other is not None, person_id=person.id if person else None,
                         conversation_id=conversation_id, language=language, subject_ref=f"source:{source}",
                         summary=line[:MAX_SUMMARY])
    session.add(task)
    return task


def screen(session: Session, text: str, *, person: Person | None, source: str, screen_language: str,
           kiosk: bool = False, conversation_id: str | None = None, commit: bool = True) -> Screening:
    assert source in SOURCES, source
    assessment = assess(text)
    result = Screening(assessment)
    languages = languages_to_answer_in(assessment, screen_language)
    if assessment.alarm:
        result.steps = [steps_for(assessment.kind, code, kiosk=kiosk) for code in languages]
        result.task = raise_alert(session, assessment.kind, text, person=person, source=source,
                                  language=languages[0], conversation_id=conversation_id, urgent=assessment.urgent)
        if commit:
            session.commit()
    elif assessment.kind == QUESTION:
        result.question_lines = [question_line(assessment.topic, code) for code in languages]
    return result


__all__ = ["CRISIS", "EMERGENCY", "QUESTION", "SOURCES", "Screening", "raise_alert", "screen"]
