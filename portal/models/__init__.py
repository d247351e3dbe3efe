"""All tables, imported here so that SQLModel.metadata knows every one."""
from .audit import AuditEvent
from .content import GuidanceFeedback, MutualAidMeeting
from .conversations import ChatMessage, Sender, StaffTask, TaskKind
from .champions import ChampionProfile, ChampionStatus
from .people import FamilyLink, Person, Prison, Role
from .plans import ReleasePlan

__all__ = [
    "AuditEvent",
    "ChampionProfile",
    "ChampionStatus",
    "ChatMessage",
    "Sender",
    "StaffTask",
    "TaskKind",
    "FamilyLink",
    "GuidanceFeedback",
    "MutualAidMeeting",
    "Person",
    "Prison",
    "ReleasePlan",
    "Role",
]
